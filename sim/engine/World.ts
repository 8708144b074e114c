import { buildExposureClocks, EXPOSURE_PURPOSE, type ExposureClocks } from '../media/exposureClocks';
import { type MetricLayout, metricLayout } from '../metrics/metricLayout';
import type { Graph } from '../network/Graph';
import type { Population } from '../population/Population';
import { streamKey } from '../rng/hash';
import type { Model } from './compileModel';

/** Counter-based stream keys, one per purpose: every per-agent-per-day draw is u01(key, day, agent, k). */
export interface Keys {
  claimant: number;
  complaint: number;
  complaintDelay: number;
  escalation: number;
  stories: number;
  talk: number;
  contact: number;
  stifle: number;
  forget: number;
  valence: number;
  chatter: number;
  announce: number;
  mock: number;
  group: number;
  lawsuit: number;
  churn: number;
  purchase: number;
  observerComplaint: number;
}

export function makeKeys(seed: number, replicate: number): Keys {
  // Kept as int32 (u01 takes `key | 0` anyway, so draws are unchanged): every key is then a small integer and
  // every Keys object keeps one hidden class. As uint32, a key ≥ 2³¹ is a heap number; the first such key
  // generalises the field's representation and deoptimises every kernel that had read a small-integer key.
  const k = (p: string) => streamKey(seed, replicate, p) | 0;
  return {
    claimant: k('incidents/claimant'),
    complaint: k('behaviour/complaint'),
    complaintDelay: k('behaviour/complaint-delay'),
    escalation: k('responses/escalation'),
    stories: k('media/stories'),
    talk: k('wom/talk'),
    contact: k('wom/contact'),
    stifle: k('wom/stifle'),
    forget: k('wom/forget'),
    valence: k('wom/valence'),
    chatter: k('wom/chatter'),
    announce: k('responses/announcement-reach'),
    mock: k('responses/mocking'),
    group: k('behaviour/group'),
    lawsuit: k('behaviour/lawsuit'),
    churn: k('behaviour/churn'),
    purchase: k('behaviour/purchase'),
    observerComplaint: k('behaviour/observer-complaint'),
  };
}

/** Bits of `flags`. */
export const F_OBS_COMPLAINT_DONE = 1;
export const F_ESCALATED = 2;
export const F_RECOVERED = 4;
export const F_DIRTY = 8;

/** Ledger slots (cumulative ¥). */
export const L_COMPENSATION = 0;
export const L_FULFILMENT = 1;
export const L_DONATION = 2;
export const L_LEGAL = 3;
export const L_RULINGS = 4;
export const L_PR = 5;
export const L_CONTROLS = 6;
export const LEDGER_SLOTS = 7;

/** Per-incident company and media state. All arrays have length K. */
export interface IncidentState {
  active: Uint8Array;
  prevented: Uint8Array;
  /** Attributed responsibility incl. crisis history. */
  R: Float64Array;
  /** Third-party hit on becoming aware (before handling discount). */
  hit: Float64Array;
  /** Real people harmed. */
  claimants: Float64Array;
  answered: Uint8Array;
  firstResponseDay: Int32Array;
  cash: Float64Array;
  voucher: Float64Array;
  fulfilled: Uint8Array;
  apologised: Uint8Array;
  explained: Uint8Array;
  sympathised: Uint8Array;
  templated: Uint8Array;
  excused: Uint8Array;
  denied: Uint8Array;
  legal: Uint8Array;
  policy: Uint8Array;
  /** A ruling against the company: guilt shown. */
  guilt: Uint8Array;
  /** Denial contradicted by a ruling: proven deception. */
  deception: Uint8Array;
  /** Observers' view of the handling so far, 0..1 (discounts the hit for late joiners). */
  handling: Float64Array;
  /** Claimants' satisfaction with the handling (justice-weighted). */
  satisfaction: Float64Array;
  resolved: Uint8Array;
  /** Hawkes excitation carried to the next day. */
  excitation: Float64Array;
  /** Cumulative exposure Λ_k and how far along the sorted thresholds it has reached. */
  exposureCum: Float64Array;
  exposurePtr: Int32Array;
  /** Today's expected stories/day (λ) — the attention metric. */
  attention: Float64Array;
  stories: Float64Array;
  trending: Uint8Array;
  /** Stories from shocks waiting for the next media update. */
  shock: Float64Array;
  /** Real people's complaints and negative posts waiting for the next media update. */
  posts: Float64Array;
  complaintsToday: Float64Array;
  complaintsTotal: Float64Array;
  groupSize: Float64Array;
  lawsuits: Int32Array;
}

function incidentState(K: number): IncidentState {
  const u8 = () => new Uint8Array(K);
  const f64 = () => new Float64Array(K);
  return {
    active: u8(),
    prevented: u8(),
    R: f64(),
    hit: f64(),
    claimants: f64(),
    answered: u8(),
    firstResponseDay: new Int32Array(K).fill(-1),
    cash: f64(),
    voucher: f64(),
    fulfilled: u8(),
    apologised: u8(),
    explained: u8(),
    sympathised: u8(),
    templated: u8(),
    excused: u8(),
    denied: u8(),
    legal: u8(),
    policy: u8(),
    guilt: u8(),
    deception: u8(),
    handling: f64(),
    satisfaction: f64(),
    resolved: u8(),
    excitation: f64(),
    exposureCum: f64(),
    exposurePtr: new Int32Array(K),
    attention: f64(),
    stories: f64(),
    trending: u8(),
    shock: f64(),
    posts: f64(),
    complaintsToday: f64(),
    complaintsTotal: f64(),
    groupSize: f64(),
    lawsuits: new Int32Array(K),
  };
}

/** Signed evidence collected during a day, applied by updateTrust. Scratch: not part of a snapshot. */
export interface Evidence {
  /** Agents with evidence today, in the order they first received some; `mark` flags them. */
  touched: Int32Array;
  count: number;
  mark: Uint8Array;
  posA: Float32Array;
  posB: Float32Array;
  posI: Float32Array;
  negA: Float32Array;
  negB: Float32Array;
  negI: Float32Array;
}

/** Per-segment daily counters (reset each day) and cumulative sums, length S. */
export interface SegmentCounters {
  womNeg: Float64Array;
  womPos: Float64Array;
  complaints: Float64Array;
  purchases: Float64Array;
  donationPos: Float64Array;
  donationNeg: Float64Array;
  churnedCum: Float64Array;
  revenueLostCum: Float64Array;
  clvLostCum: Float64Array;
}

export interface Marker {
  day: number;
  label: string;
  kind: 'incident' | 'response' | 'ruling' | 'lawsuit' | 'announcement' | 'event';
  incident?: string;
  strategy?: string;
  /** An outcome of the run (e.g. a lawsuit the rights group filed), not a scheduled event. */
  endogenous?: boolean;
}

/** Everything that changes during a run. A snapshot is a deep copy of this object. */
export interface State {
  day: number;
  ta: Float64Array;
  tb: Float64Array;
  ti: Float64Array;
  /** Overall trust wA·A + wB·B + wI·I, kept in step with the facets. */
  T: Float64Array;
  ceilI: Float64Array;
  grievance: Float32Array;
  /** Grievance right after the harm (sets the target that recovery lowers). */
  grievance0: Float32Array;
  avoidance: Float32Array;
  status: Uint8Array;
  claimantOf: Int8Array;
  complainDay: Int32Array;
  flags: Uint8Array;
  failures: Uint8Array;
  groupJoin: Int32Array;
  satisfaction: Float32Array;
  /** K×N: day the agent became aware of incident k, or −1. */
  aware: Int32Array;
  /** K×N: 0 not spreading, 1 spreading, 2 stifled. */
  spreading: Uint8Array;
  /** Aware of at least one incident. */
  awareAny: Uint8Array;
  /** Real people aware, per incident×segment (K×S) and of any incident per segment (S); kept incrementally. */
  awareW: Float64Array;
  awareAnyW: Float64Array;
  /** Per segment: expected purchases per day and expected revenue lost per day (¥), kept incrementally. */
  buyRateSeg: Float64Array;
  lostRateSeg: Float64Array;
  /** Claimant agents in the order they were harmed. */
  claimantList: number[];
  pChurn: Float32Array;
  pBuy: Float32Array;
  /** Overall trust at the last refresh of pChurn/pBuy. */
  behaviourT: Float32Array;
  inc: IncidentState;
  ledger: Float64Array;
  /** Real people's complaints on each of the last 7 days (ring). */
  complaintsRing: Float64Array;
  seg: SegmentCounters;
  /** 1 once the company has announced a donation while no dispute was open (CSR history, the halo of SF9). */
  csrHistory: number;
  /** Daily metric cube: values[(day·(S+1) + segment)·M + metric], segment 0 = all. */
  values: Float64Array;
  markers: Marker[];
}

export interface World {
  model: Model;
  pop: Population;
  graph: Graph;
  seed: number;
  replicate: number;
  keys: Keys;
  /** Media-exposure thresholds per incident (static, shared by every strategy of the replicate). */
  clocks: ExposureClocks;
  layout: MetricLayout;
  /** Static baseline purchase probability per agent (trust at its initial level, no avoidance). */
  pBuy0: Float32Array;
  /** Static baseline churn probability per agent (churn in excess of it is the crisis' own). */
  pChurn0: Float32Array;
  s: State;
  ev: Evidence;
  /** Scratch for the classic stance rules (DeGroot, Friedkin–Johnsen, Deffuant): next facet values. */
  next: { a: Float64Array; b: Float64Array; i: Float64Array } | null;
}

export function createState(model: Model, pop: Population, layout: MetricLayout): State {
  const N = pop.n;
  const K = model.incidents.length;
  const S = pop.segments;
  const f64 = (n = S) => new Float64Array(n);
  const T0 = overallTrust(model, pop);
  return {
    day: 0,
    ta: Float64Array.from(pop.ability0),
    tb: Float64Array.from(pop.benevolence0),
    ti: Float64Array.from(pop.integrity0),
    T: T0,
    ceilI: new Float64Array(N).fill(1),
    grievance: new Float32Array(N),
    grievance0: new Float32Array(N),
    avoidance: new Float32Array(N),
    status: Uint8Array.from(pop.status0),
    claimantOf: new Int8Array(N).fill(-1),
    complainDay: new Int32Array(N).fill(-1),
    flags: new Uint8Array(N),
    failures: new Uint8Array(N),
    groupJoin: new Int32Array(N).fill(-1),
    satisfaction: new Float32Array(N),
    aware: new Int32Array(K * N).fill(-1),
    spreading: new Uint8Array(K * N),
    awareAny: new Uint8Array(N),
    awareW: new Float64Array(K * S),
    awareAnyW: new Float64Array(S),
    buyRateSeg: new Float64Array(S),
    lostRateSeg: new Float64Array(S),
    claimantList: [],
    pChurn: new Float32Array(N),
    pBuy: new Float32Array(N),
    behaviourT: Float32Array.from(T0),
    inc: incidentState(K),
    ledger: new Float64Array(LEDGER_SLOTS + 2),
    complaintsRing: new Float64Array(7),
    seg: {
      womNeg: f64(),
      womPos: f64(),
      complaints: f64(),
      purchases: f64(),
      donationPos: f64(),
      donationNeg: f64(),
      churnedCum: f64(),
      revenueLostCum: f64(),
      clvLostCum: f64(),
    },
    csrHistory: 0,
    values: new Float64Array(model.days * (S + 1) * layout.names.length),
    markers: [],
  };
}

function overallTrust(model: Model, pop: Population): Float64Array {
  const [fa, fb, fi] = model.facetW;
  const T = new Float64Array(pop.n);
  for (let i = 0; i < pop.n; i++)
    T[i] = fa * pop.ability0[i] + fb * pop.benevolence0[i] + fi * pop.integrity0[i];
  return T;
}

/** Recompute overall trust of every agent (after a whole-population facet update). */
export function refreshOverall(w: World): void {
  const [fa, fb, fi] = w.model.facetW;
  const { ta, tb, ti, T } = w.s;
  for (let i = 0; i < T.length; i++) T[i] = fa * ta[i] + fb * tb[i] + fi * ti[i];
}

export function createEvidence(N: number): Evidence {
  return {
    touched: new Int32Array(N),
    count: 0,
    mark: new Uint8Array(N),
    posA: new Float32Array(N),
    posB: new Float32Array(N),
    posI: new Float32Array(N),
    negA: new Float32Array(N),
    negB: new Float32Array(N),
    negI: new Float32Array(N),
  };
}

export function createWorld(
  model: Model,
  pop: Population,
  graph: Graph,
  seed: number,
  replicate: number,
  clocks: ExposureClocks = buildExposureClocks(
    pop,
    model.incidents.length,
    streamKey(seed, replicate, EXPOSURE_PURPOSE),
  ),
): World {
  const layout = metricLayout(model);
  return makeWorld(
    model,
    pop,
    graph,
    seed,
    replicate,
    clocks,
    layout,
    new Float32Array(pop.n),
    new Float32Array(pop.n),
    createState(model, pop, layout),
  );
}

/** The one place a World object is built, so every world has the same hidden class. */
function makeWorld(
  model: Model,
  pop: Population,
  graph: Graph,
  seed: number,
  replicate: number,
  clocks: ExposureClocks,
  layout: MetricLayout,
  pBuy0: Float32Array,
  pChurn0: Float32Array,
  s: State,
): World {
  const needsNext =
    model.scenario.model.wom.stanceRule !== 'evidence' && model.scenario.model.wom.stanceRule !== 'none';
  return {
    model,
    pop,
    graph,
    seed,
    replicate,
    keys: makeKeys(seed, replicate),
    clocks,
    layout,
    pBuy0,
    pChurn0,
    s,
    ev: createEvidence(pop.n),
    next: needsNext
      ? { a: new Float64Array(pop.n), b: new Float64Array(pop.n), i: new Float64Array(pop.n) }
      : null,
  };
}

/**
 * Copies `src` into `dst` field by field without adding properties, so every State keeps the hidden class of
 * the object literal in createState (kernels stay monomorphic after a fork or a restore).
 */
function copyInto(dst: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const k of Object.keys(dst)) {
    const d = dst[k];
    const v = src[k];
    if (ArrayBuffer.isView(d)) (d as unknown as Float64Array).set(v as Float64Array);
    else if (Array.isArray(d)) dst[k] = (v as unknown[]).slice();
    else if (d && typeof d === 'object') copyInto(d as Record<string, unknown>, v as Record<string, unknown>);
    else dst[k] = v;
  }
}

function cloneState(w: World, src: State): State {
  const s = createState(w.model, w.pop, w.layout);
  copyInto(s as unknown as Record<string, unknown>, src as unknown as Record<string, unknown>);
  return s;
}

/** A deep copy of the whole dynamic state, and of the strategy's fired rules when its runtime is passed.
 * Randomness is counter-based (keyed by seed, replicate, purpose, day, agent), so the day counter in the state
 * is the complete RNG state: nothing else needs saving. */
export interface Snapshot {
  seed: number;
  replicate: number;
  state: State;
  /** Which rules of the strategy had fired (when a runtime was given). */
  fired: Uint8Array | null;
}

export function snapshot(w: World, rt?: { fired: Uint8Array }): Snapshot {
  return {
    seed: w.seed,
    replicate: w.replicate,
    state: cloneState(w, w.s),
    fired: rt ? rt.fired.slice() : null,
  };
}

/** Restore a snapshot into a world built for the same model, population and graph. The snapshot stays usable. */
export function restore(w: World, snap: Snapshot, rt?: { fired: Uint8Array }): void {
  if (snap.seed !== w.seed || snap.replicate !== w.replicate) {
    throw new Error('restore: snapshot belongs to another seed or replicate');
  }
  copyInto(w.s as unknown as Record<string, unknown>, snap.state as unknown as Record<string, unknown>);
  if (rt && snap.fired) rt.fired.set(snap.fired);
}

/** A new world sharing model, population, graph and static tables, with a copy of this one's state and scratch. */
export function fork(w: World): World {
  const f = makeWorld(
    w.model,
    w.pop,
    w.graph,
    w.seed,
    w.replicate,
    w.clocks,
    w.layout,
    w.pBuy0,
    w.pChurn0,
    cloneState(w, w.s),
  );
  copyInto(f.ev as unknown as Record<string, unknown>, w.ev as unknown as Record<string, unknown>);
  return f;
}
