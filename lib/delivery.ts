/**
 * How stored bytes become the bytes sent on the wire, and how many there
 * are: the one definition that the stream, the maildir sizer and the mbox
 * scanner share, so that a size announced in LIST, STAT or the RETR reply
 * line is always the number of octets that follow it (RFC 1939 §5, §11).
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { OpenFile } from './small-files.js'
import { SpareBuffers } from './spare-buffers.js'

const LF = 0x0a
const CR = 0x0d
const GT = 0x3e
const DOT = 0x2e
const FROM_ = Buffer.from('From ')
const CRLF = Buffer.from('\r\n')
const JUST_LF = Buffer.from('\n')
const NO_HEAD = Buffer.alloc(0)
const READ_SIZE = 1 << 20

/**
 * The longest run of `>` in front of `From ` that is still unquoted. Longer
 * runs are delivered as they are, so that a line of a million `>`s is
 * decided without holding it.
 */
export const QUOTE_RUN_CAP = 1000

/**
 * Called for each complete stored line: where it starts, where the next
 * one starts, its delivered octets (CRLF included), and its first stored
 * bytes (at most `headCap`, the LF left out). `head` is only valid during
 * the call: it may be a view of the chunk being written.
 */
export type LineReport = (start: number, end: number, octets: number, head: Buffer) => void

export interface DeliveryOptions {
  /** mboxrd (mbox only): a line `>…>From ` loses one `>`. */
  unquoteFrom: boolean
  /** Receives the delivered bytes, one Buffer per write (the chunk itself when it needed no change). */
  emit?: (bytes: Buffer) => void
  onLine?: LineReport
  headCap?: number
  /** RFC 1939 §3 byte-stuffing: a line that starts with "." is emitted with one more. */
  stuff?: boolean
  /** TOP n k (RFC 1939 §7): only the headers, the blank line after them, then `top` more lines. */
  top?: number
  /** Where a chunk's output buffer of at least `size` octets comes from (default: a new one). */
  alloc?: (size: number) => Buffer
}

/**
 * Stored bytes in, delivered octets counted (and, given `emit`, the
 * delivered bytes out), chunk by chunk: a line may span chunks and a chunk
 * may hold many lines; memory stays bounded whatever the line length.
 *
 * The rules:
 * - stored bytes are split at LF; a line that ended in LF loses one
 *   trailing CR;
 * - the last line, if it has no LF and is not empty, also loses one
 *   trailing CR (so `abc\r` at the very end is delivered as `abc\r\n`);
 * - a CR anywhere else is kept as data;
 * - with `unquoteFrom` (mboxrd, mbox only) a line `>…>From ` (1 to
 *   QUOTE_RUN_CAP `>`s, then `From `) loses one `>`;
 * - every line is sent followed by CRLF. An empty file is an empty message.
 *
 * With `stuff` and `top` the same single pass also puts the bytes on the
 * wire, so a message crosses memory once. Emitting copies a chunk into one
 * new buffer only when a line in it changes (a CR put before a bare LF, a
 * `>` taken from a quoted From, a "." stuffed); a chunk that needs none of
 * that (a CRLF message without dot lines) is emitted as it came.
 */
export class Delivery {
  /** Delivered octets of the lines completed so far: the whole message after end(). */
  octets = 0
  /** Lines completed so far. */
  lines = 0
  /** Lines that got an extra "." (with `stuff`). */
  stuffed = 0
  /** True once TOP has all it asked for: what is written after is ignored. */
  done = false
  /** The last write emitted its chunk itself, or a part of it, not a copy: the chunk must not be reused. */
  passedOn = false
  readonly #unquote: boolean
  readonly #emit: ((bytes: Buffer) => void) | undefined
  readonly #onLine: LineReport | undefined
  readonly #headCap: number
  readonly #stuff: boolean
  readonly #top: boolean
  readonly #alloc: (size: number) => Buffer
  #inHeaders = true
  #bodyLeft = 0
  #offset = 0 // stored offset of the next byte not yet taken
  #held: Buffer | null = null // a line start that may still turn out a quoted From
  // the open line: begun in an earlier chunk, its LF not yet seen
  #lineStart = -1
  #lineBytes = 0
  #cut = 0 // 1 when it is a quoted From
  #lastCR = false
  #head: Buffer[] = []
  #headLen = 0
  // the chunk being emitted: out[0, o) holds buf[0, copied) as delivered, and
  // out[copied + shift, …) still holds buf[copied, …) as it came (see #upTo)
  #out: Buffer | null = null
  #o = 0
  #copied = 0
  #shift = 0

  constructor(opts: DeliveryOptions) {
    this.#unquote = opts.unquoteFrom
    this.#emit = opts.emit
    this.#onLine = opts.onLine
    this.#headCap = opts.onLine ? (opts.headCap ?? 0) : 0
    this.#stuff = opts.stuff ?? false
    this.#top = opts.top !== undefined
    this.#bodyLeft = opts.top ?? 0
    this.#alloc = opts.alloc ?? Buffer.allocUnsafe
  }

  /** Takes the next stored bytes. `chunk` may be reused once this returns, unless `passedOn` says it was emitted. */
  write(chunk: Buffer): void {
    this.passedOn = false
    if (this.done) return
    let buf = chunk
    if (this.#held) {
      buf = Buffer.concat([this.#held, chunk])
      this.#held = null
    }
    this.#take(buf, false)
  }

  /** The stored bytes are all in: the last line, if it had no LF, is completed. */
  end(): void {
    if (this.done) return
    if (this.#held) {
      const held = this.#held
      this.#held = null
      this.#take(held, true)
    }
    if (this.#lineStart < 0) return
    this.#emit?.(this.#lastCR ? JUST_LF : CRLF)
    this.#completeOpen(this.#offset)
  }

  #take(buf: Buffer, final: boolean): void {
    const base = this.#offset
    const emitting = this.#emit !== undefined
    this.#out = null
    this.#o = 0
    this.#copied = 0
    let taken = buf.length
    let i = 0
    if (this.#lineStart >= 0) {
      const nl = buf.indexOf(LF)
      this.#extend(buf, 0, nl === -1 ? buf.length : nl)
      if (nl === -1) {
        i = buf.length
      } else {
        if (emitting && !this.#lastCR) this.#crlf(buf, nl)
        this.#completeOpen(base + nl + 1)
        i = nl + 1
        if (this.done) taken = i
      }
    }
    while (i < taken) {
      let cut = 0
      const first = buf[i]
      if (first === DOT && this.#stuff) {
        if (emitting) {
          this.#upTo(buf, i)[this.#o++] = DOT
          this.#copied = i // the line's own "." follows
        }
        this.stuffed++
      } else if (first === GT && this.#unquote) {
        const quoted = quotedFromAt(buf, i)
        if (quoted === undefined && !final) {
          this.#held = Buffer.from(buf.subarray(i))
          taken = i
          break
        }
        if (quoted) {
          cut = 1
          if (emitting) {
            this.#upTo(buf, i)
            this.#copied = i + 1 // without its first ">"
          }
        }
      }
      const nl = buf.indexOf(LF, i)
      if (nl === -1) {
        this.#lineStart = base + i
        this.#cut = cut
        this.#extend(buf, i, buf.length)
        break
      }
      const cr = nl > i && buf[nl - 1] === CR
      if (emitting && !cr) this.#crlf(buf, nl)
      const octets = nl - i - (cr ? 1 : 0) - cut + 2
      this.octets += octets
      this.lines++
      this.#onLine?.(base + i, base + nl + 1, octets, this.#headCap ? buf.subarray(i, Math.min(nl, i + this.#headCap)) : NO_HEAD)
      i = nl + 1
      if (this.#top && this.#topDone(octets)) taken = i
    }
    this.#offset = base + taken
    if (emitting && taken > 0) {
      const out = this.#out as Buffer | null // set by #upTo
      if (out === null) {
        this.passedOn = true
        this.#emit!(taken === buf.length ? buf : buf.subarray(0, taken))
      } else {
        this.#moveDown(out, taken)
        this.#emit!(out.subarray(0, this.#o))
      }
      this.#out = null
    }
  }

  /**
   * Emits buf[copied, at) as it is, into the chunk's output buffer; returns
   * that buffer. The first call copies the rest of the chunk to the end of a
   * new buffer in one go; from then on each run of unchanged bytes moves
   * down within it (copyWithin), where a copy from the chunk made a view of
   * it for every line (a third of a RETR's time). What is added (a CR, a ".")
   * is at most `shift` octets, so the bytes written never reach those not
   * yet moved.
   */
  #upTo(buf: Buffer, at: number): Buffer {
    let out = this.#out
    if (out === null) {
      this.#shift = 2 * countLF(buf, at) + 2
      out = this.#out = this.#alloc(buf.length + this.#shift)
      buf.copy(out, this.#copied + this.#shift, this.#copied)
    }
    this.#moveDown(out, at)
    return out
  }

  /** Emits what is left of buf[copied, at), from where #upTo put it in `out`. */
  #moveDown(out: Buffer, at: number): void {
    if (at <= this.#copied) return
    out.copyWithin(this.#o, this.#copied + this.#shift, at + this.#shift)
    this.#o += at - this.#copied
    this.#copied = at
  }

  /** The LF at `nl` goes out as CRLF. */
  #crlf(buf: Buffer, nl: number): void {
    const out = this.#upTo(buf, nl)
    out[this.#o++] = CR
    out[this.#o++] = LF
    this.#copied = nl + 1
  }

  /** TOP: counts the line just completed; true when it was the last one wanted. */
  #topDone(octets: number): boolean {
    if (this.#inHeaders) {
      if (octets === 2) this.#inHeaders = false // CRLF alone: the end of the headers
    } else {
      this.#bodyLeft--
    }
    if (this.#inHeaders || this.#bodyLeft > 0) return false
    this.done = true
    return true
  }

  /** Adds buf[from, to) to the open line. */
  #extend(buf: Buffer, from: number, to: number): void {
    if (to === from) return
    this.#lineBytes += to - from
    this.#lastCR = buf[to - 1] === CR
    const keep = Math.min(to - from, this.#headCap - this.#headLen)
    if (keep > 0) {
      this.#head.push(Buffer.from(buf.subarray(from, from + keep)))
      this.#headLen += keep
    }
  }

  #completeOpen(end: number): void {
    const octets = this.#lineBytes - (this.#lastCR ? 1 : 0) - this.#cut + 2
    this.octets += octets
    this.lines++
    this.#onLine?.(this.#lineStart, end, octets, this.#head.length === 1 ? this.#head[0]! : Buffer.concat(this.#head))
    this.#lineStart = -1
    this.#lineBytes = 0
    this.#cut = 0
    this.#lastCR = false
    this.#head = []
    this.#headLen = 0
    if (this.#top) this.#topDone(octets)
  }
}

/**
 * Whether the line starting at `i` with a `>` is a quoted From; undefined
 * when `buf` ends before that is known.
 */
function quotedFromAt(buf: Buffer, i: number): boolean | undefined {
  let j = i
  while (j < buf.length && buf[j] === GT && j - i <= QUOTE_RUN_CAP) j++
  if (j - i > QUOTE_RUN_CAP) return false
  for (let k = 0; k < FROM_.length; k++, j++) {
    if (j === buf.length) return undefined
    if (buf[j] !== FROM_[k]) return false
  }
  return true
}

/**
 * The most the chunk can grow from `from` on: a CR before each LF, a "." after
 * it, and one "." at `from`. Counting first keeps the buffer the size it is
 * filled to, so the garbage a RETR leaves is about what it sent.
 */
function countLF(buf: Buffer, from: number): number {
  let n = 0
  for (let i = buf.indexOf(LF, from); i !== -1; i = buf.indexOf(LF, i + 1)) n++
  return n
}

/** Read this much, a file read at once lets the other sessions have their turn (lib/small-files.ts). */
const YIELD_EVERY = 1 << 20

/** Read buffers of readThrough, kept for the next scan: a login scans a maildrop of a few kB. */
const readBuffers = new SpareBuffers(READ_SIZE, 4)

/**
 * Feeds a whole file through `d`, in reads into one reused buffer (so `d`
 * must not emit), and ends it. Returns the bytes read.
 */
export async function readThrough(fh: Pick<OpenFile, 'read'>, d: Delivery): Promise<number> {
  const buf = readBuffers.take()
  try {
    let offset = 0
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, READ_SIZE, offset)
      if (bytesRead === 0) break
      d.write(buf.subarray(0, bytesRead))
      offset += bytesRead
      if (offset % YIELD_EVERY < bytesRead) await nextTurn()
    }
    d.end()
    return offset
  } finally {
    readBuffers.give(buf)
  }
}
