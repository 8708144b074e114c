import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import pkg from '../../package.json';
import type { Scenario } from '../scenario/schema';
import { contentHash } from '../util/fnv';

export const VERSION: string = pkg.version;

/** One shell word: left bare when it is plain, else single-quoted (POSIX shells). */
export function shellWord(arg: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The words of a POSIX shell command line as `shellWord` writes them (its inverse): bare words, single-quoted words (with
 * `'\''` for a quote inside) and backslash escapes, separated by blanks. Throws on an unclosed quote.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed quote at character ${i + 1}`);
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The content hash the manifest records for a file (`scenarioHash`, `edgeListHash`), or "unreadable". */
export function fileHash(file: string): string {
  try {
    return contentHash(readFileSync(file, 'utf8'));
  } catch {
    return 'unreadable';
  }
}

/** The edge-list file a scenario reads (`network.file`, resolved by loadScenario), if any. */
export function edgeListFileOf(scenario: Scenario): string | undefined {
  return scenario.network.kind === 'edge-list' ? scenario.network.file : undefined;
}

/**
 * The run manifest: everything needed to rerun byte-identically (scenario hash, seed, replicates, strategies,
 * options, trustsim and Node versions). No clock readings, so reruns give identical manifests too.
 * `rerun` is a ready command line: the command, the scenario and every option that shapes the outputs
 * (`rerunArgs`, given by the command), so running it writes the same bytes (to the default folder, or add --out).
 */
export function buildManifest(args: {
  command: string;
  scenarioFile: string;
  seed: number;
  /** The first replicate run (run's --replicate); replicates are firstReplicate … firstReplicate + replicates − 1. */
  firstReplicate?: number;
  replicates: number;
  strategies: string[];
  baseline: string | null;
  options: Record<string, unknown>;
  rerunArgs: string[];
  /** The edge list the scenario reads (network.file), hashed beside the scenario. */
  edgeListFile?: string;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  const hash = fileHash(args.scenarioFile);
  // An edge list the scenario names (network.file) shapes the outputs too.
  const edgeFile = args.edgeListFile;
  const first = args.firstReplicate ?? 0;
  const last = first + args.replicates - 1;
  return {
    trustsim: VERSION,
    node: process.version,
    command: args.command,
    scenario: args.scenarioFile,
    scenarioHash: hash,
    ...(edgeFile !== undefined
      ? { edgeListFile: relative(process.cwd(), edgeFile), edgeListHash: fileHash(edgeFile) }
      : {}),
    seed: args.seed,
    replicateSeeds: `replicate r uses streams keyed (seed=${args.seed}, replicate=r), r = ${first === last ? first : `${first}..${last}`}`,
    replicates: args.replicates,
    strategies: args.strategies,
    baseline: args.baseline,
    options: args.options,
    // A path starting with "-" would read as an option: written ./-x.yaml, it names the same file.
    rerun: [
      'trustsim',
      args.command,
      args.scenarioFile.startsWith('-') ? `./${args.scenarioFile}` : args.scenarioFile,
      ...args.rerunArgs,
    ]
      .map(shellWord)
      .join(' '),
    ...(args.extra ?? {}),
  };
}
