/**
 * The CSV tables are written as UTF-8 bytes (ByteWriter). They must be exactly the text the plain
 * line-by-line form gives: RFC 4180 quoting, shortest round-trip numbers, empty fields for non-finite values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/engine/run';
import type { SweepRow } from '../../sim/experiment/sweep';
import type { SeriesRow } from '../../sim/experiment/types';
import { ByteWriter } from '../../sim/io/ByteWriter';
import { rawCsv, seriesCsv, sweepCsv } from '../../sim/io/writeOutputs';
import type { MetricLayout } from '../../sim/metrics/metricLayout';

const decode = (b: Uint8Array) => new TextDecoder().decode(b);

/** The reference: one template string per line, joined. */
function field(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function num(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}
function referenceSeries(rows: SeriesRow[]): string {
  const lines = ['strategy,day,date,segment,metric,mean,lo,hi'];
  for (const r of rows) {
    lines.push(
      `${field(r.strategy)},${r.day},${r.date},${field(r.segment)},${r.metric},${num(r.mean)},${num(r.lo)},${num(r.hi)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

describe('ByteWriter', () => {
  it('writes the UTF-8 of any text, growing as needed', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 40 }), (parts) => {
        const w = new ByteWriter(16);
        for (const p of parts) w.text(p);
        w.char(10);
        expect(w.bytes()).toEqual(new TextEncoder().encode(`${parts.join('')}\n`));
        expect(w.length).toBe(w.bytes().length);
      }),
      { seed: 1015 },
    );
  });

  it('keeps Chinese text and emoji intact after ASCII in the same string', () => {
    const w = new ByteWriter(16);
    w.text('seg-车主-😀,');
    w.text('x'.repeat(100));
    expect(decode(w.bytes())).toBe(`seg-车主-😀,${'x'.repeat(100)}`);
  });
});

describe('seriesCsv', () => {
  const rows: SeriesRow[] = [
    {
      strategy: 'a',
      day: 0,
      date: '2025-01-01',
      segment: 'all',
      metric: 'trust',
      mean: 0.5,
      lo: 0.25,
      hi: 0.75,
    },
    {
      strategy: 'a',
      day: 0,
      date: '2025-01-01',
      segment: 'all',
      metric: 'nps',
      mean: -12.5,
      lo: -20,
      hi: 1e-7,
    },
    {
      strategy: 'a',
      day: 0,
      date: '2025-01-01',
      segment: '车主',
      metric: 'trust',
      mean: 0.1 + 0.2,
      lo: 0,
      hi: 1,
    },
    {
      strategy: 'a',
      day: 1,
      date: '2025-01-02',
      segment: '车主',
      metric: 'trust',
      mean: Number.NaN,
      lo: 0,
      hi: 1,
    },
    {
      strategy: 'say "sorry", then pay',
      day: 1,
      date: '2025-01-02',
      segment: 'all',
      metric: 'net_cny',
      mean: Number.POSITIVE_INFINITY,
      lo: Number.NEGATIVE_INFINITY,
      hi: -0,
    },
    {
      strategy: 'b',
      day: 1,
      date: '2025-01-02',
      segment: 'all',
      metric: 'trust',
      mean: 1e21,
      lo: 123456789.125,
      hi: 5e-324,
    },
  ];

  it('is exactly the line-by-line text, quoting and non-finite numbers included', () => {
    const text = decode(seriesCsv(rows));
    expect(text).toBe(referenceSeries(rows));
    expect(text).toContain('"say ""sorry"", then pay",1,2025-01-02,all,net_cny,,,0\n');
    expect(text).toContain('a,0,2025-01-01,车主,trust,0.30000000000000004,0,1\n');
  });

  it('writes each row’s own date, also when consecutive rows share strategy, day and segment', () => {
    const base = { strategy: 's', day: 3, segment: 'all', metric: 'trust', mean: 0, lo: 0, hi: 0 };
    const rs = [
      { ...base, date: '2025-12-31' },
      { ...base, date: '2025-01-01' },
    ];
    expect(decode(seriesCsv(rs))).toBe(referenceSeries(rs));
  });

  it('equals the reference on random rows', () => {
    const row = fc.record({
      strategy: fc.constantFrom('a', 'b,c', 'd"e', '策略'),
      day: fc.nat(400),
      date: fc.constantFrom('2025-01-01', '2025-12-31'),
      segment: fc.constantFrom('all', 'owners', '车主'),
      metric: fc.constantFrom('trust', 'aware_share.hood'),
      mean: fc.double(),
      lo: fc.double(),
      hi: fc.double(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rs) => {
        expect(decode(seriesCsv(rs))).toBe(referenceSeries(rs));
      }),
      { seed: 1016 },
    );
  });

  it('gives just the header for no rows', () => {
    expect(decode(seriesCsv([]))).toBe('strategy,day,date,segment,metric,mean,lo,hi\n');
  });

  it('quotes a field holding a carriage return', () => {
    const r = {
      strategy: 'a\rb',
      day: 0,
      date: '2025-01-01',
      segment: 'all',
      metric: 'trust',
      mean: 1,
      lo: 0,
      hi: 2,
    };
    expect(decode(seriesCsv([r]))).toBe(
      'strategy,day,date,segment,metric,mean,lo,hi\n"a\rb",0,2025-01-01,all,trust,1,0,2\n',
    );
  });
});

describe('sweepCsv', () => {
  const params = [
    { key: 'model.media.halfLifeDays', values: [2, 4] },
    { key: 'network.kind', values: ['sbm', 'odd,"kind"'] },
  ];
  const row = (over: Partial<SweepRow>): SweepRow => ({
    point: 0,
    values: [2, 'sbm'],
    strategy: 's',
    segment: 'all',
    metric: 'trust',
    mean: 0.5,
    lo: 0.25,
    hi: 0.75,
    ci95: [0.4, 0.6],
    diff: 0.125,
    diffLo: -0.5,
    diffHi: 1.5,
    diffCi95: [0.1, 0.15],
    pBetter: 0.75,
    ...over,
  });

  it('writes the header, then one row per point, strategy, segment and metric, every column in place', () => {
    const rows = [
      row({}),
      // Quoting in every text column; the baseline has no difference columns; one replicate has no CIs.
      row({
        point: 1,
        values: [4, 'odd,"kind"'],
        strategy: 'say "sorry"',
        segment: 'a,b',
        metric: 'x,y',
        mean: 1e21,
        lo: Number.NaN,
        hi: Number.POSITIVE_INFINITY,
        ci95: null,
        diff: null,
        diffLo: null,
        diffHi: null,
        diffCi95: null,
        pBetter: null,
      }),
      // Rows built by hand may leave diffCi95 out.
      row({ point: 2, diffCi95: undefined }),
    ];
    expect(decode(sweepCsv(params, rows))).toBe(
      [
        'point,model.media.halfLifeDays,network.kind,strategy,segment,metric,mean,lo,hi,ci95_lo,ci95_hi,diff,diff_lo,diff_hi,diff_ci95_lo,diff_ci95_hi,p_better',
        '0,2,sbm,s,all,trust,0.5,0.25,0.75,0.4,0.6,0.125,-0.5,1.5,0.1,0.15,0.75',
        '1,4,"odd,""kind""","say ""sorry""","a,b","x,y",1e+21,,,,,,,,,,',
        '2,2,sbm,s,all,trust,0.5,0.25,0.75,0.4,0.6,0.125,-0.5,1.5,,,0.75',
        '',
      ].join('\n'),
    );
  });

  it('quotes a swept key that needs it in the header', () => {
    expect(decode(sweepCsv([{ key: 'a,b', values: [1] }], []))).toBe(
      'point,"a,b",strategy,segment,metric,mean,lo,hi,ci95_lo,ci95_hi,diff,diff_lo,diff_hi,diff_ci95_lo,diff_ci95_hi,p_better\n',
    );
  });
});

describe('rawCsv', () => {
  it('writes one line per defined cell, leaving out the NaN ones', () => {
    const layout = { names: ['trust', 'lawsuits'], segments: ['all', 'owners'] } as unknown as MetricLayout;
    const run: RunResult = {
      strategy: 'x,y',
      seed: 1,
      replicate: 3,
      days: 2,
      dates: ['2025-01-01', '2025-01-02'],
      layout,
      values: Float64Array.from([0.5, 2, 0.25, Number.NaN, 0.125, 3, 1 / 3, Number.NaN]),
      markers: [],
    };
    expect(decode(rawCsv([run]))).toBe(
      [
        'strategy,replicate,day,date,segment,metric,value',
        '"x,y",3,0,2025-01-01,all,trust,0.5',
        '"x,y",3,0,2025-01-01,all,lawsuits,2',
        '"x,y",3,0,2025-01-01,owners,trust,0.25',
        '"x,y",3,1,2025-01-02,all,trust,0.125',
        '"x,y",3,1,2025-01-02,all,lawsuits,3',
        `"x,y",3,1,2025-01-02,owners,trust,${1 / 3}`,
        '',
      ].join('\n'),
    );
  });
});
