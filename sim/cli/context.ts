import { SingleBar } from 'cli-progress';

/** Where a command writes: data to `out` (stdout), logs and progress to `err` (stderr). Injected for tests. */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** stderr is a terminal (progress bars only then). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

let pipesGuarded = false;

/** A reader that goes away early (`trustsim schema | head`) is not an error: the files are already written. */
function guardPipes(): void {
  if (pipesGuarded) return;
  pipesGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
}

export function nodeIO(): CliIO {
  guardPipes();
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A progress bar on stderr with an ETA, only on a terminal and without --quiet. NO_COLOR is honoured. */
export function progress(io: CliIO, label: string, quiet: boolean): Progress {
  if (quiet || !io.isTTY) return { update() {}, stop() {} };
  const color = !io.env.NO_COLOR;
  const bar = new SingleBar({
    // The ETA is left open until the first item is done: before that there is no rate to go by.
    format: `${label} [{bar}] {value}/{total} | ETA {etaText}`,
    barCompleteChar: color ? '\u2588' : '#',
    barIncompleteChar: color ? '\u2591' : '-',
    stream: process.stderr,
    // The bar changes no terminal mode, so Ctrl-C (which kills the process before stop() could restore one)
    // leaves the terminal as it was: the cursor stays shown (no ESC[?25l), and the bar clips itself to the
    // terminal's width instead of turning line wrapping off (ESC[?7l).
    hideCursor: false,
    linewrap: true,
    clearOnComplete: true,
  });
  let started = false;
  let t0 = 0;
  return {
    update(done, total) {
      if (!started) {
        t0 = performance.now();
        bar.start(total, 0, { etaText: '…' });
        started = true;
      }
      const seconds = done > 0 ? ((performance.now() - t0) / 1000 / done) * (total - done) : Number.NaN;
      bar.update(done, { etaText: Number.isFinite(seconds) ? formatEta(seconds) : '…' });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** "4s", "1m05s", "1h02m": an ETA at a glance. */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
