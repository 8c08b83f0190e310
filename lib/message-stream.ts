/**
 * Transforms that a message passes through on its way to the socket, each
 * working chunk by chunk so that a message of any size is streamed with
 * bounded memory:
 *
 *   file bytes → LineEndings (Delivery: CRLF, mboxrd unquoting) → [TopFilter] → DotStuffer → socket
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { Delivery } from './delivery.js'

const LF = 0x0a

/** Delivery as a Transform: a message's stored bytes in, its delivered bytes out. */
export class LineEndings extends Transform {
  readonly #delivery: Delivery

  constructor(opts: { unquoteFrom: boolean }) {
    super()
    this.#delivery = new Delivery({ unquoteFrom: opts.unquoteFrom, emit: bytes => this.push(bytes) })
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.#delivery.write(chunk)
    cb()
  }

  override _flush(cb: TransformCallback): void {
    this.#delivery.end()
    cb()
  }
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
