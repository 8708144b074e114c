/**
 * The validation registry: every stylized fact SF1–SF11 and every oracle O1–O6 of EVIDENCE.md has a check; ids
 * are unique; every check names its source and the scenario files it runs, and those are ordinary scenario files
 * that load with the usual loader (schema header, version 1). The report entry and the HTML page agree with the
 * numbers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/io/loadScenario';
import { VALIDATION_SCENARIO_DIR } from '../../sim/io/loadValidationScenarios';
import { holds } from '../../sim/validation/helpers';
import { CHECKS, reportEntry, scenariosNeeded } from '../../sim/validation/index';
import { validationHtml } from '../../sim/validation/reportHtml';

const dir = VALIDATION_SCENARIO_DIR;

describe('validation registry', () => {
  it('covers SF1–SF11 and O1–O6 with unique ids', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (let k = 1; k <= 11; k++) {
      const sf = `sf${String(k).padStart(2, '0')}-`;
      expect(
        ids.some((id) => id.startsWith(sf)),
        `a check for SF${k}`,
      ).toBe(true);
    }
    for (let k = 1; k <= 6; k++)
      expect(
        ids.some((id) => id.startsWith(`o${k}-`)),
        `a check for O${k}`,
      ).toBe(true);
  });

  it('every check has a claim, a source in EVIDENCE.md and scenario files that exist', () => {
    const files = new Set(readdirSync(dir).map((f) => f.replace(/\.yaml$/, '')));
    for (const c of CHECKS) {
      expect(c.claim.length, c.id).toBeGreaterThan(30);
      expect(c.source, c.id).toMatch(/EVIDENCE\.md §[bc]/);
      expect(c.scenarios.length, c.id).toBeGreaterThan(0);
      for (const s of c.scenarios) expect(files.has(s), `${c.id} needs ${s}.yaml`).toBe(true);
    }
  });

  it('every scenario in scenarios/validation is an ordinary scenario file and is used by a check', async () => {
    const used = new Set(scenariosNeeded());
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const text = readFileSync(`${dir}/${f}`, 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema=../scenario.schema.json'), f).toBe(true);
      expect(text).toContain('$schema: ../scenario.schema.json');
      expect(text).toMatch(/^version: 1$/m);
      const r = await loadScenario(`${dir}/${f}`);
      expect(r.ok, `${f}: ${r.ok ? '' : JSON.stringify(r.errors)}`).toBe(true);
      if (r.ok) expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
      expect(used.has(f.replace(/\.yaml$/, '')), `${f} is used by a check`).toBe(true);
    }
  });

  it('the report entry recomputes the verdict from the numbers, and the HTML shows every check escaped', () => {
    const check = CHECKS[0];
    const entry = reportEntry({
      check,
      result: {
        measured: 1,
        target: 0,
        tolerance: 0.5,
        relation: 'equal',
        pass: true,
        toleranceRule: 'rule',
      },
    });
    expect(entry.pass).toBe(false);
    expect(holds(0.2, [0, 1], 0, 'within')).toBe(true);
    expect(holds(0, 0, 0, 'greater')).toBe(false);
    const html = validationHtml({
      title: 'v <b>',
      generated: 'now',
      size: 'test',
      checks: [{ ...entry, claim: '<script>x</script>' }],
      svg: {},
    });
    expect(html).not.toContain('<script>x');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('FAIL');
  });

  it('scripts/validate-model.ts is the npm script validate:model', () => {
    const pkg = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'),
    );
    expect(pkg.scripts['validate:model']).toBe('tsx scripts/validate-model.ts');
  });
});
