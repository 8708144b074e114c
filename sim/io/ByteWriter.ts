/**
 * A growable UTF-8 byte buffer for large text outputs (the CSV tables). Writing bytes straight into one buffer
 * avoids building hundreds of thousands of line strings, joining them into one string of many megabytes and
 * encoding it again on write; raw.csv of a large comparison would also pass V8's limit on string length.
 */
const encoder = new TextEncoder();

export class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  constructor(initialBytes = 1 << 16) {
    this.buf = new Uint8Array(Math.max(16, initialBytes));
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let len = this.buf.length * 2;
    while (len < this.pos + n) len *= 2;
    const next = new Uint8Array(len);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** Appends text as UTF-8 (an ASCII fast path; anything else goes through TextEncoder). */
  text(s: string): void {
    const n = s.length;
    this.reserve(3 * n); // UTF-8 takes at most 3 bytes per UTF-16 code unit
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        p += encoder.encodeInto(s.slice(i), buf.subarray(p)).written;
        break;
      }
      buf[p++] = c;
    }
    this.pos = p;
  }

  /** Appends one ASCII character given by its code (a separator or newline). */
  char(code: number): void {
    this.reserve(1);
    this.buf[this.pos++] = code;
  }

  get length(): number {
    return this.pos;
  }

  /** The bytes written so far (a view; later writes may reallocate the buffer). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}
