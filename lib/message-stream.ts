/**
 * Transforms that a message passes through on its way to the socket, each
 * working chunk by chunk so that a message of any size is streamed with
 * bounded memory:
 *
 *   file bytes → LineEndings (CRLF, mboxrd unquoting) → [TopFilter] → DotStuffer → socket
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream'

const LF = 0x0a
const CR = 0x0d
const GT = 0x3e
const FROM_ = Buffer.from('From ')
const CRLF = Buffer.from('\r\n')

/**
 * The longest run of `>` in front of `From ` that is still unquoted. Longer
 * runs are delivered as they are; the mbox scanner applies the same cap so
 * that sizes always match the bytes sent.
 */
export const QUOTE_RUN_CAP = 1000

/**
 * Whether a line's first bytes are an mboxrd-quoted From line (`>From `,
 * `>>From `, …), which is delivered with one `>` less.
 */
export function isQuotedFrom(head: Buffer): boolean {
  let k = 0
  while (k < head.length && head[k] === GT && k <= QUOTE_RUN_CAP) k++
  if (k === 0 || k > QUOTE_RUN_CAP) return false
  return head.length >= k + 5 && head.subarray(k, k + 5).equals(FROM_)
}

/**
 * Rewrites stored lines as delivered lines: every line ends in CRLF (stored
 * LF or CRLF), a last line without an end gets one, and with `unquoteFrom`
 * (mbox) a `>From ` line loses one `>`. A CR inside a line is kept.
 */
export class LineEndings extends Transform {
  readonly #unquote: boolean
  #head: number[] = [] // bytes at a line start that may still be a quoted From
  #atStart = true // nothing of the current line consumed yet, in head mode
  #lineOpen = false // some byte of the current line consumed
  #pendingCR = false // a CR at a chunk's end, not yet known to end the line

  constructor(opts: { unquoteFrom: boolean }) {
    super()
    this.#unquote = opts.unquoteFrom
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    const out: Buffer[] = []
    let i = 0
    while (i < chunk.length) {
      if (this.#atStart && this.#unquote) {
        const b = chunk[i]!
        if (!this.#classify(b, out)) continue // decided without consuming b
        this.#lineOpen = true
        i++
        continue
      }
      this.#atStart = false
      if (this.#pendingCR) {
        this.#pendingCR = false
        if (chunk[i] !== LF) out.push(Buffer.from([CR]))
      }
      const nl = chunk.indexOf(LF, i)
      if (nl === -1) {
        let end = chunk.length
        if (chunk[end - 1] === CR) {
          this.#pendingCR = true
          end--
        }
        if (end > i) out.push(chunk.subarray(i, end))
        this.#lineOpen = true
        i = chunk.length
      } else {
        const end = nl > i && chunk[nl - 1] === CR ? nl - 1 : nl
        if (end > i) out.push(chunk.subarray(i, end))
        out.push(CRLF)
        this.#lineOpen = false
        this.#atStart = true
        i = nl + 1
      }
    }
    if (out.length) this.push(out.length === 1 ? out[0] : Buffer.concat(out))
    cb()
  }

  /**
   * Head mode: collects `>`s and then `From ` byte by byte. Returns true
   * when `b` was taken into the head, false when the line is decided (the
   * head flushed, quoted or not) and `b` must be read again as line body.
   */
  #classify(b: number, out: Buffer[]): boolean {
    const head = this.#head
    const run = head.length && head[0] === GT ? countRun(head) : 0
    const matched = head.length - run // bytes of "From " matched so far
    if (head.length === 0) {
      if (b === GT) {
        head.push(b)
        return true
      }
    } else if (matched === 0 && b === GT && run < QUOTE_RUN_CAP) {
      head.push(b)
      return true
    } else if (b === FROM_[matched]) {
      head.push(b)
      if (matched + 1 === FROM_.length) {
        out.push(Buffer.from(head.slice(1))) // quoted From: one > less
        this.#head = []
        this.#atStart = false
      }
      return true
    }
    if (head.length) out.push(Buffer.from(head))
    this.#head = []
    this.#atStart = false
    return false
  }

  override _flush(cb: TransformCallback): void {
    const out: Buffer[] = []
    if (this.#head.length) out.push(Buffer.from(this.#head))
    if (this.#pendingCR) out.push(Buffer.from([CR]))
    if (this.#lineOpen || this.#head.length || this.#pendingCR) out.push(CRLF)
    if (out.length) this.push(Buffer.concat(out))
    cb()
  }
}

function countRun(head: number[]): number {
  let k = 0
  while (k < head.length && head[k] === GT) k++
  return k
}

/**
 * A stored message as delivered: `file` (its bytes on disk) through
 * LineEndings. Destroying the result closes the file, so a TOP that stops
 * early or a client that goes away leaves no descriptor open.
 */
export function delivered(file: Readable, opts: { unquoteFrom: boolean }): Readable {
  const decode = new LineEndings(opts)
  file.on('error', err => decode.destroy(err))
  decode.on('close', () => file.destroy())
  return file.pipe(decode)
}

/**
 * TOP n k (RFC 1939 §7): passes a delivered (CRLF) message through up to the
 * blank line that ends the headers, then k more lines, then ends.
 */
export class TopFilter extends Transform {
  #inHeaders = true
  #bodyLeft: number
  #lineLen = 0 // bytes of the current line seen so far (lines may span chunks)
  #done = false

  constructor(bodyLines: number) {
    super()
    this.#bodyLeft = bodyLines
  }

  /** True once everything TOP asked for has passed; the source can stop. */
  get done(): boolean {
    return this.#done
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.#done) return cb()
    let i = 0
    while (i < chunk.length) {
      const nl = chunk.indexOf(LF, i)
      if (nl === -1) {
        this.#lineLen += chunk.length - i
        i = chunk.length
        break
      }
      const len = this.#lineLen + (nl - i)
      this.#lineLen = 0
      i = nl + 1
      if (this.#inHeaders) {
        if (len === 1) this.#inHeaders = false // CRLF alone: the end of the headers
      } else {
        this.#bodyLeft--
      }
      if (!this.#inHeaders && this.#bodyLeft <= 0) {
        this.#done = true
        break
      }
    }
    this.push(chunk.subarray(0, i))
    if (this.#done) this.push(null) // the rest of the message is not needed
    cb()
  }
}

/**
 * Byte-stuffing of a multi-line response (RFC 1939 §3): a line that starts
 * with "." is sent with one more ".". Counts what it passes so that the log
 * can say how many lines were stuffed.
 */
export class DotStuffer extends Transform {
  #lineStart = true
  lines = 0
  stuffed = 0
  octets = 0 // octets before stuffing

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.octets += chunk.length
    const out: Buffer[] = []
    let i = 0
    while (i < chunk.length) {
      if (this.#lineStart && chunk[i] === 0x2e) {
        out.push(Buffer.from('.'))
        this.stuffed++
      }
      const nl = chunk.indexOf(LF, i)
      if (nl === -1) {
        out.push(chunk.subarray(i))
        this.#lineStart = false
        break
      }
      out.push(chunk.subarray(i, nl + 1))
      this.lines++
      this.#lineStart = true
      i = nl + 1
    }
    this.push(out.length === 1 ? out[0] : Buffer.concat(out))
    cb()
  }
}
