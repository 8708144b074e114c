import { describe, expect, it } from 'vitest';
import { type CheckIssue, checkScenario, conditionSymbols } from '../../sim/scenario/check';
import { scenarioFrom } from './helpers';

const errors = (issues: CheckIssue[]) => issues.filter((i) => (i.severity ?? 'error') === 'error');
const warnings = (issues: CheckIssue[]) => issues.filter((i) => i.severity === 'warning');
const find = (issues: CheckIssue[], re: RegExp) => issues.find((i) => re.test(i.message));

describe('checkScenario', () => {
  it('passes the base scenario', () => {
    expect(checkScenario(scenarioFrom())).toEqual([]);
  });

  it('warns of more agents than real people, constant triggers and bare-value triggers', () => {
    const s = scenarioFrom((x) => {
      x.population.segments[0]!.agents = 50_000;
      x.strategies[1]!.rules![0]!.when = { trigger: '1 > 0' };
      x.strategies[1]!.rules![1]!.when = { trigger: 'complaints_7d' };
    });
    const issues = checkScenario(s);
    expect(errors(issues)).toEqual([]);
    const w = warnings(issues);
    expect(
      find(w, /50000 agents for 10000 real people: each agent stands for 0\.2 of a person/),
    ).toMatchObject({
      path: ['population', 'segments', 0, 'agents'],
      hint: 'set agents to at most size (10000)',
    });
    expect(find(w, /uses no metric, so it is always true or always false/)?.path).toEqual([
      'strategies',
      1,
      'rules',
      0,
      'when',
      'trigger',
    ]);
    expect(find(w, /bare value: it fires as soon as complaints_7d is not 0/)?.hint).toBe(
      'compare it with a threshold, e.g. complaints_7d > 400',
    );
  });

  it('warns of a rule due before the incident it answers breaks: the engine never fires it', () => {
    // The incident `fridge` breaks on 2025-03-03.
    const s = scenarioFrom((x) => {
      x.events = [{ id: 'ruling', date: '2025-03-01', kind: 'news', incident: 'fridge' }];
      x.strategies[1]!.rules = [
        { when: { date: '2025-03-02' }, do: 'apology', incident: 'fridge' },
        { when: { after: 'ruling', days: 1 }, do: 'apology', incident: 'fridge' },
        // Due on the day it breaks, or later: fine.
        { when: { date: '2025-03-03' }, do: 'apology', incident: 'fridge' },
        { when: { after: 'ruling', days: 2 }, do: 'apology', incident: 'fridge' },
        // Company-wide (`scope: all`) and trigger rules do not wait for this incident.
        { when: { date: '2025-03-01' }, do: 'apology', scope: 'all' },
        { when: { trigger: 'day > 0' }, do: 'apology', incident: 'fridge' },
      ];
    });
    // A delay out of the schema's range (reported there) is no date to compare, and no crash.
    const huge = structuredClone(s);
    huge.strategies[1]!.rules[1]!.when = { after: 'ruling', days: -1e308 };
    expect(() => checkScenario(huge)).not.toThrow();
    const never = warnings(checkScenario(s)).filter((i) => /never fires/.test(i.message));
    expect(never).toEqual([
      {
        path: ['strategies', 1, 'rules', 0, 'when', 'date'],
        message:
          'this rule is due on 2025-03-02, before incident "fridge" breaks (2025-03-03): it never fires',
        hint: 'date it on or after 2025-03-03, or write when: { after: fridge, days: 1 }',
        severity: 'warning',
      },
      {
        path: ['strategies', 1, 'rules', 1, 'when', 'after'],
        message:
          'this rule is due on 2025-03-02, before incident "fridge" breaks (2025-03-03): it never fires',
        hint: 'date it on or after 2025-03-03, or write when: { after: fridge, days: 1 }',
        severity: 'warning',
      },
    ]);
  });

  it('finds duplicate ids of segments, incidents, events, strategies, history and rules', () => {
    const s = scenarioFrom((x) => {
      x.population.segments.push({ id: 'owners', size: 5 });
      x.strategies.push({ id: 'silent' });
      x.history = [
        { id: 'h', date: '2024-01-01' },
        { id: 'h', date: '2024-02-01' },
      ];
      x.strategies[1]!.rules![0]!.id = 'r';
      x.strategies[1]!.rules![1]!.id = 'r';
    });
    const issues = checkScenario(s);
    expect(find(issues, /duplicate segment id "owners"/)?.path).toEqual(['population', 'segments', 1, 'id']);
    expect(find(issues, /duplicate strategy id "silent"/)?.path).toEqual(['strategies', 2, 'id']);
    expect(find(issues, /duplicate history id "h"/)?.path).toEqual(['history', 1, 'id']);
    expect(find(issues, /duplicate rule id "r"/)?.path).toEqual(['strategies', 1, 'rules', 1, 'id']);
  });

  it('finds dangling references, with a did-you-mean', () => {
    const s = scenarioFrom((x) => {
      x.incidents![0]!.claimants!.segment = 'owner';
      x.strategies[1]!.rules![0]!.incident = 'fridgee';
      x.strategies[1]!.rules![1]!.when = { after: 'fidge', days: 1 };
      x.strategies[0]!.controls = [{ kind: 'prevent', incident: 'frige' }];
      x.events = [{ id: 'e1', date: '2025-03-10', kind: 'ruling', incident: 'fridg' }];
      x.seedAwareness = [{ incident: 'fridge-x', share: 0.1 }];
      x.outputs = { baseline: 'silence' };
    });
    const issues = checkScenario(s);
    const paths = issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'incidents.0.claimants.segment',
        'strategies.1.rules.0.incident',
        'strategies.1.rules.1.when.after',
        'strategies.0.controls.0.incident',
        'events.0.incident',
        'seedAwareness.0.incident',
        'outputs.baseline',
      ]),
    );
    expect(find(issues, /unknown segment "owner"/)?.hint).toBe('did you mean "owners"?');
    expect(find(issues, /unknown strategy "silence"/)?.hint).toBe('did you mean "silent"?');
  });

  it('lets when.after name an event', () => {
    const s = scenarioFrom((x) => {
      x.events = [{ id: 'ruling-1', date: '2025-03-10', kind: 'ruling', incident: 'fridge' }];
      x.strategies[1]!.rules![1]!.when = { after: 'ruling-1' };
    });
    expect(errors(checkScenario(s))).toEqual([]);
  });

  it('checks the calendar and dates against it', () => {
    expect(
      find(
        checkScenario(
          scenarioFrom((x) => {
            x.calendar.end = '2025-02-01';
          }),
        ),
        /before start/,
      )?.path,
    ).toEqual(['calendar', 'end']);
    expect(
      find(
        checkScenario(
          scenarioFrom((x) => {
            x.calendar.end = '2035-03-10';
          }),
        ),
        /spans 3662 days/,
      ),
    ).toBeDefined();
    expect(
      checkScenario(
        scenarioFrom((x) => {
          x.calendar.end = '2035-03-08';
        }),
      ),
    ).toEqual([]); // 3660 days
    const late = scenarioFrom((x) => {
      x.incidents![0]!.date = '2025-04-01';
    });
    expect(find(checkScenario(late), /outside the calendar/)?.path).toEqual(['incidents', 0, 'date']);
    const history = scenarioFrom((x) => {
      x.history = [{ id: 'old', date: '2025-03-01' }];
    });
    expect(find(checkScenario(history), /not before the calendar start/)?.path).toEqual([
      'history',
      0,
      'date',
    ]);
    const rule = scenarioFrom((x) => {
      x.strategies[1]!.rules![0]!.when = { date: '2026-01-01' };
    });
    expect(find(checkScenario(rule), /rule date 2026-01-01 is outside/)).toBeDefined();
  });

  it('checks fields that rules and controls need', () => {
    const s = scenarioFrom((x) => {
      x.strategies[1]!.rules!.push({ when: { date: '2025-03-05' }, do: 'apology' });
      x.strategies[1]!.rules!.push({ when: { date: '2025-03-05' }, do: 'compensation', incident: 'fridge' });
      x.strategies[1]!.rules!.push({ when: { date: '2025-03-05' }, do: 'donation', amountCny: 1e6 });
      x.strategies[1]!.rules!.push({ when: { date: '2025-03-05' }, do: 'apology', scope: 'all' });
      x.strategies[0]!.controls = [
        { kind: 'cap-claimants', incident: 'fridge' },
        { kind: 'reduce-severity', incident: 'fridge' },
        { kind: 'prevent' },
        { kind: 'unified-voice' },
      ];
    });
    const issues = checkScenario(s);
    expect(find(errors(issues), /rule "apology" needs `incident`/)?.path).toEqual([
      'strategies',
      1,
      'rules',
      2,
    ]);
    expect(find(warnings(issues), /compensation of ¥0/)?.path).toEqual(['strategies', 1, 'rules', 3]);
    expect(find(errors(issues), /cap-claimants" needs `share`/)).toBeDefined();
    expect(find(errors(issues), /reduce-severity" needs `factor`/)).toBeDefined();
    expect(find(errors(issues), /control "prevent" needs `incident`/)).toBeDefined();
    expect(errors(issues)).toHaveLength(4);
  });

  it('checks the network', () => {
    const neither = scenarioFrom((x) => {
      x.network = { kind: 'edge-list' };
    });
    expect(find(checkScenario(neither), /needs `edges` or `file`/)?.path).toEqual(['network']);
    const both = scenarioFrom((x) => {
      x.network = { kind: 'edge-list', edges: '0 1', file: 'g.txt' };
    });
    expect(find(checkScenario(both), /not both/)).toBeDefined();
    const badLine = scenarioFrom((x) => {
      x.network = { kind: 'edge-list', edges: '0 1\n1 x\n' };
    });
    const bad = find(checkScenario(badLine), /edge line 2/);
    expect(bad?.offset).toBe(4);
    const tooHigh = scenarioFrom((x) => {
      x.network = { kind: 'edge-list', edges: '0 1\n1 200\n' };
    });
    expect(find(checkScenario(tooHigh), /names agent 200, but there are 200 agents/)).toBeDefined();
    const complete = scenarioFrom((x) => {
      x.network = { kind: 'complete' };
      x.population.segments[0]!.agents = 5001;
    });
    expect(find(checkScenario(complete), /complete graph of 5001 agents/)).toBeDefined();
    const ignored = scenarioFrom((x) => {
      x.network = { kind: 'sbm', file: 'g.txt' };
    });
    expect(warnings(checkScenario(ignored))).toHaveLength(1);
  });

  it('compiles triggers against the scenario’s symbols and reports the offset inside the string', () => {
    const s = scenarioFrom((x) => {
      x.strategies[1]!.rules![0]!.when = { trigger: 'day > 3 and attention.fridg > 1' };
    });
    const [issue] = checkScenario(s);
    expect(issue?.path).toEqual(['strategies', 1, 'rules', 0, 'when', 'trigger']);
    expect(issue?.offset).toBe(22);
    expect(issue?.hint).toBe('did you mean `attention.fridge`?');
  });

  it('tolerates unvalidated input without throwing', () => {
    for (const junk of [
      null,
      1,
      'x',
      [],
      { population: 3 },
      { strategies: [null, { rules: 'x' }] },
      { calendar: { start: 5 } },
    ]) {
      expect(() => checkScenario(junk)).not.toThrow();
    }
  });
});

describe('conditionSymbols', () => {
  it('lists the engine’s names and a table per incident id', () => {
    const sym = conditionSymbols(scenarioFrom());
    expect(sym.names).toContain('complaints_7d');
    expect(sym.names).toContain('nps');
    expect(Object.keys(sym.objects).sort()).toEqual([
      'attention',
      'aware',
      'complaints_by',
      'group',
      'guilt',
    ]);
    expect(sym.objects.attention).toEqual(['fridge']);
  });
});
