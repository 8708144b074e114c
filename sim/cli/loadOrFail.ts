import { readFile } from 'node:fs/promises';
import { loadScenario } from '../io/loadScenario';
import { formatDiagnostic } from '../scenario/diagnostics';
import type { Scenario } from '../scenario/schema';
import type { CliIO } from './context';
import { InputError } from './errors';

/** Load and validate a scenario; print every diagnostic to stderr and throw InputError (exit 2) when invalid. */
export async function loadOrFail(file: string, io: CliIO, scale = 1): Promise<Scenario> {
  const res = await loadScenario(file, { scale });
  for (const w of res.warnings) io.err(`${formatDiagnostic(w)}\n`);
  if (!res.ok) {
    for (const e of res.errors) io.err(`${formatDiagnostic(e)}\n`);
    const n = res.errors.length;
    throw new InputError(`${file}: ${n} problem${n === 1 ? '' : 's'}; nothing was run or written`);
  }
  const sc = res.scenario;
  if (sc.network.kind === 'edge-list' && sc.network.file !== undefined && sc.network.edges === undefined) {
    try {
      sc.network.edges = await readFile(sc.network.file, 'utf8');
    } catch (e) {
      throw new InputError(`${sc.network.file}: cannot read the edge list (${(e as Error).message})`);
    }
  }
  return sc;
}
