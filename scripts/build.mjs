// Bundles the CLI and the worker for Node (dependencies stay external) and the engine for the browser.
// Runs on `npm ci` (prepare) and before the tests; takes well under a second.
import { build } from 'esbuild';

const common = { bundle: true, sourcemap: false, logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({
    ...common,
    entryPoints: { trustsim: 'sim/cli/main.ts', worker: 'sim/node/worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { 'trustsim-browser': 'sim/browser.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    globalName: 'trustsim',
    target: 'es2022',
  }),
]);
