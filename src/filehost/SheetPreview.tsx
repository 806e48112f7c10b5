import * as React from "react";
import { createPortal } from "react-dom";
import type { HighlightSeverity } from "../model/types";
import { SeverityIcon } from "../taskpane/components/SeverityIcon";
import { buildGrid, gridNavigator, selectionAddress, type ColumnRole, type GridCell, type SheetSnapshot } from "./sheet-grid";
import { IndicatorCard } from "./IndicatorCard";
import { SheetCell } from "./SheetCell";
import type { FileHostStrings } from "./strings";

/**
 * The read-only sheet under the pane (its own chunk, loaded when the preview is first opened):
 * the 分工表 as a spreadsheet — column letters, row numbers, merged areas — in a box that
 * scrolls sideways by itself (the page never does). Highlighted cells carry the sheet's fill and
 * the pane's severity symbol (shape, not colour alone) with the note as a tooltip; cells 应用
 * would write show old → new, cells it wrote ✓ old → new. The selected cell is outlined, scrolled
 * into view and focused, and its indicator shown as a card (IndicatorCard).
 * It is an ARIA grid, read-only: one cell is the tab stop (Tab leaves the grid), arrow keys, Home/End,
 * Ctrl+Home/End and PageUp/PageDown move; Enter and F2 edit nothing. The sheet's header rows and its
 * 序号/一级/二级指标 columns stay in view when it scrolls (position: sticky, offsets measured).
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
  /** the user selected a cell in the grid (click or keys) */
  onSelect?: (address: string) => void;
  /** where the selected cell's indicator card goes (beside the pane on a wide screen); null: under the status line */
  cardTarget?: HTMLElement | null;
}

/** Columns that stay in view when the sheet scrolls sideways: the row's labels. */
const FROZEN: ColumnRole[] = ["seq", "category", "name"];

export function SheetPreview({
  snapshot,
  t,
  language,
  selected: asked,
  revealSeq,
  onRevealed,
  onBack,
  onSelect,
  cardTarget,
}: SheetPreviewProps) {
  // a cell inside a merged area selects the whole area, drawn at its top-left (as Excel does)
  const selected = asked ? (selectionAddress(snapshot, asked) ?? asked) : null;
  const grid = React.useMemo(() => buildGrid(snapshot, selected ? [selected] : []), [snapshot, selected]);
  const nav = React.useMemo(() => gridNavigator(grid), [grid]);
  // the main view of a wide screen has room for the rules' text (not a frozen column: offsets stay)
  const width = (role: ColumnRole) => (role === "rule" && cardTarget ? 320 : WIDTH[role]);
  const box = React.useRef<HTMLDivElement>(null);
  const table = React.useRef<HTMLTableElement>(null);
  /** a cell the keyboard or a click just moved to: focus it once drawn */
  const moved = React.useRef(false);
  const present = ORDER.filter((s) => snapshot.plan.highlights.some((h) => h.severity === s));
  const allCells = grid.rows.flatMap((r) => r.cells);
  const selectedCell = selected ? allCells.find((c) => c.address === selected) : undefined;
  // the tab stop: the selected cell, else the first indicator's name
  const firstName = grid.rows
    .find((r) => r.role === "indicator")
    ?.cells.find((c) => grid.columns.find((k) => k.col === c.col)?.role === "name");
  const tabStop = selectedCell ?? firstName ?? allCells[0];
  const note = (c: GridCell) => (c.highlight ? (language === "zh" ? c.highlight.note : c.highlight.noteEn) : "");
  const kind = (c: GridCell) => (c.highlight ? (c.highlight.missingTarget ? t.missingTarget : t.severity[c.highlight.severity]) : "");
  const indicator = selectedCell ? snapshot.plan.indicators.find((i) => i.row === selectedCell.row + 1) : undefined;
  const anyMissing = allCells.some((c) => c.highlight?.missingTarget);
  const anyWritten = allCells.some((c) => c.written);

  // frozen columns: each one's left edge is the row numbers plus the frozen columns before it
  const frozenLeft = new Map<number, number>();
  {
    let left = ROW_NUMBERS;
    for (const c of grid.columns) {
      if (!FROZEN.includes(c.role)) continue;
      frozenLeft.set(c.col, left);
      left += width(c.role);
    }
  }
  const frozenWidth = [...frozenLeft.keys()].reduce((n, col) => n + width(grid.columns.find((c) => c.col === col)!.role), 0);
  const isFrozen = (c: GridCell) => {
    if (!frozenLeft.has(c.col)) return false;
    const from = grid.columns.findIndex((k) => k.col === c.col);
    return grid.columns.slice(from, from + c.colSpan).every((k) => frozenLeft.has(k.col));
  };

  // frozen header rows: each sticks under the column letters and the header rows above it
  React.useLayoutEffect(() => {
    const tb = table.current;
    if (!tb) return;
    let top = tb.tHead?.offsetHeight ?? 0;
    for (const tr of Array.from(tb.querySelectorAll<HTMLTableRowElement>("tbody tr.fh-row-header"))) {
      tr.style.setProperty("--fh-top", `${top}px`);
      top += tr.offsetHeight;
    }
    // a cell scrolled into view is not left under the frozen rows and columns
    if (box.current) {
      box.current.style.scrollPaddingTop = `${top}px`;
      box.current.style.scrollPaddingLeft = `${ROW_NUMBERS + frozenWidth}px`;
    }
  });

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

  React.useLayoutEffect(() => {
    if (!moved.current || !selected) return;
    moved.current = false;
    const el = box.current?.querySelector<HTMLElement>(`[data-cell="${selected}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [selected]);

  const select = (c: GridCell) => {
    moved.current = true;
    onSelect?.(c.address);
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    if (e.key === "Escape" && onBack) {
      e.preventDefault();
      onBack();
      return;
    }
    const from = tabStop;
    if (!from) return;
    const to = nav.move(from, e.key, e.ctrlKey || e.metaKey);
    if (to === null) {
      // read-only: Enter and F2 open no editor; keys that lead nowhere do not scroll the box either
      if (/^(Arrow|Page|Home|End)/.test(e.key) || e.key === "F2" || e.key === "Enter") e.preventDefault();
      return;
    }
    e.preventDefault();
    select(to);
  };

  const card = indicator ? <IndicatorCard ind={indicator} t={t} language={language} /> : null;

  return (
    <div className="fh-sheet-body">
      <p className="fh-sheet-help">{cardTarget ? t.sheetHelpWide : t.sheetHelp}</p>
      <ul className="fh-legend">
        {present.map((s) => (
          <li key={s}>
            <SeverityIcon severity={s} />
            <span>{s === "unreachable" && anyMissing ? `${t.severity[s]} / ${t.missingTarget}` : t.severity[s]}</span>
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
        {anyWritten ? (
          <li>
            <span className="fh-legend-write fh-done">
              ✓ <del>{t.legendOld}</del> → <ins>{t.legendNew}</ins>
              {t.legendWritten}
            </span>
          </li>
        ) : null}
      </ul>
      <div className="fh-status-line">
        <span role="status" id="fh-sheet-status" className="fh-status" data-testid="sheet-status">
          {selected ? (
            <>
              <strong>{t.locatedAt(selected)}</strong>
              {selectedCell?.highlight ? ` · ${kind(selectedCell)}${t.colon}${note(selectedCell)}` : ""}
              {selectedCell?.written ? ` · ${t.writtenCell(selectedCell.written.before || "—", selectedCell.written.after)}` : ""}
            </>
          ) : null}
        </span>
        {selected && onBack ? (
          <button type="button" className="fh-button fh-back" onClick={onBack}>
            {t.backToList}
          </button>
        ) : null}
      </div>
      {card && !cardTarget ? card : null}
      {card && cardTarget ? createPortal(card, cardTarget) : null}
      <div ref={box} className="fh-sheet-scroll" role="region" aria-label={t.sheetRegion(grid.sheet)} data-testid="sheet-scroll">
        <table
          ref={table}
          role="grid"
          aria-readonly="true"
          aria-rowcount={grid.rows.length + 1}
          aria-colcount={grid.columns.length + 1}
          aria-label={t.sheetRegion(grid.sheet)}
          className="fh-grid"
          style={{ width: ROW_NUMBERS + grid.columns.reduce((n, c) => n + width(c.role), 0) }}
          onKeyDown={onGridKey}
        >
          <colgroup>
            <col style={{ width: ROW_NUMBERS }} />
            {grid.columns.map((c) => (
              <col key={c.col} style={{ width: width(c.role) }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <td className="fh-corner" aria-colindex={1} />
              {grid.columns.map((c, j) => (
                <th
                  key={c.col}
                  scope="col"
                  aria-colindex={j + 2}
                  className={
                    [selectedCell && selectedCell.col === c.col ? "fh-on" : "", frozenLeft.has(c.col) ? "fh-frozen" : ""]
                      .filter(Boolean)
                      .join(" ") || undefined
                  }
                  style={frozenLeft.has(c.col) ? { left: frozenLeft.get(c.col) } : undefined}
                >
                  {c.letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((r, i) => (
              <tr key={r.row} className={`fh-row-${r.role}`} aria-rowindex={i + 2}>
                <th scope="row" aria-colindex={1} className={selectedCell && selectedCell.row === r.row ? "fh-on" : undefined}>
                  {r.row + 1}
                </th>
                {r.cells.map((c) => (
                  <SheetCell
                    key={c.address}
                    cell={c}
                    t={t}
                    role={grid.columns.find((k) => k.col === c.col)?.role}
                    colIndex={nav.slot(c).col + 2}
                    kind={kind(c)}
                    note={note(c)}
                    selected={selectedCell === c}
                    tabStop={c === tabStop}
                    frozenLeft={isFrozen(c) ? frozenLeft.get(c.col)! : null}
                    onSelect={select}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
