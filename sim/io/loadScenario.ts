/**
 * Read a scenario file from disk (Node): size guard before reading, UTF-8 decoding (invalid bytes become
 * U+FFFD, which parseScenarioText reports at their line and column), the machine's memory for the memory
 * check, and `network.file` resolved relative to the scenario file.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  pointLabel,
  SweepInputError,
  type SweepParameter,
  type SweepValue,
  setAtPath,
} from '../experiment/sweep';
import { type Diagnostic, FILE_PATH } from '../scenario/diagnostics';
import { didYouMean } from '../scenario/didYouMean';
import { formatBytes } from '../scenario/estimateMemory';
import {
  MAX_ALIAS_COUNT,
  MAX_SCENARIO_BYTES,
  type ParseResult,
  parseScenarioText,
} from '../scenario/parseScenarioText';
import type { Scenario } from '../scenario/schema';
import { shellWord } from './manifest';

export interface LoadOptions {
  /** The --scale of the run, for the memory estimate. Default 1. */
  scale?: number;
  /** Memory to check against; default os.totalmem(). */
  availableBytes?: number;
  /** Default 10 MB. */
  maxBytes?: number;
}

function fileError(file: string, message: string, hint?: string): LoadFailure {
  const d: Diagnostic = { file, line: 1, col: 1, path: FILE_PATH, message, severity: 'error' };
  if (hint) d.hint = hint;
  return { ok: false, errors: [d], warnings: [] };
}

/** Resolve a path written in the scenario relative to the scenario file. */
export function resolveBeside(scenarioFile: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dirname(resolve(scenarioFile)), path);
}

/**
 * Read and validate a scenario file. Never throws for bad input: every problem is a Diagnostic.
 * On success, an edge-list `network.file` is replaced by its absolute path.
 */
export async function loadScenario(file: string, opts: LoadOptions = {}): Promise<ParseResult> {
  const read = await readScenarioText(file, opts);
  return typeof read === 'string' ? checkText(read, file, opts) : read;
}

/** A failed load: the reasons, as diagnostics. */
type LoadFailure = Extract<ParseResult, { ok: false }>;

const SCENARIO_NAME = /\.(ya?ml|json)$/i;

/** Files that are often given by mistake for a scenario: what they are, and what to do. */
const NOT_A_SCENARIO: Record<string, { what: string; hint?: string }> = {
  '.md': { what: 'a Markdown page (teaching notes?)' },
  '.markdown': { what: 'a Markdown page' },
  '.html': { what: 'a web page (a report?)' },
  '.htm': { what: 'a web page' },
  '.ipynb': { what: 'a Jupyter notebook (a report?)' },
  '.csv': { what: 'a table (an output of trustsim?)' },
  '.svg': { what: 'a chart' },
  '.png': { what: 'an image' },
  '.pdf': { what: 'a PDF document' },
  '.doc': { what: 'a Word document', hint: 'save the scenario as plain text, with a .yaml name' },
  '.docx': { what: 'a Word document', hint: 'save the scenario as plain text, with a .yaml name' },
  '.xlsx': { what: 'a spreadsheet' },
  '.pptx': { what: 'a slide deck' },
  '.zip': { what: 'a zip archive', hint: 'unpack it and give the .yaml file inside' },
};

/** Scenario files (.yaml, .yml, .json) in a folder, sorted; empty when it cannot be read. */
async function scenarioFilesIn(dir: string): Promise<string[]> {
  try {
    // A JSON Schema (scenario.schema.json, written beside scenarios for editors) is no scenario.
    return (await readdir(dir)).filter((f) => SCENARIO_NAME.test(f) && !/\.schema\.json$/i.test(f)).sort();
  } catch {
    return [];
  }
}

/** Why `file` is no scenario file when it is a folder, a file of another kind, or missing; else undefined. */
async function notAScenario(file: string, isDir: boolean | undefined): Promise<LoadFailure | undefined> {
  if (isDir) {
    if (existsSync(join(file, 'manifest.json'))) {
      let scenario: unknown;
      try {
        scenario = (JSON.parse(await readFile(join(file, 'manifest.json'), 'utf8')) as { scenario?: unknown })
          .scenario;
      } catch {
        scenario = undefined;
      }
      return fileError(
        file,
        'this is a folder, not a scenario file: an output folder trustsim wrote',
        `${typeof scenario === 'string' ? `its scenario was ${scenario}; ` : ''}\`trustsim report ${shellWord(file)}\` rebuilds its report, \`trustsim verify ${shellWord(file)}\` reruns it`,
      );
    }
    const inside = await scenarioFilesIn(file);
    return fileError(
      file,
      'this is a folder, not a scenario file',
      inside.length > 0
        ? `give one of the scenario files in it: ${inside
            .slice(0, 5)
            .map((f) => join(file, f))
            .join(', ')}${inside.length > 5 ? ', …' : ''}`
        : 'give the path of a scenario file (.yaml or .json)',
    );
  }
  if (isDir === undefined) {
    // Missing: a typo in the name, or the folder itself missing.
    const dir = dirname(file);
    if (!existsSync(dir)) return fileError(file, `file not found: the folder ${dir} does not exist`);
    if (!statSync(dir).isDirectory())
      return fileError(file, `file not found: ${dir} is a file, not a folder`);
    const near = didYouMean(basename(file), await scenarioFilesIn(dir));
    return fileError(file, 'file not found', near ? `did you mean ${join(dir, near)}?` : undefined);
  }
  const ext = extname(file).toLowerCase();
  const kind = NOT_A_SCENARIO[ext];
  if (!kind) return undefined;
  const stem = basename(file, extname(file));
  const sibling = (await scenarioFilesIn(dirname(file))).find((f) => f.replace(SCENARIO_NAME, '') === stem);
  return fileError(
    file,
    `this is ${kind.what}, not a scenario file`,
    sibling
      ? `the scenario beside it is ${join(dirname(file), sibling)}`
      : (kind.hint ?? 'a scenario is a YAML or JSON text file (.yaml, .yml or .json)'),
  );
}

/** Whether the bytes are UTF-16 text: a UTF-16 byte-order mark, or a NUL in every other byte of the start. */
function isUtf16(bytes: ArrayLike<number>): boolean {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return true;
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  return even === n / 2 || odd === n / 2;
}

/** The file's text, or a failed load saying why it cannot be read (missing, a folder, too large). */
async function readScenarioText(file: string, opts: LoadOptions): Promise<string | LoadFailure> {
  const maxBytes = opts.maxBytes ?? MAX_SCENARIO_BYTES;
  let bytes: Buffer;
  try {
    const st = await stat(file);
    const wrongKind = await notAScenario(file, st.isDirectory());
    if (wrongKind) return wrongKind;
    if (st.size > maxBytes) {
      return fileError(
        file,
        `the file is too large (${formatBytes(st.size)}; at most ${formatBytes(maxBytes)})`,
        'a scenario is a short YAML file; put large edge lists in network.file',
      );
    }
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return (await notAScenario(file, undefined))!;
    if (code === 'EACCES' || code === 'EPERM') return fileError(file, 'permission denied');
    return fileError(file, `cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (bytes.length > maxBytes) {
    return fileError(
      file,
      `the file is too large (${formatBytes(bytes.length)}; at most ${formatBytes(maxBytes)})`,
    );
  }
  if (isUtf16(bytes)) {
    return fileError(
      file,
      'the file is saved as UTF-16 (“Unicode” in Windows Notepad), not UTF-8',
      'save it again with the encoding UTF-8 (Notepad: File › Save as › Encoding: UTF-8)',
    );
  }
  // Non-fatal decoding: invalid UTF-8 becomes U+FFFD, reported with its position. A BOM is dropped.
  return new TextDecoder('utf-8').decode(bytes);
}

/** Validates scenario text read from `file` (or made from it), resolving `network.file` beside the file. */
function checkText(text: string, file: string, opts: LoadOptions): ParseResult {
  const result = parseScenarioText(text, file, {
    availableBytes: opts.availableBytes ?? totalmem(),
    scale: opts.scale ?? 1,
    maxBytes: opts.maxBytes ?? MAX_SCENARIO_BYTES,
    fileExists: (p) => {
      try {
        const full = resolveBeside(file, p);
        return existsSync(full) && statSync(full).isFile();
      } catch {
        return false;
      }
    },
  });
  if (
    result.ok &&
    result.scenario.network.kind === 'edge-list' &&
    result.scenario.network.file !== undefined
  ) {
    result.scenario.network.file = resolveBeside(file, result.scenario.network.file);
  }
  return result;
}

export type SweepLoadResult =
  | { ok: true; scenarios: Scenario[]; warnings: Diagnostic[] }
  | {
      ok: false;
      /** Problems of the file itself, at their line and column. */
      errors: Diagnostic[];
      /** Problems a `--set` value brings: "--set key=value: message (at path) — hint". */
      setProblems: string[];
      warnings: Diagnostic[];
    };

/**
 * The scenario of every sweep point: the file is checked as it is first (its problems are reported at their
 * line and column), then each point's values are set in the file's contents (`setAtPath`) and the result is
 * checked again. A problem that a value brings is reported against the `--set` values that gave it, with the
 * path and the schema's message and hint (the changed contents have no line in the file).
 */
export async function loadSweepScenarios(
  file: string,
  params: SweepParameter[],
  grid: SweepValue[][],
  opts: LoadOptions = {},
): Promise<SweepLoadResult> {
  // The file is read once: checked as it is, then its contents are what each point's values are set in.
  const text = await readScenarioText(file, opts);
  if (typeof text !== 'string') return { ...text, setProblems: [] };
  const base = checkText(text, file, opts);
  if (!base.ok) return { ...base, setProblems: [] };
  const raw = parse(text, { strict: true, maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  const scenarios: Scenario[] = [];
  const problems: string[] = [];
  const fail = (setProblems: string[]): SweepLoadResult => ({
    ok: false,
    errors: [],
    setProblems,
    warnings: base.warnings,
  });
  for (const point of grid) {
    let edited: unknown = raw;
    try {
      params.forEach((p, i) => {
        edited = setAtPath(edited, p.key, point[i]);
      });
    } catch (e) {
      if (!(e instanceof SweepInputError)) throw e;
      return fail([`${e.message}${e.hint ? ` — ${e.hint}` : ''}`]);
    }
    const res = checkText(JSON.stringify(edited), file, opts);
    if (res.ok) {
      scenarios.push(res.scenario);
      continue;
    }
    for (const d of res.errors) {
      const line = `--set ${pointLabel(params, point)}: ${d.message} (at ${d.path})${d.hint ? ` — ${d.hint}` : ''}`;
      if (!problems.includes(line)) problems.push(line);
    }
  }
  return problems.length > 0 ? fail(problems) : { ok: true, scenarios, warnings: base.warnings };
}
