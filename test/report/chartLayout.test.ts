/**
 * Layout checks on the chart specs that a reviewer found wrong on the flagship report: legends that
 * list strategies a chart does not show, colours too alike, ¥ axes in SI units ("16G"), panels that
 * share a scale they should not, and labels drawn over bars or over each other.
 */

import { describe, expect, it } from 'vitest';
import type { EventMarker, ReportInput } from '../../sim/experiment/types';
import { renderSvg } from '../../sim/io/renderCharts';
import { buildCharts } from '../../sim/report/buildCharts';
import { placeLabels } from '../../sim/report/charts/common';
import { donationReactions } from '../../sim/report/charts/donationReactions';
import { forestPlot } from '../../sim/report/charts/forestPlot';
import { ledger } from '../../sim/report/charts/ledger';
import { yuanShortExpr } from '../../sim/report/format';
import {
  CHART_WIDTH,
  legendColumns,
  MARKER_RULE,
  NEUTRAL,
  OKABE_ITO,
  STRATEGY_PALETTE,
  strategyColour,
  strategyScale,
} from '../../sim/report/style';
import { textWidth } from '../../sim/report/textWidth';
import { makeFixture } from '../fixtures/report/makeFixture';

// biome-ignore lint/suspicious/noExplicitAny: the tests walk Vega-Lite specs, which have no useful static type here
type Obj = Record<string, any>;

/** CIE L*a*b* of a #rrggbb colour (D65). */
function lab(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin(n >> 16), lin((n >> 8) & 255), lin(n & 255)];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 colour difference: about 2 is just noticeable; above 30 reads as a different colour. */
function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/**
 * The fixture with passive-firefighting donating too (as in the flagship), so two strategies donate;
 * no fan reacts negatively to its donation (a "negative 0%" label next to a positive bar).
 */
function twoDonors(): ReportInput {
  const input = makeFixture();
  const copies = input.series
    .filter((r) => r.strategy === 'donation-spin' && r.metric.startsWith('donation_reaction'))
    .map((r) => ({
      ...r,
      strategy: 'passive-firefighting',
      mean: r.segment === 'fans' && r.metric === 'donation_reaction_negative' ? 0 : r.mean * 0.9,
    }));
  input.series = input.series
    .filter((r) => !(r.strategy === 'passive-firefighting' && r.metric.startsWith('donation_reaction')))
    .concat(copies);
  return input;
}

/** Pixel position on a linear scale. */
const px = (v: number, [a, b]: number[], width: number) => ((v - a!) / (b! - a!)) * width;

describe('strategy colours', () => {
  it('gives the first six strategies clearly different colours (the two blues only from the seventh on)', () => {
    for (let i = 0; i < 6; i++)
      for (let j = i + 1; j < 6; j++)
        expect(deltaE(OKABE_ITO[i]!, OKABE_ITO[j]!), `${OKABE_ITO[i]} vs ${OKABE_ITO[j]}`).toBeGreaterThan(
          30,
        );
  });

  it('gives up to fourteen strategies fourteen different colours (compensation-dose compares ten)', () => {
    for (let i = OKABE_ITO.length; i < STRATEGY_PALETTE.length; i++) {
      for (let j = 0; j < i; j++) {
        const [a, b] = [STRATEGY_PALETTE[i]!, STRATEGY_PALETTE[j]!];
        expect(deltaE(a, b), `${a} vs ${b}`).toBeGreaterThan(30);
      }
      expect(deltaE(MARKER_RULE, STRATEGY_PALETTE[i]!)).toBeGreaterThan(35);
    }
    expect(STRATEGY_PALETTE.slice(0, OKABE_ITO.length)).toEqual([...OKABE_ITO]);
    const input = makeFixture();
    const template = input.scenario.strategies[0]!;
    input.scenario.strategies = Array.from({ length: 14 }, (_, i) => ({ ...template, id: `s${i}` }));
    const range = strategyScale(input).range;
    // Before: the palette cycled after eight, so s8 was drawn in s0's blue and s9 in s1's vermillion.
    expect(new Set(range).size).toBe(14);
    expect(range).toEqual([...STRATEGY_PALETTE]);
  });

  it('wraps a top legend that one row would make wider than the chart into columns that fit', () => {
    // The flagship's eight ids in one row reached about 1,040 px beside a 640 px plot.
    const flagship = [
      'passive-firefighting',
      'silence',
      'voucher-only',
      'fair-compensation',
      'honour-and-apologise',
      'donation-spin',
      'proactive-prevention',
      'wait-for-pressure',
    ];
    const cols = legendColumns(flagship)!;
    expect(cols).toBe(4);
    const widest = Math.max(...flagship.map((id) => 40 + textWidth(id, 12)));
    expect(cols * widest).toBeLessThanOrEqual(CHART_WIDTH);
    expect((cols + 1) * widest).toBeGreaterThan(CHART_WIDTH);
    // A legend that fits in one row is left as it was; none for no strategies.
    expect(legendColumns(['a', 'b', 'c'])).toBeUndefined();
    expect(legendColumns([])).toBeUndefined();
    // One very long id: one column.
    expect(legendColumns(['x'.repeat(120), 'y'])).toBe(1);
    // The colour channel carries it.
    const input = makeFixture();
    input.scenario.strategies = flagship.map((id) => ({ ...input.scenario.strategies[0]!, id }));
    expect(strategyColour(input).legend).toMatchObject({ orient: 'top', columns: 4 });
    expect(strategyColour(input, false).legend).toBeNull();
  });

  it('draws scenario-wide event markers in a grey that no strategy line can be mistaken for', () => {
    for (const colour of OKABE_ITO) expect(deltaE(MARKER_RULE, colour), colour).toBeGreaterThan(35);
    const trust = buildCharts(makeFixture()).find((c) => c.id === 'trust-over-time')!;
    const rules = (trust.spec as Obj).layer.filter((l: Obj) => l.mark.type === 'rule' && l.mark.color);
    expect(rules.map((l: Obj) => l.mark.color)).toEqual([MARKER_RULE]);
    expect(NEUTRAL).not.toBe(MARKER_RULE);
  });
});

describe('trust heatmap', () => {
  it('gives its cells no ARIA label each (they were most of the SVG: 1.8 MB of the flagship report), but keeps its tooltips', async () => {
    const heat = buildCharts(makeFixture()).find((c) => c.id === 'trust-heatmap')!;
    const spec = heat.spec as Obj;
    expect(spec.spec.mark).toEqual({ type: 'rect', aria: false });
    expect(spec.spec.encoding.tooltip.length).toBeGreaterThan(0);
    const svg = await renderSvg(heat.spec);
    const cells = spec.data.values.length;
    expect(cells).toBeGreaterThan(100);
    // Before: one `aria-label="date: …; segment: …; trust: …"` per cell.
    expect(svg).not.toContain('aria-roledescription="rect mark"');
    expect(svg.match(/aria-label="/g)?.length ?? 0).toBeLessThan(cells / 10);
    // The cells are still drawn: one path per cell.
    expect(svg.match(/<path d="M[^"]*" fill="rgb\(/g)?.length).toBe(cells);
  });
});

describe('donation-reactions chart', () => {
  const input = twoDonors();
  const spec = donationReactions(input)!.spec as Obj;
  const bars = spec.layer[0];

  it('lists only the strategies that donated, with filled swatches, in their report-wide colours', () => {
    const colour = bars.encoding.color;
    expect(colour.scale.domain).toEqual(['passive-firefighting', 'donation-spin']);
    const full = strategyScale(input);
    expect(colour.scale.range).toEqual(
      colour.scale.domain.map((id: string) => full.range[full.domain.indexOf(id)]),
    );
    expect(colour.legend.symbolType).toBe('square');
    expect(deltaE(colour.scale.range[0], colour.scale.range[1])).toBeGreaterThan(30);
  });

  it('puts every label beside its own bar, on its side of zero, inside the plot', () => {
    const domain = bars.encoding.x.scale.domain as number[];
    const width = spec.width as number;
    const zero = px(0, domain, width);
    const texts = spec.layer.filter((l: Obj) => l.mark.type === 'text');
    expect(texts).toHaveLength(2);
    let checked = 0;
    for (const layer of texts) {
      const keep = new Function('datum', `return ${layer.transform[0].filter};`) as (d: Obj) => boolean;
      for (const v of spec.data.values.filter(keep)) {
        const end = px(v.share, domain, width) + layer.mark.dx;
        const w = textWidth(v.shareLabel, layer.mark.fontSize);
        const [from, to] = layer.mark.align === 'left' ? [end, end + w] : [end - w, end];
        expect(from, v.shareLabel).toBeGreaterThanOrEqual(0);
        expect(to, v.shareLabel).toBeLessThanOrEqual(width);
        // Negative labels stay left of zero, positive ones right of it: no label on the other bar.
        if (v.polarity === 'negative') expect(to, `${v.group} ${v.shareLabel}`).toBeLessThanOrEqual(zero);
        else expect(from, `${v.group} ${v.shareLabel}`).toBeGreaterThanOrEqual(zero);
        checked++;
      }
    }
    expect(checked).toBe(spec.data.values.length);
    expect(spec.data.values.filter((v: Obj) => v.shareLabel === 'negative 0%')).toHaveLength(1);
  });

  it('shows no tick beyond 100%', () => {
    const ticks = bars.encoding.x.axis.values as number[];
    expect(ticks.length).toBeGreaterThanOrEqual(5);
    for (const t of ticks) expect(Math.abs(t)).toBeLessThanOrEqual(1);
  });
});

describe('ledger chart', () => {
  const input = makeFixture();
  const chart = ledger(input)!;
  const spec = chart.spec as Obj;

  it('gives each measure its own panel and x scale, with ¥ tick labels like the bar labels', () => {
    expect(spec.facet).toBeUndefined();
    expect(spec.vconcat.map((p: Obj) => p.title.text)).toEqual(['response cost', 'value kept vs baseline']);
    const domains = spec.vconcat.map((p: Obj) => p.layer[0].encoding.x.scale.domain);
    expect(domains[0]).not.toEqual(domains[1]);
    for (const p of spec.vconcat) {
      const x = p.layer[0].encoding.x;
      expect(x.axis.format).toBeUndefined();
      expect(x.axis.labelExpr).toBe(yuanShortExpr());
    }
    expect(chart.caption).not.toMatch(/longer/);
    expect(chart.caption).toMatch(/own ¥ scale/);
  });

  it('keeps every value label inside its panel (none runs into the strategy names)', () => {
    for (const p of spec.vconcat) {
      const domain = p.layer[0].encoding.x.scale.domain as number[];
      for (const v of p.data.values) {
        const end = px(v.value, domain, p.width);
        const w = textWidth(v.valueLabel, 12);
        const [from, to] = v.value < 0 ? [end - 4 - w, end - 4] : [end + 4, end + 4 + w];
        expect(from, v.valueLabel).toBeGreaterThanOrEqual(0);
        expect(to, v.valueLabel).toBeLessThanOrEqual(p.width);
      }
    }
  });
});

describe('¥ axes', () => {
  it('labels ticks as ¥ with k/M/B, never SI "G"', async () => {
    const values = [-6e9, -2.5e6, 0, 500_000, 2_000_000, 1.5e9, 17_400_000_000];
    const svg = await renderSvg({
      data: { values: [{ v: -6e9 }, { v: 1.8e10 }] },
      mark: 'point',
      encoding: {
        x: {
          field: 'v',
          type: 'quantitative',
          scale: { domain: [-7e9, 1.8e10] },
          axis: { values, labelExpr: yuanShortExpr() },
        },
      },
    } as never);
    const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const l of ['−¥6B', '−¥2.5M', '¥0', '¥500k', '¥2M', '¥1.5B', '¥17.4B']) expect(labels).toContain(l);
    expect(labels.join(' ')).not.toMatch(/\dG\b/);
  });

  it('puts ¥ ticks on the forest plot’s ¥ panel only', () => {
    const spec = forestPlot(makeFixture())!.spec as Obj;
    const panels = spec.vconcat as Obj[];
    const yuan = panels.filter((p) => p.layer[0].encoding.x.axis?.labelExpr === yuanShortExpr());
    expect(yuan.map((p) => p.title.text)).toEqual([expect.stringMatching(/\(¥\)/)]);
    for (const p of panels) expect(p.layer[0].encoding.x.axis?.format).toBeUndefined();
  });
});

describe('event marker labels', () => {
  /** The fixture with eight more scenario-wide events in ten days, as crowded as the flagship's November. */
  function crowded(): ReportInput {
    const input = makeFixture();
    const dateOf = (day: number) => new Date(Date.UTC(2025, 10, 1 + day)).toISOString().slice(0, 10);
    const extra: EventMarker[] = [
      'Carbon-hood dispute back in court (84 days on)',
      'Deposit confiscated despite "inspect before paying"',
      'Hood case hearing postponed',
      '¥11.11 fridge orders cancelled',
      'Court orders double refund (¥10,000)',
      'Car buyers file a joint suit',
      'No appeal; purchase terms unchanged',
      'Regulator asks for an explanation',
    ].map((label, i) => ({
      day: 10 + Math.round(i * 1.4),
      date: dateOf(10 + Math.round(i * 1.4)),
      label,
      kind: i % 2 ? 'lawsuit' : 'ruling',
    }));
    input.markers = [...input.markers, ...extra];
    return input;
  }

  it.each(['trust-over-time', 'complaints', 'rights-group-and-lawsuits'])(
    '%s: labels never overlap, stay inside the plot, and sit above the data',
    (id) => {
      const input = crowded();
      const chart = buildCharts(input).find((c) => c.id === id)!;
      const days = 60;
      const dayOf = new Map(input.markers.map((m) => [m.date, m.day]));
      const panels = ((chart.spec as Obj).vconcat ?? [chart.spec]) as Obj[];
      let seen = 0;
      for (const panel of panels) {
        const texts = panel.layer.filter((l: Obj) => l.mark.type === 'text' && l.mark.color !== 'white');
        if (texts.length === 0) continue;
        const spans: Array<{ y: number; from: number; to: number; label: string }> = [];
        for (const layer of texts) {
          for (const v of layer.data.values) {
            const x = (dayOf.get(v.date)! / (days - 1)) * panel.width;
            const w = Math.min(layer.mark.limit, textWidth(v.label, layer.mark.fontSize));
            const [from, to] = layer.mark.align === 'left' ? [x + 4, x + 4 + w] : [x - 4 - w, x - 4];
            expect(from, v.label).toBeGreaterThanOrEqual(0);
            expect(to, v.label).toBeLessThanOrEqual(panel.width);
            spans.push({ y: v.labelY, from, to, label: v.label });
          }
        }
        for (const a of spans)
          for (const b of spans)
            if (a !== b && a.y === b.y)
              expect(a.to <= b.from || b.to <= a.from, `"${a.label}" overlaps "${b.label}"`).toBe(true);
        // The data stay below the lowest label row.
        const band = Math.max(...spans.map((s) => s.y)) + 16;
        const y = panel.layer[0].encoding.y;
        const [lo, hi] = y.scale.domain as number[];
        const values = (panel.data?.values ?? (chart.spec as Obj).data.values) as Array<{ hi: number }>;
        const top = Math.max(...values.map((v) => v.hi));
        expect(((top - lo!) / (hi! - lo!)) * panel.height, id).toBeLessThanOrEqual(panel.height - band);
        seen += spans.length;
      }
      expect(seen).toBeGreaterThanOrEqual(8);
    },
  );

  it('opens rows as the labels need, and leaves a label out rather than overlap past the last row', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ day: 10 + (i % 2), label: `Event number ${i}` }));
    const places = placeLabels(items, 60, 640);
    // Two labels share a row only on opposite sides of their markers (which are a day apart).
    expect(new Set(places.map((p) => `${p!.row} ${p!.left}`)).size).toBe(10);
    expect(Math.max(...places.map((p) => p!.row))).toBe(5);
    const capped = placeLabels(items, 60, 640, 3);
    expect(capped.map((p) => p?.row ?? null)).toEqual([0, 1, 0, 1, 2, null, 2, null, null, null]);
  });
});
