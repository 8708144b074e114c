import { describe, expect, it } from 'vitest';
import { bernoulli } from '../../sim/rng/bernoulli';
import { Stream } from '../../sim/rng/Stream';

describe('bernoulli', () => {
  it('is true with frequency p (5 SE, SE = √(p(1−p)/N))', () => {
    const rand = new Stream(1, 0, 'bernoulli').next;
    const N = 200_000;
    for (const p of [0.001, 0.3, 0.5, 0.97]) {
      let hits = 0;
      for (let i = 0; i < N; i++) if (bernoulli(rand, p)) hits++;
      expect(Math.abs(hits / N - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  it('never fires at p = 0, always at p = 1', () => {
    const rand = new Stream(2, 0, 'bernoulli').next;
    let zero = 0;
    let one = 0;
    for (let i = 0; i < 10_000; i++) {
      if (bernoulli(rand, 0)) zero++;
      if (bernoulli(rand, 1)) one++;
    }
    expect([zero, one]).toEqual([0, 10_000]);
  });

  it('uses exactly one draw per call, so streams stay aligned', () => {
    const a = new Stream(3, 0, 'b');
    const b = new Stream(3, 0, 'b');
    for (let i = 0; i < 100; i++) bernoulli(a.next, 0.5);
    for (let i = 0; i < 100; i++) b.next();
    expect(a.next()).toBe(b.next());
  });

  it('rejects p outside [0, 1]', () => {
    expect(() => bernoulli(() => 0.5, 1.5)).toThrow(/p must be in \[0, 1\]/);
    expect(() => bernoulli(() => 0.5, Number.NaN)).toThrow(RangeError);
  });
});
