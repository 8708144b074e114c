#!/usr/bin/env node
// The `trustsim` command: runs the bundled CLI (built by `npm ci` / `npm run build` into dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/trustsim.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    'trustsim: dist/trustsim.mjs is missing; run `npm run build` (npm ci does it for you)\n',
  );
  process.exit(1);
}
globalThis.__TRUSTSIM_BIN__ = true;
await import(bundle.href);
