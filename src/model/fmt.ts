/** How the plan's messages show a number. */

/**
 * A score or value as shown in messages: rounded to 6 places, shortest form. A number whose own
 * shortest form already has at most 6 places and no exponent is that form: below 1e9 a double is
 * within 6e-8 of it, so rounding to 6 places gives it back (a property test checks this against
 * the rounding itself).
 */
export function fmt(x: number): string {
  if (x < 1e9 && x > -1e9) {
    const s = String(x);
    const dot = s.indexOf(".");
    if (!s.includes("e") && (dot < 0 || s.length - dot <= 7)) return s;
  }
  return String(Number(x.toFixed(6)));
}
