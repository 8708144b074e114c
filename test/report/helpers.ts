/** Shared helpers for the report tests: the fixture, Vega-Lite 5, system tools. */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInThisContext } from 'node:vm';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface VegaLite5 {
  version: string;
  compile(spec: unknown, opt?: { logger?: unknown }): { spec: Record<string, unknown> };
}

let vl5: VegaLite5 | null = null;

/**
 * Vega-Lite 5.9.3 (npm alias `vega-lite-5`), the version JupyterLab renders.
 *
 * Its entry points do not load on Node 20 next to vega 6:
 * - `main` (`build/vega-lite.js`) is a UMD bundle that does `require('vega')`, and vega 6 is ESM
 *   with top-level await, so `require` throws ERR_REQUIRE_ASYNC_MODULE;
 * - `module` (`build/src/index.js`) is ESM with extensionless relative imports and a JSON import
 *   without an import attribute, which Node's ESM loader rejects.
 * The UMD bundle only uses a few helpers from `vega` (vega-util, `parseExpression`, `parseSelector`),
 * so we evaluate it as CommonJS with a `require` that answers 'vega' with exactly the versions
 * vega-lite 5 was built against: its own nested vega-util 1.17, vega-expression 5.1 and
 * vega-event-selector 3.0 (CommonJS, resolved from the vega-lite-5 folder).
 */
export function loadVegaLite5(): VegaLite5 {
  if (vl5) return vl5;
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('vega-lite-5/package.json');
  const fromVl5 = createRequire(pkgFile);
  const vegaShim = {
    ...(fromVl5('vega-util') as object),
    ...(fromVl5('vega-expression') as object),
    ...(fromVl5('vega-event-selector') as object),
  };
  const file = join(dirname(pkgFile), 'build', 'vega-lite.js');
  const wrapper = runInThisContext(
    `(function (exports, require, module) {${readFileSync(file, 'utf8')}\n})`,
    {
      filename: file,
    },
  ) as (exports: object, require: (id: string) => unknown, module: { exports: object }) => void;
  const mod = { exports: {} as object };
  wrapper(
    mod.exports,
    (id) => {
      if (id === 'vega') return vegaShim;
      return fromVl5(id);
    },
    mod,
  );
  vl5 = mod.exports as VegaLite5;
  return vl5;
}

/** A logger for vega-lite's `compile` that collects warnings and throws on errors. */
export function collectingLogger(warnings: string[]) {
  let level = 0;
  const logger = {
    level(n?: number) {
      if (n === undefined) return level;
      level = n;
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error(...args: unknown[]) {
      throw new Error(args.map(String).join(' '));
    },
  };
  return logger;
}

/**
 * Make sure Debian's chromium, python3-nbformat and/or the PNG fonts are installed
 * (scripts/setup-system.sh installs them with apt-get when missing). Throws with the script's output when they cannot be installed,
 * so the dependent tests fail loudly instead of being skipped.
 */
export function ensureSystemTools(...tools: Array<'chromium' | 'nbformat' | 'fonts'>): void {
  const script = join(REPO, 'scripts', 'setup-system.sh');
  const r = spawnSync('bash', [script, ...tools], { encoding: 'utf8', timeout: 900_000 });
  if (r.status !== 0) {
    throw new Error(
      `scripts/setup-system.sh ${tools.join(' ')} failed (exit ${r.status ?? r.signal}); these tests need ` +
        `${tools.join(' and ')}.\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`,
    );
  }
}

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
