/**
 * Branching replicates (runReplicate): every strategy of a replicate shares one world until its actions
 * differ, then continues on a fork. Checked here:
 * - each strategy's value cube is byte-identical to `run(model, { strategy, seed, replicate })` from day 0,
 *   and does not depend on which other strategies are asked for, or in which order;
 * - on the flagship the shared prefixes save work (simulatedDays < naiveDays), and the recorded branch day is
 *   the day the strategy's own first action differs;
 * - strategies that act identically up to day d agree exactly up to day d (and differ from day d).
 *
 * These pinned a defect that is now fixed: runReplicate used to fork a group after the first sub-group had
 * already finished the day on the shared world, so every branch but the first started one day ahead. Every
 * branch is now forked before any of them steps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileModel, type Model } from '../../sim/engine/compileModel';
import { run } from '../../sim/engine/run';
import { runReplicate } from '../../sim/experiment/runReplicate';
import { loadScenario } from '../../sim/io/loadScenario';
import { FLAGSHIP } from '../helpers/cli';
import { randomScenarioArb } from '../helpers/randomScenario';
import { crisisScenario, sameBytes, scenario } from '../helpers/world';

const SEED = 7;
const REP = 1;

async function flagship(scale: number): Promise<Model> {
  const res = await loadScenario(FLAGSHIP, { scale });
  if (!res.ok) throw new Error('the flagship does not load');
  return compileModel(res.scenario, scale);
}

/** Values per day: the stride of one day in a value cube. */
function dayStride(model: Model, values: Float64Array): number {
  return values.length / model.days;
}

/** First day on which two cubes differ (bytewise), or −1. */
function firstDiff(model: Model, a: Float64Array, b: Float64Array): number {
  const k = dayStride(model, a);
  for (let d = 0; d < model.days; d++) {
    if (!sameBytes(a.subarray(d * k, (d + 1) * k), b.subarray(d * k, (d + 1) * k))) return d;
  }
  return -1;
}

/** Strategies whose cube differs from run() from day 0, with the first differing day. */
function mismatches(model: Model, ids: string[], seed: number, replicate: number): Record<string, number> {
  const rep = runReplicate(model, ids, seed, replicate);
  const bad: Record<string, number> = {};
  ids.forEach((id, s) => {
    const ref = run(model, { strategy: id, seed, replicate });
    const d = firstDiff(model, rep.runs[s].values, ref.values);
    if (d >= 0) bad[id] = d;
  });
  return bad;
}

describe('runReplicate on the flagship (scale 0.15)', async () => {
  const model = await flagship(0.15);
  const ids = model.strategies.map((s) => s.id);
  const day = (date: string) => {
    const d = model.dates.indexOf(date);
    if (d < 0) throw new Error(`${date} is outside the calendar`);
    return d;
  };

  it('has the issue’s strategy ids', () => {
    for (const id of [
      'passive-firefighting',
      'silence',
      'fair-compensation',
      'honour-and-apologise',
      'donation-spin',
      'proactive-prevention',
    ])
      expect(ids).toContain(id);
  });

  it('a strategy asked alone is byte-identical to run() from day 0', () => {
    for (const id of ['silence', 'honour-and-apologise'])
      expect(mismatches(model, [id], SEED, REP)).toEqual({});
  });

  it('every strategy of a branched replicate is byte-identical to run() from day 0', () => {
    expect(mismatches(model, ids, SEED, REP)).toEqual({});
  });

  it('the results do not depend on the order the strategies are asked in', () => {
    const fwd = runReplicate(model, ids, SEED, REP);
    const rev = runReplicate(model, [...ids].reverse(), SEED, REP);
    const differ = ids.filter(
      (_id, s) => !sameBytes(fwd.runs[s].values, rev.runs[ids.length - 1 - s].values),
    );
    expect(differ).toEqual([]);
  });

  it('shared prefixes save work: simulatedDays < naiveDays = strategies × days', () => {
    const rep = runReplicate(model, ids, SEED, REP);
    expect(rep.naiveDays).toBe(ids.length * model.days);
    expect(rep.simulatedDays).toBeLessThan(rep.naiveDays);
    // At least the first week (before the first incident) is simulated once for all strategies.
    expect(rep.simulatedDays).toBeLessThanOrEqual(rep.naiveDays - (ids.length - 1) * day('2025-11-01'));
    expect(rep.replicate).toBe(REP);
    expect(rep.runs.map((r) => r.strategy)).toEqual(ids);
  });

  it('branchDay is the day each strategy’s own first action differs', () => {
    const rep = runReplicate(model, ids, SEED, REP);
    expect(rep.branchDay).toMatchObject({
      'proactive-prevention': day('2025-11-01'), // controls on the hood incident
      'passive-firefighting': day('2025-11-10'), // legal manoeuvre on the hood
      'voucher-only': day('2025-11-15'), // template + ¥30 voucher
      silence: day('2025-11-18'), // donation-spin's earnings call: the last pair to part
      'donation-spin': day('2025-11-18'),
    });
  });

  // Pairs that act identically until `date`: their cubes agree on every earlier day and differ on `date`.
  const pairs: [string, string, string][] = [
    ['silence', 'donation-spin', '2025-11-18'],
    ['silence', 'voucher-only', '2025-11-15'],
    ['silence', 'passive-firefighting', '2025-11-10'],
    ['voucher-only', 'passive-firefighting', '2025-11-10'],
    ['silence', 'honour-and-apologise', '2025-11-02'],
  ];

  it.each(pairs)('run(): %s and %s agree exactly before %s and differ on it', (a, b, date) => {
    const ra = run(model, { strategy: a, seed: SEED, replicate: REP });
    const rb = run(model, { strategy: b, seed: SEED, replicate: REP });
    expect(firstDiff(model, ra.values, rb.values)).toBe(day(date));
  });

  it.each(pairs)('runReplicate: %s and %s agree exactly before %s', (a, b, date) => {
    const rep = runReplicate(model, [a, b], SEED, REP);
    const d = firstDiff(model, rep.runs[0].values, rep.runs[1].values);
    // They do part (not vacuous), and not before `date`.
    expect(d).toBeGreaterThanOrEqual(day(date));
  });
});

describe('runReplicate on small scenarios', () => {
  it('a pair whose decisions never differ shares one world all the way (no saving lost, same cube)', () => {
    const sc = crisisScenario({
      strategies: [{ id: 'a' }, { id: 'b', label: 'another name, same (empty) behaviour' }],
    });
    const model = compileModel(sc);
    const rep = runReplicate(model, ['a', 'b'], 3, 0);
    expect(rep.simulatedDays).toBe(model.days);
    expect(rep.branchDay).toEqual({ a: model.days, b: model.days });
    expect(sameBytes(rep.runs[0].values, rep.runs[1].values)).toBe(true);
    expect(sameBytes(rep.runs[0].values, run(model, { strategy: 'a', seed: 3, replicate: 0 }).values)).toBe(
      true,
    );
  });

  it('the crisis test scenario: passive, fair and silence each equal run() from day 0', () => {
    const model = compileModel(crisisScenario());
    expect(mismatches(model, ['passive', 'fair', 'silence'], 11, 2)).toEqual({});
  });

  it('strategies that differ only in an amount, a form, a share, a factor or one voice still branch (each equals run())', () => {
    // Same action, incident, day and (default) label: only the field named in the id tells them apart, so a
    // shared world would give them one cube. Each must equal run() from day 0 and part from `base` exactly on
    // the day that field first acts (so the check is not vacuous).
    const rule = (amountCny: number, form: 'cash' | 'voucher' = 'cash') => [
      { when: { after: 'fridge', days: 1 }, do: 'apology', incident: 'fridge' },
      { when: { after: 'fridge', days: 1 }, do: 'compensation', incident: 'fridge', amountCny, form },
    ];
    const cap = (share: number) => ({ kind: 'cap-claimants', incident: 'deposit', share });
    const severity = (factor: number) => ({ kind: 'reduce-severity', incident: 'deposit', factor });
    const sc = crisisScenario({
      strategies: [
        { id: 'base', controls: [cap(0.6), severity(0.8)], rules: rule(300) },
        { id: 'amount', controls: [cap(0.6), severity(0.8)], rules: rule(1500) },
        { id: 'voucher', controls: [cap(0.6), severity(0.8)], rules: rule(300, 'voucher') },
        { id: 'unified', controls: [cap(0.6), severity(0.8), { kind: 'unified-voice' }], rules: rule(300) },
        { id: 'share', controls: [cap(0.3), severity(0.8)], rules: rule(300) },
        { id: 'factor', controls: [cap(0.6), severity(0.4)], rules: rule(300) },
      ],
    });
    const model = compileModel(sc);
    const ids = model.strategies.map((s) => s.id);
    const seed = 5;
    const rep = runReplicate(model, ids, seed, 1);
    const fridge = model.incidents.find((i) => i.id === 'fridge')!.day + 1;
    const deposit = model.incidents.find((i) => i.id === 'deposit')!.day;
    const parts: Record<string, number> = {};
    ids.forEach((id, s) => {
      expect(
        firstDiff(model, rep.runs[s].values, run(model, { strategy: id, seed, replicate: 1 }).values),
        id,
      ).toBe(-1);
      if (s > 0) parts[id] = firstDiff(model, rep.runs[0].values, rep.runs[s].values);
    });
    expect(parts).toEqual({
      amount: fridge,
      voucher: fridge,
      unified: fridge,
      share: deposit,
      factor: deposit,
    });
    expect(rep.branchDay).toMatchObject(parts);
  });

  it('the same announcements at another position in the rule list reach the same people (common random numbers)', () => {
    // Both strategies decide exactly the same thing every day: `never` never fires. Who sees a company-wide
    // announcement, and who mocks it, is drawn by what is announced (kind and label), not by the rule's position,
    // so `b` (announcements second and third) is identical to `a` run alone, and compare gives each its own run.
    const donation = { when: { date: '2025-11-20' }, do: 'donation', amountCny: 1000, label: 'Gift' };
    const goodNews = { when: { date: '2025-11-22' }, do: 'good-news', amountCny: 0, label: 'Earnings' };
    const never = { when: { trigger: 'day > 100000' }, do: 'apology', incident: 'fridge', label: 'never' };
    // `c` announces another donation (another label) on the same day: it reaches other people.
    const other = { ...donation, label: 'Another gift' };
    const sc = crisisScenario({
      strategies: [
        { id: 'a', rules: [donation, goodNews] },
        { id: 'b', rules: [never, donation, goodNews] },
        { id: 'c', rules: [other, goodNews] },
      ],
    });
    const model = compileModel(sc);
    const a = run(model, { strategy: 'a', seed: 3, replicate: 0 });
    const b = run(model, { strategy: 'b', seed: 3, replicate: 0 });
    const c = run(model, { strategy: 'c', seed: 3, replicate: 0 });
    expect(firstDiff(model, a.values, b.values)).toBe(-1);
    // Not vacuous: the draws do depend on the announcement.
    expect(firstDiff(model, a.values, c.values)).toBe(model.dates.indexOf('2025-11-20'));
    expect(mismatches(model, ['a', 'b', 'c'], 3, 0)).toEqual({});
  });

  it('the same announcement twice on one day reaches two audiences drawn apart, not the first one twice', () => {
    // Both unlabeled: same kind and label, so the same draw key. The second used to reach exactly the people the
    // first reached (the day's positive reactions doubled, up to rounding).
    const gift = { when: { date: '2025-11-20' }, do: 'donation', amountCny: 1000 };
    const sc = crisisScenario({
      strategies: [
        { id: 'once', rules: [gift] },
        { id: 'twice', rules: [gift, gift] },
      ],
    });
    const model = compileModel(sc);
    const day = model.dates.indexOf('2025-11-20');
    const positive = (id: string) => {
      const r = run(model, { strategy: id, seed: 3, replicate: 0 });
      return r.values[day * dayStride(model, r.values) + r.layout.index.donation_reaction_positive!]!;
    };
    const once = positive('once');
    expect(once).toBeGreaterThan(0);
    // Exactly twice as many (up to rounding) when the second reaches the same people.
    expect(Math.abs(positive('twice') - 2 * once) / once).toBeGreaterThan(1e-6);
    expect(mismatches(model, ['once', 'twice'], 3, 0)).toEqual({});
  });

  it('a label holding "|" and ":" cannot make one announcement read as two in the decision signature', () => {
    const rule = (label: string) => ({
      when: { date: '2025-11-20' },
      do: 'donation',
      amountCny: 1000,
      label,
    });
    const probe = compileModel(crisisScenario({ strategies: [{ id: 'p', rules: [rule('h')] }] }));
    const h = probe.strategies[0]!.rules[0]!;
    // One donation whose label spells "g", the separator and the second rule of `two`.
    const forged = `g|${h.action}:${h.incident}:${h.scopeAll ? 1 : 0}:${h.amountCny}:${h.voucher ? 1 : 0}:h`;
    const model = compileModel(
      crisisScenario({
        strategies: [
          { id: 'one', rules: [rule(forged)] },
          { id: 'two', rules: [rule('g'), rule('h')] },
        ],
      }),
    );
    expect(mismatches(model, ['one', 'two'], 3, 0)).toEqual({});
    expect(mismatches(model, ['two', 'one'], 3, 0)).toEqual({});
  });

  it('random scenarios with two strategies: each equals run() (fast-check, seed 42)', () => {
    fc.assert(
      fc.property(randomScenarioArb(), (c) => {
        const sc = scenario(c.input);
        const model = compileModel(sc);
        const ids = sc.strategies.map((s) => s.id);
        expect(mismatches(model, ids, c.seed, c.replicate)).toEqual({});
      }),
      { numRuns: 25, seed: 42, endOnFailure: true },
    );
  });
});
