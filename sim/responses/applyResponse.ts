import {
  ACTION,
  type CompiledIncident,
  type CompiledRule,
  type CompiledStrategy,
} from '../engine/compileModel';
import {
  F_ESCALATED,
  F_RECOVERED,
  L_COMPENSATION,
  L_DONATION,
  L_FULFILMENT,
  L_LEGAL,
  L_PR,
  type World,
} from '../engine/World';
import { harmedBy } from '../incidents/fireIncident';
import { MEDIA_LEVELS } from '../population/Population';
import { hash4, u01 } from '../rng/hash';
import { addEvidence, thirdPartyFactor } from '../trust/addEvidence';
import { claimantSatisfaction, compensationRatio, distributiveJustice } from './justice';

const SUBSTANTIVE = new Set<number>([
  ACTION.explanation,
  ACTION.apology,
  ACTION.sympathy,
  ACTION.compensation,
  ACTION.fulfil,
  ACTION['policy-change'],
]);

/** Is there an open dispute (an active incident whose claimants or observers are not yet satisfied)? */
export function openDispute(w: World): number {
  const I = w.s.inc;
  let best = -1;
  let bestA = -1;
  for (let k = 0; k < I.active.length; k++) {
    if (I.active[k] && !I.resolved[k] && I.attention[k] + I.excitation[k] >= bestA) {
      best = k;
      bestA = I.attention[k] + I.excitation[k];
    }
  }
  return best;
}

/** An agent reads good news as hypocrisy when it is aggrieved or a claimant of an unresolved incident. */
function aggrieved(w: World, i: number, threshold: number): boolean {
  const s = w.s;
  if (s.grievance[i] >= threshold) return true;
  const k = s.claimantOf[i];
  return k >= 0 && s.inc.active[k] === 1 && s.inc.resolved[k] === 0;
}

/**
 * applyResponses, for one rule firing today: the direct effect on claimants (service recovery), the
 * announcement effect on aware observers, the media shock and the ledger entry. `repeat`: how many announcements
 * of the same kind and label fired earlier today (their audiences are drawn apart).
 */
export function applyResponse(w: World, rule: CompiledRule, strategy: CompiledStrategy, repeat = 0): void {
  const s = w.s;
  const a = rule.action;
  if (a === ACTION.silence) return;
  if (a === ACTION.donation || a === ACTION['good-news']) {
    announceGoodNews(w, rule, repeat === 0 ? rule.drawKey : hash4(rule.drawKey, repeat, 0, 0));
    return;
  }
  const I = s.inc;
  const targets: number[] = [];
  if (rule.scopeAll) {
    for (let k = 0; k < I.active.length; k++) if (I.active[k] && !I.resolved[k]) targets.push(k);
  } else if (rule.incident >= 0 && I.active[rule.incident]) targets.push(rule.incident);
  if (targets.length === 0) return;
  s.markers.push({
    day: s.day,
    label: rule.label,
    kind: 'response',
    incident: rule.scopeAll ? undefined : w.model.incidents[rule.incident].id,
  });
  for (const k of targets) respondToIncident(w, rule, strategy, w.model.incidents[k]);
}

function respondToIncident(
  w: World,
  rule: CompiledRule,
  strategy: CompiledStrategy,
  inc: CompiledIncident,
): void {
  const s = w.s;
  const I = s.inc;
  const k = inc.index;
  const m = w.model.scenario.model;
  const rp = m.recovery;
  const ap = m.announcements;
  const a = rule.action;
  const unified = strategy.unifiedVoice || rule.scopeAll;
  // 1. The company's record on this incident and the ledger.
  I.answered[k] = 1;
  if (SUBSTANTIVE.has(a) && I.firstResponseDay[k] < 0) I.firstResponseDay[k] = s.day;
  switch (a) {
    case ACTION.template:
      I.templated[k] = 1;
      break;
    case ACTION.excuse:
      I.excused[k] = 1;
      break;
    case ACTION.explanation:
      I.explained[k] = 1;
      break;
    case ACTION.apology:
      I.apologised[k] = 1;
      break;
    case ACTION.sympathy:
      I.sympathised[k] = 1;
      break;
    case ACTION['policy-change']:
      I.policy[k] = 1;
      break;
    case ACTION.compensation:
      if (rule.voucher) I.voucher[k] += rule.amountCny;
      else I.cash[k] += rule.amountCny;
      s.ledger[L_COMPENSATION] += rule.amountCny * I.claimants[k];
      break;
    case ACTION.fulfil:
      if (!I.fulfilled[k]) s.ledger[L_FULFILMENT] += inc.fulfilCostCny * I.claimants[k];
      I.fulfilled[k] = 1;
      break;
    case ACTION.denial:
      I.denied[k] = 1;
      I.shock[k] += m.media.shocks.denial;
      break;
    case ACTION.legal:
      I.legal[k] = 1;
      I.shock[k] += m.media.shocks.legal;
      s.ledger[L_LEGAL] += m.behaviour.legalCostCny * 0.25;
      break;
  }
  if (a !== ACTION.denial && a !== ACTION.legal && a !== ACTION.template)
    I.shock[k] += m.media.shocks.announcement;

  // 2. Claimants: service recovery (justice theory) against their expectation.
  const sOld = I.satisfaction[k];
  const sNew = claimantSatisfaction(I, k, inc, rp, unified);
  I.satisfaction[k] = sNew;
  const E = inc.expectation;
  const c = compensationRatio(I, k, inc, rp);
  const insulting = a === ACTION.compensation && c > 0 && c < rp.insultThreshold;
  const nowResolved = sNew >= E;
  if (nowResolved) I.resolved[k] = 1;
  const pop = w.pop;
  const N = pop.n;
  const seg = inc.claimantSegment;
  if (seg >= 0) {
    const from = pop.segStart[seg];
    const to = pop.segStart[seg + 1];
    const gain = rp.satisfactionGain * Math.max(0, sNew - Math.max(sOld, E));
    const loss = rp.satisfactionGain * Math.max(0, Math.min(sOld, E) - Math.max(sNew, -1)) * 0.5;
    const fast = I.firstResponseDay[k] >= 0 && I.firstResponseDay[k] - inc.day <= 1;
    const fullRecovery = c >= 1 && I.apologised[k] === 1 && fast;
    const r = nowResolved ? Math.min(1, (sNew - E) / Math.max(1e-9, 1 - E)) : 0;
    for (let i = from; i < to; i++) {
      if (!harmedBy(w, inc, strategy, i)) continue;
      if (gain > 0) addEvidence(w.ev, i, gain * inc.mixA, gain * inc.mixB, gain * inc.mixI, 1);
      if (loss > 0 && sNew < sOld) addEvidence(w.ev, i, 0, -loss * 0.5, -loss, 1);
      if (a === ACTION.denial || a === ACTION.legal) {
        const pen = a === ACTION.denial ? ap.denialPenalty : ap.legalPenalty;
        addEvidence(w.ev, i, 0, -0.5 * pen, -pen, 1);
        const g = s.grievance[i] + (a === ACTION.denial ? 0.2 : 0.25);
        s.grievance[i] = g > 1 ? 1 : g;
      }
      if (
        insulting &&
        !(s.flags[i] & F_ESCALATED) &&
        u01(w.keys.escalation, s.day, i, k) < rp.escalationProbability
      ) {
        // Ultimatum-game analogy (grade L, a hypothesis): an insulting token offer provokes punishment.
        s.flags[i] |= F_ESCALATED;
        const g = s.grievance[i] + 0.3;
        s.grievance[i] = g > 1 ? 1 : g;
        addEvidence(w.ev, i, 0, -0.1, -0.15, 1);
      }
      if (nowResolved) {
        s.flags[i] |= F_RECOVERED;
        s.grievance[i] *= 0.5 * (1 - r);
      }
      // Recovery paradox: satisfaction (not trust) may exceed expectation after one fully recovered failure.
      s.satisfaction[i] = sNew + (fullRecovery && s.failures[i] === 1 ? rp.paradoxBonus : 0);
    }
  }

  // 3. Aware observers: the announcement effect depends on the response and the violation (Kim et al. 2004).
  let eA = 0;
  let eB = 0;
  let eI = 0;
  let handling = -1;
  const acc = ap.accommodative;
  switch (a) {
    case ACTION.apology: {
      const thunder = inc.selfDisclosed ? m.incidents.thunderApologyDiscount : 1;
      eA = 0.2 * acc * thunder;
      eB = 0.5 * acc * thunder;
      eI = 0.3 * acc * thunder;
      if (inc.integrityViolation && !I.guilt[k]) eI -= ap.admissionPenalty * inc.mixI;
      handling = 0.8;
      break;
    }
    case ACTION.sympathy:
      eA = 0.1 * acc;
      eB = 0.7 * acc;
      eI = 0.2 * acc;
      handling = 0.7;
      break;
    case ACTION.compensation: {
      const q = Math.min(1, distributiveJustice(c, rp) / distributiveJustice(1, rp));
      eA = 0.2 * acc * q;
      eB = 0.5 * acc * q;
      eI = 0.3 * acc * q;
      if (insulting) eI -= 0.1;
      handling = q;
      break;
    }
    case ACTION.fulfil:
      eA = 0.2 * acc;
      eB = 0.3 * acc;
      eI = 0.5 * acc;
      handling = 1;
      break;
    case ACTION.explanation:
      eA = 0.4 * 0.6 * acc;
      eB = 0.2 * 0.6 * acc;
      eI = 0.4 * 0.6 * acc;
      handling = 0.5;
      break;
    case ACTION['policy-change']:
      eI = ap.policyGain;
      handling = 0.6;
      break;
    case ACTION.excuse:
      eA = 0.25 * acc;
      handling = 0.2;
      break;
    case ACTION.template:
      eI = -0.02;
      handling = 0.05;
      break;
    case ACTION.denial:
      eI = inc.integrityViolation && !I.guilt[k] ? ap.denialCredit : -ap.denialPenalty;
      I.handling[k] *= 0.5;
      break;
    case ACTION.legal:
      eI = -ap.legalPenalty;
      I.handling[k] *= 0.5;
      break;
  }
  if (handling > I.handling[k]) I.handling[k] = handling;
  if (eA === 0 && eB === 0 && eI === 0) return;
  const buffer = m.trust.commitmentBuffer;
  const aware = s.aware;
  const base = k * N;
  for (let i = 0; i < N; i++) {
    if (aware[base + i] < 0 || (s.claimantOf[i] >= 0 && harmedBy(w, inc, strategy, i))) continue;
    const nf = 0.5 + (0.5 * pop.mediaLevel[i]) / MEDIA_LEVELS;
    addEvidence(w.ev, i, eA * nf, eB * nf, eI * nf, thirdPartyFactor(buffer, pop.commitment[i]));
  }
}

/** Donation / CSR and good-news PR: praise from the uninvolved, hypocrisy among the aggrieved during an open dispute. */
function announceGoodNews(w: World, rule: CompiledRule, drawKey: number): void {
  const s = w.s;
  const m = w.model.scenario.model;
  const ap = m.announcements;
  const pop = w.pop;
  const N = pop.n;
  const donation = rule.action === ACTION.donation;
  s.ledger[donation ? L_DONATION : L_PR] += rule.amountCny;
  s.markers.push({ day: s.day, label: rule.label, kind: 'announcement' });
  const dispute = openDispute(w);
  // A donation with no dispute open is CSR history: it shields incidents that break later (SF9).
  if (donation && dispute < 0) s.csrHistory = 1;
  const buffer = m.trust.commitmentBuffer;
  const seg = s.seg;
  for (let i = 0; i < N; i++) {
    const reach = ap.reach * (0.3 + (0.7 * pop.mediaLevel[i]) / MEDIA_LEVELS);
    if (u01(w.keys.announce, s.day, i, drawKey) >= reach) continue;
    const sg = pop.segment[i];
    const wt = pop.weight[i];
    if (dispute >= 0 && aggrieved(w, i, ap.aggrievedThreshold)) {
      if (donation) {
        // Perceived hypocrisy (Wagner, Lutz & Weitz 2009): "you have this money but won't ship a fridge".
        addEvidence(w.ev, i, 0, 0, -ap.hypocrisyPenalty, thirdPartyFactor(buffer, pop.commitment[i]));
        const g = s.grievance[i] + ap.hypocrisyGrievance;
        s.grievance[i] = g > 1 ? 1 : g;
        seg.donationNeg[sg] += wt;
        if (u01(w.keys.mock, s.day, i, drawKey) < ap.mockingProbability) {
          seg.womNeg[sg] += wt;
          s.inc.posts[dispute] += wt;
        }
      }
      // Good-news PR among the aggrieved: nothing (it counts as silence on the dispute).
    } else if (donation) {
      addEvidence(w.ev, i, 0, ap.donationGain, 0, 1);
      seg.donationPos[sg] += wt;
    } else {
      addEvidence(w.ev, i, ap.goodNewsGain, 0, 0, 1);
    }
  }
}

/**
 * Silence as a non-response: each day an incident stays salient and unanswered costs the aware a little
 * integrity (stonewalling), in proportion to its attention relative to the trending threshold.
 */
export function applyStonewalling(w: World): void {
  const s = w.s;
  const I = s.inc;
  const m = w.model.scenario.model;
  const mp = m.media;
  const per = m.announcements.stonewallingPerDay;
  if (per === 0) return;
  const N = w.pop.n;
  const buffer = m.trust.commitmentBuffer;
  for (let k = 0; k < I.active.length; k++) {
    if (!I.active[k] || I.answered[k] || I.attention[k] < mp.salientThreshold) continue;
    const e = -per * Math.min(1, I.attention[k] / Math.max(1e-9, mp.trendingThreshold));
    const base = k * N;
    for (let i = 0; i < N; i++) {
      if (s.aware[base + i] < 0) continue;
      addEvidence(w.ev, i, 0, 0, e, thirdPartyFactor(buffer, w.pop.commitment[i]));
    }
  }
}
