/**
 * SCCT responsibility with the Velcro effect, and the incident hit with stealing thunder.
 */
import { describe, expect, it } from 'vitest';
import { fireIncident } from '../../sim/incidents/fireIncident';
import { attributedResponsibility, incidentHit } from '../../sim/incidents/responsibility';
import { makeWorld, scenario } from '../helpers/world';

describe('attributedResponsibility (Velcro)', () => {
  it('adds the Velcro intensifier only with a crisis history, capped at 1', () => {
    expect(attributedResponsibility(0.5, false, 0.2)).toBe(0.5);
    expect(attributedResponsibility(0.5, true, 0.2)).toBeCloseTo(0.7, 12);
    expect(attributedResponsibility(0.9, true, 0.2)).toBe(1);
  });

  const incident = (id: string, date: string, cluster: string) => ({
    id,
    date,
    violation: { ability: 1, benevolence: 0, integrity: 0 },
    cluster,
    severity: 0.5,
  });

  it('the engine applies it for a prior fine and for a second incident while the first is active', () => {
    const base = {
      incidents: [incident('a', '2025-01-01', 'accidental'), incident('b', '2025-01-03', 'victim')],
    };
    const clean = makeWorld(scenario(base));
    const withHistory = makeWorld(
      scenario({ ...base, history: [{ id: 'fine', date: '2020-01-01', kind: 'fine' }] }),
    );
    for (const t of [clean, withHistory]) {
      for (const inc of t.model.incidents) fireIncident(t.w, inc, t.strategy);
    }
    const p = clean.model.scenario.model.incidents;
    expect(clean.w.s.inc.R[0]).toBe(p.responsibility.accidental);
    expect(clean.w.s.inc.R[1]).toBeCloseTo(p.responsibility.victim + p.velcro, 12); // a is still active
    expect(withHistory.w.s.inc.R[0]).toBeCloseTo(p.responsibility.accidental + p.velcro, 12);
    // Responsibility raises the hit.
    expect(withHistory.w.s.inc.hit[0]).toBeGreaterThan(clean.w.s.inc.hit[0]);
  });
});

describe('incidentHit (stealing thunder)', () => {
  it('is severity × (hitBase + R), and self-disclosure multiplies it by the stealing-thunder factor', () => {
    expect(incidentHit(0.5, 0.8, 0.25, false, 0.6)).toBeCloseTo(0.5 * 1.05, 12);
    expect(incidentHit(0.5, 0.8, 0.25, true, 0.6)).toBeCloseTo(0.6 * 0.5 * 1.05, 12);
    expect(incidentHit(0.5, 0.8, 0.25, true, 0.6)).toBeLessThan(incidentHit(0.5, 0.8, 0.25, false, 0.6));
    expect(incidentHit(0, 0.8, 0.25, false, 0.6)).toBe(0);
  });

  it('a company-disclosed incident hits less in the engine than the same incident disclosed by a third party', () => {
    const mk = (disclosedBy: string) =>
      makeWorld(
        scenario({
          incidents: [
            {
              id: 'a',
              date: '2025-01-01',
              violation: { ability: 1, benevolence: 0, integrity: 0 },
              cluster: 'preventable',
              severity: 0.5,
              disclosedBy,
            },
          ],
        }),
      );
    const self = mk('company');
    const third = mk('third-party');
    fireIncident(self.w, self.model.incidents[0], self.strategy);
    fireIncident(third.w, third.model.incidents[0], third.strategy);
    const st = self.model.scenario.model.incidents.stealingThunder;
    expect(self.w.s.inc.hit[0]).toBeCloseTo(st * third.w.s.inc.hit[0], 12);
  });
});
