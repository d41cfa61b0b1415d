/**
 * Axis ticks people can read at a glance: 0, then equal steps of 1, 2 or 5 × 10ⁿ up to the
 * first tick at or above the largest value. A scale that ends on a tick never cuts a bar short
 * and never makes a reader interpolate between "0" and "37".
 */

/** Ticks for a value axis from 0 to at least `max`, at most `count` steps (so at most count + 1 ticks). */
export function niceTicks(
  max: number,
  count: number,
  options: { integer?: boolean } = {},
): number[] {
  if (!Number.isFinite(max) || max < 0)
    throw new RangeError(`max must be a finite number ≥ 0, got ${max}`);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be an integer ≥ 1, got ${count}`);
  // An empty chart still needs an axis; "0 … 1" is the least surprising one.
  const top = max === 0 ? 1 : max;
  // Steps are kept as mantissa × 10^exponent so that moving to the next one is exact.
  let { mantissa, exponent } = firstStep(top / count, options.integer === true);
  for (;;) {
    const decimals = Math.max(0, -exponent);
    const step = round(mantissa * 10 ** exponent, decimals);
    const steps = Math.ceil(top / step);
    // Float noise can put top / step a hair over count, or the rounded last tick a hair under
    // top; the next larger step then settles it.
    if (steps <= count) {
      const ticks = Array.from({ length: steps + 1 }, (_, i) => round(i * step, decimals));
      if ((ticks[steps] ?? 0) >= top) return ticks;
    }
    ({ mantissa, exponent } =
      mantissa === 1
        ? { mantissa: 2, exponent }
        : mantissa === 2
          ? { mantissa: 5, exponent }
          : { mantissa: 1, exponent: exponent + 1 });
  }
}

/** Digits after the decimal point that a 1/2/5 × 10ⁿ step needs (0.05 → 2, 20 → 0). */
export function decimalsOf(step: number): number {
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** The largest 1, 2 or 5 × 10ⁿ not above rough; the caller moves up from there. */
function firstStep(rough: number, integer: boolean): { mantissa: number; exponent: number } {
  // Half a booking means nothing: integer data never gets steps below 1.
  if (integer && rough <= 1) return { mantissa: 1, exponent: 0 };
  // toFixed stops at 100 digits, and a subnormal rough underflows to 0 (log10 → -∞).
  const exponent = Math.max(-100, Math.floor(Math.log10(rough)));
  const leading = rough / 10 ** exponent;
  return { mantissa: leading >= 5 ? 5 : leading >= 2 ? 2 : 1, exponent };
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(Math.min(decimals, 100)));
}
