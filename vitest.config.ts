import { defineConfig } from 'vitest/config';

// VITEST_JSON=<file> adds vitest's JSON reporter; .ci/run derives its closing "N passed, N failed" line from it.
const json = process.env.VITEST_JSON;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    reporters: json ? ['default', ['json', { outputFile: json }]] : ['default'],
  },
});
