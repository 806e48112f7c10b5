/**
 * Exact arithmetic for scores: an immutable rational number on BigInt.
 *
 * Why not plain numbers: 20.50% under "40%-20%（6-5分）" scores 5 + 0.5/20 = 5.025, which binary
 * floating point holds as 5.02499999… and rounds to 5.02; Excel prints 5.03. A JS number enters
 * through its shortest round-trip string ("0.0035"), so it is the decimal a person typed.
 */

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // scores' numerators and denominators are small: Euclid on doubles is exact below 2^53 and
  // far cheaper than on BigInt
  if (a <= SAFE && b <= SAFE) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return BigInt(x);
  }
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

const POW10: bigint[] = Array.from({ length: 32 }, (_, i) => 10n ** BigInt(i));

function pow10(places: number): bigint {
  return places >= 0 && places < POW10.length ? POW10[places] : 10n ** BigInt(places);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export type RationalLike = Rational | number | string | bigint;

/** fromNumber's memo of non-integers (cleared past 10,000 numbers) */
const FROM_NUMBER = new Map<number, Rational>();

export class Rational {
  /** numerator; the sign lives here */
  readonly n: bigint;
  /** denominator, always > 0; n/d is in lowest terms */
  readonly d: bigint;

  private constructor(n: bigint, d: bigint) {
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
    this.n = n;
    this.d = d;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  static fraction(n: bigint | number, d: bigint | number = 1n): Rational {
    return new Rational(BigInt(n), BigInt(d));
  }

  /** "2489", "-0.0035", "1.5e3", " 12 " — a plain decimal string (no units, no separators). */
  static parse(text: string): Rational {
    const m = DECIMAL.exec(text.trim());
    if (!m || (m[2] === "" && (m[3] === undefined || m[3] === ""))) {
      throw new SyntaxError(`not a decimal number: "${text}"`);
    }
    const [, sign, int, frac = "", exp] = m;
    let n = BigInt((int || "0") + frac);
    let d = pow10(frac.length);
    if (exp !== undefined) {
      const e = Number(exp);
      if (e >= 0) n *= pow10(e);
      else d *= pow10(-e);
    }
    return new Rational(sign === "-" ? -n : n, d);
  }

  /** A JS number, read as the decimal its shortest round-trip string shows (0.0035 is 35/10000). */
  static fromNumber(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    if (Number.isInteger(x) && Number.isSafeInteger(x)) return new Rational(BigInt(x), 1n);
    // the same few decimals (scores such as 3.37) are read again and again; a Rational never changes
    let r = FROM_NUMBER.get(x);
    if (r === undefined) {
      r = Rational.parse(String(x));
      if (FROM_NUMBER.size >= 10000) FROM_NUMBER.clear();
      FROM_NUMBER.set(x, r);
    }
    return r;
  }

  static of(x: RationalLike): Rational {
    if (x instanceof Rational) return x;
    if (typeof x === "number") return Rational.fromNumber(x);
    if (typeof x === "bigint") return new Rational(x, 1n);
    return Rational.parse(x);
  }

  add(o: RationalLike): Rational {
    const b = Rational.of(o);
    return new Rational(this.n * b.d + b.n * this.d, this.d * b.d);
  }

  sub(o: RationalLike): Rational {
    const b = Rational.of(o);
    return new Rational(this.n * b.d - b.n * this.d, this.d * b.d);
  }

  mul(o: RationalLike): Rational {
    const b = Rational.of(o);
    return new Rational(this.n * b.n, this.d * b.d);
  }

  div(o: RationalLike): Rational {
    const b = Rational.of(o);
    if (b.n === 0n) throw new RangeError("division by zero");
    return new Rational(this.n * b.d, this.d * b.n);
  }

  neg(): Rational {
    return new Rational(-this.n, this.d);
  }

  abs(): Rational {
    return this.n < 0n ? this.neg() : this;
  }

  sign(): -1 | 0 | 1 {
    return this.n < 0n ? -1 : this.n > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.n === 0n;
  }

  isInteger(): boolean {
    return this.d === 1n;
  }

  compare(o: RationalLike): -1 | 0 | 1 {
    const b = Rational.of(o);
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
    const q = this.n / this.d; // truncates toward zero
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }

  /** Excel's ROUND(x, places): half away from zero, on the exact value. */
  roundHalfAwayFromZero(places = 2): Rational {
    const scale = pow10(places);
    const a = this.abs();
    // floor(|x|·scale + 1/2)
    const q = (2n * a.n * scale + a.d) / (2n * a.d);
    return new Rational(this.n < 0n ? -q : q, scale);
  }

  /** The smallest multiple of 10^-places that is ≥ x (Excel's ROUNDUP for positive x). */
  ceilTo(places = 0): Rational {
    const scale = pow10(places);
    const scaled = this.mul(Rational.fraction(scale));
    const f = scaled.floorInt();
    const c = f * scaled.d === scaled.n ? f : f + 1n;
    return new Rational(c, scale);
  }

  /** The largest multiple of 10^-places that is ≤ x. */
  floorTo(places = 0): Rational {
    const scale = pow10(places);
    return new Rational(this.mul(Rational.fraction(scale)).floorInt(), scale);
  }

  /** The nearest double. */
  toNumber(): number {
    const MAX = BigInt(Number.MAX_SAFE_INTEGER);
    const an = this.n < 0n ? -this.n : this.n;
    // IEEE division of two exactly representable integers is correctly rounded.
    if (an <= MAX && this.d <= MAX) return Number(this.n) / Number(this.d);
    return Number(this.toDecimalString(20));
  }

  /**
   * Decimal text. Without `places`: exact when the denominator has only factors 2 and 5,
   * otherwise 20 places, trailing zeros dropped. With `places`: exactly that many places (rounded half away).
   */
  toDecimalString(places?: number): string {
    if (places === undefined) {
      if (this.d === 1n) return this.n.toString();
      let d = this.d;
      let twos = 0;
      let fives = 0;
      while (d % 2n === 0n) {
        d /= 2n;
        twos++;
      }
      while (d % 5n === 0n) {
        d /= 5n;
        fives++;
      }
      const exact = d === 1n;
      const p = exact ? Math.max(twos, fives) : 20;
      const s = this.toDecimalString(p);
      return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
    }
    // |x| rounded half away at `places`, as a whole number of 10^-places (what roundHalfAwayFromZero computes)
    const an = this.n < 0n ? -this.n : this.n;
    const scaled = (2n * an * pow10(places) + this.d) / (2n * this.d);
    let digits = scaled.toString().padStart(places + 1, "0");
    if (places > 0) digits = digits.slice(0, -places) + "." + digits.slice(-places);
    return (this.n < 0n && scaled !== 0n ? "-" : "") + digits;
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
