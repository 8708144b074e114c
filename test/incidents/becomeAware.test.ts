/**
 * becomeAware / markAware: awareness is dated once and counted once in real people; the observer takes
 * third-party bad news (buffered by commitment, discounted by the handling so far) and anger ∝ responsibility.
 */
import { describe, expect, it } from 'vitest';
import { becomeAware, HANDLING_DISCOUNT, markAware } from '../../sim/incidents/becomeAware';
import { fireIncident } from '../../sim/incidents/fireIncident';
import { thirdPartyFactor } from '../../sim/trust/addEvidence';
import { makeWorld, scenario } from '../helpers/world';

function world() {
  const t = makeWorld(
    scenario({
      population: {
        segments: [
          { id: 'a', size: 10, agents: 5, commitment: { mean: 0.6, sd: 0.2 } },
          { id: 'b', size: 1000, agents: 5 },
        ],
      },
      incidents: [
        {
          id: 'x',
          date: '2025-01-01',
          violation: { ability: 0.5, benevolence: 0, integrity: 0.5 },
          cluster: 'preventable',
          severity: 0.8,
        },
      ],
    }),
  );
  fireIncident(t.w, t.model.incidents[0], t.strategy);
  return t;
}

describe('markAware', () => {
  it('dates awareness once, starts spreading and counts the real people once', () => {
    const { w } = world();
    w.s.day = 4;
    markAware(w, 0, 7);
    w.s.day = 6;
    markAware(w, 0, 7);
    expect(w.s.aware[7]).toBe(4);
    expect(w.s.spreading[7]).toBe(1);
    expect(w.s.awareAny[7]).toBe(1);
    expect(w.s.awareW[1]).toBe(200); // agent 7 is in segment b: 1000 people / 5 agents
    expect(w.s.awareAnyW[1]).toBe(200);
    expect(w.s.awareW[0]).toBe(0);
  });
});

describe('becomeAware', () => {
  it('applies the buffered hit on the violated facets and anger in proportion to responsibility', () => {
    const { w, model } = world();
    const m = model.scenario.model;
    const I = w.s.inc;
    const i = 2;
    becomeAware(w, model.incidents[0], i);
    const f = thirdPartyFactor(m.trust.commitmentBuffer, w.pop.commitment[i]);
    const h = I.hit[0];
    expect(w.ev.negA[i]).toBeCloseTo(-h * 0.5 * f, 5);
    expect(w.ev.negI[i]).toBeCloseTo(-h * 0.5 * f, 5);
    expect(w.ev.negB[i]).toBe(0);
    expect(w.s.grievance[i]).toBeCloseTo(m.grievance.observerAnger * h * I.R[0] * f, 5);
  });

  it('good handling so far cuts the hit for late joiners by HANDLING_DISCOUNT (handling = 1)', () => {
    const { w, model } = world();
    w.s.inc.handling[0] = 1;
    becomeAware(w, model.incidents[0], 6);
    const late = w.ev.negA[6];
    const { w: w2, model: m2 } = world();
    becomeAware(w2, m2.incidents[0], 6);
    expect(late).toBeCloseTo((1 - HANDLING_DISCOUNT) * w2.ev.negA[6], 6);
  });

  it('caps grievance at 1', () => {
    const { w, model } = world();
    w.s.grievance[3] = 0.99;
    becomeAware(w, model.incidents[0], 3);
    expect(w.s.grievance[3]).toBeLessThanOrEqual(1);
  });
});
