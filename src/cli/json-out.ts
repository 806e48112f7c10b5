/**
 * JSON.stringify(value, null, 2) written out in pieces: the same characters, but never one string
 * of the whole report (a 100,000-row 分工表's report is ~480 million characters, near V8's longest
 * string, and twice that in memory). Big arrays and objects are walked; each small element is
 * stringified whole and re-indented, which gives exactly the text the whole stringify would
 * (JSON text holds no raw line break inside a string, so every "\n" starts an indented line).
 * A LazyList (src/model/lazy-list.ts) is written element by element as they are made, as the
 * array its toJSON gives.
 */

/** Containers holding fewer values than this (all levels down) are stringified in one call. */
const WALK_FROM = 2000;
/** Pieces are gathered up to about this many characters before they are written. */
const PIECE = 1 << 16;

import { LazyList } from "../model/lazy-list";

type Json = unknown;

/** Writes `value` as JSON.stringify(value, null, 2) does, every line after the first prefixed with `base`. */
export function writeJson(value: Json, write: (text: string) => void, base = ""): void {
  const pending: string[] = [];
  let size = 0;
  const put = (s: string) => {
    pending.push(s);
    size += s.length;
    if (size >= PIECE) flush();
  };
  const flush = () => {
    if (pending.length > 0) write(pending.join(""));
    pending.length = 0;
    size = 0;
  };
  const text = walk(value, base, put);
  if (text !== undefined) put(text);
  flush();
}

/** Whole text of a small or special value (undefined where JSON.stringify omits it). */
function whole(value: Json, indent: string): string | undefined {
  const s = JSON.stringify(value, null, 2) as string | undefined;
  return s === undefined || indent === "" ? s : s.replace(/\n/g, "\n" + indent);
}

function walkable(value: Json): value is Record<string, unknown> | unknown[] {
  if (typeof value !== "object" || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return false;
  return Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null;
}

/**
 * Puts the text of `value` at `indent` through `put` and returns undefined, or returns the text for
 * the caller to put (small values), or undefined with nothing put when JSON omits the value.
 */
function walk(value: Json, indent: string, put: (s: string) => void): string | undefined {
  if (value instanceof LazyList) return walkList(value, indent, put);
  if (!walkable(value) || weight(value) < WALK_FROM) return whole(value, indent);
  if (Array.isArray(value)) return walkList(value, indent, put);
  const inner = indent + "  ";
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    // omitted, as JSON.stringify does (a lazy list is never stringified whole: that would make all its elements)
    if (!(v instanceof LazyList) && !walkable(v) && JSON.stringify(v) === undefined) continue;
    put((first ? "{" : ",") + "\n" + inner + JSON.stringify(key) + ": ");
    first = false;
    const t = walk(v, inner, put);
    if (t !== undefined) put(t);
  }
  if (first) return "{}";
  put("\n" + indent + "}");
  return undefined;
}

/** An array, or a lazy list one element at a time (each element is garbage once its text is put). */
function walkList(list: Iterable<unknown>, indent: string, put: (s: string) => void): string | undefined {
  const inner = indent + "  ";
  let first = true;
  for (const v of list) {
    put((first ? "[" : ",") + "\n" + inner);
    first = false;
    const t = walk(v, inner, put);
    // an array writes null where JSON has no text for the element (undefined, a function)
    if (t !== undefined) put(t);
    else if (!(v instanceof LazyList) && (!walkable(v) || weight(v) < WALK_FROM)) put("null");
  }
  if (first) return "[]";
  put("\n" + indent + "]");
  return undefined;
}

/** How many values a container holds, all levels down, counted up to WALK_FROM (walked only when it is big). */
function weight(value: Record<string, unknown> | unknown[]): number {
  let n = 0;
  for (const v of Array.isArray(value) ? value : Object.values(value)) {
    // a lazy list counts as big: it is always walked, never made whole
    n += v instanceof LazyList ? WALK_FROM : walkable(v) ? 1 + weight(v) : 1;
    if (n >= WALK_FROM) break;
  }
  return n;
}
