import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildReport, writeReport } from '../../sim/io/writeReport';
import { buildCharts } from '../../sim/report/buildCharts';
import { makeFixture } from '../fixtures/report/makeFixture';

describe('writeReport / rebuildReport', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'trustsim-report-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const ids = buildCharts(makeFixture()).map((c) => c.id);

  it('writes report-input.json, charts/, report.html and report.ipynb and says how long it took', async () => {
    const dir = join(tmp, 'out');
    const input = makeFixture();
    const { files, seconds } = await writeReport(dir, input, {});
    const rel = files.map((f) => f.slice(dir.length + 1));
    expect(rel).toEqual([
      'report-input.json',
      ...ids.flatMap((id) => [`charts/${id}.vl.json`, `charts/${id}.svg`]),
      'report.html',
      'report.ipynb',
    ]);
    for (const f of files) expect(existsSync(f)).toBe(true);
    // The time it took is reported (a finite, non-negative number); its size is never asserted.
    expect(Number.isFinite(seconds) && seconds >= 0).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'report-input.json'), 'utf8'))).toEqual(input);
  });

  it('writes PNGs when asked', async () => {
    const dir = join(tmp, 'png');
    const { files } = await writeReport(dir, makeFixture(), { png: true });
    const pngs = files.filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(ids.length);
    expect(readFileSync(pngs[0]!).subarray(1, 4).toString()).toBe('PNG');
  });

  it('rebuilds the same bytes from report-input.json alone', async () => {
    const a = join(tmp, 'a');
    await writeReport(a, makeFixture(), {});
    const before = ['report.html', 'report.ipynb', 'charts/trust-over-time.svg'].map((f) =>
      readFileSync(join(a, f)),
    );
    for (const f of ['report.html', 'report.ipynb', 'charts/trust-over-time.svg'])
      writeFileSync(join(a, f), 'stale');
    const { files } = await rebuildReport(a);
    expect(files.map((f) => f.slice(a.length + 1))).not.toContain('report-input.json');
    const after = ['report.html', 'report.ipynb', 'charts/trust-over-time.svg'].map((f) =>
      readFileSync(join(a, f)),
    );
    // Compare as strings: deep equality over megabyte Buffers is slow.
    expect(after.map(String)).toEqual(before.map(String));
  });

  it('explains what is wrong when report-input.json is missing or not a report input', async () => {
    await expect(rebuildReport(join(tmp, 'nowhere'))).rejects.toThrow(/report-input\.json: not found/);
    const bad = join(tmp, 'bad');
    await writeReport(bad, makeFixture(), {});
    writeFileSync(join(bad, 'report-input.json'), '{"scenario": {}}');
    await expect(rebuildReport(bad)).rejects.toThrow(/missing summary, series, markers, manifest/);
    writeFileSync(join(bad, 'report-input.json'), '{oops');
    await expect(rebuildReport(bad)).rejects.toThrow(/not valid JSON/);
  });
});
