import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdgeListError } from '../../sim/network/EdgeListError';
import { erdosRenyi } from '../../sim/network/erdosRenyi';
import { fromEdgeList } from '../../sim/network/fromEdgeList';
import { toEdgeList } from '../../sim/network/toEdgeList';
import { Stream } from '../../sim/rng/Stream';
import { arcList, expectCsrInvariants } from './csrInvariants';

/** Runs fromEdgeList expecting an EdgeListError and returns it. */
function errorOf(text: string, opts?: Parameters<typeof fromEdgeList>[1]): EdgeListError {
  try {
    fromEdgeList(text, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(EdgeListError);
    return e as EdgeListError;
  }
  throw new Error('expected an EdgeListError');
}

describe('fromEdgeList', () => {
  it('reads space, tab and comma separated columns, comments, blank lines and CRLF', () => {
    const text = '# a header\n0 1\r\n\n1\t2  # trailing comment\n  2,3\n\t\n# done';
    const g = fromEdgeList(text);
    expect(g.n).toBe(4);
    expect(g.directed).toBe(false);
    expect(arcList(g)).toEqual(['0 1', '1 0', '1 2', '2 1', '2 3', '3 2']);
    expectCsrInvariants(g);
  });

  it('reads weights, keeps self loops, honours n and directed', () => {
    const g = fromEdgeList('0 0 0.5\n0 1 0.25\n1 0 1e-3\n', { n: 4, directed: true });
    expect(g.n).toBe(4);
    expect(arcList(g)).toEqual(['0 0 0.5', '0 1 0.25', `1 0 ${Math.fround(1e-3)}`]);
    expectCsrInvariants(g, { allowSelfLoops: true });
  });

  it('gives an empty graph for empty or comment-only text', () => {
    expect(fromEdgeList('').n).toBe(0);
    expect(fromEdgeList('# nothing\n\n').n).toBe(0);
    expect(fromEdgeList('', { n: 3 }).offsets.length).toBe(4);
  });

  it('round-trips through toEdgeList (unweighted undirected graph)', () => {
    const g = erdosRenyi(2000, 6, new Stream(1, 0, 'test/edgelist').next);
    const h = fromEdgeList(toEdgeList(g), { n: g.n });
    expect(h.offsets).toEqual(g.offsets);
    expect(h.targets).toEqual(g.targets);
  });

  it('round-trips random weighted directed graphs with self loops (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.nat(30), fc.nat(30), fc.float({ min: Math.fround(1e-6), max: 1e6, noNaN: true })),
          { maxLength: 100 },
        ),
        fc.boolean(),
        (edges, directed) => {
          const text = edges.map(([u, v, w]) => `${u},${v},${w}`).join('\n');
          const g = fromEdgeList(text, { n: 31, directed });
          const h = fromEdgeList(toEdgeList(g), { n: 31, directed });
          expect(arcList(h)).toEqual(arcList(g));
          expectCsrInvariants(g, { allowSelfLoops: true });
        },
      ),
      { numRuns: 200, seed: 1001 },
    );
  });

  describe('errors point at the offending token (1-based line and column)', () => {
    const cases: [string, string, Parameters<typeof fromEdgeList>[1], number, number, RegExp][] = [
      ['a bad token', '0 1\n2 x3\n', undefined, 2, 3, /expected a node id \(an integer >= 0\), got "x3"/],
      ['a negative id', '0 1\n\n  -4 1', undefined, 3, 3, /negative node id -4/],
      [
        'an id >= n',
        '0 1\n1 12',
        { n: 10 },
        2,
        3,
        /node id 12 is out of range: n = 10, so ids must be in 0\.\.9/,
      ],
      ['a NaN weight', '0 1 0.5\n1 2 NaN', undefined, 2, 5, /weight "NaN" is not a number/],
      ['a weight that is not a number', '0 1 abc', undefined, 1, 5, /weight "abc" is not a number/],
      ['a zero weight', '0 1 0', undefined, 1, 5, /weight must be a finite number > 0/],
      ['a negative weight', '0\t1\t-2.5', undefined, 1, 5, /weight must be a finite number > 0, got "-2.5"/],
      ['a fractional id', '0 1.5', undefined, 1, 3, /expected a node id/],
      ['a missing target', '0 1\n7   # lonely', undefined, 2, 2, /expected a target id after the source id/],
      ['a fourth column', '0 1 2 3', undefined, 1, 7, /unexpected 4th column "3"/],
      [
        'a weight after unweighted lines',
        '0 1\n1 2 0.5',
        undefined,
        2,
        5,
        /weight given, but line 1 has none/,
      ],
      [
        'a missing weight after weighted lines',
        '# w\n0 1 1\n1 2',
        undefined,
        3,
        4,
        /missing weight: line 2 has one/,
      ],
      ['an id too large for int32', '0 99999999999', undefined, 1, 3, /too large/],
    ];
    for (const [what, text, opts, line, col, message] of cases) {
      it(`reports ${what} at line ${line}, col ${col}`, () => {
        const e = errorOf(text, opts);
        expect([e.line, e.col]).toEqual([line, col]);
        expect(e.reason).toMatch(message);
        expect(e.message).toBe(`line ${line}, col ${col}: ${e.reason}`);
        expect(e.name).toBe('EdgeListError');
      });
    }
  });
});
