/**
 * Small worlds for the engine and kernel tests: a scenario built in code, compiled, with its structure
 * (population + network) and a world at day 0, plus helpers to step it and read the metric cube.
 */
import { type CompiledStrategy, compileModel, type Model } from '../../sim/engine/compileModel';
import { createRuntime, decideStrategy, type StrategyRuntime } from '../../sim/engine/decideStrategy';
import { buildStructure, initWorld, type Structure } from '../../sim/engine/run';
import { beginDay, finishDay, step } from '../../sim/engine/step';
import type { World } from '../../sim/engine/World';
import { type Scenario, scenarioSchema } from '../../sim/scenario/schema';

type Loose = Record<string, unknown>;

/** A valid scenario: `input` over a one-segment, 20-day, one-strategy default. Top-level keys replace the default's (input is validated by the schema, so it is typed loosely). */
export function scenario(input: Loose = {}): Scenario {
  return scenarioSchema.parse({
    version: 1,
    meta: { title: 'test' },
    calendar: { start: '2025-01-01', end: '2025-01-20' },
    population: { segments: [{ id: 'public', size: 1000, agents: 200 }] },
    strategies: [{ id: 's' }],
    ...input,
  });
}

export interface TestWorld {
  model: Model;
  structure: Structure;
  w: World;
  rt: StrategyRuntime;
  strategy: CompiledStrategy;
}

/** Compile, build the structure of (seed, replicate) and a fresh world at day 0 for one strategy. */
export function makeWorld(
  sc: Scenario | Model,
  opts: { seed?: number; replicate?: number; strategy?: string; structure?: Structure } = {},
): TestWorld {
  const model = 'days' in sc && 'scenario' in sc ? (sc as Model) : compileModel(sc as Scenario);
  const seed = opts.seed ?? 1;
  const replicate = opts.replicate ?? 0;
  const structure = opts.structure ?? buildStructure(model, seed, replicate);
  const w = initWorld(model, structure, seed, replicate);
  const strategy = opts.strategy
    ? model.strategies.find((s) => s.id === opts.strategy)!
    : model.strategies[0];
  return { model, structure, w, rt: createRuntime(strategy), strategy };
}

/** Step `days` whole days (default: to the end of the calendar). */
export function stepDays(w: World, rt: StrategyRuntime, days = w.model.days - w.s.day): void {
  for (let d = 0; d < days; d++) step(w, rt);
}

/** Step one day and return the ids of the rules that fired on it. */
export function stepRecording(w: World, rt: StrategyRuntime): string[] {
  beginDay(w, rt);
  const rules = decideStrategy(w, rt);
  finishDay(w, rt, rules);
  return rules.map((r) => r.id);
}

/** Read one cell of the metric cube: values[(day·(S+1) + row)·M + metric]; row 0 = all segments. */
export function metric(w: World, day: number, name: string, row = 0): number {
  const M = w.layout.names.length;
  const rows = w.pop.segments + 1;
  const j = w.layout.index[name];
  if (j === undefined) throw new Error(`no metric ${name}`);
  return w.s.values[(day * rows + row) * M + j];
}

/** The cube's slice for days [from, to). */
export function daySlice(values: Float64Array, w: World, from: number, to: number): Float64Array {
  const stride = (w.pop.segments + 1) * w.layout.names.length;
  return values.slice(from * stride, to * stride);
}

/** Byte-for-byte equality of two Float64Arrays (NaN payloads included). */
export function sameBytes(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * A small flagship-like crisis (about 900 agents, 40 days): two incidents with claimants, a denial later
 * contradicted by a ruling, a donation during the open dispute, and a trigger rule. Strategies:
 * `passive` (template, ¥30 voucher, legal manoeuvre, denial, donation, trigger excuse), `fair` (apology and
 * cash near the loss on day 0) and `silence`.
 */
export function crisisScenario(extra: Loose = {}): Scenario {
  return scenario({
    calendar: { start: '2025-11-01', end: '2025-12-10' },
    population: {
      segments: [
        { id: 'claimants', size: 300, agents: 150, commitment: { mean: 0.5, sd: 0.15 } },
        { id: 'fans', size: 200_000, agents: 150, commitment: { mean: 0.7, sd: 0.1 } },
        { id: 'public', size: 5_000_000, agents: 600, talkativeness: { mean: 0.2, sd: 0.1 } },
      ],
    },
    network: { kind: 'sbm', meanDegree: 8, homophily: 0.6 },
    history: [{ id: 'fine', date: '2022-02-01', kind: 'fine' }],
    incidents: [
      {
        id: 'fridge',
        date: '2025-11-03',
        violation: { ability: 0.4, benevolence: 0.3, integrity: 0.3 },
        cluster: 'accidental',
        severity: 0.6,
        salience: 8,
        claimants: { segment: 'claimants', share: 0.7, lossCny: 1488 },
      },
      {
        id: 'deposit',
        date: '2025-11-06',
        violation: { ability: 0, benevolence: 0.3, integrity: 0.7 },
        cluster: 'preventable',
        severity: 0.4,
        salience: 3,
        claimants: { segment: 'claimants', share: 0.2, lossCny: 5000 },
      },
    ],
    events: [{ id: 'ruling', date: '2025-11-25', kind: 'ruling', incident: 'deposit', amountCny: 10_000 }],
    strategies: [
      {
        id: 'passive',
        rules: [
          { when: { after: 'fridge', days: 1 }, do: 'template', incident: 'fridge' },
          {
            when: { after: 'fridge', days: 1 },
            do: 'compensation',
            incident: 'fridge',
            amountCny: 30,
            form: 'voucher',
          },
          { when: { after: 'deposit', days: 2 }, do: 'denial', incident: 'deposit' },
          { when: { after: 'deposit', days: 4 }, do: 'legal', incident: 'deposit' },
          { when: { date: '2025-11-20' }, do: 'donation', amountCny: 9_200_000 },
          { when: { trigger: 'complaints_7d > 20' }, do: 'excuse', incident: 'fridge' },
        ],
      },
      {
        id: 'fair',
        controls: [{ kind: 'unified-voice' }],
        rules: [
          { when: { after: 'fridge', days: 0 }, do: 'apology', incident: 'fridge' },
          { when: { after: 'fridge', days: 0 }, do: 'compensation', incident: 'fridge', amountCny: 1500 },
          { when: { after: 'deposit', days: 0 }, do: 'apology', incident: 'deposit' },
          { when: { after: 'deposit', days: 0 }, do: 'compensation', incident: 'deposit', amountCny: 5000 },
        ],
      },
      { id: 'silence' },
    ],
    ...extra,
  });
}

/** One incident on the helpers' first calendar day: accidental, an ability violation of severity 0.5; `extra` adds or replaces keys. */
export function abilityIncident(extra: Loose = {}): Loose {
  return {
    id: 'x',
    date: '2025-01-01',
    violation: { ability: 1, benevolence: 0, integrity: 0 },
    cluster: 'accidental',
    severity: 0.5,
    ...extra,
  };
}
