/**
 * Read a scenario file from disk (Node): size guard before reading, UTF-8 decoding (invalid bytes become
 * U+FFFD, which parseScenarioText reports at their line and column), the machine's memory for the memory
 * check, and `network.file` resolved relative to the scenario file.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { totalmem } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../scenario/diagnostics';
import { formatBytes } from '../scenario/estimateMemory';
import { MAX_SCENARIO_BYTES, type ParseResult, parseScenarioText } from '../scenario/parseScenarioText';

export interface LoadOptions {
  /** The --scale of the run, for the memory estimate. Default 1. */
  scale?: number;
  /** Memory to check against; default os.totalmem(). */
  availableBytes?: number;
  /** Default 10 MB. */
  maxBytes?: number;
}

function fileError(file: string, message: string, hint?: string): ParseResult {
  const d: Diagnostic = { file, line: 1, col: 1, path: '(file)', message, severity: 'error' };
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
  const maxBytes = opts.maxBytes ?? MAX_SCENARIO_BYTES;
  let bytes: Buffer;
  try {
    const st = await stat(file);
    if (st.isDirectory()) return fileError(file, 'this is a folder, not a scenario file');
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
    if (code === 'ENOENT') return fileError(file, 'file not found');
    if (code === 'EACCES' || code === 'EPERM') return fileError(file, 'permission denied');
    return fileError(file, `cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (bytes.length > maxBytes) {
    return fileError(
      file,
      `the file is too large (${formatBytes(bytes.length)}; at most ${formatBytes(maxBytes)})`,
    );
  }
  // Non-fatal decoding: invalid UTF-8 becomes U+FFFD, reported with its position. A BOM is dropped.
  const text = new TextDecoder('utf-8').decode(bytes);
  const result = parseScenarioText(text, file, {
    availableBytes: opts.availableBytes ?? totalmem(),
    scale: opts.scale ?? 1,
    maxBytes,
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
