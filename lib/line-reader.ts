/**
 * Splits the client's byte stream into command lines.
 *
 * A `data` chunk is never a command: it may hold half a line (telnet in
 * character mode sends one byte at a time) or many lines (pipelining,
 * RFC 2449 §6.6). Lines end in CRLF; a bare LF is accepted too, for netcat
 * and scripts.
 */

/** RFC 2449 §4: a command line is at most 255 octets, CRLF included. */
export const MAX_LINE_OCTETS = 255

export interface ReadLine {
  /** The line without its terminator (at most MAX_LINE_OCTETS bytes kept). */
  bytes: Buffer
  /** Octets the client sent for this line, terminator included. */
  octets: number
  /** True when the line was longer than the limit; `bytes` is then cut. */
  tooLong: boolean
}

const LF = 0x0a
const CR = 0x0d

export class LineReader {
  #parts: Buffer[] = []
  #held = 0
  #dropped = 0
  readonly #max: number

  constructor(max = MAX_LINE_OCTETS) {
    this.#max = max
  }

  /** Feeds a chunk and returns the lines it completed, in order. */
  push(chunk: Buffer): ReadLine[] {
    const lines: ReadLine[] = []
    let start = 0
    while (start < chunk.length) {
      const end = this.#lineEnd(chunk, start)
      this.#keep(chunk.subarray(start, end === -1 ? chunk.length : end))
      if (end === -1) break
      lines.push(this.#finish())
      start = end + 1
    }
    return lines
  }

  /** Where the line ends: an LF, or the NUL of CR NUL (the CR may have come in the last chunk). */
  #lineEnd(chunk: Buffer, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i]
      if (b === LF) return i
      if (b === 0 && (i > from ? chunk[i - 1] === CR : this.#lastByte() === CR)) return i
    }
    return -1
  }

  #lastByte(): number {
    const last = this.#parts[this.#parts.length - 1]
    return last && !this.#dropped ? last[last.length - 1]! : -1
  }

  /** Bytes of an unfinished line waiting for its end. */
  get pending(): number {
    return this.#held + this.#dropped
  }

  // Only the first #max bytes of a line are kept: an endless line costs no memory.
  #keep(part: Buffer): void {
    const room = Math.max(0, this.#max - this.#held)
    if (part.length > room) {
      this.#dropped += part.length - room
      part = part.subarray(0, room)
    }
    if (part.length) {
      this.#parts.push(Buffer.from(part))
      this.#held += part.length
    }
  }

  #finish(): ReadLine {
    let bytes = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts)
    const octets = this.#held + this.#dropped + 1
    const tooLong = octets > this.#max
    if (!tooLong && bytes.length && bytes[bytes.length - 1] === CR) {
      bytes = bytes.subarray(0, bytes.length - 1)
    }
    this.#parts = []
    this.#held = 0
    this.#dropped = 0
    return { bytes, octets, tooLong }
  }
}
