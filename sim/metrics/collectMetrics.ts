import { LEDGER_SLOTS, type World } from '../engine/World';

/** Trust thresholds for the net promoter score: promoters T ≥ 0.7, detractors T < 0.5 (score = 10·T; a model convention, grade A). */
export const PROMOTER_AT = 0.7;
export const DETRACTOR_BELOW = 0.5;

/**
 * collectMetrics: one pass over the agents, summing in real people per segment, written into the day's slice of
 * the metric cube. Shares and means are weighted by real people; counts are real people.
 */
export function collectMetrics(w: World): void {
  const s = w.s;
  const L = w.layout;
  const M = L.names.length;
  const pop = w.pop;
  const N = pop.n;
  const S = pop.segments;
  const K = w.model.incidents.length;
  const ix = L.index;
  // Per segment accumulators (row 0 = all): trust, ability, benevolence, integrity, promoters, detractors,
  // grievance, avoidance, claimants' satisfaction, claimant weight, rights-group members.
  const rows = S + 1;
  const Q = 11;
  const acc = new Float64Array(rows * Q);
  const { ta, tb, ti, T: overall, grievance, avoidance, claimantOf, satisfaction, groupJoin } = s;
  const segment = pop.segment;
  const weight = pop.weight;
  for (let i = 0; i < N; i++) {
    const o = (segment[i] + 1) * Q;
    const wt = weight[i];
    const a = ta[i];
    const b = tb[i];
    const c = ti[i];
    const T = overall[i];
    acc[o] += wt * T;
    acc[o + 1] += wt * a;
    acc[o + 2] += wt * b;
    acc[o + 3] += wt * c;
    if (T >= PROMOTER_AT) acc[o + 4] += wt;
    else if (T < DETRACTOR_BELOW) acc[o + 5] += wt;
    acc[o + 6] += wt * grievance[i];
    acc[o + 7] += wt * avoidance[i];
    if (claimantOf[i] >= 0) {
      acc[o + 8] += wt * satisfaction[i];
      acc[o + 9] += wt;
    }
    if (groupJoin[i] >= 0) acc[o + 10] += wt;
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
  for (let r = 0; r < rows; r++) {
    const size = r === 0 ? totalSize : pop.segSize[r - 1];
    const o = r * Q;
    const v = s.values;
    const at = (day * rows + r) * M;
    const put = (name: string, value: number) => {
      v[at + ix[name]] = value;
    };
    const sumSeg = (arr: Float64Array) => (r === 0 ? sumSizes(arr) : arr[r - 1]);
    put('trust', acc[o] / size);
    put('trust_ability', acc[o + 1] / size);
    put('trust_benevolence', acc[o + 2] / size);
    put('trust_integrity', acc[o + 3] / size);
    put('promoters_share', acc[o + 4] / size);
    put('detractors_share', acc[o + 5] / size);
    put('nps', (100 * (acc[o + 4] - acc[o + 5])) / size);
    put('aware_share', sumSeg(s.awareAnyW) / size);
    put('grievance', acc[o + 6] / size);
    put('avoidance', acc[o + 7] / size);
    put('satisfaction', acc[o + 9] > 0 ? acc[o + 8] / acc[o + 9] : Number.NaN);
    put('complaints', sumSeg(seg.complaints));
    put('wom_negative', sumSeg(seg.womNeg));
    put('wom_positive', sumSeg(seg.womPos));
    put('rights_group_size', acc[o + 10]);
    put('churned', sumSeg(seg.churnedCum));
    put('purchases', sumSeg(seg.purchases));
    put('donation_reaction_positive', sumSeg(seg.donationPos));
    put('donation_reaction_negative', sumSeg(seg.donationNeg));
    const revenue = sumSeg(seg.revenueLostCum);
    const clv = sumSeg(seg.clvLostCum);
    put('revenue_lost_cny', revenue);
    put('clv_lost_cny', clv);
    for (let k = 0; k < K; k++) {
      let aw = 0;
      if (r === 0) for (let q = 0; q < S; q++) aw += s.awareW[k * S + q];
      else aw = s.awareW[k * S + r - 1];
      v[at + L.awareK[k]] = aw / size;
      v[at + L.attentionK[k]] = r === 0 ? I.attention[k] : Number.NaN;
    }
    if (r === 0) {
      put('media_attention', attention);
      put('trending', trending);
      put('lawsuits', lawsuits);
      put('response_cost_cny', ledger);
      put('net_cny', -(ledger + revenue + clv));
    } else {
      put('media_attention', Number.NaN);
      put('trending', Number.NaN);
      put('lawsuits', Number.NaN);
      put('response_cost_cny', Number.NaN);
      put('net_cny', Number.NaN);
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

function sumSizes(a: Float64Array): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i];
  return t;
}
