import { describe, expect, it } from 'vitest';
import { erdosRenyi } from '../../sim/network/erdosRenyi';
import { edgeCount } from '../../sim/network/Graph';
import { degreeHistogram, degreeStats } from '../../sim/network/stats';
import { logFactorial } from '../../sim/rng/logFactorial';
import { Stream } from '../../sim/rng/Stream';
import { chiSquare } from '../rng/statistics';
import { expectCsrInvariants } from './csrInvariants';

const rng = (seed: number) => new Stream(seed, 0, 'test/er').next;

describe('erdosRenyi', () => {
  const n = 20_000;
  const d = 8;
  const p = d / (n - 1);
  const g = erdosRenyi(n, d, rng(1));

  it('satisfies the CSR invariants (undirected, sorted, no duplicates or self loops)', () => {
    expectCsrInvariants(g);
  });

  it('has mean degree d within 3 SE', () => {
    // Edges ~ Binomial(n(n−1)/2, p); mean degree = 2E/n, so SE = 2√(n(n−1)/2 · p(1−p)) / n.
    const se = (2 * Math.sqrt(((n * (n - 1)) / 2) * p * (1 - p))) / n;
    expect(Math.abs(degreeStats(g).mean - d)).toBeLessThan(3 * se);
  });

  it('has degree variance ≈ mean, as a Poisson-like binomial (5 SE)', () => {
    // Degree ~ Binomial(n−1, p) ≈ Poisson(λ = d): variance λ(1−p); SE of the sample variance
    // √((m4 − σ⁴)/n) with m4 ≈ λ + 3λ², i.e. √((λ + 2λ²)/n).
    const s = degreeStats(g);
    expect(Math.abs(s.variance - d * (1 - p))).toBeLessThan(5 * Math.sqrt((d + 2 * d * d) / n));
  });

  it('has a Binomial(n − 1, p) degree histogram (chi-square, pooled to ≥ 5 expected, 5 sd)', () => {
    const hist = degreeHistogram(g);
    const pmf = (k: number) =>
      Math.exp(
        logFactorial(n - 1) -
          logFactorial(k) -
          logFactorial(n - 1 - k) +
          k * Math.log(p) +
          (n - 1 - k) * Math.log1p(-p),
      );
    const expected = new Float64Array(hist.length);
    let below = 0;
    for (let k = 0; k < hist.length - 1; k++) {
      expected[k] = n * pmf(k);
      below += pmf(k);
    }
    expected[hist.length - 1] = n * (1 - below);
    const chi = chiSquare(hist, expected);
    expect(chi.stat).toBeLessThan(chi.limit);
  });

  it('includes every pair with probability p (no skipped or favoured pairs: chi-square over pairs, 5 sd)', () => {
    // n = 10, p = 1/3: 45 pairs, each included in Binomial(T, p) graphs.
    const rand = rng(2);
    const T = 4000;
    const counts = new Float64Array(100);
    for (let t = 0; t < T; t++) {
      const h = erdosRenyi(10, 3, rand);
      for (let u = 0; u < 10; u++)
        for (let j = h.offsets[u]!; j < h.offsets[u + 1]!; j++) counts[u * 10 + h.targets[j]!]!++;
    }
    const obs: number[] = [];
    for (let u = 0; u < 10; u++) for (let v = 0; v < u; v++) obs.push(counts[u * 10 + v]!);
    const chi = chiSquare(obs, new Float64Array(45).fill(T / 3));
    expect(chi.stat).toBeLessThan(chi.limit);
  });

  it('is deterministic: the same seed gives identical arrays, another seed differs', () => {
    const a = erdosRenyi(5000, 6, rng(7));
    const b = erdosRenyi(5000, 6, rng(7));
    const c = erdosRenyi(5000, 6, rng(8));
    expect(a.offsets).toEqual(b.offsets);
    expect(a.targets).toEqual(b.targets);
    expect(c.targets).not.toEqual(a.targets);
  });

  it('handles the edges: no nodes, one node, degree 0 and the complete graph', () => {
    expect(erdosRenyi(0, 0, rng(1)).n).toBe(0);
    expect(edgeCount(erdosRenyi(1, 0, rng(1)))).toBe(0);
    expect(edgeCount(erdosRenyi(100, 0, rng(1)))).toBe(0);
    const k = erdosRenyi(30, 29, rng(1));
    expect(edgeCount(k)).toBe(435);
    expectCsrInvariants(k);
  });

  it('rejects a mean degree above n − 1', () => {
    expect(() => erdosRenyi(10, 10, rng(1))).toThrow(/meanDegree must be in \[0, n − 1 = 9\]/);
    expect(() => erdosRenyi(10, -1, rng(1))).toThrow(RangeError);
  });
});
