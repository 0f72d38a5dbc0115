/** Arithmetic the rules share: the clamp to [0, cap] and rounding that forgives binary fractions. */

/** value limited to [0, cap]; NaN stays NaN */
export function clamp(value: number, cap: number): number {
  if (Number.isNaN(value)) return value;
  return value < 0 ? 0 : value > cap ? cap : value;
}

/** floor that forgives binary fractions: floor(72.99999999997) is 73 when 73 is meant. */
export function safeFloor(x: number): number {
  return Math.floor(x + 1e-9);
}

export function round1(x: number): number {
  return Math.round(x * 10 + (x >= 0 ? 1e-9 : -1e-9)) / 10;
}
