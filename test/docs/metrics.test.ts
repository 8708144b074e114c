/**
 * docs/metrics.md documents every metric the engine emits: a table row per BASE_METRICS name, plus the
 * per-incident metrics and the `_auc` summary suffix. Each row's "segments" column agrees with COMPANY_METRICS
 * ("all only" for company-level metrics) and its "better when" column with HIGHER_IS_BETTER.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BASE_METRICS,
  COMPANY_METRICS,
  HIGHER_IS_BETTER,
  metricLayout,
} from '../../sim/metrics/metricLayout';

const DOC = readFileSync(fileURLToPath(new URL('../../docs/metrics.md', import.meta.url)), 'utf8');

interface Row {
  unit: string;
  kind: string;
  segments: string;
  better: string;
  reading: string;
}

/** Table rows `| \`name\` | unit | kind | segments | better when | how to read it |`, by metric name. */
function rows(): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const line of DOC.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line);
    if (!m) continue;
    const cells = m[2]!.split('|').map((c) => c.trim());
    if (cells.length < 5) continue;
    const [unit, kind, segments, better, ...rest] = cells as [string, string, string, string, ...string[]];
    out.set(m[1]!, { unit, kind, segments, better, reading: rest.join('|') });
  }
  return out;
}

const table = rows();

describe('docs/metrics.md', () => {
  it('has a row for every metric in BASE_METRICS', () => {
    const missing = BASE_METRICS.filter((name) => !table.has(name));
    expect(missing).toEqual([]);
  });

  it('documents no metric the engine does not emit', () => {
    const known = new Set<string>([...BASE_METRICS, 'aware_share.<incident>', 'media_attention.<incident>']);
    expect([...table.keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('documents the per-incident metrics the layout adds for each incident', () => {
    const layout = metricLayout({ incidents: [{ id: 'x' }] as never, segmentIds: [] });
    const perIncident = layout.names
      .filter((n) => n.endsWith('.x'))
      .map((n) => n.replace(/\.x$/, '.<incident>'));
    expect(perIncident.length).toBeGreaterThan(0);
    for (const name of perIncident) expect(table.has(name), name).toBe(true);
  });

  it('explains the _auc summary suffix', () => {
    expect(DOC).toMatch(/^#+ .*`_auc`/m);
    expect(DOC).toContain('<metric>_auc');
  });

  it('gives each metric a unit, a kind and a reading', () => {
    const empty = [...table].filter(([, r]) => !r.unit || !r.kind || r.reading.length < 20).map(([n]) => n);
    expect(empty).toEqual([]);
  });

  it('marks company-level metrics "all only" and the rest "per segment", as the code does', () => {
    const wrong: string[] = [];
    for (const [name, r] of table) {
      const base = name.split('.')[0]!;
      const companyLevel = COMPANY_METRICS.has(base) || name.startsWith('media_attention.');
      const want = companyLevel ? 'all only' : 'per segment';
      if (r.segments !== want) wrong.push(`${name}: says "${r.segments}", the code "${want}"`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives the direction of HIGHER_IS_BETTER', () => {
    const wrong: string[] = [];
    for (const [name, r] of table) {
      const want = HIGHER_IS_BETTER.has(name.split('.')[0]!) ? 'higher' : 'lower';
      if (r.better !== want) wrong.push(`${name}: says "${r.better}", the code "${want}"`);
    }
    expect(wrong).toEqual([]);
  });
});
