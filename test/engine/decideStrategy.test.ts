/**
 * decideStrategy: a date rule fires on its day, once; an "after" rule fires at the incident's day + delay, and
 * not at all when the incident was prevented; a trigger rule fires on the first day its condition over
 * yesterday's metrics holds (never on day 0, never before notBefore), and only once; guilt.<id> counts a ruling
 * of the same day.
 */
import { describe, expect, it } from 'vitest';
import { conditionScope, decideStrategy } from '../../sim/engine/decideStrategy';
import { beginDay, finishDay } from '../../sim/engine/step';
import { addDays } from '../../sim/util/dates';
import { crisisScenario, makeWorld, metric, scenario, stepRecording } from '../helpers/world';

const START = '2025-01-01';

function firingDays(sc: ReturnType<typeof scenario>, strategy?: string): Map<string, number[]> {
  const { w, rt, model } = makeWorld(sc, strategy ? { strategy } : {});
  const fired = new Map<string, number[]>();
  for (let d = 0; d < model.days; d++) {
    for (const id of stepRecording(w, rt)) fired.set(id, [...(fired.get(id) ?? []), d]);
  }
  return fired;
}

const inc = {
  id: 'x',
  date: addDays(START, 3),
  violation: { ability: 1, benevolence: 0, integrity: 0 },
  cluster: 'accidental',
  severity: 0.5,
};

describe('decideStrategy', () => {
  it('a date rule fires on its day, once', () => {
    const fired = firingDays(
      scenario({
        strategies: [
          {
            id: 's',
            rules: [
              { id: 'd5', when: { date: addDays(START, 5) }, do: 'good-news' },
              { id: 'd0', when: { date: START }, do: 'silence' },
              { id: 'last', when: { date: addDays(START, 19) }, do: 'silence' },
            ],
          },
        ],
      }),
    );
    expect(fired.get('d5')).toEqual([5]);
    expect(fired.get('d0')).toEqual([0]);
    expect(fired.get('last')).toEqual([19]);
  });

  it('an "after" rule fires at the incident day + delay, and never when the incident was prevented', () => {
    const rules = [
      { id: 'a0', when: { after: 'x', days: 0 }, do: 'apology', incident: 'x' },
      { id: 'a2', when: { after: 'x', days: 2 }, do: 'template', incident: 'x' },
    ];
    const sc = scenario({
      incidents: [inc],
      strategies: [
        { id: 'open', rules },
        { id: 'prevented', controls: [{ kind: 'prevent', incident: 'x' }], rules },
      ],
    });
    const open = firingDays(sc, 'open');
    expect(open.get('a0')).toEqual([3]);
    expect(open.get('a2')).toEqual([5]);
    const prevented = firingDays(sc, 'prevented');
    expect(prevented.size).toBe(0);
  });

  it('an "after" rule can wait for an event', () => {
    const sc = scenario({
      incidents: [inc],
      events: [{ id: 'court', date: addDays(START, 6), kind: 'ruling', incident: 'x' }],
      strategies: [
        { id: 's', rules: [{ id: 'r', when: { after: 'court', days: 1 }, do: 'apology', incident: 'x' }] },
      ],
    });
    expect(firingDays(sc).get('r')).toEqual([7]);
  });

  // An "after" rule waiting for an event does not fire when the event never happened because its incident was
  // prevented (decideStrategy checks that the event's incident is active).
  it('an "after" rule waiting for an event of a prevented incident never fires', () => {
    const sc = scenario({
      incidents: [inc],
      events: [{ id: 'court', date: addDays(START, 6), kind: 'ruling', incident: 'x' }],
      strategies: [
        {
          id: 's',
          controls: [{ kind: 'prevent', incident: 'x' }],
          rules: [{ id: 'r', when: { after: 'court', days: 1 }, do: 'donation', amountCny: 5 }],
        },
      ],
    });
    expect(firingDays(sc).has('r')).toBe(false);
  });

  it('a trigger rule fires the first day its condition over yesterday’s metrics holds, and only once', () => {
    const sc = crisisScenario({
      strategies: [
        {
          id: 't',
          rules: [
            { id: 'aware', when: { trigger: 'aware.fridge > 0.05' }, do: 'excuse', incident: 'fridge' },
            {
              id: 'trust',
              when: { trigger: 'trust_integrity < 0.6' },
              do: 'explanation',
              incident: 'fridge',
            },
            { id: 'never', when: { trigger: 'trust < 0' }, do: 'apology', incident: 'fridge' },
          ],
        },
      ],
    });
    const { w, rt, model } = makeWorld(sc, { seed: 3 });
    const fired = new Map<string, number[]>();
    for (let d = 0; d < model.days; d++) {
      for (const id of stepRecording(w, rt)) fired.set(id, [...(fired.get(id) ?? []), d]);
    }
    const first = (cond: (d: number) => boolean) => {
      for (let d = 1; d < model.days; d++) if (cond(d - 1)) return d;
      return -1;
    };
    const awareDay = first((y) => metric(w, y, 'aware_share.fridge') > 0.05);
    const trustDay = first((y) => metric(w, y, 'trust_integrity') < 0.6);
    expect(awareDay).toBeGreaterThan(0);
    expect(trustDay).toBeGreaterThan(0);
    expect(fired.get('aware')).toEqual([awareDay]);
    expect(fired.get('trust')).toEqual([trustDay]);
    expect(fired.has('never')).toBe(false);
  });

  it('a trigger never fires on day 0 nor before its notBefore date', () => {
    const fired = firingDays(
      scenario({
        strategies: [
          {
            id: 's',
            rules: [
              { id: 'always', when: { trigger: 'day >= 0' }, do: 'silence' },
              { id: 'later', when: { trigger: 'day >= 0', notBefore: addDays(START, 9) }, do: 'silence' },
              { id: 'day4', when: { trigger: 'day == 4' }, do: 'silence' },
            ],
          },
        ],
      }),
    );
    expect(fired.get('always')).toEqual([1]);
    expect(fired.get('later')).toEqual([9]);
    expect(fired.get('day4')).toEqual([4]);
  });
  it('guilt.<id> counts a ruling of the same day: events (process 1) run before the decision (process 2)', () => {
    const fired = firingDays(
      scenario({
        incidents: [inc],
        events: [{ id: 'verdict', date: addDays(START, 8), kind: 'ruling', incident: 'x' }],
        strategies: [
          {
            id: 's',
            rules: [{ id: 'answer', when: { trigger: 'guilt.x == 1' }, do: 'apology', incident: 'x' }],
          },
        ],
      }),
    );
    expect(fired.get('answer')).toEqual([8]);
  });

  it('complaints_7d sums the complaints of the last 7 days; complaints_total every incident’s complaints so far', () => {
    const { w, rt, model } = makeWorld(crisisScenario(), { seed: 3, strategy: 'silence' });
    let windowed = 0;
    let bothIncidents = 0;
    for (let d = 0; d < model.days; d++) {
      beginDay(w, rt);
      const scope = conditionScope(w) as { complaints_7d: number; complaints_total: number };
      let last7 = 0;
      for (let j = 1; j <= 7 && d - j >= 0; j++) last7 += metric(w, d - j, 'complaints');
      const byIncident = Array.from(w.s.inc.complaintsTotal);
      expect(scope.complaints_7d, `day ${d}`).toBe(last7);
      expect(scope.complaints_total, `day ${d}`).toBe(byIncident.reduce((a, b) => a + b, 0));
      // Days on which the checks tell a window from a running total, and a sum from one incident's count.
      if (metric(w, Math.max(0, d - 8), 'complaints') > 0 && d >= 8) windowed++;
      if (byIncident.filter((c) => c > 0).length === 2) bothIncidents++;
      finishDay(w, rt, decideStrategy(w, rt));
    }
    expect(windowed).toBeGreaterThan(5);
    expect(bothIncidents).toBeGreaterThan(5);
  });

  it('on day 0 trust is the weighted mean of the agents’ trust (no metrics collected yet)', () => {
    const { w, rt } = makeWorld(crisisScenario());
    beginDay(w, rt);
    expect(w.s.day).toBe(0);
    let t = 0;
    let tw = 0;
    let plain = 0;
    for (let i = 0; i < w.pop.n; i++) {
      t += w.pop.weight[i] * w.s.T[i];
      tw += w.pop.weight[i];
      plain += w.s.T[i];
    }
    const trust = (conditionScope(w) as { trust: number }).trust;
    expect(trust).toBeCloseTo(t / tw, 12);
    // The segments' weights differ (300 people in 150 agents, 5 million in 600): an unweighted mean is another value.
    expect(Math.abs(plain / w.pop.n - t / tw)).toBeGreaterThan(1e-4);
  });

  it('a rule with scope "all" is not held back until its own incident breaks; an incident rule is', () => {
    const fired = firingDays(
      scenario({
        incidents: [inc, { ...inc, id: 'y', date: addDays(START, 8) }],
        strategies: [
          {
            id: 's',
            rules: [
              { id: 'all', when: { trigger: 'day >= 5' }, do: 'apology', incident: 'y', scope: 'all' },
              { id: 'one', when: { trigger: 'day >= 5' }, do: 'apology', incident: 'y' },
            ],
          },
        ],
      }),
    );
    expect(fired.get('all')).toEqual([5]);
    expect(fired.get('one')).toEqual([8]);
  });

  it('attention.<id> is yesterday’s expected stories: the media update of today (process 4) comes after the decision', () => {
    // docs/ODD.md §7.3: the shocks of today's developments (here the incident breaking, salience 5) are not in it.
    const { w, rt } = makeWorld(scenario({ incidents: [{ ...inc, salience: 5 }] }));
    const seen: Array<{ attention: number; yesterday: number }> = [];
    for (let d = 0; d < 8; d++) {
      beginDay(w, rt);
      const scope = conditionScope(w) as { attention: Record<string, number> };
      seen.push({
        attention: scope.attention.x!,
        yesterday: d > 0 ? metric(w, d - 1, 'media_attention.x') : 0,
      });
      finishDay(w, rt, decideStrategy(w, rt));
    }
    expect(seen[3]!.attention).toBe(0); // the incident breaks on day 3: no coverage yet when the company decides
    expect(metric(w, 3, 'media_attention.x')).toBeGreaterThanOrEqual(5);
    expect(seen[4]!.attention).toBeGreaterThanOrEqual(5);
    for (const { attention, yesterday } of seen) expect(attention).toBe(yesterday);
  });
});
