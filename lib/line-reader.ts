/**
 * Splits the client's byte stream into command lines.
 *
 * A `data` chunk is never a command: it may hold half a line (telnet in
 * character mode sends one byte at a time) or many lines (pipelining,
 * RFC 2449 §6.6). Lines end in CRLF; a bare LF is accepted too, for netcat
 * and scripts.
 *
 * Lines are handed out one at a time, when the session asks for the next:
 * a 64 kB chunk of blank lines is 65,536 lines, and none of them is made
 * before the one before it is answered. The reader holds one chunk and the
 * start of an unfinished line, nothing more.
 */

/** RFC 2449 §4: a command line is at most 255 octets, CRLF included. */
export const MAX_LINE_OCTETS = 255

/**
 * Octets without a line end after which a line is given up. Far beyond any
 * command, yet a client sending an endless line is found out within a few
 * reads instead of being read forever.
 */
export const MAX_UNTERMINATED = 64 * 1024

export interface ReadLine {
  /** The line without its terminator (at most MAX_LINE_OCTETS bytes kept). */
  bytes: Buffer
  /** Octets the client sent for this line, terminator included. */
  octets: number
  /** True when the line was longer than the limit; `bytes` is then cut. */
  tooLong: boolean
  /** True when MAX_UNTERMINATED octets came without a line end; `octets` counts them. */
  endless?: boolean
}

const LF = 0x0a
const CR = 0x0d
const EMPTY = Buffer.alloc(0)

export class LineReader {
  #chunk: Buffer = EMPTY
  #pos = 0
  #parts: Buffer[] = []
  #held = 0
  #dropped = 0
  /** The last byte of the unfinished line, kept or not: a CR here and a NUL next is a line end. */
  #last = -1
  readonly #max: number
  readonly #endless: number

  constructor(max = MAX_LINE_OCTETS, endless = MAX_UNTERMINATED) {
    this.#max = max
    this.#endless = endless
  }

  /** Takes the next chunk. Only once `next()` has used up the last one: the reader holds one chunk at a time. */
  push(chunk: Buffer): void {
    if (this.#pos < this.#chunk.length) throw new Error('LineReader.push: the last chunk still holds lines')
    this.#chunk = chunk
    this.#pos = 0
  }

  /** The next complete line of the chunk, or undefined when it holds no more (the start of the next one is kept). */
  next(): ReadLine | undefined {
    const chunk = this.#chunk
    if (this.#pos >= chunk.length) return undefined
    const end = this.#lineEnd(chunk, this.#pos)
    this.#keep(chunk.subarray(this.#pos, end === -1 ? chunk.length : end))
    if (end !== -1) {
      this.#pos = end + 1
      return this.#finish(1)
    }
    this.#chunk = EMPTY
    this.#pos = 0
    if (this.pending > this.#endless) return { ...this.#finish(0), endless: true }
    return undefined
  }

  /** Where the line ends: an LF, or the NUL of CR NUL (the CR may have come in the last chunk). */
  #lineEnd(chunk: Buffer, from: number): number {
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i]
      if (b === LF) return i
      if (b === 0 && (i > from ? chunk[i - 1] : this.#last) === CR) return i
    }
    return -1
  }

  /** Bytes of an unfinished line waiting for its end. */
  get pending(): number {
    return this.#held + this.#dropped
  }

  // Only the first #max bytes of a line are kept: an endless line costs no memory.
  #keep(part: Buffer): void {
    if (part.length) this.#last = part[part.length - 1]!
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

  #finish(terminator: number): ReadLine {
    let bytes = this.#parts.length === 1 ? this.#parts[0]! : Buffer.concat(this.#parts)
    const octets = this.#held + this.#dropped + terminator
    const tooLong = octets > this.#max
    if (!tooLong && bytes.length && bytes[bytes.length - 1] === CR) {
      bytes = bytes.subarray(0, bytes.length - 1)
    }
    this.#parts = []
    this.#held = 0
    this.#dropped = 0
    this.#last = -1
    return { bytes, octets, tooLong }
  }
}
