/**
 * The analytic results of EVIDENCE.md §(c), computed from their formulas (not copied as numbers), so the targets
 * of the oracle checks follow their parameters. test/validation/closedForms.test.ts pins them to the values
 * EVIDENCE.md quotes.
 */

/** Fixed point of x = f(x) by iteration from x0 (f must be a contraction near the root). */
function fixedPoint(f: (x: number) => number, x0: number): number {
  let x = x0;
  for (let i = 0; i < 10_000; i++) {
    const y = f(x);
    if (Math.abs(y - x) < 1e-15) return y;
    x = y;
  }
  return x;
}

/** O1: final ignorant fraction θ of the Daley–Kendall / Maki–Thompson rumour, θ = exp(−2(1 − θ)) (θ < 1 root). */
export function rumourIgnorantFraction(): number {
  return fixedPoint((t) => Math.exp(-2 * (1 - t)), 0);
}

/** O1: peak spreader fraction of the rumour with one initial spreader, 1 − ln 2. */
export function rumourPeakSpreaders(): number {
  return 1 - Math.LN2;
}

/**
 * O1 in the simulator's daily scheme, mean field: each day a spreader talks with probability p to one random other
 * agent, so the ignorant, spreader shares (i, s) move by i' = i − p·s·i, s' = s + p·s·i − p·s·(1 − i): the Euler
 * step p of the continuous-time equations. Returns the final ignorant share and the peak spreader share; their gap
 * to the N → ∞ values is the step-size error of the daily scheme.
 */
export function rumourDailyMeanField(p: number, n: number): { theta: number; peak: number } {
  let i = 1 - 1 / n;
  let s = 1 / n;
  let peak = s;
  for (let t = 0; t < 1_000_000 && s > 1e-12; t++) {
    const di = p * s * i;
    const ds = p * s * i - p * s * (1 - i);
    i -= di;
    s += ds;
    if (s > peak) peak = s;
  }
  return { theta: i, peak };
}

/** O2: SIR attack rate z = 1 − exp(−R₀ z), the positive root (0 when R₀ ≤ 1). */
export function sirFinalSize(r0: number): number {
  if (r0 <= 1) return 0;
  return fixedPoint((z) => 1 - Math.exp(-r0 * z), 1);
}

/** O2: per-edge transmissibility of a daily SIR with per-day transmission p and recovery γ: p/(p + γ − pγ). */
export function transmissibility(p: number, gamma: number): number {
  return p / (p + gamma - p * gamma);
}

/** O3: Bass cumulative adoption F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p) e^(−(p+q)t)). */
export function bassF(t: number, p: number, q: number): number {
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

/** O3: Bass peak time t* = ln(q/p)/(p + q), F(t*) = ½ − p/(2q) and peak rate f(t*) = (p + q)²/(4q). */
export function bassPeak(p: number, q: number): { t: number; F: number; f: number } {
  return { t: Math.log(q / p) / (p + q), F: 0.5 - p / (2 * q), f: (p + q) ** 2 / (4 * q) };
}

/** Row-normalise a non-negative matrix (DeGroot's W from tie weights). */
export function rowNormalise(a: number[][]): number[][] {
  return a.map((row) => {
    const s = row.reduce((x, y) => x + y, 0);
    return row.map((v) => v / s);
  });
}

/** O4: the left eigenvector πᵀW = πᵀ of a row-stochastic, strongly connected, aperiodic W (power iteration). */
export function stationaryDistribution(w: number[][]): number[] {
  const n = w.length;
  let pi = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 100_000; it++) {
    const next = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) next[j] += pi[i] * w[i][j];
    let diff = 0;
    for (let j = 0; j < n; j++) diff += Math.abs(next[j] - pi[j]);
    pi = next;
    if (diff < 1e-16) break;
  }
  return pi;
}

/** O4: DeGroot consensus πᵀx(0). */
export function degrootConsensus(w: number[][], x0: number[]): number {
  const pi = stationaryDistribution(w);
  return pi.reduce((s, p, i) => s + p * x0[i], 0);
}

/** Solve A x = b by Gaussian elimination with partial pivoting (small dense systems). */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** O5: Friedkin–Johnsen limit x* = (I − ΛW)⁻¹ (I − Λ) x(0), Λ = diag(lambda). */
export function friedkinJohnsenLimit(w: number[][], lambda: number[], x0: number[]): number[] {
  const a = w.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - lambda[i] * v));
  return solveLinear(
    a,
    x0.map((x, i) => (1 - lambda[i]) * x),
  );
}

/** O6: stationary mean rate μ/(1 − n) of a Hawkes process with branching ratio n < 1. */
export function hawkesMeanRate(mu: number, n: number): number {
  return mu / (1 - n);
}

/**
 * O6: long-run variance per day of the discrete Hawkes intensity λₜ (Poisson counts, geometric kernel with total
 * weight n): the counts' spectral density at 0 is μ/(1 − n)³, the intensity's n² times that. The standard error
 * of a T-day time average of λ is √(n²μ/((1 − n)³ T)).
 */
export function hawkesIntensityLongRunVariance(mu: number, n: number): number {
  return (n * n * mu) / (1 - n) ** 3;
}
