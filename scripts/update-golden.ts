/**
 * Regenerate the golden SVGs of the report charts for the small fixture:
 *   npx tsx scripts/update-golden.ts
 * writes test/fixtures/report/golden/<chart-id>.svg (and removes goldens of charts that no longer
 * exist). test/io/renderCharts.test.ts compares against these byte for byte. Review the diff (or open
 * the SVGs) before committing.
 */

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCharts } from '../sim/io/renderCharts';
import { buildCharts } from '../sim/report/buildCharts';
import { makeFixture } from '../test/fixtures/report/makeFixture';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'report', 'golden');
mkdirSync(dir, { recursive: true });
const rendered = await renderCharts(buildCharts(makeFixture()));
const keep = new Set(rendered.map((c) => `${c.id}.svg`));
let changed = 0;
for (const chart of rendered) {
  const file = join(dir, `${chart.id}.svg`);
  let old: string | null = null;
  try {
    old = readFileSync(file, 'utf8');
  } catch {}
  if (old !== chart.svg) {
    writeFileSync(file, chart.svg);
    changed++;
    console.log(`${old === null ? 'added' : 'updated'} ${file}`);
  }
}
for (const name of readdirSync(dir)) {
  if (name.endsWith('.svg') && !keep.has(name)) {
    rmSync(join(dir, name));
    changed++;
    console.log(`removed ${join(dir, name)}`);
  }
}
console.log(`${rendered.length} golden SVGs, ${changed} changed`);
