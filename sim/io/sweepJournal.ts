/**
 * The journal of a sweep in progress: `<out>.sweep-journal.jsonl` beside the output folder, one line per finished
 * point, so that `trustsim sweep … --resume` after an interruption runs only the points not yet done and writes
 * the same bytes as an uninterrupted run. The first line names the sweep (a fingerprint: trustsim version,
 * scenario and edge-list hashes, and the rerun line with every option that shapes the outputs); a point's line
 * holds its result exactly (numbers round-trip through JSON; NaN, ±Infinity and −0 are tagged). The journal is
 * removed once the output folder is written.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const JOURNAL_KIND = 'trustsim sweep journal';

/** The journal file of an output folder. */
export function journalPath(outDir: string): string {
  return `${resolve(outDir)}.sweep-journal.jsonl`;
}

/** JSON.stringify replacer: numbers JSON cannot hold exactly become { "$num": "NaN" | "Infinity" | "-Infinity" | "-0" }. */
function encodeNumber(_key: string, v: unknown): unknown {
  if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
    return { $num: String(Object.is(v, -0) ? '-0' : v) };
  return v;
}

/** JSON.parse reviver, the inverse of encodeNumber. */
function decodeNumber(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === '$num' && typeof o.$num === 'string') return Number(o.$num);
  }
  return v;
}

/** One value as a journal line's JSON (exact for every number). */
export function encodeJournalValue(value: unknown): string {
  return JSON.stringify(value, encodeNumber);
}

/** The inverse of encodeJournalValue. */
export function decodeJournalValue(text: string): unknown {
  return JSON.parse(text, decodeNumber);
}

export interface JournalRead<T> {
  /** The fingerprint the journal was started with, or null when there is no readable journal. */
  fingerprint: string | null;
  points: number;
  /** Finished points by index. */
  done: Map<number, T>;
}

/**
 * Reads a journal. A missing or unreadable one gives fingerprint null; a torn last line (the process was killed
 * while writing it) and lines for points out of range are ignored.
 */
export function readJournal<T>(file: string): JournalRead<T> {
  const none: JournalRead<T> = { fingerprint: null, points: 0, done: new Map() };
  if (!existsSync(file)) return none;
  const lines = readFileSync(file, 'utf8').split('\n');
  let head: { kind?: unknown; fingerprint?: unknown; points?: unknown };
  try {
    head = JSON.parse(lines[0] ?? '');
  } catch {
    return none;
  }
  if (head.kind !== JOURNAL_KIND || typeof head.fingerprint !== 'string' || typeof head.points !== 'number')
    return none;
  const done = new Map<number, T>();
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    let entry: { point?: unknown; result?: unknown };
    try {
      entry = decodeJournalValue(line) as typeof entry;
    } catch {
      continue;
    }
    const p = entry.point;
    if (
      typeof p === 'number' &&
      Number.isInteger(p) &&
      p >= 0 &&
      p < head.points &&
      entry.result !== undefined
    )
      done.set(p, entry.result as T);
  }
  return { fingerprint: head.fingerprint, points: head.points, done };
}

/** Starts a journal afresh (replacing any other) and carries over the finished points given. */
export function startJournal<T>(
  file: string,
  fingerprint: string,
  points: number,
  keep: Map<number, T>,
): void {
  const lines = [JSON.stringify({ kind: JOURNAL_KIND, fingerprint, points })];
  for (const [point, result] of [...keep].sort((a, b) => a[0] - b[0]))
    lines.push(encodeJournalValue({ point, result }));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Records a finished point. */
export function appendJournal(file: string, point: number, result: unknown): void {
  appendFileSync(file, `${encodeJournalValue({ point, result })}\n`);
}

export function removeJournal(file: string): void {
  rmSync(file, { force: true });
}
