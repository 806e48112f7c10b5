/**
 * A shared formula's text for one of the cells that share it (ECMA-376 Part 1, 18.3.1.40):
 * the master's formula with every relative reference moved by the cell's offset from the
 * master; absolute parts ($A, $1), text in quotes and structured references stay.
 */
import { columnLetter } from "../model/sheet";

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.!])/y;

export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'" || ch === "[") {
      const close = ch === "[" ? "]" : ch;
      let j = i + 1;
      let depth = 1;
      while (j < formula.length) {
        if (ch === "[" && formula[j] === "[") depth++;
        else if (formula[j] === close) {
          if (ch !== "[" && formula[j + 1] === close) {
            j += 2;
            continue;
          }
          if (--depth === 0) break;
        }
        j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    if (/[A-Za-z$]/.test(ch) && !/[\w.$]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const col = columnNumber(m[2]);
        const row = Number(m[4]);
        if (col >= 1 && col <= 16384 && row >= 1 && row <= 1048576) {
          const c = m[1] ? col : col + dCol;
          const r = m[3] ? row : row + dRow;
          out += c < 1 || r < 1 ? "#REF!" : `${m[1]}${columnLetter(c - 1)}${m[3]}${r}`;
          i += m[0].length;
          continue;
        }
      }
      // a name or function: copy the whole word so its tail is not read as a reference
      let j = i;
      while (j < formula.length && /[\w.$]/.test(formula[j])) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}
