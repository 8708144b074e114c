import { F_DIRTY, F_RECOVERED, refreshOverall, type World } from '../engine/World';
import { becomeAware } from '../incidents/becomeAware';
import { dayKey, u01, u01At } from '../rng/hash';
import { addEvidence, thirdPartyFactor } from '../trust/addEvidence';

/**
 * spreadWordOfMouth, in three parts that all read the state as it was at the start of the phase:
 * 1. incident talk: spreaders (aware since an earlier day) talk with a probability rising with grievance
 *    (arousal) and salience; a talk reaches each tie (or one random tie) and makes unaware ties aware; a
 *    talker who reaches someone already aware may stop (stifling); spreaders also stop by themselves
 *    (forgetting). The message carries the sender's stance as third-party evidence, ignored beyond the
 *    confidence bound ε. With media, chatter and stance switched off this is the Maki–Thompson rumour
 *    (one tie, stifling 1), SI/SIR (each tie, forgetting) or an independent cascade.
 * 2. everyday chatter about the brand, positive with probability T^κ / (T^κ + (1−T)^κ): about 3:1 positive.
 * 3. the classic stance rules when selected: DeGroot, Friedkin–Johnsen, Deffuant.
 */
export function spreadWordOfMouth(w: World): void {
  const mech = w.model.scenario.model.mechanisms;
  const rule = w.model.scenario.model.wom.stanceRule;
  if (mech.wordOfMouth) incidentTalk(w);
  if (mech.chatter) chatter(w);
  if (rule === 'degroot' || rule === 'friedkin-johnsen') linearAveraging(w, rule === 'friedkin-johnsen');
  else if (rule === 'deffuant') deffuant(w);
}

/**
 * Incident talk. The scan over spreaders is kept small (its draws inline); what a spreader who talks does is in
 * `talk`, called for the few who talk today.
 */
function incidentTalk(w: World): void {
  const s = w.s;
  const I = s.inc;
  const m = w.model.scenario.model;
  const p = m.wom;
  const mediaOn = m.mechanisms.media;
  const pop = w.pop;
  const talkativeness = pop.talkativeness;
  const N = pop.n;
  const day = s.day;
  const talkKey = dayKey(w.keys.talk, day);
  const forgetKey = dayKey(w.keys.forget, day);
  const { spreading, aware, grievance } = s;
  const rate = p.talkRate * 2;
  const arousal = p.arousalGain;
  const forget = p.forgetProbability;
  for (let k = 0; k < I.active.length; k++) {
    if (!I.active[k]) continue;
    const base = k * N;
    const a = I.attention[k];
    const salience = mediaOn ? 0.3 + (0.7 * a) / (a + 2 * m.media.salientThreshold + 1e-9) : 1;
    for (let i = 0; i < N; i++) {
      if (spreading[base + i] !== 1 || aware[base + i] >= day) continue;
      const pt = rate * talkativeness[i] * (1 + arousal * grievance[i]) * salience;
      // A talker who met someone already aware may stop spreading (stifled): then it does not also forget.
      if (u01At(talkKey, i, k) < pt && talk(w, k, i)) continue;
      if (forget > 0 && u01At(forgetKey, i, k) < forget) spreading[base + i] = 2;
    }
  }
}

/**
 * Spreader i talks about incident k today: counts the post, reaches each tie or one random tie, makes unaware
 * ties aware and passes its stance on as evidence. Returns true when it was stifled (met someone aware).
 */
function talk(w: World, k: number, i: number): boolean {
  const s = w.s;
  const I = s.inc;
  const p = w.model.scenario.model.wom;
  const { offsets, targets, weights } = w.graph;
  const pop = w.pop;
  const N = pop.n;
  const day = s.day;
  const keys = w.keys;
  const inc = w.model.incidents[k];
  const base = k * N;
  const eachTie = p.contact === 'each-tie';
  const Ti = s.T[i];
  const recovered = s.claimantOf[i] === k && (s.flags[i] & F_RECOVERED) !== 0;
  const defender = Ti >= 0.75 && pop.commitment[i] >= 0.5;
  const negative = !(recovered || defender);
  const wt = pop.weight[i];
  const sg = pop.segment[i];
  if (negative) {
    s.seg.womNeg[sg] += wt;
    I.posts[k] += wt;
  } else s.seg.womPos[sg] += wt;
  const q = Math.min(1, p.contactProbability * (negative ? p.negativityWeight : 1));
  const off = offsets[i];
  const deg = offsets[i + 1] - off;
  let from = off;
  let to = off + deg;
  if (!eachTie) {
    if (deg === 0 || u01(keys.contact, day, i, k) >= q) {
      from = to;
    } else {
      from = off + Math.floor(u01(keys.contact, day, i, 1000 + k) * deg);
      to = from + 1;
    }
  }
  const evidenceStance = p.stanceRule === 'evidence';
  const buffer = w.model.scenario.model.trust.commitmentBuffer;
  const eps = p.confidenceBound;
  let metAware = false;
  for (let e = from; e < to; e++) {
    if (eachTie && u01(keys.contact, day, i, e * 37 + k) >= q) continue;
    const j = targets[e];
    if (j === i) continue;
    if (s.aware[base + j] < 0) becomeAware(w, inc, j);
    else metAware = true;
    if (evidenceStance) {
      const Tj = s.T[j];
      if (Math.abs(Ti - Tj) > eps) continue;
      const infl = p.influence * (weights ? weights[e] : 1) * (0.5 + pop.susceptibility[j]);
      if (negative) {
        addEvidence(
          w.ev,
          j,
          -infl * inc.mixA,
          -infl * inc.mixB,
          -infl * inc.mixI,
          thirdPartyFactor(buffer, pop.commitment[j]),
        );
      } else addEvidence(w.ev, j, infl / 3, infl / 3, infl / 3, 1);
    }
  }
  if (metAware && p.stifleProbability > 0 && u01(keys.stifle, day, i, k) < p.stifleProbability) {
    s.spreading[base + i] = 2;
    return true;
  }
  return false;
}

/** Candidate index of the chatter skip-sampler; far above any agent id so it never meets a per-agent draw. */
const SKIP_SLOT = 0x7fffff00;

/** Writes the classic rules' next facets, keeping any deception ceiling on integrity. */
function commitNext(w: World): void {
  const s = w.s;
  const nx = w.next!;
  const ceil = s.ceilI;
  const flags = s.flags;
  for (let i = 0; i < ceil.length; i++) {
    if (nx.i[i] > ceil[i]) nx.i[i] = ceil[i];
    flags[i] |= F_DIRTY;
  }
  s.ta.set(nx.a);
  s.tb.set(nx.b);
  s.ti.set(nx.i);
  refreshOverall(w);
}

function chatter(w: World): void {
  const s = w.s;
  const m = w.model.scenario.model;
  const p = m.wom;
  const { offsets, targets, weights } = w.graph;
  const pop = w.pop;
  const N = pop.n;
  const day = s.day;
  const chatterKey = dayKey(w.keys.chatter, day);
  const valenceKey = dayKey(w.keys.valence, day);
  const kappa = p.chatterSharpness;
  const eps = p.confidenceBound;
  const buffer = m.trust.commitmentBuffer;
  const infl0 = p.influence * 0.25;
  const stance = p.stanceRule === 'evidence';
  const T = s.T;
  // Thinning: candidates are drawn with the largest possible probability by geometric skipping (the same
  // candidates for every strategy), then each is kept with its own probability / pmax.
  const pmax = Math.min(1, p.chatterRate * 2 * (1 + p.dissatisfiedTalkGain));
  if (pmax <= 0) return;
  const lq = pmax < 1 ? Math.log(1 - pmax) : 0;
  let i = -1;
  let r = 0;
  for (;;) {
    if (pmax < 1) i += 1 + Math.floor(Math.log(1 - u01At(chatterKey, SKIP_SLOT, r++)) / lq);
    else i++;
    if (i >= N) break;
    const Ti = T[i];
    const dis = Ti < 0.5 ? (0.5 - Ti) * 2 : 0;
    const pc = p.chatterRate * 2 * pop.talkativeness[i] * (1 + p.dissatisfiedTalkGain * dis);
    if (u01At(chatterKey, i, 0) * pmax >= pc) continue;
    const tk = Ti ** kappa;
    const positive = u01At(valenceKey, i, 0) < tk / (tk + (1 - Ti) ** kappa);
    const wt = pop.weight[i];
    if (positive) s.seg.womPos[pop.segment[i]] += wt;
    else s.seg.womNeg[pop.segment[i]] += wt;
    if (!stance) continue;
    const off = offsets[i];
    const deg = offsets[i + 1] - off;
    if (deg === 0) continue;
    const e = off + Math.floor(u01At(chatterKey, i, 1) * deg);
    const j = targets[e];
    if (j === i || Math.abs(Ti - T[j]) > eps) continue;
    const infl = infl0 * (weights ? weights[e] : 1) * (0.5 + pop.susceptibility[j]);
    if (positive) addEvidence(w.ev, j, infl / 3, infl / 3, infl / 3, 1);
    else addEvidence(w.ev, j, -infl / 3, -infl / 3, -infl / 3, thirdPartyFactor(buffer, pop.commitment[j]));
  }
}

/**
 * DeGroot x(t+1) = W x(t), and Friedkin–Johnsen x(t+1) = ΛW x(t) + (I − Λ) x(0) with Λ = susceptibility,
 * applied to each facet. W is the row-normalised tie-weight matrix (self-loops from an edge list count).
 */
function linearAveraging(w: World, stubborn: boolean): void {
  const s = w.s;
  const nx = w.next!;
  const { offsets, targets, weights } = w.graph;
  const pop = w.pop;
  const N = pop.n;
  for (let i = 0; i < N; i++) {
    const off = offsets[i];
    const end = offsets[i + 1];
    if (end === off) {
      nx.a[i] = s.ta[i];
      nx.b[i] = s.tb[i];
      nx.i[i] = s.ti[i];
      continue;
    }
    let sw = 0;
    let xa = 0;
    let xb = 0;
    let xi = 0;
    for (let e = off; e < end; e++) {
      const wt = weights ? weights[e] : 1;
      const j = targets[e];
      sw += wt;
      xa += wt * s.ta[j];
      xb += wt * s.tb[j];
      xi += wt * s.ti[j];
    }
    xa /= sw;
    xb /= sw;
    xi /= sw;
    if (stubborn) {
      const l = pop.susceptibility[i];
      xa = l * xa + (1 - l) * pop.ability0[i];
      xb = l * xb + (1 - l) * pop.benevolence0[i];
      xi = l * xi + (1 - l) * pop.integrity0[i];
    }
    nx.a[i] = xa;
    nx.b[i] = xb;
    nx.i[i] = xi;
  }
  commitNext(w);
}

/** Pairwise bounded confidence (Deffuant et al. 2000): each agent meets one random tie and, when their overall
 * trust differs by less than ε, moves each facet a share μ = influence towards it. */
function deffuant(w: World): void {
  const s = w.s;
  const nx = w.next!;
  const { offsets, targets } = w.graph;
  const N = w.pop.n;
  const p = w.model.scenario.model.wom;
  const mu = p.influence;
  nx.a.set(s.ta);
  nx.b.set(s.tb);
  nx.i.set(s.ti);
  for (let i = 0; i < N; i++) {
    const off = offsets[i];
    const deg = offsets[i + 1] - off;
    if (deg === 0) continue;
    const j = targets[off + Math.floor(u01(w.keys.contact, s.day, i, 7) * deg)];
    if (Math.abs(s.T[i] - s.T[j]) >= p.confidenceBound) continue;
    nx.a[i] += mu * (s.ta[j] - s.ta[i]);
    nx.b[i] += mu * (s.tb[j] - s.tb[i]);
    nx.i[i] += mu * (s.ti[j] - s.ti[i]);
  }
  commitNext(w);
}
