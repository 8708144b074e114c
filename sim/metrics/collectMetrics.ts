import { LEDGER_SLOTS, type World } from '../engine/World';
import { BASE_METRICS, type BaseMetric } from './metricLayout';

/** Trust thresholds for the net promoter score: promoters T ≥ 0.7, detractors T < 0.5 (score = 10·T; a model convention, grade A). */
export const PROMOTER_AT = 0.7;
export const DETRACTOR_BELOW = 0.5;

/** Column of a base metric: metricLayout puts BASE_METRICS first, in their order. */
const col = (name: BaseMetric): number => BASE_METRICS.indexOf(name);
const TRUST = col('trust');
const TRUST_ABILITY = col('trust_ability');
const TRUST_BENEVOLENCE = col('trust_benevolence');
const TRUST_INTEGRITY = col('trust_integrity');
const PROMOTERS = col('promoters_share');
const DETRACTORS = col('detractors_share');
const NPS = col('nps');
const AWARE = col('aware_share');
const GRIEVANCE = col('grievance');
const AVOIDANCE = col('avoidance');
const SATISFACTION = col('satisfaction');
const COMPLAINTS = col('complaints');
const WOM_NEGATIVE = col('wom_negative');
const WOM_POSITIVE = col('wom_positive');
const RIGHTS_GROUP = col('rights_group_size');
const CHURNED = col('churned');
const PURCHASES = col('purchases');
const DONATION_POSITIVE = col('donation_reaction_positive');
const DONATION_NEGATIVE = col('donation_reaction_negative');
const REVENUE_LOST = col('revenue_lost_cny');
const CLV_LOST = col('clv_lost_cny');
const VALUE_LOST = col('value_lost_cny');
const MEDIA_ATTENTION = col('media_attention');
const TRENDING = col('trending');
const LAWSUITS = col('lawsuits');
const RESPONSE_COST = col('response_cost_cny');
const NET = col('net_cny');

/** Per-segment accumulators, reused from day to day (a worker thread has its own module instance). */
let scratch = new Float64Array(0);

/**
 * collectMetrics: one pass over the agents, summing in real people per segment, written into the day's slice of
 * the metric cube. Shares and means are weighted by real people; counts are real people.
 */
export function collectMetrics(w: World): void {
  const s = w.s;
  const L = w.layout;
  const M = L.names.length;
  const pop = w.pop;
  const S = pop.segments;
  const K = w.model.incidents.length;
  // Per segment accumulators (row 0 = all): trust, ability, benevolence, integrity, promoters, detractors,
  // grievance, avoidance, claimants' satisfaction, claimant weight, rights-group members.
  const rows = S + 1;
  const Q = 11;
  if (scratch.length < rows * Q) scratch = new Float64Array(rows * Q);
  const acc = scratch;
  acc.fill(0, 0, rows * Q);
  const { ta, tb, ti, T: overall, grievance, avoidance, claimantOf, satisfaction, groupJoin } = s;
  const weight = pop.weight;
  const segStart = pop.segStart;
  // Agents of a segment are contiguous, so each segment sums into locals (kept in registers) and is stored once:
  // the same additions in the same order as one pass over all agents.
  for (let g = 0; g < S; g++) {
    let sT = 0;
    let sA = 0;
    let sB = 0;
    let sI = 0;
    let promoters = 0;
    let detractors = 0;
    let sG = 0;
    let sAv = 0;
    let sSat = 0;
    let claimants = 0;
    let members = 0;
    for (let i = segStart[g], end = segStart[g + 1]; i < end; i++) {
      const wt = weight[i];
      const T = overall[i];
      sT += wt * T;
      sA += wt * ta[i];
      sB += wt * tb[i];
      sI += wt * ti[i];
      if (T >= PROMOTER_AT) promoters += wt;
      else if (T < DETRACTOR_BELOW) detractors += wt;
      sG += wt * grievance[i];
      sAv += wt * avoidance[i];
      if (claimantOf[i] >= 0) {
        sSat += wt * satisfaction[i];
        claimants += wt;
      }
      if (groupJoin[i] >= 0) members += wt;
    }
    const o = (g + 1) * Q;
    acc[o] = sT;
    acc[o + 1] = sA;
    acc[o + 2] = sB;
    acc[o + 3] = sI;
    acc[o + 4] = promoters;
    acc[o + 5] = detractors;
    acc[o + 6] = sG;
    acc[o + 7] = sAv;
    acc[o + 8] = sSat;
    acc[o + 9] = claimants;
    acc[o + 10] = members;
  }
  for (let r = 1; r < rows; r++) for (let q = 0; q < Q; q++) acc[q] += acc[r * Q + q];
  const I = s.inc;
  const seg = s.seg;
  let ledger = 0;
  for (let q = 0; q < LEDGER_SLOTS; q++) ledger += s.ledger[q];
  let attention = 0;
  let trending = 0;
  let lawsuits = 0;
  for (let k = 0; k < K; k++) {
    attention += I.attention[k];
    trending += I.trending[k];
    lawsuits += I.lawsuits[k];
  }
  const day = s.day;
  const totalSize = sumSizes(pop.segSize);
  const v = s.values;
  for (let r = 0; r < rows; r++) {
    const size = r === 0 ? totalSize : pop.segSize[r - 1];
    const o = r * Q;
    const at = (day * rows + r) * M;
    const seg0 = r - 1;
    v[at + TRUST] = acc[o] / size;
    v[at + TRUST_ABILITY] = acc[o + 1] / size;
    v[at + TRUST_BENEVOLENCE] = acc[o + 2] / size;
    v[at + TRUST_INTEGRITY] = acc[o + 3] / size;
    v[at + PROMOTERS] = acc[o + 4] / size;
    v[at + DETRACTORS] = acc[o + 5] / size;
    v[at + NPS] = (100 * (acc[o + 4] - acc[o + 5])) / size;
    v[at + AWARE] = sumSeg(s.awareAnyW, seg0) / size;
    v[at + GRIEVANCE] = acc[o + 6] / size;
    v[at + AVOIDANCE] = acc[o + 7] / size;
    v[at + SATISFACTION] = acc[o + 9] > 0 ? acc[o + 8] / acc[o + 9] : Number.NaN;
    v[at + COMPLAINTS] = sumSeg(seg.complaints, seg0);
    v[at + WOM_NEGATIVE] = sumSeg(seg.womNeg, seg0);
    v[at + WOM_POSITIVE] = sumSeg(seg.womPos, seg0);
    v[at + RIGHTS_GROUP] = acc[o + 10];
    v[at + CHURNED] = sumSeg(seg.churnedCum, seg0);
    v[at + PURCHASES] = sumSeg(seg.purchases, seg0);
    v[at + DONATION_POSITIVE] = sumSeg(seg.donationPos, seg0);
    v[at + DONATION_NEGATIVE] = sumSeg(seg.donationNeg, seg0);
    const revenue = sumSeg(seg.revenueLostCum, seg0);
    const clv = sumSeg(seg.clvLostCum, seg0);
    v[at + REVENUE_LOST] = revenue;
    v[at + CLV_LOST] = clv;
    v[at + VALUE_LOST] = revenue + clv;
    for (let k = 0; k < K; k++) {
      let aw = 0;
      if (r === 0) for (let q = 0; q < S; q++) aw += s.awareW[k * S + q];
      else aw = s.awareW[k * S + r - 1];
      v[at + L.awareK[k]] = aw / size;
      v[at + L.attentionK[k]] = r === 0 ? I.attention[k] : Number.NaN;
    }
    if (r === 0) {
      v[at + MEDIA_ATTENTION] = attention;
      v[at + TRENDING] = trending;
      v[at + LAWSUITS] = lawsuits;
      v[at + RESPONSE_COST] = ledger;
      v[at + NET] = -(ledger + revenue + clv);
    } else {
      v[at + MEDIA_ATTENTION] = Number.NaN;
      v[at + TRENDING] = Number.NaN;
      v[at + LAWSUITS] = Number.NaN;
      v[at + RESPONSE_COST] = Number.NaN;
      v[at + NET] = Number.NaN;
    }
  }
  // Daily counters start again tomorrow.
  seg.complaints.fill(0);
  seg.womNeg.fill(0);
  seg.womPos.fill(0);
  seg.purchases.fill(0);
  seg.donationPos.fill(0);
  seg.donationNeg.fill(0);
}

/** Segment `seg` of a per-segment array, or the sum over segments when `seg` is −1 (the "all" row). */
function sumSeg(a: Float64Array, seg: number): number {
  return seg < 0 ? sumSizes(a) : a[seg];
}

function sumSizes(a: Float64Array): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i];
  return t;
}
