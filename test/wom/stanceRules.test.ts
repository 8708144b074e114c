/**
 * The classic stance rules the word-of-mouth submodel reduces to: DeGroot on a complete graph keeps each facet's
 * mean and contracts the spread by 1/(n−1) a day; Friedkin–Johnsen with susceptibility 0 stays at the initial
 * opinions; Deffuant moves nobody whose tie differs by more than ε.
 */
import { describe, expect, it } from 'vitest';
import { spreadWordOfMouth } from '../../sim/wom/spreadWordOfMouth';
import { crisisScenario, makeWorld, scenario, stepDays } from '../helpers/world';

const quiet = (
  wom: Record<string, unknown>,
  segment: Record<string, unknown> = {},
  network: Record<string, unknown> = { kind: 'complete' },
) =>
  scenario({
    population: { segments: [{ id: 'p', size: 30, agents: 30, ...segment }] },
    network,
    model: { mechanisms: { chatter: false }, wom },
  });

const spread = (a: Float64Array) => Math.max(...a) - Math.min(...a);
const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;

describe('classic stance rules', () => {
  it('DeGroot on a complete graph keeps the mean and contracts the spread by 1/(n−1) a day', () => {
    const { w } = makeWorld(quiet({ stanceRule: 'degroot' }));
    const m0 = mean(w.s.ta);
    const s0 = spread(w.s.ta);
    spreadWordOfMouth(w);
    expect(mean(w.s.ta)).toBeCloseTo(m0, 12);
    expect(spread(w.s.ta)).toBeCloseTo(s0 / 29, 12);
    // Overall trust is kept in step.
    for (let i = 0; i < w.pop.n; i++)
      expect(w.s.T[i]).toBeCloseTo((w.s.ta[i] + w.s.tb[i] + w.s.ti[i]) / 3, 12);
  });

  it('Friedkin–Johnsen with susceptibility 0 (fully stubborn) stays at the initial opinions', () => {
    const { w, rt } = makeWorld(quiet({ stanceRule: 'friedkin-johnsen' }, { susceptibility: 0 }));
    stepDays(w, rt, 5);
    expect(Array.from(w.s.ta)).toEqual(Array.from(w.pop.ability0));
  });

  it('Deffuant moves nobody when every tie differs by more than ε', () => {
    const { w } = makeWorld(
      quiet({ stanceRule: 'deffuant', confidenceBound: 0.1 }, {}, { kind: 'edge-list', edges: '0 1\n2 3' }),
    );
    w.s.ta.set([0.2, 0.8, 0.5, 0.55]);
    w.s.T[0] = 0.2;
    w.s.T[1] = 0.8;
    w.s.T[2] = 0.5;
    w.s.T[3] = 0.55;
    const before = w.s.ta.slice(4);
    spreadWordOfMouth(w);
    expect(w.s.ta[0]).toBe(0.2);
    expect(w.s.ta[1]).toBe(0.8);
    expect(w.s.ta[2]).toBeGreaterThan(0.5); // within ε: moves towards its tie
    expect(w.s.ta[3]).toBeLessThan(0.55);
    expect(Array.from(w.s.ta.slice(4))).toEqual(Array.from(before));
  });

  // The classic rules (linearAveraging, deffuant in sim/wom/spreadWordOfMouth.ts) keep the deception ceiling
  // ceilI that updateTrust and fireEvent enforce: after a proven deception the integrity of the aware stays at or
  // below ceiling × pre-crisis level under DeGroot, Friedkin–Johnsen and Deffuant.
  it.each(['degroot', 'friedkin-johnsen', 'deffuant'])(
    'keeps the deception ceiling under the %s stance rule',
    (stanceRule) => {
      const sc = crisisScenario({ model: { wom: { stanceRule } } });
      const { w, rt } = makeWorld(sc, { seed: 2, strategy: 'passive' });
      stepDays(w, rt);
      expect(w.s.inc.deception[1]).toBe(1);
      for (let i = 0; i < w.pop.n; i++) expect(w.s.ti[i]).toBeLessThanOrEqual(w.s.ceilI[i] + 1e-12);
    },
  );
});
