/**
 * The engine gives byte-identical rows in Node and in a browser: the browser bundle
 * (dist/trustsim-browser.js, built by `npm test` before vitest) runs a small scenario in headless Chromium
 * and the value cube is compared bit for bit with the same run in Node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_SCENARIO } from '../../sim/cli/starterScenario';
import { compileModel } from '../../sim/engine/compileModel';
import { run } from '../../sim/engine/run';
import { parseScenarioText } from '../../sim/scenario/parseScenarioText';
import { CHROMIUM, CHROMIUM_ARGS, ensureSystemTools } from '../report/helpers';

/** FNV-1a over the bytes of a Float64Array: equal hashes and lengths ⇒ (practically) equal bits. */
function bitsHash(values: Float64Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return `${values.length}:${(h >>> 0).toString(16)}`;
}

let browser: Browser;

describe('Node and the browser give identical rows', () => {
  beforeAll(async () => {
    ensureSystemTools('chromium');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('runs the starter scenario in Chromium with the same value cube as in Node', async () => {
    const text = STARTER_SCENARIO.replaceAll('THIS_FILE', 'starter.yaml');
    const parsed = parseScenarioText(text, 'starter.yaml');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const model = compileModel(parsed.scenario, 0.3);
    const nodeHashes = model.strategies.map((s) =>
      bitsHash(run(model, { strategy: s.id, seed: 7, replicate: 1 }).values),
    );

    const bundle = readFileSync(join(__dirname, '../../dist/trustsim-browser.js'), 'utf8');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle });
    const browserHashes = await page.evaluate((src: string) => {
      // biome-ignore lint/suspicious/noExplicitAny: the bundle's global has no types in the page
      const ts = (globalThis as unknown as { trustsim: any }).trustsim;
      const parsedB = ts.parseScenarioText(src, 'starter.yaml');
      if (!parsedB.ok) throw new Error(JSON.stringify(parsedB.errors));
      const m = ts.compileModel(parsedB.scenario, 0.3);
      return m.strategies.map((s: { id: string }) => {
        const v: Float64Array = ts.run(m, { strategy: s.id, seed: 7, replicate: 1 }).values;
        const bytes = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        let h = 0x811c9dc5;
        for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
        return `${v.length}:${(h >>> 0).toString(16)}`;
      });
    }, text);
    expect(errors).toEqual([]);
    expect(browserHashes).toEqual(nodeHashes);
    await page.close();
  }, 120_000);
});
