import type { Evidence } from '../engine/World';
import type { TrustParams } from '../scenario/schema';
import { lambda } from './lambda';

export interface TrustState {
  ta: Float64Array;
  tb: Float64Array;
  ti: Float64Array;
  T: Float64Array;
  /** Integrity ceiling after proven deception (1 = none). */
  ceilI: Float64Array;
  /** Claimants (≥ 0) cannot be lifted above their pre-failure level by good news (recovery paradox). */
  claimantOf: Int8Array;
  flags: Uint8Array;
}

export interface TrustBaseline {
  ability0: Float64Array;
  benevolence0: Float64Array;
  integrity0: Float64Array;
}

/**
 * One facet step in log-odds: logit(x') = logit(x) + 4η·(pos + λ(x)·neg). For small steps this is the
 * brief's x += η·s·e·(1 − x) (good) / x += η·λ·s·e·x (bad) scaled by 4x(1−x); exact in log-odds, so the
 * facet can never leave (0,1) however much evidence arrives in one day (see docs/ODD.md §7.7).
 */
export function stepFacet(x: number, pos: number, neg: number, eta4: number, lambdaPeak: number): number {
  if (pos === 0 && neg === 0) return x; // no evidence on this facet today (λ is finite, so d would be 0)
  const d = eta4 * (pos + lambda(x, lambdaPeak) * neg);
  if (d === 0) return x;
  return x / (x + (1 - x) * Math.exp(-d));
}

/**
 * updateTrust: applies the day's evidence to every agent that received some (the touched list), then clears it.
 * Marks changed agents dirty (their churn/purchase probabilities are recomputed).
 */
export function updateTrust(
  p: TrustParams,
  facetW: readonly [number, number, number],
  st: TrustState,
  base: TrustBaseline,
  ev: Evidence,
  dirtyBit: number,
): void {
  const n = st.ta.length;
  if (ev.count * 8 > n) {
    // Many agents touched: a linear scan over the marks is kinder to the cache than the touched list.
    let c = 0;
    const mark = ev.mark;
    for (let i = 0; i < n; i++) if (mark[i] !== 0) ev.touched[c++] = i;
  }
  applyEvidence(p, facetW, st, base, ev, dirtyBit);
}

/**
 * Trust repair by consistent behaviour (Schweitzer et al. 2006): agents that are not aggrieved drift back
 * towards their pre-crisis facets with a half-life, never above them and never above a deception ceiling.
 * Only agents more than 0.001 below their baseline move.
 */
export function revertTrust(
  p: TrustParams,
  facetW: readonly [number, number, number],
  st: TrustState & { grievance: Float32Array; behaviourT: Float32Array },
  base: TrustBaseline,
  aggrievedAt: number,
  dirtyBit: number,
): void {
  const r = 1 - 2 ** (-1 / p.reversionHalfLifeDays);
  const { ta, tb, ti, T, ceilI, flags, grievance, behaviourT } = st;
  const { ability0, benevolence0, integrity0 } = base;
  const [fa, fb, fi] = facetW;
  const n = ta.length;
  for (let i = 0; i < n; i++) {
    if (grievance[i] >= aggrievedAt) continue;
    const da = ability0[i] - ta[i];
    const db = benevolence0[i] - tb[i];
    const di = Math.min(integrity0[i], ceilI[i]) - ti[i];
    if (da < 0.001 && db < 0.001 && di < 0.001) continue;
    const a = da > 0 ? ta[i] + r * da : ta[i];
    const b = db > 0 ? tb[i] + r * db : tb[i];
    const c = di > 0 ? ti[i] + r * di : ti[i];
    ta[i] = a;
    tb[i] = b;
    ti[i] = c;
    const t = fa * a + fb * b + fi * c;
    T[i] = t;
    // The slow drift only refreshes churn and purchase probabilities once it has moved trust by 0.002 since the
    // last refresh (about 1% of a purchase probability), instead of every day.
    if (Math.abs(t - behaviourT[i]) > 0.002) flags[i] |= dirtyBit;
  }
}

function applyEvidence(
  p: TrustParams,
  facetW: readonly [number, number, number],
  st: TrustState,
  base: TrustBaseline,
  ev: Evidence,
  dirtyBit: number,
): void {
  const eta4 = 4 * p.learningRate;
  const lp = p.lambdaPeak;
  const [fa, fb, fi] = facetW;
  const { posA, posB, posI, negA, negB, negI, mark } = ev;
  const { ta, tb, ti, T, ceilI, claimantOf, flags } = st;
  const touched = ev.touched;
  const count = ev.count;
  for (let t = 0; t < count; t++) {
    const i = touched[t];
    mark[i] = 0;
    const pa = posA[i];
    const pb = posB[i];
    const pi = posI[i];
    const na = negA[i];
    const nb = negB[i];
    const ni = negI[i];
    let a = stepFacet(ta[i], pa, na, eta4, lp);
    let b = stepFacet(tb[i], pb, nb, eta4, lp);
    let c = stepFacet(ti[i], pi, ni, eta4, lp);
    if (claimantOf[i] >= 0) {
      // Recovery paradox is narrow: good news never lifts a victim above its pre-failure trust.
      if (a > ta[i]) a = Math.min(a, Math.max(ta[i], base.ability0[i]));
      if (b > tb[i]) b = Math.min(b, Math.max(tb[i], base.benevolence0[i]));
      if (c > ti[i]) c = Math.min(c, Math.max(ti[i], base.integrity0[i]));
    }
    if (c > ceilI[i]) c = ceilI[i];
    ta[i] = a;
    tb[i] = b;
    ti[i] = c;
    T[i] = fa * a + fb * b + fi * c;
    flags[i] |= dirtyBit;
    posA[i] = 0;
    posB[i] = 0;
    posI[i] = 0;
    negA[i] = 0;
    negB[i] = 0;
    negI[i] = 0;
  }
  ev.count = 0;
}
