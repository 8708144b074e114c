/**
 * The scenario pages (scenarios/*.md and scenarios/teaching/*.md): THINGS TO TRY tells the reader to iterate with
 * fewer replicates than the scenario has, and quotes what we saw. Those figures were taken at the scenario's own
 * replicate count; with fewer, the third decimal differs and a close comparison can turn round (donation-during-
 * dispute, item 5: 0.643 against 0.641 at 6 replicates, 0.640 against 0.641 at 20). The section must say so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const pages = ['', 'teaching/'].flatMap((dir) =>
  readdirSync(join(SCENARIOS, dir))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${dir}${f}`),
);

describe('scenario pages: THINGS TO TRY', () => {
  it('covers the flagship and the three teaching pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  for (const page of pages) {
    it(`${page}: says at which replicate count the quoted figures were taken`, () => {
      const md = readFileSync(join(SCENARIOS, page), 'utf8');
      const scenario = parse(readFileSync(join(SCENARIOS, page.replace(/\.md$/, '.yaml')), 'utf8')) as {
        outputs?: { replicates?: number };
      };
      const replicates = scenario.outputs?.replicates ?? 24;
      const start = md.indexOf('## THINGS TO TRY');
      expect(start).toBeGreaterThan(0);
      const end = md.indexOf('\n## ', start + 1);
      const section = md.slice(start, end < 0 ? md.length : end).replace(/\s+/g, ' ');
      const fewer = [...section.matchAll(/--replicates (\d+)/g)].map((m) => Number(m[1]));
      const quotes = /\((?:We|we) (?:saw|tried)|When we tried/.test(section);
      if (!quotes || !fewer.some((n) => n < replicates)) return;
      expect(section).toContain(
        `The figures we saw (in brackets) are at the scenario's ${replicates} replicates`,
      );
    });
  }
});
