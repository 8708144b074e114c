/**
 * Read the vega, vega-lite and vega-embed browser bundles (`build/*.min.js`) from node_modules, for
 * inlining into the offline `report.html`. Their package `exports` maps hide `build/*.min.js` (and
 * `package.json`), so `require.resolve('vega/build/vega.min.js')` fails: resolve the package's main
 * entry instead, walk up to the folder whose package.json names the package, and read the file its
 * `unpkg`/`jsdelivr` field points to.
 */

import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import type { HtmlBundles } from '../report/html';

export interface VegaBundles extends HtmlBundles {
  versions: { vega: string; vegaLite: string; vegaEmbed: string };
}

interface PackageJson {
  name?: string;
  version?: string;
  unpkg?: string;
  jsdelivr?: string;
}

/** The folder of an installed package, found from its resolved main entry. */
export function packageDir(name: string, from: string = import.meta.url): string {
  const entry = createRequire(from).resolve(name);
  let dir = dirname(entry);
  const root = parse(dir).root;
  while (dir !== root) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      if (pkg.name === name) return dir;
    }
    dir = dirname(dir);
  }
  throw new Error(`cannot find the package folder of "${name}" above ${entry}`);
}

/** Path and version of a package's minified browser bundle. */
export function bundlePath(name: string, from?: string): { file: string; version: string } {
  const dir = packageDir(name, from);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
  const rel = pkg.unpkg ?? pkg.jsdelivr ?? `build/${name}.min.js`;
  const file = join(dir, rel);
  if (!existsSync(file)) throw new Error(`the browser bundle of "${name}" is missing: ${file}`);
  return { file, version: pkg.version ?? 'unknown' };
}

let cached: Promise<VegaBundles> | null = null;

/** The three bundles (about 0.8 MB together), read once per process. */
export function readVegaBundles(): Promise<VegaBundles> {
  cached ??= (async () => {
    const [vega, vegaLite, vegaEmbed] = ['vega', 'vega-lite', 'vega-embed'].map((n) => bundlePath(n)) as [
      { file: string; version: string },
      { file: string; version: string },
      { file: string; version: string },
    ];
    const [a, b, c] = await Promise.all([vega, vegaLite, vegaEmbed].map((x) => readFile(x.file, 'utf8')));
    return {
      vega: a!,
      vegaLite: b!,
      vegaEmbed: c!,
      versions: { vega: vega.version, vegaLite: vegaLite.version, vegaEmbed: vegaEmbed.version },
    };
  })().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}
