import type { CompiledIncident } from '../engine/compileModel';
import type { IncidentState } from '../engine/World';
import type { RecoveryParams } from '../scenario/schema';

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Distributive justice g(c) for a cancelled or rejected order, c = compensation ÷ loss: an S-curve
 * normalised to g(0) = 0, steepest near the midpoint (Gelbrich, Gäthke & Grégoire 2015), flat past the
 * plateau and falling slightly beyond it (Haesevoets et al. 2017).
 */
export function distributiveJustice(c: number, p: RecoveryParams): number {
  const m = p.sCurveMidpoint;
  const sc = p.sCurveScale;
  const g0 = logistic(-m / sc);
  const cc = Math.min(Math.max(c, 0), p.plateauAt);
  let g = (logistic((cc - m) / sc) - g0) / (1 - g0);
  if (c > p.plateauAt) g -= p.overCompensationSlope * (c - p.plateauAt);
  return g;
}

/** Compensation ratio c: cash plus vouchers at their discount, plus 1 for full performance of the contract. */
export function compensationRatio(
  I: IncidentState,
  k: number,
  inc: CompiledIncident,
  p: RecoveryParams,
): number {
  const inKind = I.fulfilled[k] ? 1 : 0;
  if (inc.lossCny <= 0) return inKind;
  return (I.cash[k] + p.voucherFactor * I.voucher[k]) / inc.lossCny + inKind;
}

/** Interactional justice in −1..1: the best accommodating word so far, pulled down by denials and legal manoeuvres. */
export function interactionalJustice(I: IncidentState, k: number, p: RecoveryParams): number {
  const v = p.interactional;
  let best = Number.NEGATIVE_INFINITY;
  if (I.apologised[k]) best = Math.max(best, v.apology);
  if (I.sympathised[k]) best = Math.max(best, v.sympathy);
  if (I.explained[k] || I.policy[k]) best = Math.max(best, v.explanation);
  if (I.excused[k]) best = Math.max(best, v.excuse);
  if (I.templated[k]) best = Math.max(best, v.template);
  if (best === Number.NEGATIVE_INFINITY) best = 0;
  let x = best;
  if (I.denied[k]) x += v.denial;
  if (I.legal[k]) x += v.legal;
  return Math.max(-1, Math.min(1, x));
}

/** Procedural justice: speed exp(−delay/τ) of the first substantive response, halved-ish when lines answer separately; 0 after a legal manoeuvre. */
export function proceduralJustice(
  I: IncidentState,
  k: number,
  inc: CompiledIncident,
  p: RecoveryParams,
  unified: boolean,
): number {
  if (I.firstResponseDay[k] < 0 || I.legal[k]) return 0;
  const delay = Math.max(0, I.firstResponseDay[k] - inc.day);
  return Math.exp(-delay / p.proceduralTauDays) * (unified ? 1 : p.fragmentedFactor);
}

/** Claimants' satisfaction with the handling: justice-weighted sum, distributive > interactional > procedural (Orsingher et al. 2010). */
export function claimantSatisfaction(
  I: IncidentState,
  k: number,
  inc: CompiledIncident,
  p: RecoveryParams,
  unified: boolean,
): number {
  const w = p.justiceWeights;
  const c = compensationRatio(I, k, inc, p);
  return (
    w.distributive * distributiveJustice(c, p) +
    w.interactional * interactionalJustice(I, k, p) +
    w.procedural * proceduralJustice(I, k, inc, p, unified)
  );
}
