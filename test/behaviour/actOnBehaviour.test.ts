/**
 * actOnBehaviour: claimants complain with probability complainSerious; rights groups grow by complex
 * contagion (a claimant with `groupThreshold` = 2 member ties joins, with 1 it does not when visibility and
 * seeding are off); a big enough group files one lawsuit; churn and purchase are monotone in trust and avoidance.
 */
import { describe, expect, it } from 'vitest';
import { actOnBehaviour, churnProbability, purchaseProbability } from '../../sim/behaviour/actOnBehaviour';
import { F_DIRTY, L_LEGAL } from '../../sim/engine/World';
import { collectMetrics } from '../../sim/metrics/collectMetrics';
import { buildParameterDocs } from '../../sim/scenario/paramDocs';
import { modelSchema } from '../../sim/scenario/schema';
import { makeWorld, metric, scenario, stepDays } from '../helpers/world';

const incident = (id: string, claimants?: Record<string, unknown>) => ({
  id,
  date: '2025-01-01',
  violation: { ability: 0.5, benevolence: 0.5, integrity: 0 },
  cluster: 'accidental',
  severity: 0.5,
  ...(claimants ? { claimants } : {}),
});

describe('complaints', () => {
  it('about complainSerious of claimants complain over a long horizon (fixed seeds, 4 SE)', () => {
    const n = 3000;
    const sc = scenario({
      calendar: { start: '2025-01-01', end: '2025-02-09' },
      population: { segments: [{ id: 'c', size: n, agents: n }] },
      network: { kind: 'erdos-renyi', meanDegree: 4 },
      model: { behaviour: { repeatComplaint: 0 }, mechanisms: { collectiveAction: false } },
      incidents: [incident('x', { segment: 'c', share: 1, lossCny: 1000 })],
    });
    for (const seed of [1, 2]) {
      const { w, rt, model } = makeWorld(sc, { seed });
      stepDays(w, rt);
      let total = 0;
      for (let d = 0; d < model.days; d++) total += metric(w, d, 'complaints');
      const p = model.scenario.model.behaviour.complainSerious;
      // Binomial(3000, 0.69): SE ≈ 0.0084; the 40-day horizon misses a mean-2-day delay with P ≈ 2e-9.
      expect(Math.abs(total / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
      expect(w.s.inc.complaintsTotal[0]).toBe(total);
    }
  });
});

describe('rights-group joining (complex contagion)', () => {
  function groupWorld() {
    const t = makeWorld(
      scenario({
        population: { segments: [{ id: 'c', size: 8, agents: 8 }] },
        // 0 has member ties 1 and 2; 3 has one member tie (4) and a non-member (5); 6 has a member tie (1)
        // and a tie (7) who belongs to the other incident's group.
        network: { kind: 'edge-list', edges: '0 1\n0 2\n3 4\n3 5\n6 7\n6 1' },
        model: {
          behaviour: { groupVisibility: 0, groupSeedProbability: 0, groupThreshold: 2, groupAdoption: 1 },
        },
        incidents: [incident('x'), incident('y')],
      }),
    );
    const s = t.w.s;
    s.inc.active.fill(1);
    for (let i = 0; i < 8; i++) {
      s.claimantOf[i] = 0;
      s.claimantList.push(i);
      s.grievance[i] = 1;
    }
    for (const i of [1, 2, 4]) {
      s.groupJoin[i] = 0;
      s.inc.groupSize[0] += 1;
    }
    // Agent 7 is a member of the other incident's group: it does not count for agent 6.
    s.claimantOf[7] = 1;
    s.groupJoin[7] = 0;
    s.inc.groupSize[1] += 1;
    s.day = 1;
    return t;
  }

  it('a claimant with 2 member ties joins; with 1 it does not (visibility and seeding 0, adoption 1)', () => {
    const { w } = groupWorld();
    actOnBehaviour(w);
    expect(w.s.groupJoin[0]).toBe(1);
    expect(w.s.groupJoin[3]).toBe(-1);
    expect(w.s.groupJoin[5]).toBe(-1);
    expect(w.s.inc.groupSize[0]).toBe(4);
  });

  it('members of another incident’s group do not count', () => {
    const { w } = groupWorld();
    actOnBehaviour(w);
    expect(w.s.groupJoin[6]).toBe(-1); // ties: 7 (other group) and 1 (member) → 1 relevant member
  });

  it('members who joined today do not count until tomorrow', () => {
    const { w } = groupWorld();
    w.s.groupJoin[1] = 1;
    w.s.groupJoin[2] = 1;
    actOnBehaviour(w);
    expect(w.s.groupJoin[0]).toBe(-1);
  });

  it('a calm claimant (grievance below groupGrievance) does not join', () => {
    const { w } = groupWorld();
    w.s.grievance[0] = 0.1;
    actOnBehaviour(w);
    expect(w.s.groupJoin[0]).toBe(-1);
  });
});

describe('rights-group adoption', () => {
  it('claimants with enough member ties join with probability groupAdoption a day (fixed seed, 4 SE)', () => {
    const n = 1200;
    // Agents 0 and 1 are members; every other agent is tied to both.
    const edges = Array.from({ length: n - 2 }, (_, q) => `0 ${q + 2}\n1 ${q + 2}`).join('\n');
    const t = makeWorld(
      scenario({
        population: { segments: [{ id: 'c', size: n, agents: n }] },
        network: { kind: 'edge-list', edges },
        model: {
          behaviour: { groupVisibility: 0, groupSeedProbability: 0, groupThreshold: 2, groupAdoption: 0.3 },
        },
        incidents: [incident('x')],
      }),
    );
    const s = t.w.s;
    s.inc.active[0] = 1;
    for (let i = 0; i < n; i++) {
      s.claimantOf[i] = 0;
      s.claimantList.push(i);
      s.grievance[i] = 1;
    }
    s.groupJoin[0] = 0;
    s.groupJoin[1] = 0;
    s.day = 1;
    actOnBehaviour(t.w);
    let joined = 0;
    for (let i = 2; i < n; i++) if (s.groupJoin[i] === 1) joined++;
    const m = n - 2;
    expect(Math.abs(joined / m - 0.3)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / m));
  });
});

describe('lawsuits', () => {
  it('a group above the size threshold files one lawsuit (hazard 1), with its media shock and legal cost', () => {
    const t = makeWorld(
      scenario({
        population: { segments: [{ id: 'c', size: 4, agents: 4 }] },
        model: { behaviour: { lawsuitGroupSize: 2, lawsuitHazard: 1 } },
        incidents: [incident('x')],
      }),
    );
    const { w, model } = t;
    w.s.inc.active[0] = 1;
    w.s.inc.groupSize[0] = 3;
    actOnBehaviour(w);
    w.s.day++;
    actOnBehaviour(w);
    expect(w.s.inc.lawsuits[0]).toBe(1);
    expect(w.s.ledger[L_LEGAL]).toBe(model.scenario.model.behaviour.legalCostCny);
    expect(w.s.inc.shock[0]).toBe(model.scenario.model.media.shocks.lawsuit);
    expect(w.s.markers.filter((m) => m.kind === 'lawsuit')).toHaveLength(1);
  });
});

describe('churn and purchase probabilities', () => {
  const p = modelSchema.parse(undefined).behaviour;

  it('churn falls with trust and rises with avoidance; purchase the other way round; both bounded', () => {
    for (let q = 0; q < 10; q++) {
      const T = q / 10;
      const T2 = (q + 1) / 10;
      expect(churnProbability(p, T2, 0)).toBeLessThan(churnProbability(p, T, 0));
      expect(churnProbability(p, T, T2)).toBeGreaterThan(churnProbability(p, T, T));
      expect(purchaseProbability(p, T2, 0)).toBeGreaterThan(purchaseProbability(p, T, 0));
      expect(purchaseProbability(p, T, T2)).toBeLessThan(purchaseProbability(p, T, T));
      expect(churnProbability(p, T, 1)).toBeLessThanOrEqual(p.churnMax);
      expect(purchaseProbability(p, T, 0)).toBeLessThanOrEqual(p.purchaseMax);
    }
  });
});

describe('revenue lost and lifetime value of a churned owner', () => {
  it('from the day it churns an owner’s shortfall leaves revenue_lost_cny and its CLV enters clv_lost_cny, once', () => {
    // One owner whose trust and avoidance turn bad on day 0: it churns within a few days (seed 1: on day 6). Before it churns its
    // expected purchases fall short of the pre-crisis rate every day (revenue lost grows); from the churn day on,
    // the loss is its lifetime value instead, so revenue lost stops growing (docs/ODD.md §7.9).
    const t = makeWorld(
      scenario({
        population: { segments: [{ id: 'o', size: 10, agents: 1, owners: 1 }] },
        model: { behaviour: { churnMax: 0.2, churnIntercept: 0, priceCny: 1000, clvCny: 5000 } },
      }),
    );
    const { w } = t;
    const p = t.model.scenario.model.behaviour;
    w.s.T[0] = 0.05;
    w.s.avoidance[0] = 1;
    w.s.flags[0] |= F_DIRTY;
    const revenue: number[] = [];
    let churnDay = -1;
    for (let d = 0; d < 20; d++) {
      actOnBehaviour(w);
      collectMetrics(w);
      revenue.push(metric(w, d, 'revenue_lost_cny'));
      if (churnDay < 0 && metric(w, d, 'churned') > 0) churnDay = d;
      w.s.day++;
    }
    expect(churnDay).toBeGreaterThan(0); // not vacuous: it bought less than before for at least one day
    const shortfall = (w.pBuy0[0] - purchaseProbability(p, 0.05, 1)) * 10 * p.priceCny;
    expect(shortfall).toBeGreaterThan(0);
    for (let d = 0; d < churnDay; d++) expect(revenue[d]).toBeCloseTo((d + 1) * shortfall, 6);
    for (let d = churnDay; d < 20; d++) expect(revenue[d]).toBeCloseTo(churnDay * shortfall, 6);
    expect(metric(w, 19, 'clv_lost_cny')).toBe(10 * p.clvCny);
    expect(metric(w, 19, 'purchases')).toBe(0);
  });
});

describe('mechanisms.behaviour', () => {
  it('switches churn and purchases off, not complaints (as its schema description says)', () => {
    const sc = (behaviour: boolean) =>
      scenario({
        calendar: { start: '2025-01-01', end: '2025-01-30' },
        population: {
          segments: [
            { id: 'c', size: 50, agents: 50, owners: 1 },
            { id: 'p', size: 1000, agents: 100, owners: 1 },
          ],
        },
        model: { mechanisms: { behaviour } },
        incidents: [incident('x', { segment: 'c', share: 1, lossCny: 1000 })],
      });
    const totals = (behaviour: boolean) => {
      const t = makeWorld(sc(behaviour));
      stepDays(t.w, t.rt);
      let complaints = 0;
      let purchases = 0;
      for (let d = 0; d < t.model.days; d++) {
        complaints += metric(t.w, d, 'complaints');
        purchases += metric(t.w, d, 'purchases');
      }
      const last = t.model.days - 1;
      return { complaints, purchases, revenue: metric(t.w, last, 'revenue_lost_cny') };
    };
    const on = totals(true);
    const off = totals(false);
    expect(on.purchases).toBeGreaterThan(0);
    expect(on.revenue).toBeGreaterThan(0);
    expect(off.purchases).toBe(0);
    expect(off.revenue).toBe(0);
    // Complaints do not depend on the switch: the same claimants complain on the same days.
    expect(off.complaints).toBeGreaterThan(0);
    expect(off.complaints).toBe(on.complaints);
    const row = buildParameterDocs()
      .split('\n')
      .find((l) => l.startsWith('| `model.mechanisms.behaviour` |'));
    expect(row).toMatch(/Complaints run either way/);
  });
});
