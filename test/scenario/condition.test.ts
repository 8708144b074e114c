import { describe, expect, it } from 'vitest';
import { type ConditionSymbols, compileCondition } from '../../sim/scenario/condition';

const known: ConditionSymbols = {
  names: ['day', 'complaints', 'complaints_7d', 'trust', 'grievance'],
  objects: { attention: ['fridge', 'su7-crash'], guilt: ['fridge', 'su7-crash'] },
};

function ok(expr: string) {
  const r = compileCondition(expr, known);
  if (!r.ok) throw new Error(`expected ok, got ${r.message} at ${r.offset}`);
  return r;
}

function err(expr: string) {
  const r = compileCondition(expr, known);
  if (r.ok) throw new Error(`expected an error for ${expr}`);
  return r;
}

describe('compileCondition: valid conditions', () => {
  it('evaluates the documented example and lists its symbols', () => {
    const c = ok('complaints_7d > 500 or attention.fridge > 6 and day >= 3');
    expect(c.symbols).toEqual(['attention.fridge', 'complaints_7d', 'day']);
    expect(c.evaluate({ complaints_7d: 600, attention: { fridge: 0 }, day: 0 })).toBe(true);
    expect(c.evaluate({ complaints_7d: 0, attention: { fridge: 7 }, day: 3 })).toBe(true);
    expect(c.evaluate({ complaints_7d: 0, attention: { fridge: 7 }, day: 2 })).toBe(false);
  });

  it('allows not/xor, arithmetic, chained comparisons, ternaries and the allowed functions', () => {
    const scope = { day: 4, trust: 0.4, grievance: 0.2, complaints: 9 };
    expect(ok('not (trust > 0.5)').evaluate(scope)).toBe(true);
    expect(ok('trust > 0.3 xor day > 10').evaluate(scope)).toBe(true);
    expect(ok('1 < day < 5').evaluate(scope)).toBe(true);
    expect(ok('-day < -3').evaluate(scope)).toBe(true);
    expect(ok('abs(trust - 0.5) < 0.2 and max(day, 2) == 4 and sqrt(complaints) == 3').evaluate(scope)).toBe(
      true,
    );
    expect(ok('round(trust * 10) ^ 2 == 16').evaluate(scope)).toBe(true);
    expect(ok('trust < 0.5 ? 1 : 0').evaluate(scope)).toBe(true);
    expect(ok('day > 3 # a comment').evaluate(scope)).toBe(true);
    expect(ok('day > 3 and # comment\ntrust < 0.5\n').evaluate(scope)).toBe(true);
  });

  it('evaluates every allowed operator and function with its mathjs meaning', () => {
    const scope = { day: 4, trust: 0.25, grievance: 0.2, complaints: 9 };
    const cases: [string, number | boolean][] = [
      ['day + 1', 5],
      ['day - 1', 3],
      ['day * 2', 8],
      ['day / 8', 0.5],
      ['day ^ 2', 16],
      ['+day', 4],
      ['-day', -4],
      ['day > 3 and trust > 0.5', false],
      ['day > 3 or trust > 0.5', true],
      ['day > 3 xor trust < 0.5', false],
      ['not (day > 3)', false],
      ['day == 4', true],
      ['day != 4', false],
      ['day < 4', false],
      ['day > 4', false],
      ['day <= 4', true],
      ['day >= 5', false],
      ['abs(-day)', 4],
      ['min(day, 2, 3)', 2],
      ['max(day, 2)', 4],
      ['sqrt(complaints)', 3],
      ['log(exp(2))', 2],
      ['exp(0)', 1],
      ['round(trust * 10)', 3],
      ['floor(trust * 10)', 2],
      ['ceil(trust * 10)', 3],
    ];
    for (const [expr, want] of cases) {
      const c = compileCondition(`(${expr}) == ${want}`, known);
      expect(c.ok, expr).toBe(true);
      if (c.ok) expect(c.evaluate(scope), expr).toBe(true);
    }
  });

  it('treats a number as true when non-zero, and NaN as false', () => {
    expect(ok('day').evaluate({ day: 0 })).toBe(false);
    expect(ok('day').evaluate({ day: 2 })).toBe(true);
    expect(ok('day').evaluate({ day: -2 })).toBe(true); // non-zero, not positive
    expect(ok('sqrt(-1) > 0').evaluate({})).toBe(false);
    expect(ok('sqrt(day)').evaluate({ day: -1 })).toBe(false);
  });

  it('reads a percentage as a share (trust < 50% is trust < 0.5), as the trigger text says', () => {
    const c = ok('trust < 50%');
    expect(c.evaluate({ trust: 0.49 })).toBe(true);
    expect(c.evaluate({ trust: 0.5 })).toBe(false);
    expect(ok('grievance >= 12.5%').evaluate({ grievance: 0.125 })).toBe(true);
  });

  it('reads ids with "-" through brackets', () => {
    const c = ok('attention["su7-crash"] > 1 and guilt.fridge == 1');
    expect(c.symbols).toEqual(['attention.su7-crash', 'guilt.fridge']);
    expect(c.evaluate({ attention: { 'su7-crash': 2 }, guilt: { fridge: 1 } })).toBe(true);
  });

  it('throws a clear error when the engine forgets a name in the scope', () => {
    const c = ok('trust < 0.5');
    expect(() => c.evaluate({})).toThrow(/trigger "trust < 0.5".*trust/);
  });
});

describe('compileCondition: rejected conditions point at the offending character', () => {
  const cases: [string, number, RegExp, RegExp?][] = [
    ['complaint_7d > 5', 0, /unknown name `complaint_7d`/, /did you mean `complaints_7d`/],
    ['day > 1 and attention.fridg > 1', 22, /unknown id "fridg"/, /attention\.fridge/],
    ['attentoin.fridge > 1', 0, /unknown table `attentoin`/, /attention\.fridge/],
    ['attention.su7-crash > 1', 10, /unknown id "su7"/, /attention\["su7-crash"\]/],
    ['import({}) > 0', 0, /function `import` is not allowed/],
    ['evaluate("1") > 0', 0, /function `evaluate` is not allowed/],
    ['createUnit("x")', 0, /function `createUnit` is not allowed/],
    ['parse("x")', 0, /function `parse` is not allowed/],
    ['day = 3', 4, /assignment is not allowed/, /==/],
    ['f(x) = x', 0, /function definitions are not allowed/],
    ['[1, 2] > 0', 0, /matrices/],
    ['1:3', 1, /ranges/],
    ['day > 1 and "a" == "a"', 12, /strings are not allowed/],
    ['5 cm > 1', 2, /missing operator/],
    ['day mod 2 == 0', 4, /operator `mod` is not allowed/],
    ['day! > 1', 3, /operator `!` is not allowed/, /not x/],
    ['day & 1', 4, /operator `&` is not allowed/, /and/],
    ['a.b.c > 1', 4, /one level/],
    ['attention > 1', 0, /table by id/, /attention\.fridge/],
    ['day.x > 1', 0, /is a number, not a table/],
    ['attention[1] > 0', 9, /index with a name/],
    ['day; trust', 3, /single expression/],
    ['', 0, /empty/],
    ['   ', 0, /empty/],
    ['day >= 3 and', 12, /syntax error: unexpected end of expression/],
    ['(day > 3', 8, /syntax error: parenthesis \) expected/],
    ['day > 3 && trust < 1', 8, /syntax error/, /use `and` instead of `&&`/],
    ['day > 3 || trust < 1', 8, /syntax error/, /use `or`/],
    ['day > 1e400', 6, /finite/],
    // Curly quotes typed by a word processor or an input method, around the whole trigger.
    ['“day > 3”', 0, /syntax error/, /curly quotes .* straight quotes "…"/],
  ];
  for (const [expr, offset, message, hint] of cases) {
    it(`${JSON.stringify(expr)} → ${message} at ${offset}`, () => {
      const r = err(expr);
      expect(r.message).toMatch(message);
      expect(r.offset).toBe(offset);
      if (hint) expect(r.hint).toMatch(hint);
    });
  }

  it('rejects over-long expressions without parsing them', () => {
    const r = err(`${'day + '.repeat(400)}1 > 0`);
    expect(r.message).toMatch(/too long/);
  });

  it('never throws on junk', () => {
    for (const junk of [
      '(((((((',
      ')))',
      '"',
      "'",
      '\u0000',
      '@#$%',
      '[[[[[[[[1',
      'a ? b',
      '{a: 1}',
      'x.y.z.w()',
    ]) {
      let r: ReturnType<typeof compileCondition> | undefined;
      expect(() => {
        r = compileCondition(junk, known);
      }, junk).not.toThrow();
      // Not a silent accept either: a positioned error with a message.
      expect(r?.ok, junk).toBe(false);
      if (r === undefined || r.ok) continue;
      expect(r.message.length, junk).toBeGreaterThan(0);
      expect(r.offset, junk).toBeGreaterThanOrEqual(0);
      expect(r.offset, junk).toBeLessThanOrEqual(junk.length);
    }
  });
});
