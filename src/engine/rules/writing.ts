/**
 * Typing slips caught before any family reads the rule, with what was probably meant:
 * a bracket opened and never closed ("（5分；") reads "缺少右括号"; "（4-0份）" asks "是否为“分”？" — but
 * "全年不少于5份" counts copies: after a comparison 份 is a unit.
 */
import { foldChars } from "../normalize";
import { RuleError } from "../types";
import { trimSegment } from "./common";

/** The clause around offset `at`: from the separator before it to the one after (text as written). */
function clauseAt(text: string, folded: string, at: number): string {
  const before = Math.max(folded.lastIndexOf(";", at), folded.lastIndexOf("。", at), folded.lastIndexOf("\n", at));
  const after = folded.slice(at).search(/[;。\n]/);
  return trimSegment(text.slice(before + 1, after < 0 ? text.length : at + after));
}

export function checkWriting(text: string): void {
  const folded = foldChars(text);
  const open: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    if (folded[i] === "(") open.push(i);
    else if (folded[i] === ")") open.pop();
  }
  if (open.length > 0) {
    const part = clauseAt(text, folded, open[0]);
    throw new RuleError(`评分标准“${part}”缺少右括号`, part);
  }
  const slip =
    /\(\s*\d+(?:\.\d+)?\s*(?:-\s*\d+(?:\.\d+)?\s*)?([份芬粉])\s*\)|(?<![\d.]|(?:不少于|不低于|不足|达到|至少|超过|少于|低于|多于|高于|[≥≤<>])\s*)\d+(?:\.\d+)?\s*([份芬粉])(?=\s*[);,。\n]|$)/.exec(
      folded,
    );
  if (slip) {
    const part = clauseAt(text, folded, slip.index);
    throw new RuleError(`评分标准“${part}”中的“${slip[1] ?? slip[2]}”是否为“分”？`, part);
  }
}
