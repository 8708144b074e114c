/**
 * The sweep journal: values round-trip exactly (NaN, ±Infinity and −0 included), a torn last line or a foreign
 * file is ignored, and a journal is started afresh with the points carried over.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendJournal,
  decodeJournalValue,
  encodeJournalValue,
  JOURNAL_KIND,
  journalPath,
  readJournal,
  startJournal,
} from '../../sim/io/sweepJournal';

const dir = mkdtempSync(join(tmpdir(), 'trustsim-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('encodeJournalValue / decodeJournalValue', () => {
  it('round-trip every number exactly, NaN, ±Infinity and −0 included', () => {
    const value = {
      a: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 0.1 + 0.2],
      b: null,
      c: 'x',
    };
    const back = decodeJournalValue(encodeJournalValue(value)) as typeof value;
    expect(back.a.map((x) => (Object.is(x, -0) ? '-0' : String(x)))).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
      '-0',
      '0',
      '0.30000000000000004',
    ]);
    expect(back.b).toBeNull();
    expect(back.c).toBe('x');
    fc.assert(
      fc.property(fc.array(fc.double()), (xs) => {
        const ys = decodeJournalValue(encodeJournalValue({ xs })) as { xs: number[] };
        expect(ys.xs.length).toBe(xs.length);
        for (let i = 0; i < xs.length; i++) expect(Object.is(ys.xs[i], xs[i])).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('readJournal', () => {
  it('reads the finished points, ignoring a torn last line and points out of range', () => {
    const file = join(dir, 'a.sweep-journal.jsonl');
    startJournal(file, 'fp', 3, new Map([[1, { v: 1 }]]));
    appendJournal(file, 0, { v: Number.NaN });
    appendJournal(file, 7, { v: 7 });
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"point": 2, "resu`);
    const r = readJournal<{ v: number }>(file);
    expect(r.fingerprint).toBe('fp');
    expect(r.points).toBe(3);
    expect([...r.done.keys()].sort()).toEqual([0, 1]);
    expect(Number.isNaN(r.done.get(0)!.v)).toBe(true);
    expect(r.done.get(1)).toEqual({ v: 1 });
  });

  it('gives no fingerprint for a missing file or one that is not a journal', () => {
    expect(readJournal(join(dir, 'none.jsonl')).fingerprint).toBeNull();
    const other = join(dir, 'other.jsonl');
    writeFileSync(other, '{"kind": "something else", "fingerprint": "x", "points": 2}\n');
    expect(readJournal(other).fingerprint).toBeNull();
    writeFileSync(other, 'not json\n');
    expect(readJournal(other).fingerprint).toBeNull();
    writeFileSync(other, `${JSON.stringify({ kind: JOURNAL_KIND, fingerprint: 'x', points: 2 })}\n`);
    expect(readJournal(other)).toEqual({ fingerprint: 'x', points: 2, done: new Map() });
  });

  it('lives beside the output folder, and starting one makes its folder', () => {
    expect(journalPath(join(dir, 'out', 'x'))).toBe(join(dir, 'out', 'x.sweep-journal.jsonl'));
    const file = journalPath(join(dir, 'new', 'x'));
    startJournal(file, 'fp', 1, new Map());
    expect(readJournal(file).fingerprint).toBe('fp');
  });
});
