/**
 * fast-check arbitrary of small random scenarios for the engine's property tests: 1–3 segments of random
 * real size and a few dozen to ~150 agents each, 0–3 incidents (with and without claimants), events
 * including rulings, every response kind with date / after / trigger timing, preventive controls, a random
 * network among sbm / erdos-renyi / watts-strogatz / barabasi-albert / complete, random model parameters
 * and mechanism switches, and a random seed.
 */
import fc from 'fast-check';
import { actionKinds, type ScenarioInput } from '../../sim/scenario/schema';
import { addDays } from '../../sim/util/dates';

export const NETWORK_KINDS = ['sbm', 'erdos-renyi', 'watts-strogatz', 'barabasi-albert', 'complete'] as const;
export const START = '2025-03-01';

export interface RandomCase {
  input: ScenarioInput;
  seed: number;
  replicate: number;
}

const share = fc.double({ min: 0, max: 1, noNaN: true });
const mean01 = fc.double({ min: 0.1, max: 0.9, noNaN: true });
/** sd 0 or 0.1 (valid for any mean in [0.1, 0.9]: 0.01 < mean·(1 − mean)). */
const dist = fc.record({ mean: mean01, sd: fc.constantFrom(0, 0.1) });

const segmentArb = (index: number) =>
  fc.record({
    id: fc.constant(`seg${index}`),
    size: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 5_000_000 })),
    agents: fc.integer({ min: 10, max: 150 }),
    trust: fc.record({ ability: dist, benevolence: dist, integrity: dist }),
    commitment: dist,
    talkativeness: dist,
    mediaUse: dist,
    owners: share,
    susceptibility: share,
  });

function triggersFor(incidents: string[]): string[] {
  const t = [
    'complaints_7d > 0',
    'day >= 3',
    'trust < 0.62',
    'aware_share > 0.1 and grievance > 0.001',
    'nps < 0',
  ];
  for (const id of incidents) {
    t.push(`attention.${id} > 1`, `aware.${id} > 0.05`, `guilt.${id} == 1`, `group.${id} > 0`);
  }
  return t;
}

export function randomScenarioArb(): fc.Arbitrary<RandomCase> {
  return fc
    .record({
      days: fc.integer({ min: 6, max: 24 }),
      nSeg: fc.integer({ min: 1, max: 3 }),
      nInc: fc.integer({ min: 0, max: 3 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      replicate: fc.integer({ min: 0, max: 50 }),
    })
    .chain(({ days, nSeg, nInc, seed, replicate }) => {
      const segIds = Array.from({ length: nSeg }, (_, i) => `seg${i}`);
      const incIds = Array.from({ length: nInc }, (_, i) => `inc${i}`);
      const dateArb = fc.integer({ min: 0, max: days - 1 }).map((d) => addDays(START, d));
      const incidentArb = (id: string) =>
        fc.record({
          id: fc.constant(id),
          date: dateArb,
          violation: fc.record({ ability: share, benevolence: share, integrity: share }).map((v) => ({
            ...v,
            integrity: v.ability + v.benevolence + v.integrity < 0.01 ? 0.5 : v.integrity,
          })),
          cluster: fc.constantFrom('victim', 'accidental', 'preventable'),
          severity: share,
          salience: fc.double({ min: 0, max: 25, noNaN: true }),
          disclosedBy: fc.constantFrom('company', 'third-party'),
          claimants: fc.option(
            fc.record({
              segment: fc.constantFrom(...segIds),
              share: fc.double({ min: 0.05, max: 1, noNaN: true }),
              lossCny: fc.oneof(fc.constant(0), fc.double({ min: 1, max: 50_000, noNaN: true })),
              expectation: share,
            }),
            { nil: undefined, freq: 5 },
          ),
        });
      const eventArb =
        nInc === 0
          ? fc.constant([])
          : fc.array(
              fc.record({
                kind: fc.constantFrom('ruling', 'ruling', 'lawsuit', 'hearing', 'news'),
                incident: fc.constantFrom(...incIds),
                date: dateArb,
                againstCompany: fc.boolean(),
                amountCny: fc.integer({ min: 0, max: 1_000_000 }),
              }),
              { maxLength: 3 },
            );
      return fc
        .record({
          segments: fc.tuple(...segIds.map((_, i) => segmentArb(i))),
          incidents: nInc === 0 ? fc.constant([]) : fc.tuple(...incIds.map(incidentArb)),
          events: eventArb,
          network: fc.record({
            kind: fc.constantFrom(...NETWORK_KINDS),
            meanDegree: fc.integer({ min: 0, max: 10 }),
            homophily: share,
            rewire: share,
          }),
          history: fc.boolean(),
          seedAwareness:
            nInc === 0
              ? fc.constant([])
              : fc.array(
                  fc.record({
                    incident: fc.constantFrom(...incIds),
                    share: fc.double({ min: 0, max: 0.3, noNaN: true }),
                    agents: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }),
                    day: fc.integer({ min: 0, max: days - 1 }),
                    joinGroup: fc.boolean(),
                  }),
                  { maxLength: 1 },
                ),
          model: fc.record({
            trust: fc.record({
              learningRate: fc.double({ min: 0, max: 0.6, noNaN: true }),
              lambdaPeak: fc.double({ min: 1, max: 6, noNaN: true }),
              commitmentBuffer: share,
              deceptionCeiling: share,
              reversionHalfLifeDays: fc.double({ min: 1, max: 200, noNaN: true }),
            }),
            media: fc.record({
              halfLifeDays: fc.double({ min: 0.2, max: 5, noNaN: true }),
              branchingRatio: fc.double({ min: 0, max: 0.95, noNaN: true }),
              baseline: fc.double({ min: 0, max: 2, noNaN: true }),
              postsPerStory: fc.constantFrom(1, 100, 100_000),
              exposureRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
              randomStories: fc.boolean(),
            }),
            wom: fc.record({
              contact: fc.constantFrom('each-tie', 'one-tie'),
              stanceRule: fc.constantFrom('evidence', 'deffuant', 'degroot', 'friedkin-johnsen', 'none'),
              talkRate: share,
              contactProbability: share,
              stifleProbability: share,
              forgetProbability: share,
              confidenceBound: share,
              influence: share,
            }),
            behaviour: fc.record({
              groupThreshold: fc.integer({ min: 1, max: 3 }),
              groupAdoption: share,
              groupSeedProbability: fc.double({ min: 0, max: 0.3, noNaN: true }),
              lawsuitGroupSize: fc.integer({ min: 1, max: 500 }),
              lawsuitHazard: share,
              repeatComplaint: fc.double({ min: 0, max: 0.3, noNaN: true }),
            }),
            mechanisms: fc.record({
              media: fc.boolean(),
              wordOfMouth: fc.boolean(),
              chatter: fc.boolean(),
              trust: fc.constantFrom(true, true, true, false),
              grievance: fc.constantFrom(true, true, true, false),
              behaviour: fc.constantFrom(true, true, true, false),
              collectiveAction: fc.boolean(),
              stonewalling: fc.boolean(),
              reversion: fc.boolean(),
            }),
          }),
          strategies: fc.array(strategyArb(incIds, 0, days, dateArb), { minLength: 1, maxLength: 2 }),
        })
        .map((r) => {
          const input: ScenarioInput = {
            version: 1,
            meta: { title: 'random' },
            calendar: { start: START, end: addDays(START, days - 1) },
            population: { segments: r.segments },
            network: r.network,
            history: r.history ? [{ id: 'fine', date: '2020-01-01', kind: 'fine' }] : [],
            incidents: r.incidents,
            events: (r.events as Record<string, unknown>[]).map((e, i) => ({ id: `ev${i}`, ...e })),
            seedAwareness: r.seedAwareness,
            model: r.model,
            strategies: r.strategies.map((s, i) => ({ ...s, id: `st${i}` })),
          } as ScenarioInput;
          return { input, seed, replicate };
        });
    });
}

/** One strategy: every action kind once (shuffled timing) plus a few random extra rules, and random controls. */
function strategyArb(incIds: string[], _from: number, days: number, dateArb: fc.Arbitrary<string>) {
  const hasInc = incIds.length > 0;
  const whenArb = fc.oneof(
    dateArb.map((date) => ({ date })),
    hasInc
      ? fc.record({ after: fc.constantFrom(...incIds), days: fc.integer({ min: 0, max: Math.min(5, days) }) })
      : dateArb.map((date) => ({ date })),
    fc.record({ trigger: fc.constantFrom(...triggersFor(incIds)) }),
  );
  const ruleArb = (kind: (typeof actionKinds)[number]) =>
    fc.record({
      when: whenArb,
      do: fc.constant(kind),
      incident: hasInc ? fc.option(fc.constantFrom(...incIds), { nil: undefined }) : fc.constant(undefined),
      scope: fc.constantFrom('incident', 'incident', 'all'),
      amountCny: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      form: fc.constantFrom('cash', 'voucher'),
    });
  const controlArb = hasInc
    ? fc.oneof(
        fc.record({
          kind: fc.constant('prevent'),
          incident: fc.constantFrom(...incIds),
          costCny: fc.nat(1e6),
        }),
        fc.record({
          kind: fc.constant('cap-claimants'),
          incident: fc.constantFrom(...incIds),
          share: share,
          costCny: fc.nat(1e6),
        }),
        fc.record({
          kind: fc.constant('reduce-severity'),
          incident: fc.constantFrom(...incIds),
          factor: share,
          costCny: fc.nat(1e6),
        }),
        fc.record({ kind: fc.constant('unified-voice'), costCny: fc.nat(1e6) }),
      )
    : fc.record({ kind: fc.constant('unified-voice'), costCny: fc.nat(1e6) });
  return fc.record({
    controls: fc.array(controlArb, { maxLength: 3 }),
    rules: fc
      .tuple(
        fc.tuple(...actionKinds.map(ruleArb)),
        fc.array(fc.constantFrom(...actionKinds).chain(ruleArb), { maxLength: 4 }),
      )
      .map(([all, extra]) => [...all, ...extra].map((r) => stripUndefined(r))),
  });
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
