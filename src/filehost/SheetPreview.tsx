import * as React from "react";
import { HIGHLIGHT_FILL } from "../model/highlight-style";
import type { HighlightSeverity } from "../model/types";
import { SeverityIcon } from "../taskpane/components/SeverityIcon";
import { buildGrid, selectionAddress, type ColumnRole, type GridCell, type SheetSnapshot } from "./sheet-grid";
import type { FileHostStrings } from "./strings";

/**
 * The read-only sheet under the pane (its own chunk, loaded when the preview is first opened):
 * the 分工表 as a spreadsheet — column letters, row numbers, merged areas — in a box that
 * scrolls sideways by itself (the page never does). Highlighted cells carry the sheet's fill and
 * the pane's severity symbol (shape, not colour alone) with the note as a tooltip; cells 应用
 * would write show old → new. The selected cell is outlined, scrolled into view and focused.
 * Plain elements styled by filehost.html: no Fluent, so the chunk stays small.
 */

const ORDER: HighlightSeverity[] = ["unreachable", "gap", "mismatch", "error"];

/** Column widths in px, by what the column holds; the table is as wide as their sum and its box scrolls. */
const WIDTH: Record<ColumnRole, number> = {
  seq: 36,
  category: 64,
  name: 120,
  weight: 44,
  rule: 220,
  dept: 96,
  value: 76,
  score: 76,
  other: 76,
};
const ROW_NUMBERS = 30;

export interface SheetPreviewProps {
  snapshot: SheetSnapshot;
  t: FileHostStrings;
  language: "zh" | "en";
  /** the selected cell (A1), outlined */
  selected: string | null;
  /** a selection request still to scroll into view and focus, or null */
  revealSeq: number | null;
  /** selection request `seq` is on screen and focused */
  onRevealed(seq: number): void;
  /** "返回列表": focus goes back to where the selection came from; null when there is nowhere to go */
  onBack: (() => void) | null;
}

export function SheetPreview({ snapshot, t, language, selected: asked, revealSeq, onRevealed, onBack }: SheetPreviewProps) {
  // a cell inside a merged area selects the whole area, drawn at its top-left (as Excel does)
  const selected = asked ? (selectionAddress(snapshot, asked) ?? asked) : null;
  const grid = React.useMemo(() => buildGrid(snapshot, selected ? [selected] : []), [snapshot, selected]);
  const box = React.useRef<HTMLDivElement>(null);
  const present = ORDER.filter((s) => snapshot.plan.highlights.some((h) => h.severity === s));
  const selectedCell = selected ? grid.rows.flatMap((r) => r.cells).find((c) => c.address === selected) : undefined;
  const note = (c: GridCell) => (c.highlight ? (language === "zh" ? c.highlight.note : c.highlight.noteEn) : "");

  React.useLayoutEffect(() => {
    if (revealSeq === null || !selected) return;
    const el = box.current?.querySelector<HTMLElement>(`[data-cell="${selected}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      // at once, not smoothly: the cell is in view when selectCell resolves
      el.scrollIntoView?.({ block: "center", inline: "center" });
    }
    onRevealed(revealSeq);
    // only a new request moves focus and scrolls, not a redraw (a new plan after 应用, say)
  }, [revealSeq]);

  return (
    <div className="fh-sheet-body">
      <p className="fh-sheet-help">{t.sheetHelp}</p>
      <ul className="fh-legend">
        {present.map((s) => (
          <li key={s}>
            <SeverityIcon severity={s} />
            <span>{t.severity[s]}</span>
          </li>
        ))}
        {snapshot.plan.writes.length > 0 ? (
          <li>
            <span className="fh-legend-write">
              <del>{t.legendOld}</del> → <ins>{t.legendNew}</ins>
              {t.legendWrite}
            </span>
          </li>
        ) : null}
      </ul>
      <div className="fh-status-line">
        <span role="status" id="fh-sheet-status" className="fh-status" data-testid="sheet-status">
          {selected ? (
            <>
              <strong>{t.locatedAt(selected)}</strong>
              {selectedCell?.highlight ? ` · ${t.severity[selectedCell.highlight.severity]}${t.colon}${note(selectedCell)}` : ""}
            </>
          ) : null}
        </span>
        {selected && onBack ? (
          <button type="button" className="fh-button fh-back" onClick={onBack}>
            {t.backToList}
          </button>
        ) : null}
      </div>
      <div
        ref={box}
        className="fh-sheet-scroll"
        role="region"
        aria-label={t.sheetRegion(grid.sheet)}
        tabIndex={0}
        data-testid="sheet-scroll"
        onKeyDown={(e) => {
          if (e.key === "Escape" && onBack) {
            e.preventDefault();
            onBack();
          }
        }}
      >
        <table className="fh-grid" style={{ width: ROW_NUMBERS + grid.columns.reduce((n, c) => n + WIDTH[c.role], 0) }}>
          <caption className="fh-sr">{t.sheetRegion(grid.sheet)}</caption>
          <colgroup>
            <col style={{ width: ROW_NUMBERS }} />
            {grid.columns.map((c) => (
              <col key={c.col} style={{ width: WIDTH[c.role] }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className="fh-corner" />
              {grid.columns.map((c) => (
                <th key={c.col} scope="col" className={selectedCell && selectedCell.col === c.col ? "fh-on" : undefined}>
                  {c.letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r) => (
              <tr key={r.row} className={`fh-row-${r.role}`}>
                <th scope="row" className={selectedCell && selectedCell.row === r.row ? "fh-on" : undefined}>
                  {r.row + 1}
                </th>
                {r.cells.map((c) => {
                  const isSel = selectedCell === c;
                  const cls = [
                    c.numeric || c.write ? "fh-num" : "",
                    c.highlight ? "fh-hl" : "",
                    c.write ? "fh-w" : "",
                    isSel ? "fh-sel" : "",
                  ]
                    .filter(Boolean)
                    .join(" ");
                  return (
                    <td
                      key={c.address}
                      data-cell={c.address}
                      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
                      colSpan={c.colSpan > 1 ? c.colSpan : undefined}
                      className={cls || undefined}
                      style={c.highlight ? { background: HIGHLIGHT_FILL[c.highlight.severity] } : undefined}
                      title={
                        c.highlight
                          ? `${c.address} · ${t.severity[c.highlight.severity]}\n${note(c)}`
                          : c.text.length > 24
                            ? c.text
                            : undefined
                      }
                      tabIndex={isSel ? -1 : undefined}
                      aria-current={isSel ? "true" : undefined}
                      aria-describedby={isSel ? "fh-sheet-status" : undefined}
                    >
                      {c.highlight ? (
                        <span className="fh-mark">
                          <SeverityIcon severity={c.highlight.severity} />
                          <span className="fh-sr">
                            {t.severity[c.highlight.severity]}
                            {t.colon}
                          </span>
                        </span>
                      ) : null}
                      {c.write ? (
                        <span className="fh-change">
                          <del>{c.write.before || "—"}</del>
                          <span aria-hidden="true"> → </span>
                          <span className="fh-sr">{t.changesTo}</span>
                          <ins>{c.write.after}</ins>
                        </span>
                      ) : (
                        <span className="fh-text">{c.text}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
