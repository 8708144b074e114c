/**
 * The engine gives byte-identical results in Node and in a browser: the browser bundle
 * (dist/trustsim-browser.js, built by `npm test` before vitest) runs a small scenario in headless Chromium, and
 * - every strategy's value cube (the Float64Array every output is made from) is compared byte for byte with the
 *   same run in Node;
 * - a comparison (replicates, branching, summary statistics) gives the same summary text, character for character.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_SCENARIO } from '../../sim/cli/starterScenario';
import { compileModel } from '../../sim/engine/compileModel';
import { run } from '../../sim/engine/run';
import { compare, resolveStrategies } from '../../sim/experiment/compare';
import { parseScenarioText } from '../../sim/scenario/parseScenarioText';
import { stableStringify } from '../../sim/util/stableStringify';
import { CHROMIUM, CHROMIUM_ARGS, ensureSystemTools } from '../report/helpers';

/** The bytes of a Float64Array (its own slice of the buffer). */
function bytesOf(values: Float64Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

/** Where two byte strings first differ, as "byte B of N vs M" (null when identical). */
function firstDifference(a: Uint8Array, b: Uint8Array): string | null {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return null;
  return `byte ${i} (value ${Math.floor(i / 8)}) of ${a.length} vs ${b.length} bytes`;
}

const SEED = 7;
const REPLICATE = 1;
const SCALE = 0.3;

let browser: Browser;

describe('Node and the browser give identical results', () => {
  const text = STARTER_SCENARIO.replaceAll('THIS_FILE', 'starter.yaml');

  beforeAll(async () => {
    ensureSystemTools('chromium');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the starter scenario in Chromium: every value cube byte for byte, and the comparison summary', async () => {
    const parsed = parseScenarioText(text, 'starter.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const model = compileModel(parsed.scenario, SCALE);
    const ids = model.strategies.map((s) => s.id);
    const nodeCubes = ids.map((id) =>
      bytesOf(run(model, { strategy: id, seed: SEED, replicate: REPLICATE }).values),
    );
    const picked = resolveStrategies(model);
    const nodeSummary = stableStringify(compare(model, { ...picked, replicates: 2, seed: SEED }).summary);

    const bundle = readFileSync(join(__dirname, '../../dist/trustsim-browser.js'), 'utf8');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const inBrowser = await page.evaluate(
      ({ src, seed, replicate, scale, strategies, baseline }) => {
        // biome-ignore lint/suspicious/noExplicitAny: the bundle's global has no types in the page
        const ts = (globalThis as unknown as { trustsim: any }).trustsim;
        const parsedB = ts.parseScenarioText(src, 'starter.yaml');
        if (!parsedB.ok) throw new Error(JSON.stringify(parsedB.errors));
        const m = ts.compileModel(parsedB.scenario, scale);
        // Each cube's bytes, as base64 (page.evaluate hands back JSON).
        const cubes = m.strategies.map((s: { id: string }) => {
          const v: Float64Array = ts.run(m, { strategy: s.id, seed, replicate }).values;
          const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
          let bin = '';
          for (let i = 0; i < bytes.length; i += 0x8000)
            bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          return btoa(bin);
        });
        const summary = ts.stableStringify(
          ts.compare(m, { strategies, baseline, replicates: 2, seed }).summary,
        );
        return { ids: m.strategies.map((s: { id: string }) => s.id), cubes, summary };
      },
      {
        src: text,
        seed: SEED,
        replicate: REPLICATE,
        scale: SCALE,
        strategies: picked.strategies,
        baseline: picked.baseline,
      },
    );
    expect(errors).toEqual([]);
    expect(inBrowser.ids).toEqual(ids);
    expect(nodeCubes.every((c) => c.length > 1000)).toBe(true);
    const differences = ids
      .map((id, s) => [
        id,
        firstDifference(nodeCubes[s]!, new Uint8Array(Buffer.from(inBrowser.cubes[s]!, 'base64'))),
      ])
      .filter(([, d]) => d !== null);
    expect(differences).toEqual([]);
    expect(inBrowser.summary.length).toBeGreaterThan(1000);
    expect(inBrowser.summary).toBe(nodeSummary);
    await page.close();
  }, 120_000);
});
