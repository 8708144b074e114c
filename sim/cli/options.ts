import { Option } from 'commander';
import { InputError } from './errors';

/**
 * A value that is really the next option (`--seed --out x`: commander takes "--out" as the seed): say that the
 * option needs a value, not that "--out" is a bad number.
 */
function missingValue(name: string, v: string, example: string): InputError | null {
  return /^--?[a-z]/i.test(v.trim())
    ? new InputError(`${name} needs a value, got the option "${v}"`, `e.g. ${name} ${example}`)
    : null;
}

/**
 * A whole number written in decimal digits (no "", "0x10", "1e3" or "1.0"), from min to max. A bad value's
 * hint shows the option with `example`.
 */
export function parseIntOption(name: string, min: number, max: number, example = min) {
  return (v: string): number => {
    const missing = missingValue(name, v, String(example));
    if (missing) throw missing;
    const n = /^[-+]?\d+$/.test(v.trim()) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new InputError(
        `${name} must be a whole number from ${min} to ${max}, got "${v}"`,
        `e.g. ${name} ${example}`,
      );
    }
    return n;
  };
}

/** A decimal number (not "" or "0x10"), from min to max. A bad value's hint shows the option with `example`. */
export function parseFloatOption(name: string, min: number, max: number, example: number) {
  return (v: string): number => {
    const missing = missingValue(name, v, String(example));
    if (missing) throw missing;
    const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v.trim()) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n) || n < min || n > max)
      throw new InputError(
        `${name} must be a number from ${min} to ${max}, got "${v}"`,
        `e.g. ${name} ${example}`,
      );
    return n;
  };
}

/** A comma-separated list with at least one item; each item once. */
export function parseList(v: string): string[] {
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) throw new InputError(`expected a comma-separated list, got "${v}"`, 'e.g. a,b,c');
  const twice = items.find((s, i) => items.indexOf(s) !== i);
  if (twice !== undefined)
    throw new InputError(`"${twice}" is listed twice in "${v}"`, 'list each item once');
  return items;
}

/** `--seed <n>`, shared by run, compare and sweep; `what` says what the seed keys. */
export function seedOption(what: string): Option {
  return new Option('--seed <n>', `master seed; ${what} (default: the scenario’s outputs.seed)`).argParser(
    parseIntOption('--seed', 0, 2 ** 31 - 1, 7),
  );
}

/** `--replicates <n>` of compare and sweep. */
export function replicatesOption(what: string): Option {
  return new Option('--replicates <n>', `${what} (default: the scenario’s outputs.replicates)`).argParser(
    parseIntOption('--replicates', 1, 10000, 20),
  );
}

/** `--workers <n>` of compare and sweep. */
export function workersOption(): Option {
  return new Option(
    '--workers <n>',
    'compute threads: this one plus n − 1 worker threads (default: one per core; identical results for any n)',
  ).argParser(parseIntOption('--workers', 1, 64, 2));
}

/** `--scale <f>` of run, compare and sweep. */
export function scaleOption(): Option {
  return new Option('--scale <f>', 'multiply every segment’s agent count')
    .argParser(parseFloatOption('--scale', 0.001, 1000, 0.5))
    .default(1);
}

/** The options compare and sweep share. */
export interface ComparisonCliOptions {
  strategies?: string[];
  baseline?: string;
  replicates?: number;
  seed?: number;
  workers?: number;
  scale: number;
  out?: string;
  quiet?: boolean;
}

/**
 * The command-line words for the options compare and sweep share, as the manifest's `rerun` gives them: seed,
 * replicates, the strategies and baseline as resolved, and the scale when it is not 1.
 */
export function comparisonRerunArgs(
  picked: { strategies: string[]; baseline: string | null },
  replicates: number,
  seed: number,
  scale: number,
): string[] {
  const args = ['--seed', String(seed), '--replicates', String(replicates)];
  args.push('--strategies', picked.strategies.join(','));
  // With no baseline, the same strategies give none again (neither the scenario's nor passive-firefighting).
  if (picked.baseline !== null) args.push('--baseline', picked.baseline);
  if (scale !== 1) args.push('--scale', String(scale));
  return args;
}
