import { beta, betaFromMeanSd } from '../rng/beta';
import type { RandomSource } from '../rng/Stream';
import { Stream } from '../rng/Stream';
import type { Segment } from '../scenario/schema';

/** Customer status codes. */
export const PROSPECT = 0;
export const OWNER = 1;
export const CHURNED = 2;

/** Levels used to quantise media use so exposure probabilities come from a 256-entry table. */
export const MEDIA_LEVELS = 255;

/**
 * The fixed attributes of the consumers, one row per agent in struct-of-arrays typed arrays with dense ids.
 * Agents of a segment are contiguous: [segStart[s], segStart[s+1]). Built once per (seed, replicate) and shared,
 * read-only, by every strategy's world (common random numbers).
 */
export interface Population {
  n: number;
  segments: number;
  segStart: Int32Array;
  segment: Uint16Array;
  /** Real people each agent stands for. */
  weight: Float64Array;
  /** Real people per segment (sum of weights). */
  segSize: Float64Array;
  commitment: Float32Array;
  talkativeness: Float32Array;
  /** Media use quantised to 0..255. */
  mediaLevel: Uint8Array;
  susceptibility: Float32Array;
  /** Initial trust per facet (also the pre-crisis level for the deception ceiling and the recovery paradox). */
  ability0: Float64Array;
  benevolence0: Float64Array;
  integrity0: Float64Array;
  /** Initial customer status (OWNER or PROSPECT). */
  status0: Uint8Array;
}

/** Agents simulated for a segment: its `agents` (default min(size, 2000)) times `scale`, at least 1. */
export function agentCount(seg: Segment, scale: number): number {
  const base = seg.agents ?? Math.min(seg.size, 2000);
  return Math.max(1, Math.round(base * scale));
}

function drawInto(
  out: Float32Array | Float64Array,
  from: number,
  to: number,
  d: { mean: number; sd: number },
  rand: RandomSource,
): void {
  if (d.sd === 0 || d.mean <= 0 || d.mean >= 1) {
    out.fill(d.mean, from, to);
    return;
  }
  const { a, b } = betaFromMeanSd(d.mean, d.sd);
  for (let i = from; i < to; i++) out[i] = beta(rand, a, b);
}

const EPS = 1e-4;

/**
 * The population's table. A class, not an object literal: V8 widens the field types of an object literal the
 * second time the literal runs (when it builds the literal's boilerplate), which would throw away every kernel
 * compiled during the first replicate. A constructor keeps one hidden class with exact field types (each field a
 * known typed-array class) for every replicate.
 */
class PopulationTable implements Population {
  declare n: number;
  declare segments: number;
  declare segStart: Int32Array;
  declare segment: Uint16Array;
  declare weight: Float64Array;
  declare segSize: Float64Array;
  declare commitment: Float32Array;
  declare talkativeness: Float32Array;
  declare mediaLevel: Uint8Array;
  declare susceptibility: Float32Array;
  declare ability0: Float64Array;
  declare benevolence0: Float64Array;
  declare integrity0: Float64Array;
  declare status0: Uint8Array;

  constructor(n: number, segments: number, segStart: Int32Array) {
    this.n = n;
    this.segments = segments;
    this.segStart = segStart;
    this.segment = new Uint16Array(n);
    this.weight = new Float64Array(n);
    this.segSize = new Float64Array(segments);
    this.commitment = new Float32Array(n);
    this.talkativeness = new Float32Array(n);
    this.mediaLevel = new Uint8Array(n);
    this.susceptibility = new Float32Array(n);
    this.ability0 = new Float64Array(n);
    this.benevolence0 = new Float64Array(n);
    this.integrity0 = new Float64Array(n);
    this.status0 = new Uint8Array(n);
  }
}

/**
 * initPopulation: draws every agent's attributes from its segment's distributions. Each attribute has its
 * own stream keyed (seed, replicate, "population/<attribute>") so adding an attribute never shifts another.
 */
export function initPopulation(
  segments: Segment[],
  scale: number,
  seed: number,
  replicate: number,
): Population {
  const S = segments.length;
  const segStart = new Int32Array(S + 1);
  for (let s = 0; s < S; s++) segStart[s + 1] = segStart[s] + agentCount(segments[s], scale);
  const n = segStart[S];
  const pop = new PopulationTable(n, S, segStart);
  // One stream per attribute, as locals (an object literal holding them would change its field types at the
  // second replicate, like the population's own).
  const ability = new Stream(seed, replicate, 'population/ability').next;
  const benevolence = new Stream(seed, replicate, 'population/benevolence').next;
  const integrity = new Stream(seed, replicate, 'population/integrity').next;
  const commitment = new Stream(seed, replicate, 'population/commitment').next;
  const talk = new Stream(seed, replicate, 'population/talkativeness').next;
  const mediaUse = new Stream(seed, replicate, 'population/mediaUse').next;
  const owner = new Stream(seed, replicate, 'population/owner').next;
  const media = new Float32Array(n);
  for (let s = 0; s < S; s++) {
    const seg = segments[s];
    const from = segStart[s];
    const to = segStart[s + 1];
    const w = seg.size / (to - from);
    pop.segment.fill(s, from, to);
    pop.weight.fill(w, from, to);
    pop.segSize[s] = seg.size;
    drawInto(pop.ability0, from, to, seg.trust.ability, ability);
    drawInto(pop.benevolence0, from, to, seg.trust.benevolence, benevolence);
    drawInto(pop.integrity0, from, to, seg.trust.integrity, integrity);
    drawInto(pop.commitment, from, to, seg.commitment, commitment);
    drawInto(pop.talkativeness, from, to, seg.talkativeness, talk);
    drawInto(media, from, to, seg.mediaUse, mediaUse);
    pop.susceptibility.fill(seg.susceptibility, from, to);
    for (let i = from; i < to; i++) {
      pop.status0[i] = owner() < seg.owners ? OWNER : PROSPECT;
      pop.mediaLevel[i] = Math.round(Math.min(1, Math.max(0, media[i])) * MEDIA_LEVELS);
    }
  }
  // Keep facets strictly inside (0,1) so the logistic update can always move them.
  for (const arr of [pop.ability0, pop.benevolence0, pop.integrity0]) {
    for (let i = 0; i < n; i++) arr[i] = Math.min(1 - EPS, Math.max(EPS, arr[i]));
  }
  return pop;
}
