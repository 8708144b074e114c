import { expect } from 'vitest';
import type { Graph } from '../../sim/network/Graph';

export interface InvariantOptions {
  /** Default false: fail on any u→u arc. */
  allowSelfLoops?: boolean;
}

function hasArc(g: Graph, u: number, v: number): boolean {
  let lo = g.offsets[u]!;
  let hi = g.offsets[u + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (g.targets[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < g.offsets[u + 1]! && g.targets[lo] === v;
}

/**
 * Checks the CSR contract: offsets[0] = 0, non-decreasing, offsets[n] = targets.length; targets in
 * [0, n); each row strictly increasing (sorted, no duplicates); no self loops unless allowed;
 * weights parallel to targets; for undirected graphs every arc u→v has its reverse v→u.
 * Collects a count of violations and asserts once, so big graphs do not make millions of expect calls.
 */
export function expectCsrInvariants(g: Graph, opts: InvariantOptions = {}): void {
  const { n, offsets, targets, weights } = g;
  expect(offsets.length).toBe(n + 1);
  expect(offsets[0]).toBe(0);
  expect(offsets[n]).toBe(targets.length);
  if (weights !== null) expect(weights.length).toBe(targets.length);
  let bad = 0;
  let first = '';
  const fail = (msg: string) => {
    if (bad++ === 0) first = msg;
  };
  for (let u = 0; u < n; u++) {
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    if (end < start) fail(`offsets decrease at ${u}`);
    for (let j = start; j < end; j++) {
      const v = targets[j]!;
      if (!(v >= 0 && v < n)) fail(`target ${v} of ${u} out of range`);
      if (j > start && targets[j - 1]! >= v) fail(`row ${u} not strictly increasing at ${j}`);
      if (v === u && !opts.allowSelfLoops) fail(`self loop at ${u}`);
      if (!g.directed && !hasArc(g, v, u)) fail(`arc ${u}→${v} has no reverse`);
      if (!g.directed && weights !== null && weights[j] !== weightOf(g, v, u))
        fail(`asymmetric weight ${u}–${v}`);
    }
  }
  expect(bad, first).toBe(0);
}

function weightOf(g: Graph, u: number, v: number): number {
  for (let j = g.offsets[u]!; j < g.offsets[u + 1]!; j++) if (g.targets[j] === v) return g.weights![j]!;
  return Number.NaN;
}

/** The graph as a sorted list of "u v" (and weight) strings, for comparing against a naive reference. */
export function arcList(g: Graph): string[] {
  const out: string[] = [];
  for (let u = 0; u < g.n; u++) {
    for (let j = g.offsets[u]!; j < g.offsets[u + 1]!; j++) {
      out.push(g.weights === null ? `${u} ${g.targets[j]}` : `${u} ${g.targets[j]} ${g.weights[j]}`);
    }
  }
  return out;
}
