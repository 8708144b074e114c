import { buildCsr } from './buildCsr';
import { EdgeBuffer } from './EdgeBuffer';
import { EdgeListError } from './EdgeListError';
import type { Graph } from './Graph';

export interface EdgeListOptions {
  /** Number of nodes; ids must be below it. Default: largest id + 1. */
  n?: number;
  /** Default false: each line is an undirected edge. */
  directed?: boolean;
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COMMA = 44;
const MINUS = 45;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MAX_ID = 0x7ffffffe;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isSeparator(c: number): boolean {
  return c === SPACE || c === TAB || c === COMMA || c === CR;
}

function show(token: string): string {
  return JSON.stringify(token.length > 24 ? `${token.slice(0, 24)}…` : token);
}

/**
 * Parses an edge list: one edge `u v [w]` per line, columns separated by spaces, tabs or commas.
 * Ids are non-negative integers; the optional weight is a decimal number > 0, and once one line has a
 * weight every line must. `#` starts a comment; blank lines are skipped. Self loops are kept (a DeGroot
 * weight matrix needs its diagonal); repeated edges keep the first occurrence.
 *
 * Throws `EdgeListError` (1-based line and column of the offending token) for a bad token, a negative
 * id, an id >= n, a weight that is not a positive number, a missing or extra column.
 */
export function fromEdgeList(text: string, opts: EdgeListOptions = {}): Graph {
  const fixedN = opts.n;
  if (fixedN !== undefined && !(Number.isInteger(fixedN) && fixedN >= 0 && fixedN <= MAX_ID + 1)) {
    throw new RangeError(`fromEdgeList: n must be an integer in [0, 2^31 − 1], got ${fixedN}`);
  }
  const edges = new EdgeBuffer(Math.max(16, text.length / 8), true);
  let weighted: boolean | null = null; // decided by the first edge line
  let firstEdgeLine = 0;
  let maxId = -1;
  const len = text.length;
  let line = 0;
  let pos = 0;
  const starts = [0, 0, 0];
  const ends = [0, 0, 0];

  while (pos <= len) {
    line++;
    const lineStart = pos;
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = len;
    pos = lineEnd + 1;

    // Tokenise: up to three columns, stopping at a comment.
    let cols = 0;
    let i = lineStart;
    while (i < lineEnd) {
      const c = text.charCodeAt(i);
      if (c === HASH) break;
      if (isSeparator(c)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < lineEnd) {
        const d = text.charCodeAt(j);
        if (isSeparator(d) || d === HASH || d === LF) break;
        j++;
      }
      if (cols === 3) {
        throw new EdgeListError(
          line,
          i - lineStart + 1,
          `unexpected 4th column ${show(text.slice(i, j))}: expected "source target [weight]"`,
        );
      }
      starts[cols] = i;
      ends[cols] = j;
      cols++;
      i = j;
    }
    if (cols === 0) continue;
    if (cols === 1) {
      throw new EdgeListError(line, ends[0]! - lineStart + 1, 'expected a target id after the source id');
    }

    const u = parseId(text, starts[0]!, ends[0]!, line, lineStart, fixedN);
    const v = parseId(text, starts[1]!, ends[1]!, line, lineStart, fixedN);
    if (u > maxId) maxId = u;
    if (v > maxId) maxId = v;

    const hasWeight = cols === 3;
    if (weighted === null) {
      weighted = hasWeight;
      firstEdgeLine = line;
    } else if (hasWeight !== weighted) {
      if (hasWeight) {
        throw new EdgeListError(
          line,
          starts[2]! - lineStart + 1,
          `weight given, but line ${firstEdgeLine} has none: give a weight on every line or on none`,
        );
      }
      throw new EdgeListError(
        line,
        ends[1]! - lineStart + 1,
        `missing weight: line ${firstEdgeLine} has one, so every line needs "source target weight"`,
      );
    }
    if (hasWeight) {
      const token = text.slice(starts[2]!, ends[2]!);
      const col = starts[2]! - lineStart + 1;
      if (!DECIMAL.test(token)) throw new EdgeListError(line, col, `weight ${show(token)} is not a number`);
      const w = Number(token);
      if (!(w > 0 && Number.isFinite(w))) {
        throw new EdgeListError(line, col, `weight must be a finite number > 0, got ${show(token)}`);
      }
      edges.pushWeighted(u, v, w);
    } else {
      edges.push(u, v);
    }
  }

  const n = fixedN ?? maxId + 1;
  return buildCsr(n, edges.us, edges.vs, edges.count, {
    directed: opts.directed ?? false,
    weights: weighted ? edges.weights : null,
    dedupe: true,
    keepSelfLoops: true,
  });
}

function parseId(
  text: string,
  start: number,
  end: number,
  line: number,
  lineStart: number,
  n: number | undefined,
): number {
  const col = start - lineStart + 1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) {
      const token = text.slice(start, end);
      if (text.charCodeAt(start) === MINUS && /^-\d+$/.test(token)) {
        throw new EdgeListError(line, col, `negative node id ${token}: ids are integers >= 0`);
      }
      throw new EdgeListError(line, col, `expected a node id (an integer >= 0), got ${show(token)}`);
    }
    value = value * 10 + (c - DIGIT_0);
    if (value > MAX_ID) {
      throw new EdgeListError(
        line,
        col,
        `node id ${show(text.slice(start, end))} is too large (max ${MAX_ID})`,
      );
    }
  }
  if (n !== undefined && value >= n) {
    throw new EdgeListError(
      line,
      col,
      `node id ${value} is out of range: n = ${n}, so ids must be in 0..${n - 1}`,
    );
  }
  return value;
}
