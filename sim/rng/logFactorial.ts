const TABLE_SIZE = 256;
const TABLE = new Float64Array(TABLE_SIZE);
for (let i = 2; i < TABLE_SIZE; i++) TABLE[i] = TABLE[i - 1]! + Math.log(i);

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln(k!) for a non-negative integer k: a table below 256, Stirling's series with three correction
 * terms above (absolute error < 1e-15 there).
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return TABLE[k]!;
  const x = k + 1;
  const ix = 1 / x;
  const ix2 = ix * ix;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + ix * (1 / 12 - ix2 * (1 / 360 - ix2 / 1260));
}
