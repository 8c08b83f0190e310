/**
 * A message on its way to the socket, in one pass chunk by chunk so that a
 * message of any size is streamed with bounded memory:
 *
 *   file bytes → LineEndings (Delivery: CRLF, mboxrd unquoting, and on the
 *   wire dot-stuffing and TOP's cut, counted for the log) → socket
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { Delivery } from './delivery.js'

/** What the log says of a body sent: lines, octets before stuffing, lines stuffed. */
export interface BodyCounts {
  lines: number
  octets: number
  stuffed: number
}

/**
 * Delivery as a Transform: a message's stored bytes in, its delivered bytes
 * out, or after `wire()` the bytes of a multi-line response body.
 *
 * Given its `source`, it starts reading it only when it is read itself, so
 * that whoever sends it can call `wire()` first, whenever the status line
 * before it is flushed.
 */
export class LineEndings extends Transform {
  readonly #unquote: boolean
  #delivery: Delivery
  #source: Readable | undefined

  constructor(opts: { unquoteFrom: boolean }, source?: Readable) {
    super()
    this.#unquote = opts.unquoteFrom
    this.#delivery = this.#make()
    this.#source = source
    if (source) {
      source.on('error', err => this.destroy(err))
      this.on('close', () => source.destroy()) // a TOP that stops early or a client gone leaves no file open
    }
  }

  /**
   * From now on the bytes are those of a response body (RFC 1939 §3):
   * dot-stuffed, and with `top` only the headers and `top` lines (§7).
   * Called before the first read.
   */
  wire(top?: number): this {
    this.#delivery = this.#make({ stuff: true, top })
    return this
  }

  get counts(): BodyCounts {
    const { lines, octets, stuffed } = this.#delivery
    return { lines, octets, stuffed }
  }

  #make(opts: { stuff?: boolean; top?: number } = {}): Delivery {
    return new Delivery({ unquoteFrom: this.#unquote, emit: bytes => this.push(bytes), ...opts })
  }

  override _read(size: number): void {
    const source = this.#source
    if (source) {
      this.#source = undefined
      source.pipe(this)
    }
    super._read(size)
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.#delivery.done) return cb()
    this.#delivery.write(chunk)
    if (this.#delivery.done) this.push(null) // TOP has its lines: the rest of the message is not needed
    cb()
  }

  override _flush(cb: TransformCallback): void {
    this.#delivery.end()
    cb()
  }
}

/** A stored message as delivered: `file` (its bytes on disk) through LineEndings. */
export function delivered(file: Readable, opts: { unquoteFrom: boolean }): LineEndings {
  return new LineEndings(opts, file)
}
