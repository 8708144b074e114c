/**
 * The core is browser-safe and free of ambient nondeterminism: no file under sim/ (except the Node-only
 * sim/io, sim/cli and sim/node) imports a Node built-in (`node:*` or a bare built-in such as fs, path, os,
 * child_process, worker_threads, url, crypto), and none calls Math.random, Date.now, performance.now or
 * `new Date()` without arguments. Comments are ignored; string contents are kept (import specifiers).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const NODE_ONLY = new Set(['io', 'cli', 'node']);
const BUILTINS = new Set([
  ...builtinModules.filter((m) => !m.startsWith('_')),
  'fs',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'url',
  'crypto',
]);

function sources(dir: string, top = true): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return top && NODE_ONLY.has(name) ? [] : sources(p, false);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** The code with comments blanked out and strings kept (a regex literal holding a quote could confuse it; none does). */
function stripComments(code: string): string {
  let out = '';
  let i = 0;
  while (i < code.length) {
    const c = code[i];
    const n = code[i + 1];
    if (c === '/' && n === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && n === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end < 0 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const SPECIFIERS = [
  /\b(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bMath\s*\.\s*random\b/, 'Math.random'],
  [/\bDate\s*\.\s*now\b/, 'Date.now'],
  [/\bperformance\s*\.\s*now\b/, 'performance.now'],
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date()'],
];

/** Problems in one source text. */
function problemsIn(code: string): string[] {
  const text = stripComments(code);
  const out: string[] = [];
  for (const re of SPECIFIERS) {
    for (const m of text.matchAll(re)) {
      const spec = m[1];
      if (spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0])) out.push(`imports ${spec}`);
    }
  }
  for (const [re, name] of FORBIDDEN_CALLS) if (re.test(text)) out.push(`uses ${name}`);
  return out;
}

describe('the scanner', () => {
  it('catches Node imports and clock or random calls, and ignores them in comments', () => {
    expect(problemsIn(`import { readFileSync } from 'node:fs';`)).toEqual(['imports node:fs']);
    expect(problemsIn(`import * as p from "path";`)).toEqual(['imports path']);
    expect(problemsIn(`import { readFile } from 'fs/promises';`)).toEqual(['imports fs/promises']);
    expect(problemsIn(`export { x } from 'crypto';`)).toEqual(['imports crypto']);
    expect(problemsIn(`const w = await import('worker_threads');`)).toEqual(['imports worker_threads']);
    expect(problemsIn(`import type {\n  A,\n} from 'node:url';`)).toEqual(['imports node:url']);
    expect(problemsIn(`const os = require('os');`)).toEqual(['imports os']);
    expect(problemsIn('const x = Math.random();')).toEqual(['uses Math.random']);
    expect(problemsIn('const t = Date.now();')).toEqual(['uses Date.now']);
    expect(problemsIn('const t = performance.now();')).toEqual(['uses performance.now']);
    expect(problemsIn('const d = new Date( );')).toEqual(['uses new Date()']);
    expect(problemsIn('const d = new Date(t);')).toEqual([]);
    expect(problemsIn(`import { z } from 'zod';\nimport { u01 } from '../rng/hash';`)).toEqual([]);
    expect(problemsIn('// never Math.random or Date.now\n/* new Date() */ const x = 1;')).toEqual([]);
    expect(problemsIn(`const s = 'http://example.com'; const r = Math.random();`)).toEqual([
      'uses Math.random',
    ]);
  });
});

describe('sim core is browser-safe (everything but sim/io, sim/cli, sim/node)', () => {
  const files = sources(join(REPO, 'sim'));

  it('scans the whole core', () => {
    const dirs = new Set(files.map((f) => relative(join(REPO, 'sim'), f).split(/[\\/]/)[0]));
    for (const d of [
      'engine',
      'trust',
      'incidents',
      'responses',
      'media',
      'wom',
      'grievance',
      'behaviour',
      'metrics',
    ])
      expect(dirs.has(d)).toBe(true);
    for (const d of NODE_ONLY) expect(dirs.has(d)).toBe(false);
  });

  it.each(files.map((f) => [relative(REPO, f), f]))(
    '%s has no Node imports, Math.random, Date.now, performance.now or new Date()',
    (_, file) => {
      expect(problemsIn(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );
});
