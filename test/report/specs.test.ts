import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { compile as compileV6 } from 'vega-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCharts, CHART_BUILDERS } from '../../sim/report/buildCharts';
import { OKABE_ITO } from '../../sim/report/style';
import { VEGA_LITE_V5_SCHEMA } from '../../sim/report/types';
import { makeFixture } from '../fixtures/report/makeFixture';
import { collectingLogger, loadVegaLite5 } from './helpers';

const input = makeFixture();
const charts = buildCharts(input);

/** Every object in a spec, depth first, with its key. */
function* walk(value: unknown, key = ''): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) for (const v of value) yield* walk(v, key);
  else if (value && typeof value === 'object') {
    yield [key, value as Record<string, unknown>];
    for (const [k, v] of Object.entries(value)) yield* walk(v, k);
  }
}

describe('chart specs', () => {
  let validate: ReturnType<Ajv['compile']>;
  beforeAll(() => {
    const require = createRequire(import.meta.url);
    const schemaFile = join(
      require.resolve('vega-lite-5/package.json'),
      '..',
      'build',
      'vega-lite-schema.json',
    );
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  });

  it('builds every chart for the fixture, each with a unique kebab-case id, a title and a caption', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'trust-over-time',
      'trust-facets',
      'trust-heatmap',
      'awareness-by-incident',
      'media-attention-by-incident',
      'complaints',
      'word-of-mouth',
      'rights-group-and-lawsuits',
      'donation-reactions',
      'ledger',
      'forest-plot',
    ]);
    expect(charts).toHaveLength(CHART_BUILDERS.length);
    for (const c of charts) {
      expect(c.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.caption.length).toBeGreaterThan(40);
      expect(c.spec.$schema).toBe(VEGA_LITE_V5_SCHEMA);
      expect((c.spec as { description?: string }).description).toBe(c.caption);
    }
  });

  it('the schema check is live: it rejects a spec with an unknown mark and a misspelt channel', () => {
    expect(validate({ $schema: VEGA_LITE_V5_SCHEMA, data: { values: [] }, mark: 'blob' })).toBe(false);
    expect(validate({ data: { values: [] }, mark: 'line', encoding: { colour: { field: 'a' } } })).toBe(
      false,
    );
  });

  it.each(charts.map((c) => [c.id, c] as const))(
    '%s validates against the Vega-Lite v5 JSON Schema',
    (_, c) => {
      const ok = validate(c.spec);
      expect(validate.errors?.slice(0, 3) ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it.each(charts.map((c) => [c.id, c] as const))(
    '%s compiles under Vega-Lite 5 and 6 without warnings',
    (_, c) => {
      const vl5 = loadVegaLite5();
      expect(vl5.version).toBe('5.9.3');
      const warn5: string[] = [];
      const out5 = vl5.compile(structuredClone(c.spec), { logger: collectingLogger(warn5) });
      expect(out5.spec.$schema).toBe('https://vega.github.io/schema/vega/v5.json');
      const warn6: string[] = [];
      const out6 = compileV6(structuredClone(c.spec), { logger: collectingLogger(warn6) as never });
      expect(out6.spec.$schema).toMatch(/vega\/v6\.json$/);
      expect({ warn5, warn6 }).toEqual({ warn5: [], warn6: [] });
    },
  );

  it('gives each strategy the same Okabe–Ito colour in every chart (fixed domain in scenario order)', () => {
    const ids = input.scenario.strategies.map((s) => s.id);
    const expected = { domain: ids, range: OKABE_ITO.slice(0, ids.length) };
    let seen = 0;
    for (const c of charts) {
      for (const [key, obj] of walk(c.spec)) {
        if (key === 'color' && obj.field === 'strategy') {
          seen++;
          const scale = obj.scale as { domain: string[]; range: string[] };
          if (c.id === 'donation-reactions') {
            // Only the strategies that donated, each in its colour from the full scale.
            expect(scale.range, c.id).toEqual(scale.domain.map((id) => expected.range[ids.indexOf(id)]));
          } else expect(scale, `${c.id}: strategy colour scale`).toEqual(expected);
        }
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('uses UTC date scales on every temporal axis, so no timezone can shift a day', () => {
    for (const c of charts) {
      for (const [, obj] of walk(c.spec)) {
        if (obj.type === 'temporal' && typeof obj.field === 'string') {
          expect(obj.scale, `${c.id}: ${obj.field}`).toEqual({ type: 'utc' });
        }
      }
    }
  });

  it('is readable on a projector: fonts of at least 12 px, plot width about 640 px', () => {
    for (const c of charts) {
      for (const [key, obj] of walk(c.spec)) {
        for (const [k, v] of Object.entries(obj)) {
          if (/fontsize$/i.test(k) && typeof v === 'number')
            expect(v, `${c.id}: ${key}.${k}`).toBeGreaterThanOrEqual(12);
        }
      }
      const json = JSON.stringify(c.spec);
      const widths = [...json.matchAll(/"width":(\d+)/g)].map((m) => Number(m[1]));
      expect(widths.length, c.id).toBeGreaterThan(0);
      for (const w of widths) expect(w, c.id).toBeLessThanOrEqual(640);
    }
  });

  it('puts units in the axis titles', () => {
    const titles = charts.flatMap((c) =>
      [...walk(c.spec)]
        .filter(([k, o]) => (k === 'y' || k === 'x') && typeof o.title === 'string')
        .map(([, o]) => o.title as string),
    );
    for (const t of titles)
      expect(t).toMatch(/scale 0–1|share 0–1|people|cases|¥|stories|strategy − baseline|date/);
  });

  it('marks dated events on the trust chart as rules with text labels', () => {
    const trust = charts.find((c) => c.id === 'trust-over-time')!;
    const layers = (
      trust.spec as { layer: Array<{ mark: { type: string }; data?: { values: Array<{ label: string }> } }> }
    ).layer;
    const rules = layers.filter((l) => l.mark.type === 'rule');
    const labels = layers
      .filter((l) => l.mark.type === 'text')
      .flatMap((l) => l.data!.values.map((v) => v.label));
    expect(rules.length).toBeGreaterThanOrEqual(2);
    for (const m of input.markers) expect(labels).toContain(m.label);
  });

  it('inlines tidy data and leaves out charts with nothing to draw', () => {
    for (const c of charts) expect(JSON.stringify(c.spec)).not.toMatch(/"url"/);
    const noDonation = makeFixture();
    noDonation.series = noDonation.series.filter((r) => !r.metric.startsWith('donation_reaction'));
    expect(buildCharts(noDonation).map((c) => c.id)).not.toContain('donation-reactions');
  });

  it('builds the same specs from the same input', () => {
    expect(JSON.stringify(buildCharts(makeFixture()))).toBe(JSON.stringify(charts));
  });
});
