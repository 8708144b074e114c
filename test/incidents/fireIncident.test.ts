/**
 * fireIncident: a prevented incident has no claimants and no effects; a cap on claimants keeps a subset of the
 * uncapped claimants (common random numbers); claimants take unbuffered first-hand harm and grievance.
 */
import { describe, expect, it } from 'vitest';
import { fireIncident } from '../../sim/incidents/fireIncident';
import { updateMedia } from '../../sim/media/updateMedia';
import { makeWorld, scenario } from '../helpers/world';

const sc = scenario({
  population: {
    segments: [
      { id: 'claimants', size: 4000, agents: 2000, commitment: { mean: 0.5, sd: 0.2 } },
      { id: 'public', size: 1_000_000, agents: 200 },
    ],
  },
  incidents: [
    {
      id: 'fridge',
      date: '2025-01-01',
      violation: { ability: 0.4, benevolence: 0.3, integrity: 0.3 },
      cluster: 'accidental',
      severity: 0.6,
      salience: 8,
      claimants: { segment: 'claimants', share: 0.5, lossCny: 1488 },
    },
  ],
  strategies: [
    { id: 'none' },
    { id: 'prevent', controls: [{ kind: 'prevent', incident: 'fridge' }] },
    { id: 'cap', controls: [{ kind: 'cap-claimants', incident: 'fridge', share: 0.3 }] },
    { id: 'soften', controls: [{ kind: 'reduce-severity', incident: 'fridge', factor: 0.5 }] },
  ],
});

function fire(strategy: string, seed = 3) {
  const t = makeWorld(sc, { seed, strategy });
  fireIncident(t.w, t.model.incidents[0], t.strategy);
  return t;
}

describe('fireIncident', () => {
  it('a prevented incident never becomes active: no claimants, awareness, evidence or attention', () => {
    const { w } = fire('prevent');
    const I = w.s.inc;
    expect(I.prevented[0]).toBe(1);
    expect(I.active[0]).toBe(0);
    expect(I.claimants[0]).toBe(0);
    expect(w.s.claimantList).toEqual([]);
    expect(w.s.claimantOf.every((k) => k === -1)).toBe(true);
    expect(w.s.aware.every((d) => d === -1)).toBe(true);
    expect(w.ev.count).toBe(0);
    expect(I.shock[0]).toBe(0);
    updateMedia(w);
    expect(I.attention[0]).toBe(0);
    expect(w.s.markers).toEqual([expect.objectContaining({ kind: 'incident', label: 'fridge (prevented)' })]);
  });

  it('cap-claimants keeps a subset of the uncapped claimants, about share × as many (4 SE)', () => {
    for (const seed of [3, 4]) {
      const all = new Set(fire('none', seed).w.s.claimantList);
      const capped = fire('cap', seed).w.s.claimantList;
      expect(capped.length).toBeGreaterThan(0);
      for (const i of capped) expect(all.has(i)).toBe(true);
      // Given the uncapped set, each stays with probability 0.3: Binomial(|all|, 0.3).
      const n = all.size;
      const se = Math.sqrt(n * 0.3 * 0.7);
      expect(Math.abs(capped.length - 0.3 * n)).toBeLessThan(4 * se);
    }
  });

  it('claimants are about share of their segment (4 SE), aware today, counted in real people', () => {
    const { w, model } = fire('none');
    const pop = w.pop;
    const n = pop.segStart[1] - pop.segStart[0];
    const list = w.s.claimantList;
    expect(Math.abs(list.length - 0.5 * n)).toBeLessThan(4 * Math.sqrt(n * 0.25));
    expect(w.s.inc.claimants[0]).toBeCloseTo(list.length * pop.weight[0], 9);
    for (const i of list) {
      expect(pop.segment[i]).toBe(model.incidents[0].claimantSegment);
      expect(w.s.claimantOf[i]).toBe(0);
      expect(w.s.aware[i]).toBe(0);
      expect(w.s.failures[i]).toBe(1);
    }
  });

  it('claimants take first-hand harm (not buffered; sharpened by commitment) and initial grievance', () => {
    const { w, model } = fire('none');
    const m = model.scenario.model;
    const inc = model.incidents[0];
    const hit = w.s.inc.hit[0];
    expect(w.s.claimantList.length).toBeGreaterThanOrEqual(50);
    for (const i of w.s.claimantList.slice(0, 50)) {
      const c = w.pop.commitment[i];
      const harm = hit * (1 + m.grievance.loveHateGain * c);
      expect(w.ev.negA[i]).toBeCloseTo(-harm * inc.mixA, 5);
      expect(w.ev.negI[i]).toBeCloseTo(-harm * inc.mixI, 5);
      const g0 = Math.min(1, (0.3 + 0.6 * inc.severity) * (1 + m.grievance.loveHateGain * c));
      expect(w.s.grievance[i]).toBeCloseTo(g0, 5);
      expect(w.s.grievance0[i]).toBe(w.s.grievance[i]);
    }
  });

  it('reduce-severity scales the hit and the media shock by its factor', () => {
    const full = fire('none').w.s.inc;
    const soft = fire('soften').w.s.inc;
    expect(soft.hit[0]).toBeCloseTo(0.5 * full.hit[0], 12);
    expect(soft.shock[0]).toBeCloseTo(0.5 * full.shock[0], 12);
  });
});
