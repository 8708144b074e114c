import { describe, expect, it } from 'vitest';
import {
  allowedKeys,
  describeSchema,
  describeValue,
  FILE_PATH,
  formatDiagnostic,
  formatNumber,
  formatPath,
  plainNumber,
  schemaAtPath,
  zodIssueToProblems,
} from '../../sim/scenario/diagnostics';
import { scenarioSchema } from '../../sim/scenario/schema';
import { baseInput } from './helpers';

describe('formatDiagnostic', () => {
  it('writes file:line:col: message (at path) — hint', () => {
    expect(
      formatDiagnostic({
        file: 's.yaml',
        line: 3,
        col: 5,
        path: 'meta.titel',
        message: 'unknown key "titel" in meta',
        hint: 'did you mean "title"?',
        severity: 'error',
      }),
    ).toBe('s.yaml:3:5: unknown key "titel" in meta (at meta.titel) — did you mean "title"?');
    expect(
      formatDiagnostic({ file: 'f', line: 1, col: 1, path: 'version', message: 'm', severity: 'warning' }),
    ).toBe('f:1:1: warning: m (at version)');
  });

  it('writes an error about the whole file (missing, a folder, another kind) as file: message — hint', () => {
    // Before: "nonexist.yaml:1:1: file not found (at (file))", a place and a path the file does not have.
    expect(
      formatDiagnostic({
        file: 'nonexist.yaml',
        line: 1,
        col: 1,
        path: FILE_PATH,
        message: 'file not found',
        hint: 'did you mean exist.yaml?',
        severity: 'error',
      }),
    ).toBe('nonexist.yaml: file not found — did you mean exist.yaml?');
  });

  it('formats key paths', () => {
    expect(formatPath(['strategies', 2, 'rules', 0, 'when', 'trigger'])).toBe(
      'strategies[2].rules[0].when.trigger',
    );
    expect(formatPath([])).toBe('(top level)');
    expect(formatPath(['a b'])).toBe('["a b"]');
  });
});

describe('walking the zod schema', () => {
  it('finds the schema at a path through defaults, optionals, arrays and unions', () => {
    expect(describeSchema(schemaAtPath(scenarioSchema, ['population', 'segments', 0, 'owners']))).toBe(
      'a number from 0 to 1',
    );
    expect(describeSchema(schemaAtPath(scenarioSchema, ['population', 'segments', 0, 'agents']))).toBe(
      'an integer from 1 to 20,000,000',
    );
    expect(describeSchema(schemaAtPath(scenarioSchema, ['strategies', 0, 'rules', 0, 'when', 'days']))).toBe(
      'an integer from 0 to 3650',
    );
    expect(describeSchema(schemaAtPath(scenarioSchema, ['strategies', 0, 'rules', 0, 'when']))).toBe(
      'a map with one of the keys date, after or trigger',
    );
    expect(describeSchema(schemaAtPath(scenarioSchema, ['calendar', 'start']))).toBe('a date YYYY-MM-DD');
    expect(describeSchema(schemaAtPath(scenarioSchema, ['rules']))).toBe('something else');
  });

  it('lists the allowed keys of an object, and of every form of a union', () => {
    expect(allowedKeys(schemaAtPath(scenarioSchema, ['meta']))).toEqual([
      'title',
      'slug',
      'description',
      'language',
      'patterns',
      'teaching',
      'references',
    ]);
    expect(allowedKeys(schemaAtPath(scenarioSchema, ['strategies', 0, 'rules', 0, 'when']))).toEqual([
      'date',
      'after',
      'days',
      'trigger',
      'notBefore',
    ]);
    expect(allowedKeys(schemaAtPath(scenarioSchema, ['model', 'trust']))).toContain('learningRate');
  });

  it('describes values in words', () => {
    expect(describeValue(Number.NaN)).toBe('NaN (.nan)');
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe('infinity (.inf)');
    expect(describeValue(1e30)).toBe('1e30');
    expect(describeValue('x')).toBe('the text "x"');
    expect(describeValue(null)).toBe('an empty value (null)');
  });

  it('groups the digits of big integers for reading, but writes a value to type in digits only', () => {
    expect(formatNumber(2_000_000_000)).toBe('2,000,000,000');
    expect(formatNumber(5_000_000_000_000)).toBe('5,000,000,000,000');
    expect(formatNumber(-20_000)).toBe('-20,000');
    expect(formatNumber(10_000)).toBe('10,000');
    // Four digits (years, day counts) and non-integers as written; beyond exact integers as 1e30.
    expect(formatNumber(3660)).toBe('3660');
    expect(formatNumber(12345.5)).toBe('12345.5');
    expect(formatNumber(1e30)).toBe('1e30');
    expect(plainNumber(2_000_000_000)).toBe('2000000000');
    expect(plainNumber(0.5)).toBe('0.5');
  });
});

describe('zodIssueToProblems', () => {
  // biome-ignore lint/suspicious/noExplicitAny: tests write arbitrary (invalid) values
  type AnyInput = any;
  const problems = (change: (x: AnyInput) => void) => {
    const input = baseInput() as AnyInput;
    change(input);
    const r = scenarioSchema.safeParse(input);
    if (r.success) return [];
    return r.error.issues.flatMap((i) => zodIssueToProblems(i, input, scenarioSchema));
  };

  it('gives the range for numbers out of range', () => {
    const [p] = problems((x) => {
      x.population.segments[0].owners = 1.7;
    });
    expect(p?.message).toBe('expected a number from 0 to 1, got 1.7');
    expect(p?.path).toEqual(['population', 'segments', 0, 'owners']);
    expect(p?.hint).toBeUndefined();
  });

  it('groups the digits of a big range, and gives the bound to write in digits only', () => {
    const [p] = problems((x) => {
      x.population.segments[0].size = 5_000_000_000_000;
    });
    expect(p?.message).toBe('expected an integer from 1 to 2,000,000,000, got 5,000,000,000,000');
    expect(p?.hint).toBe(
      'the largest value allowed is 2000000000 (in the file, write numbers without commas)',
    );
  });

  it('points unknown keys at the key, with a did-you-mean among the allowed keys', () => {
    const [p] = problems((x) => {
      x.model = { trust: { learningRat: 0.1 } };
    });
    expect(p).toMatchObject({
      path: ['model', 'trust', 'learningRat'],
      at: 'key',
      message: 'unknown key "learningRat" in model.trust',
      hint: 'did you mean "learningRate"?',
    });
  });

  it('an action written as a verb suggests the action name', () => {
    for (const [written, meant] of [
      ['deny', 'denial'],
      ['donate', 'donation'],
      ['apologize', 'apology'],
      ['policy', 'policy-change'],
    ]) {
      const [p] = problems((x) => {
        x.strategies[1].rules[0].do = written;
      });
      expect(p?.hint, written).toBe(`did you mean "${meant}"?`);
    }
    const [none] = problems((x) => {
      x.strategies[1].rules[0].do = 'refund';
    });
    expect(none?.hint).toBeUndefined();
  });

  it('a number written as text says which plain number to write', () => {
    const hint = (change: (x: AnyInput) => void) => {
      const [p] = problems(change);
      return `${p?.message} — ${p?.hint}`;
    };
    expect(
      hint((x) => {
        x.population.segments[0].owners = '30%';
      }),
    ).toBe('expected a number from 0 to 1, got the text "30%" — write 30% as a share from 0 to 1: 0.3');
    expect(
      hint((x) => {
        x.incidents[0].salience = '8%';
      }),
    ).toBe('expected a number from 0 to 1,000,000, got the text "8%" — write the number without "%": 8');
    expect(
      hint((x) => {
        x.population.segments[0].size = '200,000';
      }),
    ).toMatch(
      /got the text "200,000" — write the number alone, without separators, currency or units: 200000$/,
    );
    expect(
      hint((x) => {
        x.strategies[1].rules[1].amountCny = '¥1,500';
      }),
    ).toMatch(/: 1500$/);
    expect(
      hint((x) => {
        x.population.segments[0].size = '20万';
      }),
    ).toMatch(/write the number in full: 200000$/);
    expect(
      hint((x) => {
        x.population.segments[0].owners = '0,6';
      }),
    ).toMatch(/: 0\.6$/);
    expect(
      hint((x) => {
        x.incidents[0].severity = '０.５';
      }),
    ).toMatch(/: 0\.5$/);
    expect(
      hint((x) => {
        x.incidents[0].severity = '0.5';
      }),
    ).toMatch(/remove the quotes: 0\.5$/);
    // Not a number at all, or a text field: no hint.
    const [words] = problems((x) => {
      x.population.segments[0].size = 'two hundred';
    });
    expect(words?.hint).toBeUndefined();
  });

  it('a long text with a run of spaces gets no number hint, at once', () => {
    // "1", 40,000 spaces and "x": the number pattern took seconds on it (quadratic in the spaces).
    const [p] = problems((x) => {
      x.population.segments[0].size = `1${' '.repeat(40_000)}x`;
    });
    expect(p?.message).toMatch(/^expected an integer from 1 to 2,000,000,000, got the text "1 /);
    expect(p?.hint).toBeUndefined();
  });

  it('a key with nothing after it says how to write an empty list or map', () => {
    const [list] = problems((x) => {
      x.incidents = null;
    });
    expect(list).toMatchObject({
      path: ['incidents'],
      message: 'expected a list, got an empty value (null)',
      hint: 'nothing is written after "incidents:"; for an empty list write `incidents: []`',
    });
    const [value] = problems((x) => {
      x.population.segments[0].owners = null;
    });
    expect(value?.hint).toBe('nothing is written after "owners:"; write a value there');
  });

  it('points missing keys at the parent map', () => {
    const [p] = problems((x) => void delete x.meta.title);
    expect(p).toMatchObject({ path: ['meta', 'title'], at: 'parent' });
    expect(p?.message).toMatch(/missing required key "title"/);
  });

  it('picks the closest form of a union, or says which key chooses the form', () => {
    const [date] = problems((x) => {
      x.strategies[1].rules[0].when = { date: 5 };
    });
    expect(date?.message).toBe('expected a date YYYY-MM-DD, got 5');
    const empty = problems((x) => {
      x.strategies[1].rules[0].when = {};
    });
    expect(empty[0]?.message).toMatch(/needs one of the keys date, after or trigger/);
    const typo = problems((x) => {
      x.strategies[1].rules[0].when = { triger: 'day > 1' };
    });
    expect(typo.map((p) => p.hint)).toContain('did you mean "trigger"?');
  });
});
