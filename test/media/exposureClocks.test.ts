/**
 * Media exposure as exponential clocks: per incident, every agent with some media use m has one threshold
 * E/m (E ~ Exp(1), drawn once per replicate), listed in increasing order; and because the thresholds are fixed,
 * more coverage exposes a superset of the agents that less coverage exposes (common random numbers).
 */
import { describe, expect, it } from 'vitest';
import { fireIncident } from '../../sim/incidents/fireIncident';
import { buildExposureClocks } from '../../sim/media/exposureClocks';
import { updateMedia } from '../../sim/media/updateMedia';
import { initPopulation, MEDIA_LEVELS } from '../../sim/population/Population';
import { u01 } from '../../sim/rng/hash';
import { abilityIncident, makeWorld, scenario } from '../helpers/world';

const KEY = 12345;

function population(n: number) {
  const sc = scenario({
    population: { segments: [{ id: 'p', size: n, agents: n, mediaUse: { mean: 0.3, sd: 0.25 } }] },
  });
  return initPopulation(sc.population.segments, 1, 3, 0);
}

describe('buildExposureClocks', () => {
  it('lists every agent with media use once per incident, in increasing threshold E/m with E = −ln(1 − u)', () => {
    const pop = population(3000);
    const clocks = buildExposureClocks(pop, 2, KEY);
    const users = Array.from(pop.mediaLevel).filter((m) => m > 0).length;
    expect(users).toBeGreaterThan(2000);
    expect(users).toBeLessThan(3000); // some agents have no media use and are left out
    for (let k = 0; k < 2; k++) {
      const order = clocks.order[k]!;
      const th = clocks.threshold[k]!;
      expect(order.length).toBe(users);
      expect(new Set(order).size).toBe(users);
      for (let j = 0; j < order.length; j++) {
        const i = order[j]!;
        expect(pop.mediaLevel[i]).toBeGreaterThan(0);
        const m = pop.mediaLevel[i]! / MEDIA_LEVELS;
        expect(th[j]).toBe(-Math.log(1 - u01(KEY, 0, i, k)) / m);
        if (j > 0) expect(th[j]).toBeGreaterThanOrEqual(th[j - 1]!);
      }
    }
    // The two incidents draw their own thresholds.
    expect(Array.from(clocks.order[0]!)).not.toEqual(Array.from(clocks.order[1]!));
  });

  it('is a function of (population, key): the same key gives the same clocks, another key others', () => {
    const pop = population(500);
    const a = buildExposureClocks(pop, 1, KEY);
    const b = buildExposureClocks(pop, 1, KEY);
    const c = buildExposureClocks(pop, 1, KEY + 1);
    expect(Array.from(b.threshold[0]!)).toEqual(Array.from(a.threshold[0]!));
    expect(Array.from(c.threshold[0]!)).not.toEqual(Array.from(a.threshold[0]!));
  });
});

describe('exposure under common random numbers', () => {
  /** Agents aware of the incident after `days` days of coverage from a shock of `shock` stories a day. */
  function exposed(shock: number, days: number): Set<number> {
    const t = makeWorld(
      scenario({
        population: { segments: [{ id: 'p', size: 2000, agents: 2000, mediaUse: { mean: 0.4, sd: 0.2 } }] },
        model: { media: { randomStories: false, branchingRatio: 0, exposureRate: 0.05 } },
        incidents: [abilityIncident({ salience: 0 })],
      }),
      { seed: 9 },
    );
    fireIncident(t.w, t.model.incidents[0]!, t.strategy);
    for (let d = 0; d < days; d++) {
      t.w.s.inc.shock[0] = shock;
      updateMedia(t.w);
      t.w.s.day++;
    }
    const out = new Set<number>();
    for (let i = 0; i < t.w.pop.n; i++) if (t.w.s.aware[i] >= 0) out.add(i);
    return out;
  }

  it('more coverage exposes a strict superset of the agents that less coverage exposes (seed 9)', () => {
    const low = exposed(2, 5);
    const high = exposed(4, 5);
    expect(low.size).toBeGreaterThan(100);
    expect(high.size).toBeGreaterThan(low.size);
    expect([...low].filter((i) => !high.has(i))).toEqual([]);
  });
});
