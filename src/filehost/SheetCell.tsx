import * as React from "react";
import { HIGHLIGHT_FILL } from "../model/highlight-style";
import { SeverityIcon } from "../taskpane/components/SeverityIcon";
import type { ColumnRole, GridCell } from "./sheet-grid";
import type { FileHostStrings } from "./strings";

/**
 * One cell of the page's sheet grid (SheetPreview): its text, or old → new when 应用 would write it,
 * or ✓ old → new when it did; a highlight's fill and symbol with the kind said in words for screen
 * readers; the full text (a rule, a note) as its tooltip. Frozen cells get their sticky left edge.
 */
export interface SheetCellProps {
  cell: GridCell;
  t: FileHostStrings;
  role: ColumnRole | undefined;
  /** aria-colindex: the drawn column, the row numbers being 1 */
  colIndex: number;
  /** the highlight's kind and note in the page's language ("" without one) */
  kind: string;
  note: string;
  selected: boolean;
  /** the grid's one tab stop */
  tabStop: boolean;
  /** px from the left when the cell is frozen, else null */
  frozenLeft: number | null;
  onSelect(cell: GridCell): void;
}

export function SheetCell({ cell: c, t, role, colIndex, kind, note, selected, tabStop, frozenLeft, onSelect }: SheetCellProps) {
  const isSel = selected;
  const frozen = frozenLeft !== null;
  const cls = [
    c.numeric || c.write || c.written ? "fh-num" : "",
    c.highlight ? "fh-hl" : "",
    c.write ? "fh-w" : "",
    c.written ? "fh-done" : "",
    role === "rule" ? "fh-rule" : "",
    frozen ? "fh-frozen" : "",
    isSel ? "fh-sel" : "",
  ]
    .filter(Boolean)
    .join(" ");
  const style: React.CSSProperties = {
    ...(c.highlight ? { background: HIGHLIGHT_FILL[c.highlight.severity] } : {}),
    ...(frozen ? { left: frozenLeft } : {}),
  };
  return (
    <td
      role="gridcell"
      aria-colindex={colIndex}
      data-cell={c.address}
      rowSpan={c.rowSpan > 1 ? c.rowSpan : undefined}
      colSpan={c.colSpan > 1 ? c.colSpan : undefined}
      className={cls || undefined}
      style={style}
      title={
        c.highlight
          ? `${c.address} · ${kind}\n${note}`
          : c.written
            ? `${c.address} · ${t.writtenCell(c.written.before || "—", c.written.after)}`
            : c.text.length > 24 || role === "rule"
              ? c.text
              : undefined
      }
      tabIndex={tabStop ? 0 : -1}
      aria-selected={isSel ? "true" : undefined}
      aria-current={isSel ? "true" : undefined}
      aria-describedby={isSel ? "fh-sheet-status" : undefined}
      onClick={() => onSelect(c)}
    >
      {c.highlight ? (
        <span className="fh-mark">
          <SeverityIcon severity={c.highlight.severity} />
          <span className="fh-sr">
            {kind}
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
      ) : c.written ? (
        <span className="fh-change">
          <span aria-hidden="true">✓ </span>
          <span className="fh-sr">{t.writtenFrom}</span>
          <del>{c.written.before || "—"}</del>
          <span aria-hidden="true"> → </span>
          <ins>{c.written.after}</ins>
        </span>
      ) : (
        <span className="fh-text">{c.text}</span>
      )}
    </td>
  );
}
