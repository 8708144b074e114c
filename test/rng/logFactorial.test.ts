import { describe, expect, it } from 'vitest';
import { logFactorial } from '../../sim/rng/logFactorial';

describe('logFactorial', () => {
  it('equals Σ ln i to 1e-13 relative, across the table/Stirling boundary at 256', () => {
    let sum = 0;
    for (let k = 0; k <= 5000; k++) {
      if (k > 1) sum += Math.log(k);
      expect(Math.abs(logFactorial(k) - sum)).toBeLessThanOrEqual(1e-13 * Math.max(1, sum));
    }
  });

  it('knows small factorials exactly', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(1)).toBe(0);
    expect(Math.exp(logFactorial(10))).toBeCloseTo(3628800, 6);
  });
});
