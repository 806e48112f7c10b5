/**
 * Live mode's bookkeeping: which worksheet changes the add-in caused itself, so that its own
 * write never starts another recalculation, and a debounce for the user's edits.
 */
import { cellsOfRange } from "./cells";

/** How long after a write its change events may still arrive. */
export const OWN_WRITE_GRACE_MS = 2000;

export class OwnWrites {
  private cells = new Set<string>();
  private writing = 0;
  private until = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Call before the write batch's sync, with every cell whose value it writes. */
  begin(cells: Iterable<string>): void {
    if (!this.writing && this.now() > this.until) this.cells.clear();
    for (const c of cells) this.cells.add(c);
    this.writing++;
  }

  /** Call after the sync (success or not). */
  end(): void {
    this.writing = Math.max(0, this.writing - 1);
    this.until = this.now() + OWN_WRITE_GRACE_MS;
  }

  /**
   * True when the change event comes from the add-in's own write. Excel 1.14+ says so
   * (triggerSource "ThisLocalAddin"); older hosts do not, so a change that touches only cells
   * the add-in has just written, while writing or shortly after, counts as its own.
   */
  isOwn(ev: { address?: string; triggerSource?: string }): boolean {
    if (ev.triggerSource === "ThisLocalAddin") return true;
    if (ev.triggerSource !== undefined && ev.triggerSource !== null) return false;
    if (!this.writing && this.now() > this.until) return false;
    const cells = ev.address ? cellsOfRange(ev.address) : null;
    return !!cells && cells.length > 0 && cells.every((c) => this.cells.has(c));
  }
}

/** A trailing debounce: `fn` runs once, `ms` after the last call. */
export function debounce(fn: () => void, ms: number): { call(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    call() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
