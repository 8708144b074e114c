import { describe, expect, it } from 'vitest';
import { normal } from '../../sim/rng/normal';
import { Stream } from '../../sim/rng/Stream';
import { moments, seMean } from './statistics';

describe('normal', () => {
  const N = 400_000;
  const rand = new Stream(1, 0, 'normal').next;
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = normal(rand, 3, 2);
  const m = moments(xs);

  it('has the requested mean and variance (5 SE)', () => {
    // SE of the mean σ/√N; SE of the variance for a normal σ²·√(2/N).
    expect(Math.abs(m.mean - 3)).toBeLessThan(5 * seMean(4, N));
    expect(Math.abs(m.variance - 4)).toBeLessThan(5 * 4 * Math.sqrt(2 / N));
  });

  it('has normal skewness 0 and kurtosis 3 (5 SE: √(6/N) and √(24/N))', () => {
    let s3 = 0;
    for (let i = 0; i < N; i++) s3 += ((xs[i]! - m.mean) / Math.sqrt(m.variance)) ** 3;
    expect(Math.abs(s3 / N)).toBeLessThan(5 * Math.sqrt(6 / N));
    expect(Math.abs(m.m4 / (m.variance * m.variance) - 3)).toBeLessThan(5 * Math.sqrt(24 / N));
  });

  it('puts 95% of its mass within ±1.96 sd (5 SE of a proportion)', () => {
    let inside = 0;
    for (let i = 0; i < N; i++) if (Math.abs(xs[i]! - 3) < 1.96 * 2) inside++;
    expect(Math.abs(inside / N - 0.95)).toBeLessThan(5 * Math.sqrt((0.95 * 0.05) / N));
  });

  it('uses exactly two draws and caches nothing (a restored stream reproduces the next value)', () => {
    const a = new Stream(2, 0, 'n');
    normal(a.next);
    const saved = a.state();
    const x = normal(a.next);
    expect(normal(Stream.restore(2, 0, 'n', saved).next)).toBe(x);
    const b = new Stream(2, 0, 'n');
    for (let i = 0; i < 6; i++) b.next();
    const c = new Stream(2, 0, 'n');
    for (let i = 0; i < 3; i++) normal(c.next);
    expect(c.next()).toBe(b.next());
  });

  it('returns the mean when sd = 0, defaults to the standard normal, rejects sd < 0', () => {
    expect(normal(() => 0.5, 5, 0)).toBe(5);
    expect(Number.isFinite(normal(() => 0))).toBe(true);
    expect(() => normal(() => 0.5, 0, -1)).toThrow(/sd must be >= 0/);
  });
});
