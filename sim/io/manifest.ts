import { readFileSync } from 'node:fs';
import pkg from '../../package.json';
import { contentHash } from '../util/fnv';

export const VERSION: string = pkg.version;

/**
 * The run manifest: everything needed to rerun byte-identically (scenario hash, seed, replicates, strategies,
 * options, trustsim and Node versions). No clock readings, so reruns give identical manifests too.
 */
export function buildManifest(args: {
  command: string;
  scenarioFile: string;
  seed: number;
  replicates: number;
  strategies: string[];
  baseline: string | null;
  options: Record<string, unknown>;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  let hash = '';
  try {
    hash = contentHash(readFileSync(args.scenarioFile, 'utf8'));
  } catch {
    hash = 'unreadable';
  }
  return {
    trustsim: VERSION,
    node: process.version,
    command: args.command,
    scenario: args.scenarioFile,
    scenarioHash: hash,
    seed: args.seed,
    replicateSeeds: `replicate r uses streams keyed (seed=${args.seed}, replicate=r), r = 0..${args.replicates - 1}`,
    replicates: args.replicates,
    strategies: args.strategies,
    baseline: args.baseline,
    options: args.options,
    rerun: `trustsim ${args.command} ${args.scenarioFile} --seed ${args.seed}${args.command === 'compare' ? ` --replicates ${args.replicates} --strategies ${args.strategies.join(',')}` : ` --strategy ${args.strategies[0]}`}`,
    ...(args.extra ?? {}),
  };
}
