/**
 * Common random numbers: two strategies that differ only from day d (the same rules plus one extra rule
 * dated day d) give byte-identical metric rows for every day before d, on the same seed and replicate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../sim/engine/run';
import type { ScenarioInput } from '../../sim/scenario/schema';
import { addDays, daysBetween } from '../../sim/util/dates';
import { randomScenarioArb, START } from '../helpers/randomScenario';
import { crisisScenario, daySlice, makeWorld, sameBytes, scenario } from '../helpers/world';

type RuleInput = NonNullable<NonNullable<ScenarioInput['strategies'][number]['rules']>>[number];

function withExtraRule(base: ReturnType<typeof crisisScenario>, extra: RuleInput) {
  const passive = base.strategies.find((s) => s.id === 'passive')!;
  return crisisScenario({
    strategies: [
      { id: 'passive', rules: passive.rules },
      { id: 'plus', rules: [...passive.rules, extra] },
    ],
  });
}

describe('common random numbers across strategies', () => {
  const base = crisisScenario();
  const start = base.calendar.start;
  const cases: [string, number, RuleInput][] = [
    ['donation', 12, { when: { date: addDays(start, 12) }, do: 'donation', amountCny: 1_000_000 }],
    ['apology', 8, { when: { date: addDays(start, 8) }, do: 'apology', incident: 'fridge' }],
    [
      'cash',
      5,
      { when: { date: addDays(start, 5) }, do: 'compensation', incident: 'fridge', amountCny: 1500 },
    ],
    ['denial', 15, { when: { date: addDays(start, 15) }, do: 'denial', incident: 'fridge' }],
  ];

  it.each(cases)(
    'an extra %s on day %i leaves every earlier day identical and changes the rest',
    (_, d, extra) => {
      const sc = withExtraRule(base, extra);
      const a = run(sc, { strategy: 'passive', seed: 11, replicate: 4 });
      const b = run(sc, { strategy: 'plus', seed: 11, replicate: 4 });
      const { w } = makeWorld(sc, { seed: 11, replicate: 4 });
      expect(sameBytes(daySlice(a.values, w, 0, d), daySlice(b.values, w, 0, d))).toBe(true);
      // The extra rule does something from day d on (so the comparison above is not vacuous).
      expect(sameBytes(daySlice(a.values, w, d, a.days), daySlice(b.values, w, d, b.days))).toBe(false);
    },
  );

  it('a free cap-claimants control on the incident breaking on day 5 leaves days 0–4 identical', () => {
    const passive = base.strategies.find((s) => s.id === 'passive')!;
    const sc = crisisScenario({
      strategies: [
        { id: 'passive', rules: passive.rules },
        {
          id: 'capped',
          controls: [{ kind: 'cap-claimants', incident: 'deposit', share: 0.3 }],
          rules: passive.rules,
        },
      ],
    });
    const a = run(sc, { strategy: 'passive', seed: 11, replicate: 4 });
    const b = run(sc, { strategy: 'capped', seed: 11, replicate: 4 });
    const { w, model } = makeWorld(sc, { seed: 11, replicate: 4 });
    const d = model.incidents.find((i) => i.id === 'deposit')!.day;
    expect(d).toBe(5);
    expect(sameBytes(daySlice(a.values, w, 0, d), daySlice(b.values, w, 0, d))).toBe(true);
    expect(sameBytes(daySlice(a.values, w, d, a.days), daySlice(b.values, w, d, b.days))).toBe(false);
  });

  it('holds for an extra rule of any kind on random scenarios (fast-check, seed 31337, 15 runs)', () => {
    fc.assert(
      fc.property(
        randomScenarioArb(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(
          'donation',
          'good-news',
          'apology',
          'compensation',
          'denial',
          'legal',
          'fulfil',
        ) as fc.Arbitrary<RuleInput['do']>,
        (c, where, kind) => {
          const input = c.input;
          const s0 = scenario(input);
          const day = Math.floor(where * (daysBetween(START, s0.calendar.end) + 1));
          const rules = input.strategies[0].rules ?? [];
          const inc = s0.incidents[0]?.id;
          const extra: RuleInput = {
            when: { date: addDays(START, day) },
            do: kind,
            ...(inc ? { incident: inc } : { scope: 'all' }),
            amountCny: 500,
          };
          const sc = scenario({
            ...input,
            strategies: [
              { ...input.strategies[0], id: 'a', rules },
              { ...input.strategies[0], id: 'b', rules: [...rules, extra] },
            ],
          });
          const a = run(sc, { strategy: 'a', seed: c.seed, replicate: c.replicate });
          const b = run(sc, { strategy: 'b', seed: c.seed, replicate: c.replicate });
          const { w } = makeWorld(sc, { seed: c.seed, replicate: c.replicate });
          expect(sameBytes(daySlice(a.values, w, 0, day), daySlice(b.values, w, 0, day))).toBe(true);
        },
      ),
      { numRuns: Number(process.env.PROP_RUNS ?? 15), seed: 31337 },
    );
  });
});
