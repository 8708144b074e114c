/** A malformed edge list: `line` and `col` are 1-based and point at the offending token. */
export class EdgeListError extends Error {
  readonly line: number;
  readonly col: number;
  /** The message without the position prefix. */
  readonly reason: string;

  constructor(line: number, col: number, reason: string) {
    super(`line ${line}, col ${col}: ${reason}`);
    this.name = 'EdgeListError';
    this.line = line;
    this.col = col;
    this.reason = reason;
  }
}
