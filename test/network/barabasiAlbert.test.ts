import { describe, expect, it } from 'vitest';
import { barabasiAlbert } from '../../sim/network/barabasiAlbert';
import { edgeCount } from '../../sim/network/Graph';
import { connectedComponents, degreeHistogram, degreeStats } from '../../sim/network/stats';
import { Stream } from '../../sim/rng/Stream';
import { expectCsrInvariants } from './csrInvariants';

const rng = (seed: number) => new Stream(seed, 0, 'test/ba').next;

describe('barabasiAlbert', () => {
  const n = 50_000;
  const m = 4;
  const g = barabasiAlbert(n, m, rng(1));

  it('satisfies the CSR invariants and is connected', () => {
    expectCsrInvariants(g);
    expect(connectedComponents(g).count).toBe(1);
  });

  it('has exactly m(m+1)/2 + m(n − m − 1) edges (mean degree ≈ 2m) and minimum degree m', () => {
    expect(edgeCount(g)).toBe((m * (m + 1)) / 2 + m * (n - m - 1));
    const s = degreeStats(g);
    expect(s.mean).toBeCloseTo(2 * m, 2);
    expect(s.min).toBe(m);
  });

  it('has a heavy tail: max degree ≫ mean and a power-law exponent near 3', () => {
    const s = degreeStats(g);
    // Theory: the largest degree grows as m·√n ≈ 900 here; a Poisson graph of the same mean would stop near 25.
    expect(s.max).toBeGreaterThan(40 * s.mean);
    // Discrete power-law MLE (Clauset, Shalizi & Newman 2009, eq. 3.7) above kmin = 5m:
    // alpha ≈ 1 + N / Σ ln(k / (kmin − 1/2)). BA theory gives 3; accept [2.6, 3.4] (loose: finite n bias).
    const hist = degreeHistogram(g);
    const kmin = 5 * m;
    let count = 0;
    let sumLog = 0;
    for (let k = kmin; k < hist.length; k++) {
      count += hist[k]!;
      sumLog += hist[k]! * Math.log(k / (kmin - 0.5));
    }
    const alpha = 1 + count / sumLog;
    expect(alpha).toBeGreaterThan(2.6);
    expect(alpha).toBeLessThan(3.4);
  });

  it('starts from a clique on the first m + 1 nodes; n = m + 1 is that clique', () => {
    const k = barabasiAlbert(5, 4, rng(1));
    expect(edgeCount(k)).toBe(10);
    expect(degreeStats(k).min).toBe(4);
  });

  it('is deterministic for a seed', () => {
    const a = barabasiAlbert(5000, 3, rng(2));
    const b = barabasiAlbert(5000, 3, rng(2));
    expect(a.targets).toEqual(b.targets);
    expect(barabasiAlbert(5000, 3, rng(3)).targets).not.toEqual(a.targets);
  });

  it('rejects m < 1 and n < m + 1', () => {
    expect(() => barabasiAlbert(10, 0, rng(1))).toThrow(/m must be an integer >= 1/);
    expect(() => barabasiAlbert(3, 3, rng(1))).toThrow(/n must be an integer >= m \+ 1 = 4/);
  });
});
