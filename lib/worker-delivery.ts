/**
 * Large messages delivered by a worker thread (lib/convert-worker.ts): it
 * reads the stored bytes and converts them, while the main thread only
 * writes them on the socket. Profiled on two cores, reading and converting
 * were some 40 % of the main thread's time in RETRs of 1 MiB messages, and
 * that thread is every session's; with the worker, 10 clients' RETRs went
 * from about 160-220 to 340-390 MB/s. Small messages stay on the main
 * thread, where a round trip to the worker would cost more than their
 * conversion.
 */
import { close } from 'node:fs'
import { createRequire } from 'node:module'
import { Readable } from 'node:stream'
import type { Worker } from 'node:worker_threads'
import type { FromWorker, ToWorker } from './convert-worker.js'
import type { BodyCounts, DeliveredBody } from './message-stream.js'
import { StoreError } from './store/types.js'

/** Messages this large or larger are delivered by the worker. */
export const WORKER_MIN = 512 * 1024

/** Chunks a job may send ahead of its reader: one being written, one ready. */
const CREDIT = 2

let worker: Worker | undefined
let nextId = 1
const readers = new Map<number, WorkerDelivered>()

/** A reader waits for the worker: the process stays up for it (a tool with nothing else to wait for would exit mid-message). */
function track(id: number, reader: WorkerDelivered): void {
  readers.set(id, reader)
  if (readers.size === 1) worker?.ref()
}

/** A reader is done: an idle worker does not keep the process up. */
function untrack(id: number): boolean {
  const had = readers.delete(id)
  if (had && readers.size === 0) worker?.unref()
  return had
}

function post(m: ToWorker, transfer?: ArrayBuffer[]): void {
  started().postMessage(m, transfer)
}

function started(): Worker {
  if (worker) return worker
  // loaded at the first large message, not at start-up (some 5 ms)
  const { Worker } = createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')
  const w = new Worker(new URL('./convert-worker.js', import.meta.url))
  w.on('message', (m: FromWorker) => readers.get(m.id)?.hear(m))
  // a worker that fails takes its messages with it: their readers get the error, and the next RETR a new worker
  const lost = (reason: string): void => {
    if (worker === w) worker = undefined
    for (const r of [...readers.values()]) r.fail(reason, true)
  }
  w.on('error', err => lost((err as NodeJS.ErrnoException).code ?? err.message))
  w.on('exit', code => lost(`ERR_WORKER_EXIT ${code}`))
  w.unref() // held only while a reader waits (track); after the listeners, since adding one would hold it again
  worker = w
  return w
}

/**
 * The bytes of `path` from `start` up to `end`, delivered as LineEndings
 * delivers them (`wire()` for a response body), converted by the worker.
 */
export class WorkerDelivered extends Readable implements DeliveredBody {
  readonly #id = nextId++
  readonly #path: string
  readonly #start: number
  readonly #end: number
  readonly #unquote: boolean
  #stuff = false
  #top: number | undefined
  #begun = false
  #counts: BodyCounts = { lines: 0, octets: 0, stuffed: 0 }
  /** The file, already open: this reader's until the job starts, then the worker's, which closes it. */
  #fd: number | undefined
  #handed: number | undefined

  /** `fd`, when given, is the file already open (the worker reads it rather than open `path`, which may have moved). */
  constructor(path: string, start: number, end: number, opts: { unquoteFrom: boolean; fd?: number }) {
    super()
    this.#path = path
    this.#start = start
    this.#end = end
    this.#unquote = opts.unquoteFrom
    this.#fd = opts.fd
  }

  /** From now on the bytes are those of a response body: dot-stuffed, and with `top` cut (LineEndings.wire). */
  wire(top?: number): this {
    this.#stuff = true
    this.#top = top
    return this
  }

  get counts(): BodyCounts {
    return this.#counts
  }

  /** The socket has sent `chunk`: its buffer goes back to the worker, to be filled again. */
  recycle(chunk: Buffer): void {
    const ab = chunk.buffer as ArrayBuffer
    if (worker && ab.byteLength > 0 && !this.destroyed) post({ t: 'give', buf: ab }, [ab])
  }

  override _read(): void {
    if (this.#begun) return post({ t: 'more', id: this.#id })
    this.#begun = true
    post({ t: 'start', id: this.#id, path: this.#path, fd: this.#fd, start: this.#start, end: this.#end, unquoteFrom: this.#unquote, stuff: this.#stuff, top: this.#top, credit: CREDIT })
    this.#handed = this.#fd
    this.#fd = undefined
    track(this.#id, this)
  }

  /** The file could not be read, or the worker is gone (`workerGone`: the file it was given is closed here): an error as a store's, with its reason (an errno code). */
  fail(reason: string, workerGone = false): void {
    if (workerGone && this.#handed !== undefined) close(this.#handed, () => {})
    this.#handed = undefined
    untrack(this.#id)
    this.destroy(new StoreError('EMAILDROP', 'store.unreadable', { path: this.#path, reason }))
  }

  /** A message from the worker about this reader. */
  hear(m: FromWorker): void {
    if (m.t === 'chunk') {
      this.push(Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength))
    } else if (m.t === 'end') {
      this.#counts = { lines: m.lines, octets: m.octets, stuffed: m.stuffed }
      untrack(this.#id)
      this.push(null)
    } else {
      this.fail(m.code ?? m.message)
    }
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (this.#fd !== undefined) close(this.#fd, () => {}) // never started: the file is still this reader's
    this.#fd = undefined
    if (untrack(this.#id) && worker) post({ t: 'stop', id: this.#id })
    cb(err)
  }
}
