/**
 * The CLI's help, errors on unknown commands and options, `schema` and `list`, run in-process through
 * runCli (commander's exitOverride + configureOutput) with a capturing io.
 */
import { describe, expect, it } from 'vitest';
import { cli, FLAGSHIP, stackLines } from '../helpers/cli';

const COMMANDS = ['validate', 'run', 'compare', 'sweep', 'report', 'list', 'schema', 'init', 'verify'];

describe('trustsim --help', () => {
  it('lists every command and shows examples, exit 0, on stdout', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.out).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    expect(r.out).toContain('trustsim validate scenarios/');
    expect(r.out).toContain('trustsim compare ');
    expect(r.out).toMatch(/Exit codes: 0 ok, 2 bad input/);
    expect(r.err).toBe('');
  });

  it.each(COMMANDS)('`%s --help` has an Examples section naming the command', async (c) => {
    const r = await cli(c, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Examples?:$/m);
    expect(r.out).toContain(`trustsim ${c}`);
    expect(r.out).toMatch(new RegExp(`^Usage: trustsim ${c}\\b`, 'm'));
  });

  it('`help <command>` works too', async () => {
    const r = await cli('help', 'run');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--strategy <id>');
  });

  it('--version prints the version', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('bad command lines exit 2 with a message on stderr and no stack trace', () => {
  it.each([
    ['an unknown command', ['nope'], /unknown command 'nope'/],
    ['an unknown command asked for help', ['comapre', '--help'], /unknown command 'comapre'[\s\S]*compare/],
    ['an unknown option', ['run', FLAGSHIP, '--nope'], /unknown option '--nope'/],
    [
      'an unknown option of compare',
      ['compare', FLAGSHIP, '--replicate', '3'],
      /unknown option '--replicate'/,
    ],
    ['a missing argument', ['run'], /missing required argument 'scenario'/],
    ['a bad --seed', ['run', FLAGSHIP, '--seed', 'x'], /--seed must be a whole number/],
    ['a bad --scale', ['run', FLAGSHIP, '--scale', '0'], /--scale must be a number from/],
    [
      'a bad --replicates',
      ['compare', FLAGSHIP, '--replicates', '-1'],
      /--replicates must be a whole number/,
    ],
    ['a bad --format', ['run', FLAGSHIP, '--format', 'xml'], /--format takes csv and\/or json/],
    ['an empty --format', ['run', FLAGSHIP, '--format', ''], /expected a comma-separated list, got ""/],
    [
      'an empty --seed',
      ['run', FLAGSHIP, '--seed', ''],
      /--seed must be a whole number from 0 to 2147483647, got ""/,
    ],
    ['a hexadecimal --seed', ['compare', FLAGSHIP, '--seed', '0x10'], /--seed must be a whole number/],
    ['a --seed in exponent form', ['compare', FLAGSHIP, '--seed', '1e3'], /--seed must be a whole number/],
    ['an empty --scale', ['run', FLAGSHIP, '--scale', ' '], /--scale must be a number from/],
    ['an empty --strategies', ['compare', FLAGSHIP, '--strategies', ','], /expected a comma-separated list/],
    [
      'a misspelt --strategy',
      ['run', FLAGSHIP, '--strategy', 'slience'],
      /unknown strategy "slience" \(did you mean "silence"\?\)/,
    ],
    [
      'a misspelt id in --strategies',
      ['compare', FLAGSHIP, '--strategies', 'silence,donation-spn'],
      /did you mean "donation-spin"/,
    ],
    [
      'a strategy listed twice',
      ['compare', FLAGSHIP, '--strategies', 'silence,silence'],
      /"silence" is listed twice/,
    ],
  ])('%s', async (_, argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
    expect(stackLines(r.err)).toEqual([]);
  });
});

describe('a bad option value says how to write it', () => {
  it.each([
    [
      ['compare', FLAGSHIP, '--replicates', '0'],
      '--replicates must be a whole number from 1 to 10000, got "0"',
      'e.g. --replicates 20',
    ],
    [
      ['compare', FLAGSHIP, '--replicates', '1.5'],
      '--replicates must be a whole number from 1 to 10000, got "1.5"',
      'e.g. --replicates 20',
    ],
    [
      ['sweep', FLAGSHIP, '--replicates', 'abc'],
      '--replicates must be a whole number from 1 to 10000, got "abc"',
      'e.g. --replicates 20',
    ],
    [
      ['compare', FLAGSHIP, '--workers', '0'],
      '--workers must be a whole number from 1 to 64, got "0"',
      'e.g. --workers 2',
    ],
    [
      ['compare', FLAGSHIP, '--workers', '99'],
      '--workers must be a whole number from 1 to 64, got "99"',
      'e.g. --workers 2',
    ],
    [
      ['run', FLAGSHIP, '--seed', '99999999999'],
      '--seed must be a whole number from 0 to 2147483647, got "99999999999"',
      'e.g. --seed 7',
    ],
    [
      ['run', FLAGSHIP, '--replicate', '-1'],
      '--replicate must be a whole number from 0',
      'e.g. --replicate 3',
    ],
    [['run', FLAGSHIP, '--scale', 'big'], '--scale must be a number from 0.001 to 1000', 'e.g. --scale 0.5'],
    [
      ['compare', FLAGSHIP, '--ci-width', '2'],
      '--ci-width must be a number from 0 to 1',
      'e.g. --ci-width 0.01',
    ],
    [
      ['run', FLAGSHIP, '--format', 'xml'],
      '--format takes csv and/or json',
      'e.g. --format csv or --format csv,json',
    ],
    [
      ['compare', FLAGSHIP, '--strategies', 'silence,silence'],
      '"silence" is listed twice',
      'list each item once',
    ],
    // The value forgotten, so that commander takes the next option as the value.
    [
      ['compare', FLAGSHIP, '--seed', '--out', 'x'],
      '--seed needs a value, got the option "--out"',
      'e.g. --seed 7',
    ],
    [['run', FLAGSHIP, '--scale', '-q'], '--scale needs a value, got the option "-q"', 'e.g. --scale 0.5'],
  ])('%j', async (argv, message, hint) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`error: ${message}`);
    expect(r.err).toMatch(new RegExp(`^hint: ${hint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(r.out).toBe('');
    expect(stackLines(r.err)).toEqual([]);
  });
});

describe('trustsim schema', () => {
  it('prints a JSON Schema that parses', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as Record<string, unknown>;
    expect(typeof schema.$schema).toBe('string');
    expect(String(schema.$schema)).toMatch(/json-schema\.org/);
    expect(JSON.stringify(schema)).toContain('strategies');
  });
});

describe('trustsim list', () => {
  it('prints the flagship’s strategies, incidents and segments', async () => {
    const r = await cli('list', FLAGSHIP);
    expect(r.code).toBe(0);
    for (const heading of ['strategies:', 'incidents:', 'segments (real people / agents):'])
      expect(r.out).toContain(heading);
    for (const id of [
      'passive-firefighting',
      'silence',
      'fair-compensation',
      'honour-and-apologise',
      'donation-spin',
      'proactive-prevention',
      'voucher-only',
    ])
      expect(r.out).toMatch(new RegExp(`^\\s+${id}\\s`, 'm'));
    for (const id of ['hood', 'deposit', 'fridge'])
      expect(r.out).toMatch(new RegExp(`^\\s+${id}\\s+2025-`, 'm'));
    for (const id of ['fridge-buyers', 'hood-owners', 'deposit-payers', 'fans', 'public'])
      expect(r.out).toMatch(new RegExp(`^\\s+${id}\\s+\\d+ / \\d+`, 'm'));
    expect(r.out).toMatch(/hood-owners\s+327 \/ 327/);
  });

  it('on a missing file: exit 2, the file named on stderr, nothing on stdout', async () => {
    const r = await cli('list', '/nonexistent/nope.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('nope.yaml');
    expect(r.out).toBe('');
    expect(stackLines(r.err)).toEqual([]);
  });
});

describe('trustsim with a reader that stops early', () => {
  it('`trustsim schema | head -c 20` exits 0 without an EPIPE trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { ROOT, ensureWorkerBuilt } = await import('../helpers/cli');
    ensureWorkerBuilt();
    const bin = join(ROOT, 'bin/trustsim.mjs');
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${bin}" schema | head -c 20 >/dev/null`],
      { encoding: 'utf8' },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.status).toBe(0);
  }, 60_000);
});
