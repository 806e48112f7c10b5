/** How the plan's messages show a number. */

/**
 * A score or value as shown in messages: rounded to 6 places, shortest form. A number whose own
 * shortest form already has at most 6 places and no exponent is that form: below 1e9 a double is
 * within 6e-8 of it, so rounding to 6 places gives it back (a property test checks this against
 * the rounding itself).
 */
export function fmt(x: number): string {
  if (x < 1e9 && x > -1e9) {
    const cents = hundredths(x);
    if (cents !== null) return cents;
    const s = String(x);
    const dot = s.indexOf(".");
    if (!s.includes("e") && (dot < 0 || s.length - dot <= 7)) return s;
  }
  return String(Number(x.toFixed(6)));
}

/**
 * Most numbers shown are scores, whole or in hundredths: their shortest form is written from the
 * integer r = 100·x, without the general double-to-text conversion. When r / 100 is x, the decimal
 * r/100 is the one text with at most 2 places that reads back as x (below 1e9 such texts are 0.01
 * apart, doubles far closer), so it is also the shortest.
 */
function hundredths(x: number): string | null {
  const r = Math.round(x * 100);
  if (r / 100 !== x) return null;
  if (r % 100 === 0) return String(r / 100);
  const a = r < 0 ? -r : r;
  const whole = Math.floor(a / 100);
  const part = a - whole * 100;
  const digits = part % 10 === 0 ? String(part / 10) : part < 10 ? `0${part}` : String(part);
  return `${r < 0 ? "-" : ""}${whole}.${digits}`;
}
