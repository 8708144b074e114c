/**
 * `npm run validate:model`: runs every validation check (analytic oracles and stylized facts, issue 6) at full
 * size, writes validation/report.json and a self-contained validation/report.html (a chart per check where a
 * picture helps, as inline SVG), prints a summary and exits 1 when any check fails.
 *
 * Options: --size test|full (default full), --only <id or prefix>[,…] (o3 picks every o3-… check),
 * --out <dir> (default validation/).
 *
 * A full-size run of every check into the default folder also rewrites the committed summary docs/validation.md
 * (a table row per check, no date, so reruns give the same bytes). With --size test, --only or another --out
 * it is left alone, so the committed page always shows the complete full-size run.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadValidationScenarios } from '../sim/io/loadValidationScenarios';
import { VERSION } from '../sim/io/manifest';
import { renderSvg } from '../sim/io/renderCharts';
import { CHECKS, reportEntry, runChecks, scenariosNeeded } from '../sim/validation/index';
import { formatNumber, formatTarget, validationHtml } from '../sim/validation/reportHtml';
import { validationMarkdown } from '../sim/validation/reportMarkdown';
import type { CheckSize } from '../sim/validation/types';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = resolve(root, 'validation');
const SUMMARY = resolve(root, 'docs', 'validation.md');

const NOTES = [
  'Oracles (EVIDENCE.md §c) are exact mathematics run through ordinary scenario files in scenarios/validation/.',
  'Stylized facts (EVIDENCE.md §b) marked “direction” test a sign or an ordering only; bounds marked † in EVIDENCE.md are operationalisations, not numbers from the sources.',
  'Every tolerance states how it was derived (sample size or determinism); see each check.',
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

async function main(): Promise<number> {
  const size = (arg('size') ?? 'full') as CheckSize;
  if (size !== 'test' && size !== 'full') throw new Error(`--size must be test or full, got ${size}`);
  const only = arg('only')?.split(',');
  // An id, or the start of ids: `o3` or `sf05` picks every check of that oracle or fact.
  const checks = only
    ? CHECKS.filter((c) => only.some((o) => c.id === o || c.id.startsWith(`${o}-`)))
    : CHECKS;
  if (checks.length === 0) {
    throw new Error(
      `no check matches --only ${only?.join(',')}; the ids are: ${CHECKS.map((c) => c.id).join(', ')}`,
    );
  }
  const outDir = resolve(root, arg('out') ?? 'validation');
  const scenarios = await loadValidationScenarios(scenariosNeeded(checks));
  const started = performance.now();
  const runs = runChecks({ size, scenarios }, checks, (run, i, total) => {
    const e = reportEntry(run);
    const line = `${e.pass ? 'pass' : 'FAIL'}  ${e.id}: measured ${formatNumber(e.measured)}, target ${formatTarget(e)} ± ${formatNumber(e.tolerance)}`;
    console.log(`[${i + 1}/${total}] ${line}`);
  });
  const seconds = (performance.now() - started) / 1000;
  const entries = runs.map(reportEntry);
  const passed = entries.filter((e) => e.pass).length;
  const failed = entries.length - passed;
  await mkdir(outDir, { recursive: true });
  const report = {
    title: 'trustsim model validation',
    size,
    passed,
    failed,
    seconds: Math.round(seconds),
    checks: entries,
  };
  await writeAtomic(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const svg: Record<string, string> = {};
  for (const { check, result } of runs) if (result.chart) svg[check.id] = await renderSvg(result.chart);
  await writeAtomic(
    join(outDir, 'report.html'),
    validationHtml({
      title: 'trustsim model validation',
      generated: `${new Date().toISOString().slice(0, 10)}, ${Math.round(seconds)} s`,
      size,
      checks: entries,
      svg,
      notes: NOTES,
    }),
  );
  // The committed summary shows the complete full-size run only.
  const writeSummary = size === 'full' && only === undefined && outDir === DEFAULT_OUT;
  if (writeSummary) {
    await writeAtomic(SUMMARY, validationMarkdown({ version: VERSION, size, checks: entries, notes: NOTES }));
  }
  console.log(
    `\n${passed} passed, ${failed} failed (${entries.length} checks, size ${size}, ${seconds.toFixed(1)} s) → ${join(outDir, 'report.json')}, report.html`,
  );
  console.log(
    writeSummary
      ? `summary → ${relative(root, SUMMARY)} (commit it)`
      : `${relative(root, SUMMARY)} not rewritten (only a full-size run of every check into validation/ writes it)`,
  );
  if (failed > 0) for (const e of entries.filter((x) => !x.pass)) console.log(`FAILED ${e.id}: ${e.claim}`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  },
);
