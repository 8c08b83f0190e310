/**
 * Buffers of one size kept for reuse once their user is done with them. A
 * RETR or a scan moves megabytes a second through buffers of a few hundred
 * kB; fresh ones each time are garbage outside V8's heap, which it collects
 * only every few tens of megabytes, so the server grew by that much between
 * collections. A few are kept, for the streams that overlap.
 */
export class SpareBuffers {
  readonly #spare: Buffer[] = []

  constructor(
    readonly size: number,
    readonly keep = 2,
  ) {}

  /**
   * A buffer of at least `atLeast` octets: one of `size` (a kept one if there
   * is one); a new one of just `atLeast` when that is more than `size`, or so
   * little (a message of a few kB) that a buffer of `size` would be waste.
   */
  take(atLeast = this.size): Buffer {
    if (atLeast > this.size) return Buffer.allocUnsafeSlow(atLeast)
    if (atLeast < this.size / 4) return Buffer.allocUnsafe(atLeast)
    return this.#spare.pop() ?? Buffer.allocUnsafeSlow(this.size)
  }

  /** `buf`, or a part of it, is no longer used by anyone: if it is one of this size, it is kept whole. */
  give(buf: Buffer): void {
    if (buf.byteOffset !== 0 || buf.buffer.byteLength !== this.size || this.#spare.length >= this.keep) return
    this.#spare.push(buf.length === this.size ? buf : Buffer.from(buf.buffer, 0, this.size))
  }
}
