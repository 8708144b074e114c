/**
 * A growable edge list in two Int32Arrays (plus an optional Float32Array of weights), for generators
 * and loaders whose edge count is only known in expectation. Capacity doubles when full.
 */
export class EdgeBuffer {
  us: Int32Array;
  vs: Int32Array;
  weights: Float32Array | null;
  count = 0;

  constructor(initialCapacity: number, weighted = false) {
    const cap = Math.max(16, Math.ceil(initialCapacity));
    this.us = new Int32Array(cap);
    this.vs = new Int32Array(cap);
    this.weights = weighted ? new Float32Array(cap) : null;
  }

  push(u: number, v: number): void {
    if (this.count === this.us.length) this.grow();
    this.us[this.count] = u;
    this.vs[this.count] = v;
    this.count++;
  }

  pushWeighted(u: number, v: number, w: number): void {
    if (this.count === this.us.length) this.grow();
    this.us[this.count] = u;
    this.vs[this.count] = v;
    this.weights![this.count] = w;
    this.count++;
  }

  private grow(): void {
    const cap = this.us.length * 2;
    const us = new Int32Array(cap);
    us.set(this.us);
    this.us = us;
    const vs = new Int32Array(cap);
    vs.set(this.vs);
    this.vs = vs;
    if (this.weights !== null) {
      const ws = new Float32Array(cap);
      ws.set(this.weights);
      this.weights = ws;
    }
  }
}
