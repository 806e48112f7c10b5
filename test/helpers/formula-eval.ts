/**
 * A small evaluator for the plain formulas the portable workbook uses (IF, ROUND, TRUNC, INT, MIN, MAX, SUM,
 * comparisons, arithmetic, strings, A1 references and ranges), in IEEE doubles like a spreadsheet.
 * ROUND is the naive one (floor(|x|·10ⁿ + 0.5)), with none of Excel's 15-digit snapping, so a
 * formula that passes here does not depend on a clever ROUND. Test-only.
 */
export type FValue = number | string | boolean | null | { error: string };

export interface EvalEnv {
  /** the content of a cell ("F5", "'分工表'!F5"); null when blank */
  cell(ref: string): FValue;
}

type Tok = { t: "num" | "str" | "ref" | "name" | "op" | "(" | ")" | ","; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= src.length) throw new Error("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?/i.exec(src.slice(i));
    const ref = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?![A-Za-z0-9_(])/.exec(
      src.slice(i),
    );
    if (ref && !/^\d/.test(ref[0])) {
      out.push({ t: "ref", v: ref[0] });
      i += ref[0].length;
      continue;
    }
    if (num) {
      out.push({ t: "num", v: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(src.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/<>=&])/.exec(src.slice(i));
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    if (c === "(" || c === ")" || c === ",") {
      out.push({ t: c, v: c });
      i++;
      continue;
    }
    throw new Error(`cannot read formula at "${src.slice(i)}"`);
  }
  return out;
}

type Node =
  | { k: "lit"; v: FValue }
  | { k: "ref"; v: string }
  | { k: "un"; op: string; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] };

function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const take = (t?: string, v?: string) => {
    const tok = toks[p];
    if (!tok || (t && tok.t !== t) || (v && tok.v !== v)) throw new Error(`unexpected ${tok ? tok.v : "end"} in ${src}`);
    p++;
    return tok;
  };
  const isOp = (...ops: string[]) => peek()?.t === "op" && ops.includes(peek().v);
  function comparison(): Node {
    let a = concat();
    while (isOp("=", "<>", "<", ">", "<=", ">=")) {
      const op = take().v;
      a = { k: "bin", op, a, b: concat() };
    }
    return a;
  }
  function concat(): Node {
    let a = additive();
    while (isOp("&")) {
      take();
      a = { k: "bin", op: "&", a, b: additive() };
    }
    return a;
  }
  function additive(): Node {
    let a = term();
    while (isOp("+", "-")) {
      const op = take().v;
      a = { k: "bin", op, a, b: term() };
    }
    return a;
  }
  function term(): Node {
    let a = unary();
    while (isOp("*", "/")) {
      const op = take().v;
      a = { k: "bin", op, a, b: unary() };
    }
    return a;
  }
  function unary(): Node {
    if (isOp("-", "+")) {
      const op = take().v;
      return { k: "un", op, a: unary() };
    }
    return primary();
  }
  function primary(): Node {
    const tok = peek();
    if (!tok) throw new Error(`unexpected end in ${src}`);
    if (tok.t === "num") return (take(), { k: "lit", v: Number(tok.v) });
    if (tok.t === "str") return (take(), { k: "lit", v: tok.v });
    if (tok.t === "ref") return (take(), { k: "ref", v: tok.v });
    if (tok.t === "(") {
      take();
      const e = comparison();
      take(")");
      return e;
    }
    if (tok.t === "name") {
      take();
      take("(");
      const args: Node[] = [];
      if (peek()?.t !== ")") {
        args.push(comparison());
        while (peek()?.t === ",") {
          take();
          args.push(comparison());
        }
      }
      take(")");
      return { k: "call", name: tok.v, args };
    }
    throw new Error(`unexpected ${tok.v} in ${src}`);
  }
  const n = comparison();
  if (p !== toks.length) throw new Error(`trailing ${toks[p].v} in ${src}`);
  return n;
}

const isErr = (v: FValue): v is { error: string } => typeof v === "object" && v !== null;

function num(v: FValue): number | { error: string } {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const t = v.trim();
  if (t !== "" && Number.isFinite(Number(t))) return Number(t);
  return { error: "#VALUE!" };
}

/** naive ROUND, half away from zero, on the double as it is */
export function naiveRound(x: number, places: number): number {
  const f = 10 ** places;
  const r = Math.floor(Math.abs(x) * f + 0.5) / f;
  return x < 0 ? -r : r;
}

function expandRange(ref: string): string[] {
  const m = /^(.*!)?\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return [ref];
  const [, prefix = "", c1, r1, c2, r2] = m;
  if (c1 !== c2) throw new Error(`only one-column ranges: ${ref}`);
  const out: string[] = [];
  for (let r = Number(r1); r <= Number(r2); r++) out.push(`${prefix}${c1}${r}`);
  return out;
}

export function evaluate(formula: string, env: EvalEnv): FValue {
  return compile(formula)(env);
}

/** Parses once; the returned function evaluates against any cells. */
export function compile(formula: string): (env: EvalEnv) => FValue {
  const node = parse(formula.replace(/^=/, ""));
  return (env) => run(node, env);
}

function run(node: Node, env: EvalEnv): FValue {
  const ev = (n: Node): FValue => {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref":
        if (n.v.includes(":")) throw new Error(`range outside SUM: ${n.v}`);
        return env.cell(n.v.replace(/\$/g, ""));
      case "un": {
        const a = ev(n.a);
        if (n.op === "+") return a;
        const x = num(a);
        return isErr(x) ? x : -x;
      }
      case "bin": {
        const a = ev(n.a);
        const b = ev(n.b);
        if (isErr(a)) return a;
        if (isErr(b)) return b;
        if (n.op === "&") return `${a ?? ""}${b ?? ""}`;
        if (["+", "-", "*", "/"].includes(n.op)) {
          const x = num(a);
          const y = num(b);
          if (isErr(x)) return x;
          if (isErr(y)) return y;
          if (n.op === "+") return x + y;
          if (n.op === "-") return x - y;
          if (n.op === "*") return x * y;
          return y === 0 ? { error: "#DIV/0!" } : x / y;
        }
        // comparisons, Excel style: blank equals "" and 0; text is greater than any number
        const norm = (v: FValue, other: FValue): FValue => (v === null ? (typeof other === "string" ? "" : 0) : v);
        const l = norm(a, b);
        const r = norm(b, a);
        let c: number;
        if (typeof l === "number" && typeof r === "number") c = l < r ? -1 : l > r ? 1 : 0;
        else if (typeof l === "string" && typeof r === "string")
          c = l.toLowerCase() < r.toLowerCase() ? -1 : l.toLowerCase() > r.toLowerCase() ? 1 : 0;
        else c = typeof l === "string" ? 1 : typeof r === "string" ? -1 : Number(l) - Number(r);
        switch (n.op) {
          case "=":
            return c === 0;
          case "<>":
            return c !== 0;
          case "<":
            return c < 0;
          case ">":
            return c > 0;
          case "<=":
            return c <= 0;
          default:
            return c >= 0;
        }
      }
      case "call": {
        const name = n.name;
        if (name === "IF") {
          const cond = ev(n.args[0]);
          if (isErr(cond)) return cond;
          const t = typeof cond === "string" ? { error: "#VALUE!" } : num(cond);
          if (isErr(t)) return t;
          return t !== 0 ? ev(n.args[1]) : n.args.length > 2 ? ev(n.args[2]) : false;
        }
        if (name === "ROUND") {
          const x = num(ev(n.args[0]));
          const d = num(ev(n.args[1]));
          if (isErr(x)) return x;
          if (isErr(d)) return d;
          return naiveRound(x, d);
        }
        if (name === "TRUNC" || name === "INT") {
          // TRUNC toward zero, INT toward −∞ (Excel's and LibreOffice's definitions)
          const x = num(ev(n.args[0]));
          if (isErr(x)) return x;
          return name === "TRUNC" ? Math.trunc(x) : Math.floor(x);
        }
        if (name === "MIN" || name === "MAX" || name === "SUM") {
          const vals: number[] = [];
          for (const a of n.args) {
            if (a.k === "ref") {
              for (const r of expandRange(a.v)) {
                const v = env.cell(r.replace(/\$/g, ""));
                if (isErr(v)) return v;
                if (typeof v === "number") vals.push(v);
              }
            } else {
              const v = num(ev(a));
              if (isErr(v)) return v;
              vals.push(v);
            }
          }
          if (name === "SUM") return vals.reduce((s, v) => s + v, 0);
          if (vals.length === 0) return 0;
          return name === "MIN" ? Math.min(...vals) : Math.max(...vals);
        }
        throw new Error(`function not allowed in a portable formula: ${name}`);
      }
    }
  };
  return ev(node);
}

/** The function names a formula calls. */
export function functionsIn(formula: string): string[] {
  return tokenize(formula.replace(/^=/, ""))
    .filter((t) => t.t === "name")
    .map((t) => t.v);
}
