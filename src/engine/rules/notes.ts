/**
 * What a clause says besides its scoring, as real documents write it: a note of where the figure
 * comes from ("（以会议记录为准）"), and a leading clause that only names the item
 * ("积极组织培训、讲座等自主创新专题活动"). Neither changes a score; the clause reader drops them.
 */

/**
 * Drops a note of where the figure comes from — "（以会议记录为准）", "（以文件上报县科协（科协）为准）",
 * "（以《…》采用为标准）" — brackets inside it included: it does not change the score.
 */
export function withoutEvidence(norm: string): string {
  let s = norm;
  for (;;) {
    const at = s.search(/\((?:以|需提供|须提供|需附|须附)/);
    if (at < 0) return s;
    let depth = 0;
    let end = -1;
    for (let i = at; i < s.length; i++) {
      if (s[i] === "(") depth++;
      else if (s[i] === ")" && --depth === 0) {
        end = i;
        break;
      }
    }
    const note = s.slice(at, end + 1);
    // "（以会议记录为准）", "（需提供营业执照副本的复印件）": where the figure's proof comes from
    if (end < 0 || !(/为(?:准|标准|依据)\)$/.test(note) || /^\((?:需提供|须提供|需附|须附)/.test(note))) return s;
    s = s.slice(0, at) + s.slice(end + 1);
  }
}

/**
 * A clause that only says what the item is about: no number and no word that scores or conditions
 * ("积极组织培训、讲座等自主创新专题活动"). Only leading ones are dropped, and never the last clause.
 * A requirement ("要列入本级财政预算", "须…", "应…") is a condition, not a description: it stays and
 * is refused, since the sheet cannot show whether it was met.
 */
export function isDescription(norm: string): boolean {
  // "分档评价", "加强…" are words, not scores: a score needs a number, and numbers are excluded
  return (
    !/[\d一二两三四五六七八九十百千万≥≤<>%]/.test(norm) &&
    !/得分|计分|加分|扣分|满分|分值|扣|减|否则|未|没有|无|不|每|以上|以下|达到|超过|低于|高于|少于|多于|最高|最低|要|须|应|需|必/.test(norm)
  );
}

/**
 * "每引进一名硕士得2分；每引进一名博士得3分。（以个人最高学历为准，不累计加分）": the closing note says how
 * one person is counted (once, by the highest degree), not that only the best item of the rule scores —
 * the rule without it. Null when the text has no such note.
 */
export function withoutPerPersonNote(text: string): string | null {
  // "…每项分别得3分、2分、1分。同一企业(机构)不重复计算。": one firm (project) is counted once, whatever it won
  const once =
    /[。.;；，,]?\s*同一\s*(?:企业|项\s*目|机构|单位|平台|人员|人|成果|专利)\s*(?:[（(][^）)]*[）)])?\s*(?:不重复|不得重复|只计一次)(?:计算|计分|加分|统计|得分)?\s*[。.]?\s*$/.exec(
      text,
    );
  if (once && once.index > 0) return text.slice(0, once.index).trim();
  const m =
    /[（(]\s*以(?:个人|每人)?(?:的)?最高(?:学历|学位|职称)为准\s*[，,、;；]?\s*(?:不(?:累计|重复|叠加)(?:加分|计分|得分)?)?\s*[）)]\s*[。.]?\s*$/.exec(
      text,
    );
  if (!m || m.index === 0) return null;
  return text.slice(0, m.index).trim();
}

/**
 * "查看相关会议记录", "查阅台帐资料": a clause that says how the assessors check the figure (the records they
 * look at), as "（以会议记录为准）" does in a bracket. It does not change the score.
 */
export function isCheckNote(norm: string): boolean {
  return /^(?:查看|查阅|核查|核对|检查|现场查看|实地查看)[^\d,;]*?(?:记录|资料|台账|台帐|文件|报表|材料|凭证|档案)$/.test(norm);
}
