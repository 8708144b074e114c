import { F_DIRTY, F_OBS_COMPLAINT_DONE, F_RECOVERED, L_LEGAL, type World } from '../engine/World';
import { CHURNED, OWNER } from '../population/Population';
import { dayKey, u01, u01At } from '../rng/hash';
import type { BehaviourParams } from '../scenario/schema';
import { fastSigmoid } from './fastSigmoid';

/** Daily churn probability of an owner: logistic in trust and avoidance. */
export function churnProbability(p: BehaviourParams, T: number, avoidance: number): number {
  return (
    p.churnMax *
    fastSigmoid(p.churnIntercept + p.churnTrustSlope * (0.5 - T) + p.churnAvoidanceSlope * avoidance)
  );
}

/** Daily purchase probability: logistic in trust and avoidance. */
export function purchaseProbability(p: BehaviourParams, T: number, avoidance: number): number {
  return (
    p.purchaseMax *
    fastSigmoid(p.purchaseIntercept + p.purchaseTrustSlope * (T - 0.5) - p.purchaseAvoidanceSlope * avoidance)
  );
}

/**
 * actOnBehaviour: complaints, joining a rights group (complex contagion), lawsuits, churn and purchases.
 * - Claimants complain with probability complainSerious after a delay, and again while unresolved and angry;
 *   aggrieved customers who are not claimants complain once with probability complainMinor.
 * - An aggrieved claimant joins its incident's rights group when at least `groupThreshold` of its ties were
 *   members before today (Centola 2010), through the group's visibility, or as an organiser.
 * - A group above `lawsuitGroupSize` files a lawsuit with a daily hazard: an event with a media shock.
 * - Owners churn, in excess of their pre-crisis rate, with a logistic probability in trust and avoidance.
 *   Purchases and revenue lost are expected values (Σ weight·P(buy)), kept incrementally: an agent's
 *   probabilities are recomputed only on days its trust or avoidance changed.
 */
export function actOnBehaviour(w: World): void {
  const s = w.s;
  const I = s.inc;
  const m = w.model.scenario.model;
  const p = m.behaviour;
  const mech = m.mechanisms;
  const pop = w.pop;
  const day = s.day;
  const keys = w.keys;
  const seg = s.seg;
  const K = I.active.length;
  for (let k = 0; k < K; k++) I.complaintsToday[k] = 0;
  const { offsets, targets } = w.graph;
  const groupOn = mech.collectiveAction;
  const groupBefore = I.groupSize.slice();
  const claimants = s.claimantList;
  for (let t = 0; t < claimants.length; t++) {
    const i = claimants[t];
    const k = s.claimantOf[i];
    const wt = pop.weight[i];
    const sg = pop.segment[i];
    let complains = s.complainDay[i] === day;
    const unresolved = (s.flags[i] & F_RECOVERED) === 0;
    if (!complains && unresolved && s.complainDay[i] >= 0 && s.complainDay[i] < day && s.grievance[i] > 0.5) {
      complains = u01(keys.complaint, day, i, 1) < p.repeatComplaint;
    }
    if (complains) {
      seg.complaints[sg] += wt;
      I.complaintsToday[k] += wt;
      I.posts[k] += wt;
    }
    if (groupOn && unresolved && s.groupJoin[i] < 0 && s.grievance[i] >= p.groupGrievance) {
      let members = 0;
      for (let e = offsets[i]; e < offsets[i + 1]; e++) {
        const j = targets[e];
        const jd = s.groupJoin[j];
        if (jd >= 0 && jd < day && s.claimantOf[j] === k) members++;
      }
      let join = members >= p.groupThreshold && u01(keys.group, day, i, 100 + k) < p.groupAdoption;
      if (!join) {
        const pv = Math.min(0.5, p.groupVisibility * groupBefore[k]) + p.groupSeedProbability;
        join = pv > 0 && u01(keys.group, day, i, k) < pv;
      }
      if (join) {
        s.groupJoin[i] = day;
        I.groupSize[k] += wt;
      }
    }
  }
  if (groupOn) groupLawsuits(w, p);
  observerComplaints(w, m.announcements.aggrievedThreshold, p.complainMinor);
  const behaviourOn = mech.behaviour;
  if (behaviourOn) churnAndPurchase(w, p);
  let total = 0;
  for (let k = 0; k < K; k++) {
    I.complaintsTotal[k] += I.complaintsToday[k];
    total += I.complaintsToday[k];
  }
  s.complaintsRing[day % 7] = total;
  if (!behaviourOn) return;
  for (let sg = 0; sg < pop.segments; sg++) {
    seg.purchases[sg] = s.buyRateSeg[sg];
    seg.revenueLostCum[sg] += s.lostRateSeg[sg];
  }
}

/** Rights groups large enough file a lawsuit, with a daily hazard: an event with a media shock. */
function groupLawsuits(w: World, p: BehaviourParams): void {
  const I = w.s.inc;
  const day = w.s.day;
  for (let k = 0; k < I.active.length; k++) {
    if (!I.active[k] || I.resolved[k] || I.lawsuits[k] > 0 || I.groupSize[k] < p.lawsuitGroupSize) continue;
    if (u01(w.keys.lawsuit, day, k, 0) < p.lawsuitHazard) {
      fileLawsuit(w, k, `Lawsuit filed (${w.model.incidents[k].label})`, true);
    }
  }
}

/** Aggrieved customers who are not claimants complain once, with probability complainMinor. */
function observerComplaints(w: World, aggrievedAt: number, complainMinor: number): void {
  const { claimantOf, grievance, flags, status } = w.s;
  const key = dayKey(w.keys.observerComplaint, 0);
  const n = claimantOf.length;
  for (let i = 0; i < n; i++) {
    if (
      grievance[i] < aggrievedAt ||
      claimantOf[i] >= 0 ||
      status[i] !== OWNER ||
      flags[i] & F_OBS_COMPLAINT_DONE
    )
      continue;
    flags[i] |= F_OBS_COMPLAINT_DONE;
    if (u01At(key, i, 0) < complainMinor) observerComplaint(w, i);
  }
}

/**
 * Churn and purchases: probabilities recomputed only for agents marked dirty (trust or avoidance changed);
 * owners churn, in excess of their pre-crisis rate, with one counter-based draw per day.
 */
function churnAndPurchase(w: World, p: BehaviourParams): void {
  const s = w.s;
  const { flags, status, T: overall, avoidance, pBuy, pChurn, buyRateSeg, lostRateSeg, behaviourT } = s;
  const seg = s.seg;
  const { segment, weight } = w.pop;
  const pChurn0 = w.pChurn0;
  const price = p.priceCny;
  const clv = p.clvCny;
  const key = dayKey(w.keys.churn, s.day);
  const n = flags.length;
  for (let i = 0; i < n; i++) {
    const st = status[i];
    if (st === CHURNED) continue;
    if (flags[i] & F_DIRTY) {
      const T = overall[i];
      behaviourT[i] = T;
      const sg = segment[i];
      const wt = weight[i];
      const oldBuy = pBuy[i];
      const newBuy = Math.fround(purchaseProbability(p, T, avoidance[i]));
      pBuy[i] = newBuy;
      buyRateSeg[sg] += (newBuy - oldBuy) * wt;
      lostRateSeg[sg] += (oldBuy - newBuy) * wt * price;
      pChurn[i] = churnProbability(p, T, avoidance[i]) - pChurn0[i];
      flags[i] &= ~F_DIRTY;
    }
    // Churn in excess of the pre-crisis rate is the crisis' own (common random numbers keep it paired).
    if (st === OWNER && pChurn[i] > 0 && u01At(key, i, 0) < pChurn[i]) {
      const sg = segment[i];
      const wt = weight[i];
      status[i] = CHURNED;
      seg.churnedCum[sg] += wt;
      seg.clvLostCum[sg] += wt * clv;
      // The lifetime value lost covers this customer's future purchases: stop counting its revenue shortfall
      // separately, so net_cny does not count it twice.
      buyRateSeg[sg] -= pBuy[i] * wt;
      lostRateSeg[sg] -= (w.pBuy0[i] - pBuy[i]) * wt * price;
      pBuy[i] = 0;
    }
  }
}

/** A vicarious complaint by an aggrieved observer, about the most salient incident it knows. */
function observerComplaint(w: World, i: number): void {
  const s = w.s;
  const I = s.inc;
  const N = w.pop.n;
  const wt = w.pop.weight[i];
  s.seg.complaints[w.pop.segment[i]] += wt;
  let best = -1;
  for (let j = 0; j < I.active.length; j++) {
    if (s.aware[j * N + i] >= 0 && (best < 0 || I.attention[j] > I.attention[best])) best = j;
  }
  if (best >= 0) {
    I.complaintsToday[best] += wt;
    I.posts[best] += wt;
  }
}

/** A lawsuit is filed: an event with a media shock and a legal cost. */
export function fileLawsuit(
  w: World,
  k: number,
  label: string,
  endogenous = false,
  shock = w.model.scenario.model.media.shocks.lawsuit,
): void {
  const s = w.s;
  s.inc.lawsuits[k]++;
  s.inc.shock[k] += shock;
  s.ledger[L_LEGAL] += w.model.scenario.model.behaviour.legalCostCny;
  s.markers.push({
    day: s.day,
    label,
    kind: 'lawsuit',
    incident: w.model.incidents[k].id,
    ...(endogenous ? { endogenous } : {}),
  });
}
