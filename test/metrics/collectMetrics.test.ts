/**
 * collectMetrics: shares and means are weighted by real people, counts are in real people, company metrics
 * appear in the "all" row only, and the daily counters start again after collection.
 */
import { describe, expect, it } from 'vitest';
import { L_COMPENSATION, L_DONATION, refreshOverall } from '../../sim/engine/World';
import { markAware } from '../../sim/incidents/becomeAware';
import { collectMetrics } from '../../sim/metrics/collectMetrics';
import { BASE_METRICS } from '../../sim/metrics/metricLayout';
import { abilityIncident, makeWorld, metric, scenario } from '../helpers/world';

function twoAgents() {
  const t = makeWorld(
    scenario({
      population: {
        segments: [
          { id: 'one', size: 1, agents: 1 },
          { id: 'many', size: 999, agents: 1 },
        ],
      },
      network: { kind: 'complete' },
      incidents: [abilityIncident()],
    }),
  );
  const s = t.w.s;
  expect(Array.from(t.w.pop.weight)).toEqual([1, 999]);
  s.ta.set([0.2, 0.8]);
  s.tb.set([0.2, 0.8]);
  s.ti.set([0.2, 0.8]);
  refreshOverall(t.w); // keep overall trust in step with the facets, as every kernel does
  s.grievance.set([1, 0]);
  return t;
}

describe('collectMetrics', () => {
  it('weights means and shares by real people (weights 1 and 999)', () => {
    const { w } = twoAgents();
    markAware(w, 0, 0);
    collectMetrics(w);
    expect(metric(w, 0, 'trust')).toBeCloseTo((1 * 0.2 + 999 * 0.8) / 1000, 12);
    expect(metric(w, 0, 'trust_ability')).toBeCloseTo(0.7994, 12);
    expect(metric(w, 0, 'grievance')).toBeCloseTo(0.001, 12);
    expect(metric(w, 0, 'promoters_share')).toBeCloseTo(0.999, 12);
    expect(metric(w, 0, 'detractors_share')).toBeCloseTo(0.001, 12);
    expect(metric(w, 0, 'nps')).toBeCloseTo(99.8, 9);
    expect(metric(w, 0, 'aware_share')).toBeCloseTo(0.001, 12);
    expect(metric(w, 0, 'aware_share.x')).toBeCloseTo(0.001, 12);
    // Segment rows: each agent alone.
    expect(metric(w, 0, 'trust', 1)).toBeCloseTo(0.2, 12);
    expect(metric(w, 0, 'trust', 2)).toBeCloseTo(0.8, 12);
    expect(metric(w, 0, 'aware_share', 1)).toBe(1);
    expect(metric(w, 0, 'aware_share', 2)).toBe(0);
  });

  it('reports satisfaction only where there are claimants, weighted by real people', () => {
    const { w } = twoAgents();
    collectMetrics(w);
    expect(metric(w, 0, 'satisfaction')).toBeNaN();
    w.s.claimantOf.set([0, 0]);
    w.s.satisfaction.set([1, 0]);
    w.s.day = 1;
    collectMetrics(w);
    expect(metric(w, 1, 'satisfaction')).toBeCloseTo(0.001, 6);
    expect(metric(w, 1, 'satisfaction', 1)).toBe(1);
  });

  it('counts are in real people and the daily counters reset after collection', () => {
    const { w } = twoAgents();
    w.s.seg.complaints.set([1, 999]);
    w.s.seg.womPos.set([0, 999]);
    collectMetrics(w);
    expect(metric(w, 0, 'complaints')).toBe(1000);
    expect(metric(w, 0, 'complaints', 2)).toBe(999);
    expect(metric(w, 0, 'wom_positive')).toBe(999);
    expect(Array.from(w.s.seg.complaints)).toEqual([0, 0]);
    expect(Array.from(w.s.seg.womPos)).toEqual([0, 0]);
  });

  it('company metrics are in the "all" row only; net = −(response cost + revenue lost + CLV lost)', () => {
    const { w } = twoAgents();
    w.s.ledger[L_COMPENSATION] = 100;
    w.s.ledger[L_DONATION] = 50;
    w.s.seg.revenueLostCum.set([10, 20]);
    w.s.seg.clvLostCum.set([0, 5]);
    collectMetrics(w);
    expect(metric(w, 0, 'response_cost_cny')).toBe(150);
    expect(metric(w, 0, 'net_cny')).toBe(-(150 + 30 + 5));
    // Value lost = revenue lost + CLV lost, per segment too (the report's "value kept" is its paired difference).
    expect(metric(w, 0, 'value_lost_cny')).toBe(30 + 5);
    expect(metric(w, 0, 'value_lost_cny', 1)).toBe(10);
    expect(metric(w, 0, 'value_lost_cny', 2)).toBe(20 + 5);
    for (const name of [
      'response_cost_cny',
      'net_cny',
      'media_attention',
      'media_attention.x',
      'lawsuits',
      'trending',
    ])
      expect(metric(w, 0, name, 1)).toBeNaN();
  });
});

describe('metricLayout and collectMetrics agree on columns', () => {
  it('puts every base metric at its position in BASE_METRICS (collectMetrics writes by that position)', () => {
    const { w } = makeWorld(scenario());
    BASE_METRICS.forEach((name, i) => {
      expect(w.layout.index[name]).toBe(i);
    });
    expect(w.layout.names.slice(0, BASE_METRICS.length)).toEqual([...BASE_METRICS]);
  });
});
