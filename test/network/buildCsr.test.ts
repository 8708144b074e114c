import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../sim/network/buildCsr';
import { arcList, expectCsrInvariants } from './csrInvariants';

const I = (xs: number[]) => Int32Array.from(xs);

describe('buildCsr', () => {
  it('builds sorted, symmetric rows for an undirected edge list', () => {
    const g = buildCsr(4, I([2, 0, 3, 1]), I([0, 1, 1, 2]), 4);
    expect(Array.from(g.offsets)).toEqual([0, 2, 5, 7, 8]);
    expect(Array.from(g.targets)).toEqual([1, 2, 0, 2, 3, 0, 1, 1]);
    expect(g.directed).toBe(false);
    expect(g.weights).toBeNull();
    expectCsrInvariants(g);
  });

  it('keeps direction when directed', () => {
    const g = buildCsr(3, I([2, 0, 0]), I([0, 2, 1]), 3, { directed: true });
    expect(arcList(g)).toEqual(['0 1', '0 2', '2 0']);
    expectCsrInvariants(g);
  });

  it('only reads the first `count` edges', () => {
    const g = buildCsr(3, I([0, 1, 2]), I([1, 2, 0]), 2);
    expect(arcList(g)).toEqual(['0 1', '1 0', '1 2', '2 1']);
  });

  it('removes duplicates (in either direction) and self loops by default', () => {
    const g = buildCsr(3, I([0, 1, 0, 2, 0]), I([1, 0, 1, 2, 2]), 5);
    expect(arcList(g)).toEqual(['0 1', '0 2', '1 0', '2 0']);
    expectCsrInvariants(g);
  });

  it('keeps self loops (once per undirected loop) when asked', () => {
    const g = buildCsr(2, I([0, 1, 1]), I([0, 0, 1]), 3, { keepSelfLoops: true });
    expect(arcList(g)).toEqual(['0 0', '0 1', '1 0', '1 1']);
    expectCsrInvariants(g, { allowSelfLoops: true });
  });

  it('keeps duplicates, still sorted, when dedupe is false', () => {
    const g = buildCsr(2, I([0, 0, 1]), I([1, 1, 0]), 3, { directed: true, dedupe: false });
    expect(arcList(g)).toEqual(['0 1', '0 1', '1 0']);
  });

  it('carries weights to both arcs; the first of repeated edges wins', () => {
    const w = Float32Array.from([0.5, 2, 7]);
    const g = buildCsr(3, I([0, 1, 1]), I([1, 2, 0]), 3, { weights: w });
    expect(arcList(g)).toEqual(['0 1 0.5', '1 0 0.5', '1 2 2', '2 1 2']);
    expectCsrInvariants(g);
    const d = buildCsr(3, I([0, 1, 1]), I([1, 2, 0]), 3, { weights: w, directed: true });
    expect(arcList(d)).toEqual(['0 1 0.5', '1 0 7', '1 2 2']);
  });

  it('matches a naive Set-based reference on random edge lists (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 200 }),
              fc.boolean(),
              fc.boolean(),
            ),
          ),
        ([n, edges, directed, keepSelfLoops]) => {
          const g = buildCsr(n, I(edges.map((e) => e[0])), I(edges.map((e) => e[1])), edges.length, {
            directed,
            keepSelfLoops,
          });
          expectCsrInvariants(g, { allowSelfLoops: keepSelfLoops });
          const ref = new Set<string>();
          for (const [u, v] of edges) {
            if (u === v && !keepSelfLoops) continue;
            ref.add(`${u} ${v}`);
            if (!directed) ref.add(`${v} ${u}`);
          }
          const sortKey = (s: string) => s.split(' ').map(Number) as [number, number];
          const expected = [...ref].sort((a, b) => {
            const [au, av] = sortKey(a);
            const [bu, bv] = sortKey(b);
            return au - bu || av - bv;
          });
          expect(arcList(g)).toEqual(expected);
        },
      ),
      { numRuns: 300, seed: 1002 },
    );
  });

  it('rejects ids outside [0, n), a count beyond the arrays and short weights', () => {
    expect(() => buildCsr(2, I([0]), I([2]), 1)).toThrow(/edge 0 \(0, 2\) has an id outside \[0, 2\)/);
    expect(() => buildCsr(2, I([-1]), I([0]), 1)).toThrow(RangeError);
    expect(() => buildCsr(2, I([0]), I([1]), 2)).toThrow(/count 2 exceeds/);
    expect(() => buildCsr(2, I([0, 1]), I([1, 0]), 2, { weights: new Float32Array(1) })).toThrow(/weights/);
  });

  it('handles the empty graph', () => {
    const g = buildCsr(0, I([]), I([]), 0);
    expect(g.offsets.length).toBe(1);
    expect(g.targets.length).toBe(0);
  });
});
