import { hashString } from '../rng/hash';
import { conditionSymbols } from '../scenario/check';
import { compileCondition } from '../scenario/condition';
import type { ActionKind, Scenario } from '../scenario/schema';
import { addDays, daysBetween } from '../util/dates';

/** Action codes, in the order of `actionKinds` in the schema. */
export const ACTION = {
  silence: 0,
  template: 1,
  excuse: 2,
  explanation: 3,
  apology: 4,
  sympathy: 5,
  compensation: 6,
  fulfil: 7,
  denial: 8,
  legal: 9,
  donation: 10,
  'good-news': 11,
  'policy-change': 12,
} as const satisfies Record<ActionKind, number>;

export interface CompiledIncident {
  id: string;
  label: string;
  index: number;
  day: number;
  line: string;
  /** Facet mix of the violation, normalised to sum 1: ability, benevolence, integrity. */
  mixA: number;
  mixB: number;
  mixI: number;
  /** True when integrity dominates the violation (Kim et al. 2004: denial vs apology flips). */
  integrityViolation: boolean;
  /** Attributed responsibility before crisis history. */
  clusterR: number;
  severity: number;
  salience: number;
  selfDisclosed: boolean;
  claimantSegment: number;
  claimantShare: number;
  lossCny: number;
  expectation: number;
  fulfilCostCny: number;
}

export interface CompiledEvent {
  id: string;
  label: string;
  day: number;
  kind: 'ruling' | 'lawsuit' | 'hearing' | 'news';
  incident: number;
  againstCompany: boolean;
  amountCny: number;
  shock: number;
}

export type Condition = (scope: Record<string, unknown>) => boolean;

export interface CompiledRule {
  index: number;
  id: string;
  label: string;
  /**
   * The sub-index of an announcement's draws (who sees it, who mocks it): a hash of what is announced (its kind
   * and label), not of the rule's position, so the same announcement on the same day reaches the same people
   * under every strategy (common random numbers).
   */
  drawKey: number;
  action: number;
  kind: ActionKind;
  incident: number;
  scopeAll: boolean;
  amountCny: number;
  voucher: boolean;
  /** Fixed day (date rules) or −1. */
  day: number;
  /** For "after" rules: the incident or event index it waits for, and the delay. */
  afterIncident: number;
  afterEvent: number;
  delay: number;
  condition: Condition | null;
  notBefore: number;
}

export interface CompiledStrategy {
  id: string;
  label: string;
  description: string;
  index: number;
  rules: CompiledRule[];
  /** Per incident: prevented, claimant-share cap and severity factor. */
  prevent: Uint8Array;
  capShare: Float64Array;
  severityFactor: Float64Array;
  unifiedVoice: boolean;
  /** Cost of controls not tied to an incident, booked on day 0. */
  controlCostCny: number;
  /** Cost of each incident's controls, booked on the day the incident would break (so strategies share the prefix before it). */
  incidentControlCostCny: Float64Array;
}

export interface CompiledSeed {
  day: number;
  incident: number;
  share: number;
  agents: number[];
  joinGroup: boolean;
}

/** The scenario resolved into indices and day numbers; shared read-only by every world. */
export interface Model {
  scenario: Scenario;
  days: number;
  start: string;
  dates: string[];
  segmentIds: string[];
  incidents: CompiledIncident[];
  events: CompiledEvent[];
  strategies: CompiledStrategy[];
  seedAwareness: CompiledSeed[];
  /** Crisis history: prior incidents or fines before the calendar starts. */
  historyCount: number;
  facetW: [number, number, number];
  scale: number;
}

export class ModelError extends Error {}

export function compileModel(scenario: Scenario, scale = 1): Model {
  const start = scenario.calendar.start;
  const days = daysBetween(start, scenario.calendar.end) + 1;
  const dates: string[] = [];
  for (let d = 0; d < days; d++) dates.push(addDays(start, d));
  const segmentIds = scenario.population.segments.map((s) => s.id);
  const segIndex = new Map(segmentIds.map((id, i) => [id, i]));
  const m = scenario.model;
  const incidents: CompiledIncident[] = scenario.incidents.map((inc, index) => {
    const v = inc.violation;
    const tot = v.ability + v.benevolence + v.integrity;
    const claim = inc.claimants;
    let claimantSegment = -1;
    if (claim) {
      const s = segIndex.get(claim.segment);
      if (s === undefined)
        throw new ModelError(`incident ${inc.id}: unknown claimant segment ${claim.segment}`);
      claimantSegment = s;
    }
    return {
      id: inc.id,
      label: inc.label ?? inc.id,
      index,
      day: daysBetween(start, inc.date),
      line: inc.line,
      mixA: v.ability / tot,
      mixB: v.benevolence / tot,
      mixI: v.integrity / tot,
      integrityViolation: v.integrity / tot >= 0.5,
      clusterR: m.incidents.responsibility[inc.cluster],
      severity: inc.severity,
      salience: inc.salience,
      selfDisclosed: inc.disclosedBy === 'company',
      claimantSegment,
      claimantShare: claim?.share ?? 0,
      lossCny: claim?.lossCny ?? 0,
      expectation: claim?.expectation ?? 0.55,
      fulfilCostCny: claim?.fulfilCostCny ?? claim?.lossCny ?? 0,
    };
  });
  const incIndex = new Map(incidents.map((x) => [x.id, x.index]));
  const events: CompiledEvent[] = scenario.events.map((e) => {
    const k = incIndex.get(e.incident);
    if (k === undefined) throw new ModelError(`event ${e.id}: unknown incident ${e.incident}`);
    return {
      id: e.id,
      label: e.label ?? e.id,
      day: daysBetween(start, e.date),
      kind: e.kind,
      incident: k,
      againstCompany: e.againstCompany,
      amountCny: e.amountCny,
      shock: e.shock ?? m.media.shocks[e.kind === 'news' ? 'announcement' : e.kind],
    };
  });
  const evIndex = new Map(events.map((e, i) => [e.id, i]));
  const symbols = conditionSymbols(scenario);
  const K = incidents.length;
  const strategies: CompiledStrategy[] = scenario.strategies.map((st, index) => {
    const prevent = new Uint8Array(K);
    const capShare = new Float64Array(K).fill(1);
    const severityFactor = new Float64Array(K).fill(1);
    let unifiedVoice = false;
    let controlCostCny = 0;
    const incidentControlCostCny = new Float64Array(K);
    for (const c of st.controls) {
      const k = c.incident === undefined ? -1 : (incIndex.get(c.incident) ?? -1);
      if (k >= 0) incidentControlCostCny[k] += c.costCny;
      else controlCostCny += c.costCny;
      if (c.kind === 'unified-voice') {
        unifiedVoice = true;
        continue;
      }
      if (k < 0) throw new ModelError(`strategy ${st.id}: control ${c.kind} needs a known incident`);
      if (c.kind === 'prevent') prevent[k] = 1;
      else if (c.kind === 'cap-claimants') capShare[k] = Math.min(capShare[k], c.share ?? 1);
      else if (c.kind === 'reduce-severity') severityFactor[k] *= c.factor ?? 1;
    }
    const rules: CompiledRule[] = st.rules.map((r, ri) => {
      const incident = r.incident === undefined ? -1 : (incIndex.get(r.incident) ?? -1);
      if (r.incident !== undefined && incident < 0) {
        throw new ModelError(`strategy ${st.id} rule ${ri}: unknown incident ${r.incident}`);
      }
      const label = r.label ?? `${r.do}${r.incident ? ` (${r.incident})` : ''}`;
      const rule: CompiledRule = {
        index: ri,
        id: r.id ?? `${st.id}#${ri}`,
        label,
        drawKey: hashString(`${r.do}|${label}`),
        action: ACTION[r.do],
        kind: r.do,
        incident,
        scopeAll: r.scope === 'all',
        amountCny: r.amountCny,
        voucher: r.form === 'voucher',
        day: -1,
        afterIncident: -1,
        afterEvent: -1,
        delay: 0,
        condition: null,
        notBefore: 0,
      };
      const w = r.when;
      if ('date' in w) rule.day = daysBetween(start, w.date);
      else if ('after' in w) {
        const k = incIndex.get(w.after);
        const e = evIndex.get(w.after);
        if (k !== undefined) rule.afterIncident = k;
        else if (e !== undefined) rule.afterEvent = e;
        else throw new ModelError(`strategy ${st.id} rule ${ri}: unknown incident or event ${w.after}`);
        rule.delay = Math.round(w.days);
      } else {
        const c = compileCondition(w.trigger, symbols);
        if (!c.ok) throw new ModelError(`strategy ${st.id} rule ${ri}: ${c.message}`);
        rule.condition = c.evaluate;
        rule.notBefore = w.notBefore ? daysBetween(start, w.notBefore) : 0;
      }
      return rule;
    });
    return {
      id: st.id,
      label: st.label ?? st.id,
      description: st.description,
      index,
      rules,
      prevent,
      capShare,
      severityFactor,
      unifiedVoice,
      controlCostCny,
      incidentControlCostCny,
    };
  });
  const seedAwareness: CompiledSeed[] = scenario.seedAwareness.map((sa) => {
    const k = incIndex.get(sa.incident);
    if (k === undefined) throw new ModelError(`seedAwareness: unknown incident ${sa.incident}`);
    return {
      day: sa.day,
      incident: k,
      share: sa.share ?? 0,
      agents: sa.agents ?? [],
      joinGroup: sa.joinGroup,
    };
  });
  const fw = m.trust.facetWeights;
  const wsum = fw.ability + fw.benevolence + fw.integrity;
  return {
    scenario,
    days,
    start,
    dates,
    segmentIds,
    incidents,
    events,
    strategies,
    seedAwareness,
    historyCount: scenario.history.length,
    facetW: [fw.ability / wsum, fw.benevolence / wsum, fw.integrity / wsum],
    scale,
  };
}
