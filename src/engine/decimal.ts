/**
 * Exact arithmetic for scores: an immutable rational number, on doubles while they are exact and
 * on BigInt beyond.
 *
 * Why not plain numbers: 20.50% under "40%-20%（6-5分）" scores 5 + 0.5/20 = 5.025, which binary
 * floating point holds as 5.02499999… and rounds to 5.02; Excel prints 5.03. A JS number enters
 * through its shortest round-trip string ("0.0035"), so it is the decimal a person typed.
 */

const MAX = Number.MAX_SAFE_INTEGER;
const SAFE = BigInt(MAX);

/** Euclid on doubles: exact for whole numbers below 2^53 (the remainder of two such doubles is exact). */
function gcdSmall(x: number, y: number): number {
  if (x < 0) x = -x;
  if (y < 0) y = -y;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a <= SAFE && b <= SAFE) return BigInt(gcdSmall(Number(a), Number(b)));
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** floor(x / y) for whole x ≥ 0 below 2^53 and whole y > 0, exactly: x − (x mod y) is a multiple of y. */
function quotient(x: number, y: number): number {
  return (x - (x % y)) / y;
}

/**
 * Whether a double computed from whole numbers below 2^53 is still exact: a true result past 2^53
 * rounds to 2^53 or more, so a result within ±(2^53 − 1) was never rounded.
 */
function safe(x: number): boolean {
  return x <= MAX && x >= -MAX;
}

const TWO_40 = 2 ** 40;

const POW10: bigint[] = Array.from({ length: 32 }, (_, i) => 10n ** BigInt(i));
/** 10^0 … 10^15: each below 2^53 */
const POW10_SMALL: number[] = Array.from({ length: 16 }, (_, i) => 10 ** i);

function pow10(places: number): bigint {
  return places >= 0 && places < POW10.length ? POW10[places] : 10n ** BigInt(places);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export type RationalLike = Rational | number | string | bigint;

/**
 * n/d in lowest terms, d > 0. Held as two doubles while both are whole numbers below 2^53 (every
 * score, value and band edge of a real rule), else as two BigInts. Each operation on the doubles
 * checks that what it computes stays below 2^53, where a double is exact, and takes the BigInt road
 * where it would not. A value has one form (the doubles whenever it fits), so both roads agree.
 */
export class Rational {
  /** the doubles' form: numerator and denominator (NaN in the BigInt form) */
  private readonly sn: number;
  private readonly sd: number;
  /** the BigInt form: numerator and denominator (null in the doubles' form) */
  private readonly bn: bigint | null;
  private readonly bd: bigint | null;

  private constructor(sn: number, sd: number, bn: bigint | null, bd: bigint | null) {
    this.sn = sn;
    this.sd = sd;
    this.bn = bn;
    this.bd = bd;
  }

  /** numerator; the sign lives here */
  get n(): bigint {
    return this.bn ?? BigInt(this.sn);
  }

  /** denominator, always > 0; n/d is in lowest terms */
  get d(): bigint {
    return this.bd ?? BigInt(this.sd);
  }

  /** n/d from whole doubles below 2^53 (d ≠ 0), reduced */
  private static small(n: number, d: number): Rational {
    if (d === 0) throw new RangeError("division by zero");
    if (d < 0) {
      n = -n;
      d = -d;
    }
    if (n === 0) return new Rational(0, 1, null, null); // never −0
    if (d !== 1) {
      const g = gcdSmall(n, d);
      if (g > 1) {
        n /= g;
        d /= g;
      }
    }
    return new Rational(n, d, null, null);
  }

  /** n/d from BigInts (d ≠ 0), reduced; in the doubles' form when it fits */
  private static big(n: bigint, d: bigint): Rational {
    if (d === 0n) throw new RangeError("division by zero");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    // a whole number (d = 1) is already in lowest terms
    const g = d === 1n ? 1n : gcd(n, d);
    if (g > 1n) {
      n /= g;
      d /= g;
    }
    if (d <= SAFE && n <= SAFE && n >= -SAFE) return new Rational(Number(n), Number(d), null, null);
    return new Rational(NaN, NaN, n, d);
  }

  static readonly ZERO = Rational.small(0, 1);
  static readonly ONE = Rational.small(1, 1);

  static fraction(n: bigint | number, d: bigint | number = 1n): Rational {
    if (typeof n === "number" && typeof d === "number" && Number.isSafeInteger(n) && Number.isSafeInteger(d)) {
      return Rational.small(n, d);
    }
    return Rational.big(BigInt(n), BigInt(d));
  }

  /**
   * "2489", "-3.37225": an optional minus, at most 15 digits with at most one point between digits,
   * nothing else — read without the regular expression (the reading `parse` gives it); null otherwise.
   */
  private static plainDecimal(text: string): Rational | null {
    const len = text.length;
    let i = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
    const start = i;
    let n = 0;
    let places = -1;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        if (places >= 0) places++;
      } else if (c === 46 /* . */ && places < 0 && i > start && i + 1 < len) {
        places = 0;
      } else {
        return null;
      }
    }
    const digits = len - start - (places >= 0 ? 1 : 0);
    if (digits === 0 || digits > 15) return null;
    return Rational.small(start === 1 ? -n : n, POW10_SMALL[places < 0 ? 0 : places]);
  }

  /** "2489", "-0.0035", "1.5e3", " 12 " — a plain decimal string (no units, no separators). */
  static parse(text: string): Rational {
    const plain = Rational.plainDecimal(text);
    if (plain !== null) return plain;
    const m = DECIMAL.exec(text.trim());
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) {
      throw new SyntaxError(`not a decimal number: "${text}"`);
    }
    const [, sign, int, frac = "", exp] = m;
    const digits = (int || "0") + frac;
    // at most 15 digits and 15 places: the numerator and 10^places are below 2^53
    if (digits.length <= 15 && frac.length <= 15) {
      let n = Number(digits);
      let d = POW10_SMALL[frac.length];
      let fits = true;
      if (exp !== undefined) {
        const e = Number(exp);
        const p = e >= 0 ? e : -e;
        if (p > 15) fits = false;
        else if (e >= 0) n *= POW10_SMALL[p];
        else d *= POW10_SMALL[p];
        fits = fits && safe(n) && safe(d);
      }
      if (fits) return Rational.small(sign === "-" ? -n : n, d);
    }
    let n = BigInt(digits);
    let d = pow10(frac.length);
    if (exp !== undefined) {
      const e = Number(exp);
      if (e >= 0) n *= pow10(e);
      else d *= pow10(-e);
    }
    return Rational.big(sign === "-" ? -n : n, d);
  }

  /** A JS number, read as the decimal its shortest round-trip string shows (0.0035 is 35/10000). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (Number.isSafeInteger(x)) return Rational.small(x, 1);
    // k/10^p for the fewest places p whose k/10^p rounds to x, found without printing x: below 2^40
    // only one multiple of 10^-p rounds to x, and no shorter decimal does, so it is the value of
    // String(x) (the property test compares the two)
    for (let p = 1; p <= 6; p++) {
      const scale = POW10_SMALL[p];
      const k = Math.round(x * scale);
      if (k < TWO_40 && k > -TWO_40 && k / scale === x) return Rational.small(k, scale);
    }
    return Rational.parse(String(x));
  }

  static of(x: RationalLike): Rational {
    if (x instanceof Rational) return x;
    if (typeof x === "number") return Rational.fromNumber(x);
    if (typeof x === "bigint") return Rational.big(x, 1n);
    return Rational.parse(x);
  }

  add(o: RationalLike): Rational {
    const b = Rational.of(o);
    if (this.bn === null && b.bn === null) {
      if (this.sd === b.sd) {
        const n = this.sn + b.sn;
        if (safe(n)) return Rational.small(n, this.sd);
      } else {
        const l = this.sn * b.sd;
        const r = b.sn * this.sd;
        const d = this.sd * b.sd;
        const n = l + r;
        if (safe(l) && safe(r) && safe(n) && d <= MAX) return Rational.small(n, d);
      }
    }
    return Rational.big(this.n * b.d + b.n * this.d, this.d * b.d);
  }

  sub(o: RationalLike): Rational {
    const b = Rational.of(o);
    if (this.bn === null && b.bn === null) {
      if (this.sd === b.sd) {
        const n = this.sn - b.sn;
        if (safe(n)) return Rational.small(n, this.sd);
      } else {
        const l = this.sn * b.sd;
        const r = b.sn * this.sd;
        const d = this.sd * b.sd;
        const n = l - r;
        if (safe(l) && safe(r) && safe(n) && d <= MAX) return Rational.small(n, d);
      }
    }
    return Rational.big(this.n * b.d - b.n * this.d, this.d * b.d);
  }

  mul(o: RationalLike): Rational {
    const b = Rational.of(o);
    if (this.bn === null && b.bn === null) {
      const n = this.sn * b.sn;
      const d = this.sd * b.sd;
      if (safe(n) && d <= MAX) return Rational.small(n, d);
    }
    return Rational.big(this.n * b.n, this.d * b.d);
  }

  div(o: RationalLike): Rational {
    const b = Rational.of(o);
    if (b.isZero()) throw new RangeError("division by zero");
    if (this.bn === null && b.bn === null) {
      const n = this.sn * b.sd;
      const d = this.sd * b.sn;
      if (safe(n) && safe(d)) return Rational.small(n, d);
    }
    return Rational.big(this.n * b.d, this.d * b.n);
  }

  neg(): Rational {
    return this.bn === null ? Rational.small(-this.sn, this.sd) : Rational.big(-this.bn, this.bd!);
  }

  abs(): Rational {
    return this.sign() < 0 ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    if (this.bn === null) return this.sn < 0 ? -1 : this.sn > 0 ? 1 : 0;
    return this.bn < 0n ? -1 : this.bn > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.bn === null ? this.sn === 0 : this.bn === 0n;
  }

  isInteger(): boolean {
    return this.bn === null ? this.sd === 1 : this.bd === 1n;
  }

  compare(o: RationalLike): -1 | 0 | 1 {
    const b = Rational.of(o);
    if (this.bn === null && b.bn === null) {
      if (this.sd === b.sd) return this.sn < b.sn ? -1 : this.sn > b.sn ? 1 : 0;
      const l = this.sn * b.sd;
      const r = b.sn * this.sd;
      if (safe(l) && safe(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = this.n * b.d;
    const r = b.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: RationalLike): boolean {
    return this.compare(o) === 0;
  }
  lt(o: RationalLike): boolean {
    return this.compare(o) < 0;
  }
  le(o: RationalLike): boolean {
    return this.compare(o) <= 0;
  }
  gt(o: RationalLike): boolean {
    return this.compare(o) > 0;
  }
  ge(o: RationalLike): boolean {
    return this.compare(o) >= 0;
  }

  static min(a: Rational, b: Rational): Rational {
    return a.le(b) ? a : b;
  }
  static max(a: Rational, b: Rational): Rational {
    return a.ge(b) ? a : b;
  }

  /** floor(n/d) as BigInt (toward −∞). */
  private floorInt(): bigint {
    const n = this.n;
    const d = this.d;
    const q = n / d; // truncates toward zero
    return n < 0n && q * d !== n ? q - 1n : q;
  }

  /** floor(n/d) toward −∞ in the doubles' form; null in the BigInt form */
  private floorSmall(): number | null {
    if (this.bn !== null) return null;
    const a = this.sn < 0 ? -this.sn : this.sn;
    const q = quotient(a, this.sd);
    if (this.sn >= 0) return q;
    return q * this.sd === a ? -q : -q - 1;
  }

  /** floor(|x|·10^places + 1/2) on doubles when that stays exact, else null */
  private scaledSmall(places: number): number | null {
    if (this.bn === null && places >= 0 && places < POW10_SMALL.length) {
      const an = this.sn < 0 ? -this.sn : this.sn;
      const x = 2 * an * POW10_SMALL[places] + this.sd;
      // 2·d is a double exactly (a power of two times a whole number below 2^53)
      if (x <= MAX) return quotient(x, 2 * this.sd);
    }
    return null;
  }

  /** Excel's ROUND(x, places): half away from zero, on the exact value. */
  roundHalfAwayFromZero(places = 2): Rational {
    const q = this.scaledSmall(places);
    if (q !== null) return Rational.small(this.sn < 0 ? -q : q, POW10_SMALL[places]);
    const scale = pow10(places);
    const n = this.n;
    const d = this.d;
    const an = n < 0n ? -n : n;
    // floor(|x|·scale + 1/2)
    const qb = (2n * an * scale + d) / (2n * d);
    return Rational.big(n < 0n ? -qb : qb, scale);
  }

  /** x · 10^places */
  private scaled(places: number): Rational {
    return this.mul(places >= 0 && places < POW10_SMALL.length ? Rational.small(POW10_SMALL[places], 1) : Rational.big(pow10(places), 1n));
  }

  /** The smallest multiple of 10^-places that is ≥ x (Excel's ROUNDUP for positive x). */
  ceilTo(places = 0): Rational {
    const scaled = this.scaled(places);
    const f = scaled.floorSmall();
    if (f !== null && places >= 0 && places < POW10_SMALL.length) {
      return Rational.small(f * scaled.sd === scaled.sn ? f : f + 1, POW10_SMALL[places]);
    }
    const fb = scaled.floorInt();
    return Rational.big(fb * scaled.d === scaled.n ? fb : fb + 1n, pow10(places));
  }

  /** The largest multiple of 10^-places that is ≤ x. */
  floorTo(places = 0): Rational {
    const scaled = this.scaled(places);
    const f = scaled.floorSmall();
    if (f !== null && places >= 0 && places < POW10_SMALL.length) return Rational.small(f, POW10_SMALL[places]);
    return Rational.big(scaled.floorInt(), pow10(places));
  }

  /** The nearest double. */
  toNumber(): number {
    // IEEE division of two exactly representable integers is correctly rounded.
    if (this.bn === null) return this.sn / this.sd;
    return Number(this.toDecimalString(20));
  }

  /** Whether the value is written exactly in at most `places` decimals (its denominator divides 10^places). */
  fitsPlaces(places: number): boolean {
    if (this.bn === null && places >= 0 && places < POW10_SMALL.length) return POW10_SMALL[places] % this.sd === 0;
    return pow10(places) % this.d === 0n;
  }

  /**
   * Decimal text. Without `places`: exact when the denominator has only factors 2 and 5,
   * otherwise 20 places, trailing zeros dropped. With `places`: exactly that many places (rounded half away).
   */
  toDecimalString(places?: number): string {
    if (places === undefined) {
      if (this.isInteger()) return this.bn === null ? String(this.sn) : this.bn.toString();
      let twos = 0;
      let fives = 0;
      let exact: boolean;
      if (this.bn === null) {
        let d = this.sd;
        while (d % 2 === 0) {
          d /= 2;
          twos++;
        }
        while (d % 5 === 0) {
          d /= 5;
          fives++;
        }
        exact = d === 1;
      } else {
        let d = this.bd!;
        while (d % 2n === 0n) {
          d /= 2n;
          twos++;
        }
        while (d % 5n === 0n) {
          d /= 5n;
          fives++;
        }
        exact = d === 1n;
      }
      const p = exact ? Math.max(twos, fives) : 20;
      if (exact && this.bn === null && p < POW10_SMALL.length) {
        // n/d = n·(10^p/d) / 10^p exactly; with d = 2^a·5^b in lowest terms, the last digit is never 0
        const m = this.sn * (POW10_SMALL[p] / this.sd);
        if (safe(m)) {
          const neg = m < 0;
          const digits = String(neg ? -m : m).padStart(p + 1, "0");
          return (neg ? "-" : "") + digits.slice(0, -p) + "." + digits.slice(-p);
        }
      }
      const s = this.toDecimalString(p);
      return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
    }
    // |x| rounded half away at `places`, as a whole number of 10^-places (what roundHalfAwayFromZero computes)
    const q = this.scaledSmall(places);
    let digits: string;
    let negative: boolean;
    if (q !== null) {
      digits = String(q);
      negative = this.sn < 0 && q !== 0;
    } else {
      const n = this.n;
      const d = this.d;
      const an = n < 0n ? -n : n;
      const scaled = (2n * an * pow10(places) + d) / (2n * d);
      digits = scaled.toString();
      negative = n < 0n && scaled !== 0n;
    }
    digits = digits.padStart(places + 1, "0");
    if (places > 0) digits = digits.slice(0, -places) + "." + digits.slice(-places);
    return (negative ? "-" : "") + digits;
  }

  toString(): string {
    return this.toDecimalString();
  }
}

/** Excel's ROUND(x, places) on the exact decimal: 5.025 → 5.03, 2.3975 → 2.4, -2.675 → -2.68, 1.005 → 1.01. */
export function excelRound(x: RationalLike, places = 2): number {
  return Rational.of(x).roundHalfAwayFromZero(places).toNumber();
}

/** The smallest multiple of 10^-places ≥ x, as a number. */
export function ceilTo(x: RationalLike, places: number): number {
  return Rational.of(x).ceilTo(places).toNumber();
}

const MILLION = 1e6;

/**
 * An exact running sum of numbers, each read as the decimal it shows (as Rational.fromNumber reads
 * it): a table's total and subtotals. Every score has at most 6 places and is far below 2^40
 * millionths, so the sum is kept as a whole number of millionths, exact on a double (no Rational
 * is made per part); the first part that is not such a decimal moves the sum onto Rationals.
 */
export class DecimalSum {
  private millionths = 0;
  private exact: Rational | null = null;

  add(x: number): this {
    if (this.exact === null) {
      const k = Math.round(x * MILLION);
      // below 2^40 millionths only one multiple of 10^-6 rounds to x: when k/10^6 does, it is x's decimal
      if (k < TWO_40 && k > -TWO_40 && k / MILLION === x && safe(this.millionths + k)) {
        this.millionths += k;
        return this;
      }
      this.exact = Rational.fraction(this.millionths, MILLION);
    }
    this.exact = this.exact.add(Rational.fromNumber(x));
    return this;
  }

  /** The nearest double to the exact sum (IEEE division of two whole doubles is correctly rounded). */
  toNumber(): number {
    return this.exact === null ? this.millionths / MILLION : this.exact.toNumber();
  }
}
