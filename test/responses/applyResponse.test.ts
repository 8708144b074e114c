/**
 * Responses in the running engine: good news during an open dispute splits reactions by grievance (the
 * polarised-donation pattern); a denial of an integrity violation later contradicted by a ruling is proven
 * deception and caps the integrity of those aware below their pre-crisis level.
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../sim/engine/step';
import { harmedBy } from '../../sim/incidents/fireIncident';
import { MEDIA_LEVELS } from '../../sim/population/Population';
import { applyResponse, applyStonewalling } from '../../sim/responses/applyResponse';
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

/** The crisis world under `silence`, stepped past the fridge incident's first day, with no evidence pending. */
function afterFridge(seed = 2) {
  const sc = crisisScenario();
  const t = makeWorld(sc, { seed, strategy: 'silence' });
  const fridge = t.model.incidents.find((i) => i.id === 'fridge')!;
  stepDays(t.w, t.rt, fridge.day + 2);
  expect(t.w.ev.count).toBe(0);
  return { ...t, fridge };
}

// Evidence is stored as float32: expected values are compared to 7 decimals (|Δ| < 5e-8).
describe('a response’s announcement effect', () => {
  it('reaches aware observers scaled by media use (0.5 + 0.5·m), and not the harmed claimants', () => {
    const { w, model, fridge } = afterFridge();
    const fair = model.strategies.find((s) => s.id === 'fair')!;
    const apology = fair.rules.find((r) => r.kind === 'apology' && r.incident === fridge.index)!;
    const silence = model.strategies.find((s) => s.id === 'silence')!;
    const I = w.s.inc;
    const k = fridge.index;
    const E = fridge.expectation;
    const sOld = I.satisfaction[k];
    applyResponse(w, apology, silence);
    const sNew = I.satisfaction[k];
    const gain = model.scenario.model.recovery.satisfactionGain * Math.max(0, sNew - Math.max(sOld, E));
    const acc = model.scenario.model.announcements.accommodative;
    const N = w.pop.n;
    let observers = 0;
    let claimants = 0;
    for (let i = 0; i < N; i++) {
      const harmed = w.s.claimantOf[i] >= 0 && harmedBy(w, fridge, silence, i);
      if (harmed) {
        // Only the service recovery (none below expectation): no announcement effect on top.
        claimants++;
        expect(w.ev.posA[i]).toBeCloseTo(gain * fridge.mixA, 7);
        expect(w.ev.posB[i]).toBeCloseTo(gain * fridge.mixB, 7);
      } else if (w.s.aware[k * N + i] >= 0) {
        observers++;
        const nf = 0.5 + (0.5 * w.pop.mediaLevel[i]) / MEDIA_LEVELS;
        expect(w.ev.posA[i]).toBeCloseTo(0.2 * acc * nf, 7);
        expect(w.ev.posB[i]).toBeCloseTo(0.5 * acc * nf, 7);
      } else {
        expect(w.ev.mark[i]).toBe(0);
      }
    }
    expect(observers).toBeGreaterThan(10);
    expect(claimants).toBeGreaterThan(10);
    expect(I.apologised[k]).toBe(1);
    expect(I.firstResponseDay[k]).toBe(w.s.day);
  });
});

describe('applyStonewalling', () => {
  it('costs the aware integrity, −perDay·min(1, attention/trending) buffered by commitment, while unanswered', () => {
    const { w, model, fridge } = afterFridge();
    const m = model.scenario.model;
    const per = m.announcements.stonewallingPerDay;
    const I = w.s.inc;
    const k = fridge.index;
    const N = w.pop.n;
    expect(I.answered[k]).toBe(0);
    for (const share of [0.5, 3]) {
      I.attention[k] = Math.max(m.media.salientThreshold, share * m.media.trendingThreshold);
      const e = -per * Math.min(1, I.attention[k] / m.media.trendingThreshold);
      // Only this incident is active and salient.
      for (let q = 0; q < I.active.length; q++) if (q !== k) I.attention[q] = 0;
      applyStonewalling(w);
      let aware = 0;
      for (let i = 0; i < N; i++) {
        if (w.s.aware[k * N + i] < 0) {
          expect(w.ev.mark[i]).toBe(0);
          continue;
        }
        aware++;
        expect(w.ev.negI[i]).toBeCloseTo(e * (1 - m.trust.commitmentBuffer * w.pop.commitment[i]), 7);
        expect([w.ev.posI[i], w.ev.negA[i], w.ev.negB[i]]).toEqual([0, 0, 0]);
      }
      expect(aware).toBeGreaterThan(10);
      w.ev.mark.fill(0);
      w.ev.negI.fill(0);
      w.ev.count = 0;
    }
    // Answered (or below salience): nothing.
    I.answered[k] = 1;
    applyStonewalling(w);
    expect(w.ev.count).toBe(0);
    I.answered[k] = 0;
    I.attention[k] = m.media.salientThreshold * 0.99;
    applyStonewalling(w);
    expect(w.ev.count).toBe(0);
  });
});

describe('a resolved dispute', () => {
  // ODD §7.4: grievance × 0.5·(1 − r), r = min(1, (S − E)/(1 − E)), at every response that leaves the dispute
  // resolved (S ≥ E), not only the first.
  it('cuts the claimants’ grievance by 0.5·(1 − r) at each response that leaves it resolved', () => {
    const { w, model, fridge } = afterFridge();
    const fair = model.strategies.find((s) => s.id === 'fair')!;
    const silence = model.strategies.find((s) => s.id === 'silence')!;
    const pick = (kind: string) => fair.rules.find((r) => r.kind === kind && r.incident === fridge.index)!;
    const k = fridge.index;
    const E = fridge.expectation;
    const N = w.pop.n;
    const harmed: number[] = [];
    for (let i = 0; i < N; i++) if (w.s.claimantOf[i] >= 0 && harmedBy(w, fridge, silence, i)) harmed.push(i);
    expect(harmed.length).toBeGreaterThan(10);
    const aggrieved = harmed.filter((i) => w.s.grievance[i] > 0.01);
    expect(aggrieved.length).toBeGreaterThan(10);
    // An apology alone leaves the dispute open; the compensation then resolves it, and a second apology leaves it
    // resolved: two cuts.
    applyResponse(w, pick('apology'), silence);
    expect(w.s.inc.resolved[k]).toBe(0);
    for (const kind of ['compensation', 'apology']) {
      const before = harmed.map((i) => w.s.grievance[i]);
      applyResponse(w, pick(kind), silence);
      const S = w.s.inc.satisfaction[k];
      expect(S, kind).toBeGreaterThanOrEqual(E);
      expect(w.s.inc.resolved[k]).toBe(1);
      const r = Math.min(1, (S - E) / Math.max(1e-9, 1 - E));
      expect(r, kind).toBeLessThan(1);
      harmed.forEach((i, j) => {
        // Grievance is stored as float32: |Δ| < 5e-7.
        expect(w.s.grievance[i]).toBeCloseTo(before[j] * 0.5 * (1 - r), 6);
      });
    }
  });
});
