import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compileChart,
  PNG_FONT_FILES,
  pngFontOptions,
  renderCharts,
  renderSvg,
  svgToPng,
  warmUpRenderer,
  writeCharts,
} from '../../sim/io/renderCharts';
import { buildCharts } from '../../sim/report/buildCharts';
import { FONT } from '../../sim/report/style';
import { makeFixture } from '../fixtures/report/makeFixture';
import { ensureSystemTools } from '../report/helpers';

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'report', 'golden');
const charts = buildCharts(makeFixture());

describe('renderCharts', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'trustsim-charts-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('has a committed golden SVG for every chart, and none for charts that no longer exist', () => {
    const goldens = readdirSync(GOLDEN)
      .filter((f) => f.endsWith('.svg'))
      .sort();
    expect(goldens).toEqual(charts.map((c) => `${c.id}.svg`).sort());
  });

  it.each(charts.map((c) => [c.id, c] as const))(
    '%s renders byte-for-byte like its golden SVG (regenerate: npx tsx scripts/update-golden.ts)',
    async (id, chart) => {
      const svg = await renderSvg(chart.spec);
      const golden = readFileSync(join(GOLDEN, `${id}.svg`), 'utf8');
      expect(svg.length).toBe(golden.length);
      expect(svg === golden).toBe(true);
    },
  );

  it('renders identical bytes twice in one process (gradient and clip ids restart)', async () => {
    const heat = charts.find((c) => c.id === 'trust-heatmap')!;
    const a = await renderSvg(heat.spec);
    const b = await renderSvg(heat.spec);
    expect(a).toContain('id="gradient_0"');
    expect(b).toBe(a);
  });

  it('warms up without changing what it renders next (the worker threads warm up before the report)', async () => {
    const before = await Promise.all(charts.map((c) => renderSvg(c.spec)));
    await warmUpRenderer();
    const after = await Promise.all(charts.map((c) => renderSvg(c.spec)));
    expect(after).toEqual(before);
    expect(after[0]).toBe(readFileSync(join(GOLDEN, `${charts[0].id}.svg`), 'utf8'));
  });

  it('does not depend on the machine timezone', async () => {
    const trust = charts.find((c) => c.id === 'trust-over-time')!;
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const west = await renderSvg(trust.spec);
      process.env.TZ = 'Asia/Shanghai';
      const east = await renderSvg(trust.spec);
      expect(west).toBe(east);
      expect(west).toContain('>02 Nov<');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('escapes scenario text inside the SVG', async () => {
    const hostile = buildCharts(makeFixture({ hostile: true }));
    const trust = hostile.find((c) => c.id === 'trust-over-time')!;
    const svg = await renderSvg(trust.spec);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('compiles without Vega-Lite warnings', () => {
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) expect(compileChart(c.spec).warnings, c.id).toEqual([]);
  });

  it('writes <id>.vl.json, <id>.svg and, with png, <id>.png', async () => {
    const two = charts.slice(0, 2);
    const rendered = await renderCharts(two, { png: true });
    const files = await writeCharts(tmp, rendered);
    expect(files.map((f) => f.slice(tmp.length + 1))).toEqual([
      'trust-over-time.vl.json',
      'trust-over-time.svg',
      'trust-over-time.png',
      'trust-facets.vl.json',
      'trust-facets.svg',
      'trust-facets.png',
    ]);
    expect(JSON.parse(readFileSync(join(tmp, 'trust-over-time.vl.json'), 'utf8'))).toEqual(two[0]!.spec);
    expect(readFileSync(join(tmp, 'trust-over-time.svg'), 'utf8')).toBe(rendered[0]!.svg);
    const png = readFileSync(join(tmp, 'trust-over-time.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // 2× zoom of the SVG's width.
    const svgWidth = Number(/width="(\d+)"/.exec(rendered[0]!.svg)![1]);
    expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
    expect(readdirSync(tmp).some((f) => f.includes('.tmp-'))).toBe(false);
    expect(existsSync(join(tmp, 'trust-facets.png'))).toBe(true);
  });

  it('converts SVG to PNG without a native build step', async () => {
    const png = await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"></svg>');
    expect(png.byteLength).toBeGreaterThan(50);
  });

  it('draws CJK scenario text in PNGs (米粉), not empty boxes, with a fixed set of fonts', async () => {
    ensureSystemTools('fonts');
    expect(pngFontOptions()).toEqual({
      loadSystemFonts: false,
      fontFiles: [...PNG_FONT_FILES],
      defaultFontFamily: 'DejaVu Sans',
    });
    expect(pngFontOptions([...PNG_FONT_FILES, '/nonexistent/font.ttf']).loadSystemFonts).toBe(true);
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="30"><text x="4" y="20" ` +
      `font-family="${FONT}" font-size="16px">Fans (${text})</text></svg>`;
    // Private-use characters have a glyph in no font: they render as the missing-glyph box, and so
    // would 米粉 without a CJK font.
    const cjk = await svgToPng(svg('米粉'));
    const boxes = await svgToPng(svg('\uE000\uE001'));
    expect(cjk).not.toEqual(boxes);
    expect(await svgToPng(svg('米粉'))).toEqual(cjk);
  });
});
