/**
 * Responses in the running engine: good news during an open dispute splits reactions by grievance (the
 * polarised-donation pattern); a denial of an integrity violation later contradicted by a ruling is proven
 * deception and caps the integrity of those aware below their pre-crisis level.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../sim/engine/step';
import { crisisScenario, makeWorld, metric, stepDays } from '../helpers/world';

describe('donation during an open dispute', () => {
  it('most observers react positively while the aggrieved react with hypocrisy; with no dispute none do', () => {
    const sc = crisisScenario();
    const { w, rt, model } = makeWorld(sc, { seed: 2, strategy: 'passive' });
    const day = model.dates.indexOf('2025-11-20');
    stepDays(w, rt, day + 1);
    const pos = metric(w, day, 'donation_reaction_positive');
    const neg = metric(w, day, 'donation_reaction_negative');
    expect(pos).toBeGreaterThan(neg);
    expect(neg).toBeGreaterThan(0);
    // Claimants of the open dispute are in the negative camp.
    expect(metric(w, day, 'donation_reaction_negative', 1)).toBeGreaterThan(
      metric(w, day, 'donation_reaction_positive', 1),
    );

    // The same donation with no incident at all: nobody is aggrieved.
    const calm = crisisScenario({
      incidents: [],
      events: [],
      strategies: [{ id: 'd', rules: [{ when: { date: '2025-11-20' }, do: 'donation', amountCny: 1 }] }],
    });
    const c = makeWorld(calm, { seed: 2 });
    stepDays(c.w, c.rt, day + 1);
    expect(metric(c.w, day, 'donation_reaction_negative')).toBe(0);
    expect(metric(c.w, day, 'donation_reaction_positive')).toBeGreaterThan(0);
  });
});

describe('denial then a ruling against the company', () => {
  it('marks deception and keeps the integrity of everyone aware before the ruling at or below ceiling × pre-crisis', () => {
    const sc = crisisScenario();
    const { w, rt, model } = makeWorld(sc, { seed: 2, strategy: 'passive' });
    const ruling = model.events[0].day;
    stepDays(w, rt, ruling + 1);
    const I = w.s.inc;
    expect(I.denied[1]).toBe(1);
    expect(I.guilt[1]).toBe(1);
    expect(I.deception[1]).toBe(1);
    const ceil = model.scenario.model.trust.deceptionCeiling;
    const N = w.pop.n;
    let capped = 0;
    // Good news afterwards must not lift them over the ceiling either.
    for (let d = ruling + 1; d < model.days; d++) {
      step(w, rt);
      for (let i = 0; i < N; i++) {
        if (w.s.aware[N + i] < 0 || w.s.aware[N + i] >= ruling) continue;
        expect(w.s.ti[i]).toBeLessThanOrEqual(ceil * w.pop.integrity0[i] + 1e-12);
        capped++;
      }
    }
    expect(capped).toBeGreaterThan(0);
  });

  // The ceiling also reaches agents who learn of the incident after the ruling — including through the ruling's
  // own media shock the same day — since for them the denial is already proven false (becomeAware checks
  // inc.deception).
  it('agents who learn of the incident on or after the ruling day get the deception ceiling too', () => {
    const sc = crisisScenario();
    const { w, rt, model } = makeWorld(sc, { seed: 2, strategy: 'passive' });
    const ruling = model.events[0].day;
    stepDays(w, rt);
    const ceil = model.scenario.model.trust.deceptionCeiling;
    const N = w.pop.n;
    let late = 0;
    for (let i = 0; i < N; i++) {
      if (w.s.aware[N + i] < ruling) continue;
      late++;
      expect(w.s.ti[i]).toBeLessThanOrEqual(ceil * w.pop.integrity0[i] + 1e-12);
    }
    expect(late).toBeGreaterThan(0);
  });

  it('without a denial the same ruling shows guilt but no deception', () => {
    const sc = crisisScenario();
    const { w, rt, model } = makeWorld(sc, { seed: 2, strategy: 'silence' });
    stepDays(w, rt, model.events[0].day + 1);
    expect(w.s.inc.guilt[1]).toBe(1);
    expect(w.s.inc.deception[1]).toBe(0);
    expect(w.s.ceilI.every((c) => c === 1)).toBe(true);
  });
});
