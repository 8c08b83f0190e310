/**
 * The worker thread that reads large stored messages and puts them into
 * their delivered form (Delivery: CRLF, mboxrd unquoting, dot-stuffing,
 * TOP's cut), so that the main thread only writes the result on the socket.
 * lib/worker-delivery.ts is the other side; the messages between the two:
 *
 *   main → worker  start {id, path, fd?, start, end, unquoteFrom, stuff, top, credit}: fd, when
 *                  given, is the file already open, and the job's to close
 *                  more {id}: one more chunk may be sent
 *                  stop {id}: the reader is gone (a client that left, a TOP done)
 *                  give {buf}: an output buffer the socket has sent, to fill again
 *   worker → main  chunk {id, buf}: the next delivered bytes (the buffer is moved, not copied)
 *                  end {id, lines, octets, stuffed}
 *                  error {id, code, message}
 *
 * A job sends at most its credit of chunks ahead of its reader, so a client
 * that reads slowly costs a few chunks of memory, whatever the message's size.
 */
import * as fs from 'node:fs'
import { parentPort } from 'node:worker_threads'
import { Delivery } from './delivery.js'
import { OUT_SIZE } from './message-stream.js'
import { STREAM_CHUNK } from './small-files.js'
import { SpareBuffers } from './spare-buffers.js'

export type ToWorker =
  | { t: 'start'; id: number; path: string; fd?: number; start: number; end: number; unquoteFrom: boolean; stuff: boolean; top?: number; credit: number }
  | { t: 'more'; id: number }
  | { t: 'stop'; id: number }
  | { t: 'give'; buf: ArrayBuffer }

export type FromWorker =
  | { t: 'chunk'; id: number; buf: Uint8Array }
  | { t: 'end'; id: number; lines: number; octets: number; stuffed: number }
  | { t: 'error'; id: number; code?: string; message: string }

interface Job {
  id: number
  fd: number
  pos: number
  end: number
  d: Delivery
  credit: number
  /** Delivered bytes waiting for credit. */
  out: Uint8Array[]
  finished: boolean
}

const port = parentPort!
const jobs = new Map<number, Job>()
/** Output buffers, given back by the main thread once the socket has sent them: as many as a few dozen jobs use at once. */
const outBuffers = new SpareBuffers(OUT_SIZE, 32)
/** The buffers of this worker that own their memory (not a slice of Node's pool): only these are moved to the main thread; other bytes are copied. */
const ours = new WeakSet<ArrayBuffer>()

function owned(buf: Buffer): Buffer {
  if (buf.byteOffset === 0 && buf.buffer.byteLength === buf.length) ours.add(buf.buffer as ArrayBuffer)
  return buf
}

const alloc = (size: number): Buffer => owned(outBuffers.take(size))
let readBuf = owned(Buffer.allocUnsafeSlow(STREAM_CHUNK))

port.on('message', (m: ToWorker) => {
  switch (m.t) {
    case 'start':
      return start(m)
    case 'more': {
      const job = jobs.get(m.id)
      if (job) {
        job.credit++
        pump(job)
      }
      return
    }
    case 'stop': {
      const job = jobs.get(m.id)
      if (job) finish(job)
      return
    }
    case 'give':
      outBuffers.give(Buffer.from(m.buf))
  }
})

function start(m: Extract<ToWorker, { t: 'start' }>): void {
  let fd: number
  try {
    fd = m.fd ?? fs.openSync(m.path, 'r') // a file the main thread opened is this job's from now on, closed by finish
  } catch (err) {
    port.postMessage({ t: 'error', id: m.id, code: (err as NodeJS.ErrnoException).code, message: (err as Error).message } satisfies FromWorker)
    return
  }
  const out: Uint8Array[] = []
  const d = new Delivery({ unquoteFrom: m.unquoteFrom, stuff: m.stuff, top: m.top, emit: bytes => out.push(bytes), alloc })
  const job: Job = { id: m.id, fd, pos: m.start, end: m.end, d, credit: m.credit, out, finished: false }
  jobs.set(m.id, job)
  pump(job)
}

/** Reads and converts while the job has credit, sending each chunk as it is made. */
function pump(job: Job): void {
  try {
    while (job.credit > 0 && jobs.has(job.id)) {
      if (job.out.length) {
        send(job, job.out.shift()!)
        continue
      }
      if (job.finished) break
      const want = Math.min(STREAM_CHUNK, job.end - job.pos)
      const n = want > 0 && !job.d.done ? fs.readSync(job.fd, readBuf, 0, want, job.pos) : 0
      if (n === 0) {
        job.d.end() // the whole range, or a file shorter than it was: what there is
        job.finished = true
        continue
      }
      job.pos += n
      job.d.write(n < readBuf.length ? readBuf.subarray(0, n) : readBuf)
      if (job.d.passedOn) readBuf = owned(Buffer.allocUnsafeSlow(STREAM_CHUNK)) // the read itself went out: the next one needs another buffer
    }
    if (job.finished && !job.out.length && jobs.has(job.id)) {
      const { lines, octets, stuffed } = job.d
      port.postMessage({ t: 'end', id: job.id, lines, octets, stuffed } satisfies FromWorker)
      finish(job)
    }
  } catch (err) {
    port.postMessage({ t: 'error', id: job.id, code: (err as NodeJS.ErrnoException).code, message: (err as Error).message } satisfies FromWorker)
    finish(job)
  }
}

function send(job: Job, bytes: Uint8Array): void {
  job.credit--
  // a buffer of this worker's moves to the main thread whole; other bytes (a CRLF constant, a joined line) are copied
  const moved = ours.has(bytes.buffer as ArrayBuffer) ? bytes : new Uint8Array(bytes)
  ours.delete(moved.buffer as ArrayBuffer)
  port.postMessage({ t: 'chunk', id: job.id, buf: moved } satisfies FromWorker, [moved.buffer as ArrayBuffer])
}

function finish(job: Job): void {
  jobs.delete(job.id)
  try {
    fs.closeSync(job.fd)
  } catch {
    // closed already
  }
}
