import type { CompiledRule, CompiledStrategy } from './compileModel';
import type { World } from './World';

/** Per-strategy bookkeeping: which rules have fired. Cloned when a comparison branches a shared prefix. */
export interface StrategyRuntime {
  strategy: CompiledStrategy;
  fired: Uint8Array;
}

export function createRuntime(strategy: CompiledStrategy): StrategyRuntime {
  return { strategy, fired: new Uint8Array(strategy.rules.length) };
}

export function cloneRuntime(rt: StrategyRuntime): StrategyRuntime {
  return { strategy: rt.strategy, fired: rt.fired.slice() };
}

/**
 * The condition scope: yesterday's whole-population metrics plus per-incident objects
 * (attention.<id>, aware.<id>, complaints_by.<id>, group.<id>, guilt.<id>). Names match conditionSymbols().
 */
export function conditionScope(w: World): Record<string, unknown> {
  const s = w.s;
  const L = w.layout;
  const M = L.names.length;
  const rows = w.pop.segments + 1;
  const d = s.day - 1;
  const val = (name: string) => (d < 0 ? 0 : s.values[d * rows * M + L.index[name]]);
  let c7 = 0;
  for (let q = 0; q < 7; q++) c7 += s.complaintsRing[q];
  let ctotal = 0;
  const attention: Record<string, number> = {};
  const aware: Record<string, number> = {};
  const complaintsBy: Record<string, number> = {};
  const group: Record<string, number> = {};
  const guilt: Record<string, number> = {};
  w.model.incidents.forEach((inc, k) => {
    attention[inc.id] = s.inc.attention[k];
    aware[inc.id] = d < 0 ? 0 : s.values[d * rows * M + L.awareK[k]];
    complaintsBy[inc.id] = s.inc.complaintsTotal[k];
    group[inc.id] = s.inc.groupSize[k];
    guilt[inc.id] = s.inc.guilt[k];
    ctotal += s.inc.complaintsTotal[k];
  });
  return {
    day: s.day,
    complaints: val('complaints'),
    complaints_7d: c7,
    complaints_total: ctotal,
    trust: d < 0 ? initialTrust(w) : val('trust'),
    trust_ability: val('trust_ability'),
    trust_benevolence: val('trust_benevolence'),
    trust_integrity: val('trust_integrity'),
    grievance: val('grievance'),
    aware_share: val('aware_share'),
    media_attention: val('media_attention'),
    rights_group_size: val('rights_group_size'),
    lawsuits: val('lawsuits'),
    churned: val('churned'),
    wom_negative: val('wom_negative'),
    wom_positive: val('wom_positive'),
    nps: val('nps'),
    attention,
    aware,
    complaints_by: complaintsBy,
    group,
    guilt,
  };
}

/** Weighted mean overall trust now (used for day 0, before any metrics were collected). */
function initialTrust(w: World): number {
  let t = 0;
  let tw = 0;
  for (let i = 0; i < w.pop.n; i++) {
    t += w.pop.weight[i] * w.s.T[i];
    tw += w.pop.weight[i];
  }
  return t / tw;
}

/**
 * decideStrategy: the rules that fire today. Date rules on their day; "after" rules a delay after their incident
 * (if it was not prevented) or event; trigger rules once their condition over yesterday's metrics holds.
 */
export function decideStrategy(w: World, rt: StrategyRuntime): CompiledRule[] {
  const day = w.s.day;
  const out: CompiledRule[] = [];
  let scope: Record<string, unknown> | null = null;
  for (const r of rt.strategy.rules) {
    if (rt.fired[r.index]) continue;
    let fire = false;
    if (r.day >= 0) fire = r.day === day;
    else if (r.afterIncident >= 0) {
      const inc = w.model.incidents[r.afterIncident];
      fire = w.s.inc.active[r.afterIncident] === 1 && day === inc.day + r.delay;
    } else if (r.afterEvent >= 0) {
      const ev = w.model.events[r.afterEvent];
      fire = w.s.inc.active[ev.incident] === 1 && day === ev.day + r.delay;
    } else if (r.condition && day >= r.notBefore && day >= 1) {
      scope ??= conditionScope(w);
      fire = r.condition(scope);
    }
    // A rule about one incident waits (unused) until that incident is active: a trigger met by other incidents'
    // complaints does not use up a response to an incident that has not broken yet.
    if (fire && !r.scopeAll && r.incident >= 0 && !w.s.inc.active[r.incident]) fire = false;
    if (fire) {
      rt.fired[r.index] = 1;
      out.push(r);
    }
  }
  return out;
}

/** What a strategy does to the world before today's decisions: the controls touching incidents that break today. */
export function controlSignature(w: World, rt: StrategyRuntime): string {
  const day = w.s.day;
  const st = rt.strategy;
  const parts: string[] = [];
  if (day === 0) parts.push(`cost:${st.controlCostCny}`);
  for (const inc of w.model.incidents) {
    if (inc.day !== day) continue;
    const k = inc.index;
    parts.push(
      `${k}:${st.prevent[k]}:${st.capShare[k]}:${st.severityFactor[k]}:${st.incidentControlCostCny[k]}`,
    );
  }
  return parts.join('|');
}

/**
 * What today's decisions do: two strategies with equal signatures every day so far have identical worlds.
 * A company-wide announcement's draws (who sees it, who mocks it) are keyed by its kind and label (`drawKey`) and
 * by how many of the same fired before it today, all in the signature, so its position in the strategy does not
 * matter.
 */
export function decisionSignature(rules: CompiledRule[], rt: StrategyRuntime): string {
  if (rules.length === 0) return '';
  const parts = rules.map(
    // The label quoted (JSON): a label holding "|" or ":" cannot make two different lists of rules read alike.
    (r) =>
      `${r.action}:${r.incident}:${r.scopeAll ? 1 : 0}:${r.amountCny}:${r.voucher ? 1 : 0}:${JSON.stringify(r.label)}`,
  );
  return `${rt.strategy.unifiedVoice ? 'U' : 'F'}|${parts.join('|')}`;
}
