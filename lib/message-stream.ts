/**
 * A message on its way to the socket, in one pass chunk by chunk so that a
 * message of any size is streamed with bounded memory:
 *
 *   file bytes → LineEndings (Delivery: CRLF, mboxrd unquoting, and on the
 *   wire dot-stuffing and TOP's cut, counted for the log) → socket
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { Delivery } from './delivery.js'
import { SpareBuffers } from './spare-buffers.js'

/** What the log says of a body sent: lines, octets before stuffing, lines stuffed. */
export interface BodyCounts {
  lines: number
  octets: number
  stuffed: number
}

/** The output buffers' least size: a chunk of a file read (256 kB) with room for its CRs. */
export const OUT_SIZE = 320 * 1024

/**
 * A stored message on its way out, as the responder sends it: LineEndings,
 * or WorkerDelivered (lib/worker-delivery.ts) for a large one. `wire()`
 * makes it a response body, `counts` says what was sent once it has ended,
 * and `recycle` takes back a chunk the socket has sent.
 */
export interface DeliveredBody extends Readable {
  wire(top?: number): this
  readonly counts: BodyCounts
  recycle(chunk: Buffer): void
}

export const isDeliveredBody = (stream: Readable): stream is DeliveredBody => typeof (stream as Partial<DeliveredBody>).wire === 'function'

/** A source that can read into a chunk again once its reader is done with it (lib/small-files.ts). */
export interface Recycling {
  recycle(chunk: Buffer): void
}

/**
 * Delivery as a Transform: a message's stored bytes in, its delivered bytes
 * out, or after `wire()` the bytes of a multi-line response body.
 *
 * Given its `source`, it starts reading it only when it is read itself, so
 * that whoever sends it can call `wire()` first, whenever the status line
 * before it is flushed.
 */
export class LineEndings extends Transform implements DeliveredBody {
  readonly #unquote: boolean
  #delivery: Delivery
  #source: Readable | undefined
  readonly #recycle: ((chunk: Buffer) => void) | undefined

  constructor(opts: { unquoteFrom: boolean }, source?: Readable) {
    super()
    this.#unquote = opts.unquoteFrom
    this.#delivery = this.#make()
    this.#source = source
    const recycling = source as Partial<Recycling> | undefined
    if (recycling?.recycle) this.#recycle = chunk => recycling.recycle!(chunk)
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
    return new Delivery({ unquoteFrom: this.#unquote, emit: bytes => this.push(bytes), alloc: this.#alloc, ...opts })
  }

  /** Output buffers handed back by the writer once the socket has sent them, for the next chunks. */
  readonly #spareOut = new SpareBuffers(OUT_SIZE)

  #alloc = (size: number): Buffer => this.#spareOut.take(size)

  /**
   * The writer is done with `chunk`, a chunk this stream gave it (the socket
   * has taken its bytes): if it is one of the output buffers, the next
   * chunks may be made in it.
   */
  recycle(chunk: Buffer): void {
    this.#spareOut.give(chunk)
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
    // a chunk that was copied on its way out may hold the next read of a source that reuses its buffers
    if (!this.#delivery.passedOn) this.#recycle?.(chunk)
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
