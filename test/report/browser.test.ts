/**
 * report.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), opened
 * from file:// with no network: every chart renders, the console stays clean, nothing but the file
 * itself is requested, and hostile scenario text shows up as text.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readVegaBundles } from '../../sim/io/vegaBundles';
import { writeReport } from '../../sim/io/writeReport';
import { buildCharts } from '../../sim/report/buildCharts';
import { buildReportHtml } from '../../sim/report/html';
import { IMG_PAYLOAD, makeFixture, SCRIPT_PAYLOAD } from '../fixtures/report/makeFixture';
import { CHROMIUM, CHROMIUM_ARGS, ensureSystemTools } from './helpers';

interface Visit {
  page: Page;
  url: string;
  console: Array<{ type: string; text: string }>;
  pageErrors: string[];
  requests: string[];
  dialogs: string[];
}

let browser: Browser;
let tmp: string;

/** Open a report and wait until every chart has settled (rendered or failed). */
async function visit(file: string): Promise<Visit> {
  const page = await browser.newPage();
  const v: Visit = {
    page,
    url: pathToFileURL(file).href,
    console: [],
    pageErrors: [],
    requests: [],
    dialogs: [],
  };
  page.on('console', (m) => v.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => v.pageErrors.push(e.message));
  page.on('request', (r) => v.requests.push(r.url()));
  page.on('dialog', (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(v.url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-charts="done"]', { timeout: 60_000 });
  return v;
}

describe('report.html in headless Chromium', () => {
  let plain: Visit;
  let hostile: Visit;

  beforeAll(async () => {
    ensureSystemTools('chromium');
    tmp = mkdtempSync(join(tmpdir(), 'trustsim-html-'));
    await writeReport(join(tmp, 'plain'), makeFixture());
    await writeReport(join(tmp, 'hostile'), makeFixture({ hostile: true }));
    // launch() gives each browser a fresh temporary profile (it rejects a --user-data-dir argument).
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    plain = await visit(join(tmp, 'plain', 'report.html'));
    hostile = await visit(join(tmp, 'hostile', 'report.html'));
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('renders every chart as an SVG inside its container', async () => {
    const ids = buildCharts(makeFixture()).map((c) => c.id);
    const state = await plain.page.$$eval('.vega-chart', (els) =>
      els.map((el) => ({
        id: el.id,
        rendered: el.getAttribute('data-rendered'),
        drawn: el.querySelectorAll('svg, canvas').length,
        marks: el.querySelectorAll('svg path, svg text').length,
      })),
    );
    expect(state.map((s) => s.id)).toEqual(ids.map((id) => `chart-${id}`));
    for (const s of state) {
      expect(s.rendered, s.id).toBe('true');
      expect(s.drawn, s.id).toBeGreaterThan(0);
      expect(s.marks, s.id).toBeGreaterThan(10);
    }
  });

  it('logs no console errors or warnings and throws nothing', () => {
    for (const v of [plain, hostile]) {
      expect(v.pageErrors).toEqual([]);
      expect(v.console.filter((m) => m.type === 'error' || m.type === 'warning')).toEqual([]);
    }
  });

  it('requests nothing but the file itself', () => {
    expect(plain.requests).toEqual([plain.url]);
    expect(hostile.requests).toEqual([hostile.url]);
  });

  it('shows hostile scenario text as text: no dialog, no injected element, the text visible', async () => {
    const page = hostile.page;
    expect(hostile.dialogs).toEqual([]);
    expect(await page.$$eval('img, iframe, object, embed', (els) => els.length)).toBe(0);
    expect(await page.$$eval('script', (els) => els.length)).toBe(5);
    const input = makeFixture({ hostile: true });
    const h1 = page.locator('h1');
    expect(await h1.textContent()).toBe(input.scenario.title);
    expect(await h1.isVisible()).toBe(true);
    const payloadText = page.getByText(`A description with ${SCRIPT_PAYLOAD} and ${IMG_PAYLOAD}`, {
      exact: false,
    });
    expect(await payloadText.isVisible()).toBe(true);
    // Labels inside charts are SVG text, not markup (long labels are cut with an ellipsis).
    const chartText = await page.$eval('#chart-trust-over-time svg', (svg) => svg.textContent ?? '');
    expect(chartText).toContain(`Public apology ${SCRIPT_PAYLOAD}`);
    expect(chartText).toContain('<img src=x');
    const heat = await page.$eval('#chart-trust-heatmap svg', (svg) => svg.textContent ?? '');
    expect(heat).toContain('Brand fans <script>');
  });

  it('enforces its Content-Security-Policy: an injected inline script does not run', async () => {
    const v = await visit(join(tmp, 'plain', 'report.html'));
    const ran = await v.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.appendChild(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await v.page.waitForTimeout(50);
    expect(v.console.some((m) => m.type === 'error' && /Content Security Policy/.test(m.text))).toBe(true);
    await v.page.close();
  });

  it('on a phone, keeps every chart at its own size in a box that scrolls sideways, not shrunk unreadable', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(plain.url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts="done"]', { timeout: 60_000 });
    const charts = await page.$$eval('.vega-chart', (els) =>
      els.map((el) => {
        const svg = el.querySelector('svg')!;
        return {
          id: el.id,
          drawn: svg.getBoundingClientRect().width,
          own: Number(svg.getAttribute('width')),
          box: el.clientWidth,
          scroll: el.scrollWidth,
        };
      }),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      // Before: every chart was scaled down to the 334 px column (its 12 px labels drawn at about 4 px).
      expect(c.drawn, c.id).toBeGreaterThanOrEqual(c.own - 1);
      if (c.own > c.box) expect(c.scroll, c.id).toBeGreaterThan(c.box);
    }
    expect(charts.some((c) => c.own > c.box)).toBe(true);
    // A table wider than the phone scrolls sideways and keeps its row names in view.
    const rowName = await page.evaluate(() => {
      const wrap = document.querySelector('#table-comparisons')!.closest('.table-wrap') as HTMLElement;
      (wrap.closest('details') as HTMLDetailsElement | null)?.setAttribute('open', '');
      const th = wrap.querySelector('tbody th[scope="row"]') as HTMLElement;
      const before = th.getBoundingClientRect().left;
      wrap.scrollLeft = 200;
      return { scrolled: wrap.scrollLeft, moved: th.getBoundingClientRect().left - before };
    });
    expect(rowName.scrolled).toBeGreaterThan(0);
    // Before: the row name scrolled out of view with the numbers.
    expect(rowName.moved).toBe(0);
    // The page itself does not scroll sideways: only the chart boxes (and tables) do.
    const page2 = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(page2[0]).toBe(page2[1]);
    await page.close();
  });

  it('prints a table as wide as eight strategies within the page: wrapped, not cut, and never after a minus sign', async () => {
    const input = makeFixture();
    const first = input.summary.strategies[1]!;
    for (let i = 0; i < 5; i++) {
      const id = `another-strategy-${i}`;
      input.summary.strategies.push({ ...structuredClone(first), id });
      input.scenario.strategies.push({ ...input.scenario.strategies[1]!, id });
    }
    const file = join(tmp, 'wide.html');
    writeFileSync(file, buildReportHtml(input, [], await readVegaBundles()));
    const page = await browser.newPage({ viewport: { width: 718, height: 1000 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.waitForSelector('html[data-charts="done"]', { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const tables = await page.$$eval('.table-wrap', (els) =>
      els.map((el) => ({ id: el.querySelector('table')!.id, box: el.clientWidth, needs: el.scrollWidth })),
    );
    expect(tables.map((t) => t.id)).toContain('table-strategies');
    // Before: the outcomes table needed about 1,000 px in a 718 px page and printed cut at the page edge.
    for (const t of tables) expect(t.needs, t.id).toBeLessThanOrEqual(t.box + 1);
    // A line inside a numeric cell never ends with a bare minus sign or an opening bracket.
    const lineEnds = await page.$$eval('td.num .nb', (els) =>
      els
        .filter((el) => new Set(Array.from(el.getClientRects(), (r) => Math.round(r.top))).size > 1)
        .map((el) => el.textContent),
    );
    expect(lineEnds).toEqual([]);
    // On screen the numbers and their intervals stay on one line each, as before.
    await page.emulateMedia({ media: 'screen' });
    const wrapped = await page.$$eval('td.num .nw', (els) =>
      els
        .filter((el) => new Set(Array.from(el.getClientRects(), (r) => Math.round(r.top))).size > 1)
        .map((el) => el.textContent),
    );
    expect(wrapped).toEqual([]);
    await page.close();
  });

  it('prints: the print stylesheet keeps every chart', async () => {
    await plain.page.emulateMedia({ media: 'print' });
    const visible = await plain.page.$$eval('.vega-chart svg', (els) =>
      els.map((el) => el.getBoundingClientRect().width > 100),
    );
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.every(Boolean)).toBe(true);
    // Printed, every chart is scaled to the page width, never cut at its right edge.
    const fits = await plain.page.$$eval('.vega-chart', (els) =>
      els.map((el) => el.querySelector('svg')!.getBoundingClientRect().width <= el.clientWidth + 1),
    );
    expect(fits.every(Boolean)).toBe(true);
    const pdf = await plain.page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await plain.page.emulateMedia({ media: 'screen' });
  });
});
