import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/io/loadScenario';
import { formatDiagnostic } from '../../sim/scenario/diagnostics';
import { brokenCases, manyErrors } from '../fixtures/broken/cases';

const dir = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));
// A fixed memory size, so the memory check does not depend on the machine.
const availableBytes = 8 * 1024 ** 3;

describe('broken scenario corpus', () => {
  it('has at least 35 cases, one per file, and every file is listed', () => {
    expect(brokenCases.length).toBeGreaterThanOrEqual(35);
    const listed = new Set([...brokenCases.map((c) => c.file), manyErrors.file]);
    expect(listed.size).toBe(brokenCases.length + 1);
    const files = readdirSync(dir).filter((f) => !f.endsWith('.ts'));
    expect(files.sort()).toEqual([...listed].sort());
  });

  for (const c of brokenCases) {
    const severity = c.severity ?? 'error';
    it(`${c.file} → ${c.line}:${c.col} ${c.message}`, async () => {
      const r = await loadScenario(`${dir}${c.file}`, { availableBytes });
      const list = severity === 'error' ? (r.ok ? [] : r.errors) : r.warnings;
      if (severity === 'warning') expect(r.ok).toBe(true);
      else expect(r.ok).toBe(false);
      const shown = list.map(formatDiagnostic).join('\n');
      const hit = list.find((d) => d.line === c.line && d.col === c.col && d.message.includes(c.message));
      expect(
        hit,
        `no ${severity} at ${c.line}:${c.col} containing ${JSON.stringify(c.message)}; got:\n${shown}`,
      ).toBeDefined();
      expect(hit!.severity).toBe(severity);
      expect(hit!.file).toBe(`${dir}${c.file}`);
      if (c.hint) expect(hit!.hint ?? '').toContain(c.hint);
      if (c.path) expect(hit!.path).toBe(c.path);
      if (c.alone) expect(list.map(formatDiagnostic)).toEqual([formatDiagnostic(hit!)]);
      for (const d of list) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.col).toBeGreaterThanOrEqual(1);
        expect(d.path.length).toBeGreaterThan(0);
      }
    });
  }

  it('reports many problems in one pass, in source order', async () => {
    const r = await loadScenario(`${dir}${manyErrors.file}`, { availableBytes });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThanOrEqual(3);
    for (const e of manyErrors.expected) {
      expect(
        r.errors.some((d) => d.line === e.line && d.col === e.col && d.message.includes(e.message)),
        `${e.line}:${e.col} ${e.message}\n${r.errors.map(formatDiagnostic).join('\n')}`,
      ).toBe(true);
    }
    const order = r.errors.map((d) => [d.line, d.col] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});
