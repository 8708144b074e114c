/**
 * Semantic checks the schema cannot express: unique ids, references between parts of the scenario,
 * dates inside the calendar, fields a rule or control needs, network sanity, and trigger expressions.
 *
 * The checks read their input defensively, so they also run on a scenario that failed schema validation
 * (the loader reports both kinds of problems in one pass); values of the wrong type are skipped there,
 * since the schema already reports them.
 */
import { type ConditionSymbols, compileCondition } from './condition';
import type { PathSegment } from './diagnostics';
import { didYouMean } from './didYouMean';
import type { Scenario } from './schema';

export interface CheckIssue {
  path: PathSegment[];
  message: string;
  hint?: string;
  /** Character offset inside a string value, e.g. inside a trigger expression. */
  offset?: number;
  /** Defaults to 'error'. */
  severity?: 'error' | 'warning';
}

/** Longest calendar the engine accepts (10 years). */
export const MAX_CALENDAR_DAYS = 3660;
/** Largest population for the complete graph (homogeneous mixing). */
export const MAX_COMPLETE_GRAPH_AGENTS = 5000;

/** Metric names a trigger may use; the engine provides each in the evaluation scope. */
export const CONDITION_NAMES: readonly string[] = [
  'day',
  'complaints',
  'complaints_7d',
  'complaints_total',
  'trust',
  'trust_ability',
  'trust_benevolence',
  'trust_integrity',
  'grievance',
  'aware_share',
  'media_attention',
  'rights_group_size',
  'lawsuits',
  'churned',
  'wom_negative',
  'wom_positive',
  'nps',
];

/** Per-incident tables a trigger may use as `table.<incidentId>` (guilt is 0/1). */
export const CONDITION_TABLES: readonly string[] = ['attention', 'aware', 'complaints_by', 'group', 'guilt'];

type Loose = Record<string, unknown>;

function obj(v: unknown): Loose | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function fin(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01 of a valid ISO date, else undefined. */
export function dayNumber(s: unknown): number | undefined {
  if (typeof s !== 'string' || !DATE.test(s)) return undefined;
  const t = Date.parse(`${s}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s) return undefined;
  return Math.round(t / 86_400_000);
}

function incidentIds(s: Loose): string[] {
  return arr(s.incidents)
    .map((i) => str(obj(i)?.id))
    .filter((x): x is string => x !== undefined);
}

/** The names and tables trigger expressions may use in this scenario; the engine evaluates against the same. */
export function conditionSymbols(scenario: Scenario | unknown): ConditionSymbols {
  const ids = incidentIds(obj(scenario) ?? {});
  const objects: Record<string, string[]> = {};
  for (const t of CONDITION_TABLES) objects[t] = [...ids];
  return { names: [...CONDITION_NAMES], objects };
}

/** Actions that address one incident and so need `incident:` unless `scope: all`. */
const INCIDENT_ACTIONS = new Set([
  'silence',
  'template',
  'excuse',
  'explanation',
  'apology',
  'sympathy',
  'compensation',
  'fulfil',
  'denial',
  'legal',
]);

/** Run every semantic check. Accepts a validated Scenario; tolerates unvalidated input. */
export function checkScenario(scenario: Scenario | unknown): CheckIssue[] {
  const s = obj(scenario);
  if (!s) return [];
  const issues: CheckIssue[] = [];
  const add = (path: PathSegment[], message: string, hint?: string, extra?: Partial<CheckIssue>) => {
    const issue: CheckIssue = { path, message, ...(hint ? { hint } : {}), ...extra };
    issues.push(issue);
  };

  // ---- ids -------------------------------------------------------------------------------------------
  const population = obj(s.population);
  const segments = arr(population?.segments);
  const incidents = arr(s.incidents);
  const events = arr(s.events);
  const strategies = arr(s.strategies);
  const history = arr(s.history);

  const collectIds = (list: unknown[], base: PathSegment[], what: string): string[] => {
    const seen = new Map<string, number>();
    list.forEach((item, i) => {
      const id = str(obj(item)?.id);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first !== undefined) {
        add(
          [...base, i, 'id'],
          `duplicate ${what} id "${id}"`,
          `already used by ${formatBase(base)}[${first}]`,
        );
      } else seen.set(id, i);
    });
    return [...seen.keys()];
  };
  const segmentIds = collectIds(segments, ['population', 'segments'], 'segment');
  segments.forEach((seg, i) => {
    const o = obj(seg);
    const size = fin(o?.size);
    const agents = fin(o?.agents);
    if (size !== undefined && agents !== undefined && size > 0 && agents > size) {
      add(
        ['population', 'segments', i, 'agents'],
        `${agents} agents for ${size} real people: each agent stands for ${Number((size / agents).toPrecision(2))} of a person`,
        `set agents to at most size (${size})`,
        { severity: 'warning' },
      );
    }
  });
  const incidentIdList = collectIds(incidents, ['incidents'], 'incident');
  const eventIds = collectIds(events, ['events'], 'event');
  const strategyIds = collectIds(strategies, ['strategies'], 'strategy');
  collectIds(history, ['history'], 'history');

  // `when.after` may name an incident or an event: they share a namespace.
  events.forEach((e, i) => {
    const id = str(obj(e)?.id);
    if (id !== undefined && incidentIdList.includes(id)) {
      add(
        ['events', i, 'id'],
        `event id "${id}" is also an incident id`,
        'rules refer to both by id (when.after): rename one',
      );
    }
  });

  const ref = (path: PathSegment[], value: unknown, known: string[], what: string, hint?: string) => {
    const id = str(value);
    if (id === undefined || known.includes(id)) return;
    const guess = didYouMean(id, known);
    add(
      path,
      `unknown ${what} "${id}"`,
      guess
        ? `did you mean "${guess}"?`
        : (hint ?? (known.length > 0 ? `known: ${known.join(', ')}` : 'there are none')),
    );
  };

  // ---- calendar ----------------------------------------------------------------------------------------
  const calendar = obj(s.calendar);
  const start = dayNumber(calendar?.start);
  const end = dayNumber(calendar?.end);
  let calendarOk = start !== undefined && end !== undefined;
  if (start !== undefined && end !== undefined) {
    if (end < start) {
      add(
        ['calendar', 'end'],
        `calendar end ${String(calendar?.end)} is before start ${String(calendar?.start)}`,
        'end must be on or after start',
      );
      calendarOk = false;
    } else if (end - start + 1 > MAX_CALENDAR_DAYS) {
      add(
        ['calendar', 'end'],
        `the calendar spans ${end - start + 1} days; at most ${MAX_CALENDAR_DAYS} (about 10 years)`,
        'shorten the calendar',
      );
    }
  }
  const inCalendar = (path: PathSegment[], date: unknown, what: string) => {
    const d = dayNumber(date);
    if (!calendarOk || d === undefined || start === undefined || end === undefined) return;
    if (d < start || d > end) {
      add(
        path,
        `${what} date ${String(date)} is outside the calendar ${String(calendar?.start)} – ${String(calendar?.end)}`,
        d < start ? 'past events before the start belong in history' : 'extend calendar.end or drop it',
      );
    }
  };

  // ---- history, incidents, events ---------------------------------------------------------------------
  history.forEach((h, i) => {
    const date = obj(h)?.date;
    const d = dayNumber(date);
    if (start !== undefined && d !== undefined && d >= start) {
      add(
        ['history', i, 'date'],
        `history date ${String(date)} is not before the calendar start ${String(calendar?.start)}`,
        'history is what happened before the simulation; put later events in incidents or events',
      );
    }
  });

  incidents.forEach((inc, i) => {
    const o = obj(inc);
    if (!o) return;
    inCalendar(['incidents', i, 'date'], o.date, 'incident');
    const claimants = obj(o.claimants);
    if (claimants) ref(['incidents', i, 'claimants', 'segment'], claimants.segment, segmentIds, 'segment');
  });

  events.forEach((e, i) => {
    const o = obj(e);
    if (!o) return;
    inCalendar(['events', i, 'date'], o.date, 'event');
    ref(['events', i, 'incident'], o.incident, incidentIdList, 'incident');
    const ev = dayNumber(o.date);
    const inc = incidents.map(obj).find((x) => x && x.id === o.incident);
    const incDay = dayNumber(inc?.date);
    if (ev !== undefined && incDay !== undefined && ev < incDay) {
      add(
        ['events', i, 'date'],
        `event ${String(o.date)} comes before its incident breaks (${String(inc?.date)})`,
        undefined,
        {
          severity: 'warning',
        },
      );
    }
  });

  // ---- seed awareness -----------------------------------------------------------------------------------
  const totalAgents = segments.reduce<number>((sum, seg) => {
    const o = obj(seg);
    const agents = fin(o?.agents);
    const size = fin(o?.size);
    return sum + (agents ?? (size !== undefined ? Math.min(size, 2000) : 0));
  }, 0);
  arr(s.seedAwareness).forEach((sa, i) => {
    const o = obj(sa);
    if (!o) return;
    ref(['seedAwareness', i, 'incident'], o.incident, incidentIdList, 'incident');
    if (o.share === undefined && o.agents === undefined) {
      add(['seedAwareness', i], 'seed awareness needs `share` or `agents`', 'e.g. share: 0.01');
    }
    arr(o.agents).forEach((a, k) => {
      const n = fin(a);
      if (n !== undefined && totalAgents > 0 && n >= totalAgents) {
        add(
          ['seedAwareness', i, 'agents', k],
          `agent id ${n} does not exist: there are ${totalAgents} agents (ids 0–${totalAgents - 1})`,
        );
      }
    });
    const day = fin(o.day);
    if (day !== undefined && calendarOk && start !== undefined && end !== undefined && day > end - start) {
      add(['seedAwareness', i, 'day'], `day ${day} is after the calendar ends (day ${end - start})`);
    }
  });

  // ---- strategies ---------------------------------------------------------------------------------------
  const symbols = conditionSymbols(s);
  const eventById = new Map<string, Loose>();
  for (const e of events) {
    const o = obj(e);
    const id = str(o?.id);
    if (o && id !== undefined && !eventById.has(id)) eventById.set(id, o);
  }
  const incidentById = new Map<string, Loose>();
  for (const inc of incidents) {
    const o = obj(inc);
    const id = str(o?.id);
    if (o && id !== undefined && !incidentById.has(id)) incidentById.set(id, o);
  }
  strategies.forEach((st, si) => {
    const o = obj(st);
    if (!o) return;
    const base: PathSegment[] = ['strategies', si];
    arr(o.controls).forEach((c, ci) => {
      const co = obj(c);
      if (!co) return;
      const p = [...base, 'controls', ci];
      const kind = str(co.kind);
      ref([...p, 'incident'], co.incident, incidentIdList, 'incident');
      if (
        (kind === 'prevent' || kind === 'cap-claimants' || kind === 'reduce-severity') &&
        co.incident === undefined
      ) {
        add(
          p,
          `control "${kind}" needs \`incident\``,
          incidentIdList.length ? `e.g. incident: ${incidentIdList[0]}` : undefined,
        );
      }
      if (kind === 'cap-claimants' && co.share === undefined) {
        add(
          p,
          'control "cap-claimants" needs `share` (the share of would-be claimants still harmed)',
          'e.g. share: 0.3',
        );
      }
      if (kind === 'reduce-severity' && co.factor === undefined) {
        add(p, 'control "reduce-severity" needs `factor` (the multiplier on severity)', 'e.g. factor: 0.5');
      }
      if (kind === 'cap-claimants' && typeof co.incident === 'string') {
        const inc = incidentById.get(co.incident);
        if (inc && !obj(inc.claimants)) {
          add([...p, 'incident'], `incident "${co.incident}" has no claimants to cap`, undefined, {
            severity: 'warning',
          });
        }
      }
    });

    const ruleIds = new Map<string, number>();
    arr(o.rules).forEach((r, ri) => {
      const ro = obj(r);
      if (!ro) return;
      const p = [...base, 'rules', ri];
      const id = str(ro.id);
      if (id !== undefined) {
        const first = ruleIds.get(id);
        if (first !== undefined)
          add(
            [...p, 'id'],
            `duplicate rule id "${id}"`,
            `already used by ${formatBase(base)}.rules[${first}]`,
          );
        else ruleIds.set(id, ri);
      }
      const action = str(ro.do);
      const scope = str(ro.scope) ?? 'incident';
      ref([...p, 'incident'], ro.incident, incidentIdList, 'incident');

      const when = obj(ro.when);
      if (when) {
        if (when.after !== undefined) {
          ref([...p, 'when', 'after'], when.after, [...incidentIdList, ...eventIds], 'incident or event');
        }
        if (when.date !== undefined) inCalendar([...p, 'when', 'date'], when.date, 'rule');
        // `after: x, days: n` due after the calendar ends: the rule never fires, and nothing says so in the charts.
        if (typeof when.after === 'string' && calendarOk && end !== undefined) {
          const from = incidentById.get(when.after) ?? eventById.get(when.after);
          const fromDay = dayNumber(from?.date);
          const delay = typeof when.days === 'number' ? when.days : 0;
          if (fromDay !== undefined && Number.isInteger(delay) && delay >= 0 && delay <= 3650) {
            const due = fromDay + delay;
            if (due > end) {
              const dueText = new Date(due * 86_400_000).toISOString().slice(0, 10);
              const latest = end - fromDay;
              add(
                [...p, 'when', when.days !== undefined ? 'days' : 'after'],
                `this rule is due on ${dueText}, after the calendar ends (${String(calendar?.end)}): it never fires`,
                latest >= 0
                  ? `at most days: ${latest} for "${when.after}" (${String(from?.date)}), or extend calendar.end to ${dueText}`
                  : `extend calendar.end to ${dueText}`,
                { severity: 'warning' },
              );
            }
          }
        }
        if (when.notBefore !== undefined)
          inCalendar([...p, 'when', 'notBefore'], when.notBefore, 'notBefore');
        const trigger = str(when.trigger);
        if (trigger !== undefined && trigger.length > 0) {
          const compiled = compileCondition(trigger, symbols);
          if (!compiled.ok) {
            add([...p, 'when', 'trigger'], `invalid trigger: ${compiled.message}`, compiled.hint, {
              offset: compiled.offset,
            });
          } else if (compiled.symbols.length === 0) {
            add(
              [...p, 'when', 'trigger'],
              'the trigger uses no metric, so it is always true or always false',
              'compare a metric with a threshold, e.g. complaints_7d > 400; for a fixed day use `when: { date: … }`',
              { severity: 'warning' },
            );
          } else if (/^\s*[A-Za-z_][\w.]*\s*$/.test(trigger.replace(/#[^\n]*/g, ''))) {
            add(
              [...p, 'when', 'trigger'],
              `the trigger is a bare value: it fires as soon as ${trigger.trim()} is not 0`,
              `compare it with a threshold, e.g. ${trigger.trim()} > 400`,
              { severity: 'warning' },
            );
          }
        }
      }

      // The engine holds a rule about one incident until that incident breaks; a rule due on a fixed day
      // before then never fires (a trigger rule waits instead).
      const target = typeof ro.incident === 'string' ? incidentById.get(ro.incident) : undefined;
      const breaks = dayNumber(target?.date);
      if (when && scope === 'incident' && breaks !== undefined) {
        let due: number | undefined;
        let dueText = '';
        if (when.date !== undefined) {
          due = dayNumber(when.date);
          dueText = String(when.date);
        } else if (typeof when.after === 'string') {
          const from = incidentById.get(when.after) ?? eventById.get(when.after);
          const start = dayNumber(from?.date);
          const delay = typeof when.days === 'number' ? when.days : 0;
          // Only a delay the schema accepts (0–3650 days): others are reported there, and a huge one is no date.
          if (start !== undefined && Number.isInteger(delay) && delay >= 0 && delay <= 3650) {
            due = start + delay;
            dueText = new Date(due * 86_400_000).toISOString().slice(0, 10);
          }
        }
        if (due !== undefined && due < breaks) {
          add(
            [...p, 'when', when.date !== undefined ? 'date' : 'after'],
            `this rule is due on ${dueText}, before incident "${String(ro.incident)}" breaks (${String(target?.date)}): it never fires`,
            `date it on or after ${String(target?.date)}, or write when: { after: ${String(ro.incident)}, days: 1 }`,
            { severity: 'warning' },
          );
        }
      }

      if (action && INCIDENT_ACTIONS.has(action) && scope === 'incident' && ro.incident === undefined) {
        const after = str(when?.after);
        const guess = after !== undefined && incidentIdList.includes(after) ? after : incidentIdList[0];
        add(
          p,
          `rule "${action}" needs \`incident\` (or \`scope: all\`)`,
          guess ? `add incident: ${guess}` : 'add scope: all',
        );
      }
      if (scope === 'all' && ro.incident !== undefined) {
        add([...p, 'incident'], '`incident` is ignored with `scope: all`', undefined, {
          severity: 'warning',
        });
      }
      if (action === 'compensation') {
        const amount = ro.amountCny;
        if (amount === undefined || amount === 0) {
          add(p, 'compensation of ¥0 per claimant', 'set amountCny', { severity: 'warning' });
        }
        const inc = typeof ro.incident === 'string' ? incidentById.get(ro.incident) : undefined;
        if (inc && !obj(inc.claimants)) {
          add(
            [...p, 'incident'],
            `incident "${ro.incident}" has no claimants to compensate`,
            'add incidents[].claimants',
            {
              severity: 'warning',
            },
          );
        }
      }
    });
  });

  // ---- network ------------------------------------------------------------------------------------------
  const network = obj(s.network);
  if (network) {
    const kind = str(network.kind) ?? 'sbm';
    const hasEdges = network.edges !== undefined;
    const hasFile = network.file !== undefined;
    if (kind === 'edge-list') {
      if (hasEdges === hasFile) {
        add(
          ['network'],
          hasEdges
            ? 'an edge list takes `edges` or `file`, not both'
            : 'network kind "edge-list" needs `edges` or `file`',
          'edges: "0 1\\n1 2" inline, or file: my-graph.txt next to the scenario',
        );
      }
      const edges = str(network.edges);
      if (edges !== undefined) {
        const bad = firstBadEdgeLine(edges, totalAgents);
        if (bad) add(['network', 'edges'], bad.message, bad.hint, { offset: bad.offset });
      }
    } else {
      if (hasEdges || hasFile) {
        add(
          ['network', hasEdges ? 'edges' : 'file'],
          `\`${hasEdges ? 'edges' : 'file'}\` is ignored unless kind is "edge-list"`,
          undefined,
          {
            severity: 'warning',
          },
        );
      }
      if (network.directed === true) {
        add(['network', 'directed'], '`directed` only applies to kind "edge-list"', undefined, {
          severity: 'warning',
        });
      }
    }
    if (kind === 'complete' && totalAgents > MAX_COMPLETE_GRAPH_AGENTS) {
      add(
        ['network', 'kind'],
        `a complete graph of ${totalAgents} agents is too large (at most ${MAX_COMPLETE_GRAPH_AGENTS})`,
        'lower population.segments[].agents, or use kind "erdos-renyi" with a high meanDegree',
      );
    }
  }

  // ---- outputs ------------------------------------------------------------------------------------------
  const outputs = obj(s.outputs);
  if (outputs?.baseline !== undefined)
    ref(['outputs', 'baseline'], outputs.baseline, strategyIds, 'strategy');

  return issues;
}

function formatBase(base: PathSegment[]): string {
  return base.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The first malformed line of an inline edge list ("u v [weight]", 0-based agent ids), if any. */
function firstBadEdgeLine(
  edges: string,
  totalAgents: number,
): { message: string; hint?: string; offset: number } | undefined {
  let offset = 0;
  let lineNo = 0;
  while (offset <= edges.length) {
    let nl = edges.indexOf('\n', offset);
    if (nl < 0) nl = edges.length;
    lineNo++;
    const line = edges.slice(offset, nl);
    const body = line.replace(/#.*/, '').trim();
    if (body.length > 0) {
      const parts = body.split(/[\s,]+/);
      const at = offset + line.indexOf(body);
      const u = Number(parts[0]);
      const v = Number(parts[1]);
      const w = parts.length > 2 ? Number(parts[2]) : 1;
      if (
        parts.length < 2 ||
        parts.length > 3 ||
        !Number.isInteger(u) ||
        !Number.isInteger(v) ||
        !Number.isFinite(w) ||
        u < 0 ||
        v < 0
      ) {
        return {
          message: `edge line ${lineNo} must be "u v" or "u v weight" with agent ids ≥ 0, got ${JSON.stringify(body.slice(0, 40))}`,
          offset: at,
        };
      }
      if (totalAgents > 0 && (u >= totalAgents || v >= totalAgents)) {
        return {
          message: `edge line ${lineNo} names agent ${Math.max(u, v)}, but there are ${totalAgents} agents (ids 0–${totalAgents - 1})`,
          hint: 'set population.segments[].agents to match the edge list',
          offset: at,
        };
      }
    }
    offset = nl + 1;
  }
  return undefined;
}
