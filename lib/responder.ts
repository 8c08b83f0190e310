/**
 * Writes replies on the socket: the +OK / -ERR status line, and for a
 * multi-line response the body, dot-stuffed, then the terminating "."
 * (RFC 1939 §3). Every write waits for the client to read what came
 * before (smtp-server's SMTPStream does the same): a client that never reads
 * its replies stops its own session, and costs the server one socket buffer.
 */
import type { Socket } from 'node:net'
import type { Readable } from 'node:stream'
import type { Reply } from './commands.js'
import type { BodySummary } from './events.js'
import type { Translator } from './i18n/index.js'
import { Delivery } from './delivery.js'
import { isDeliveredBody, LineEndings, type BodyCounts, type DeliveredBody } from './message-stream.js'

const CAPTURE_LINES = 200
const TERMINATOR = Buffer.from('.\r\n')
const LF = 0x0a

/** RFC 2449 §4: a status line is at most 512 octets, CRLF included. */
const MAX_STATUS_OCTETS = 510

export function statusLine(reply: Reply, t: Translator): string {
  if (reply.challenge !== undefined) return `+ ${reply.challenge}` // a SASL continuation (RFC 5034 §4)
  const text = t(reply.key, reply.params)
  const code = reply.code ? `[${reply.code}]` : ''
  const line = [reply.ok ? '+OK' : '-ERR', code, text].filter(Boolean).join(' ')
  if (Buffer.byteLength(line) <= MAX_STATUS_OCTETS) return line
  // only free text gets this long (a path in a reason, a long name): cut it, on a character boundary
  let cut = Buffer.from(line).subarray(0, MAX_STATUS_OCTETS - 3).toString('utf8').replace(/\uFFFD$/, '')
  while (Buffer.byteLength(cut + '…') > MAX_STATUS_OCTETS) cut = cut.slice(0, -1)
  return cut + '…'
}

export class Responder {
  #socket: Socket
  readonly #capture: boolean

  constructor(socket: Socket, opts: { captureBodies?: boolean } = {}) {
    this.#socket = socket
    this.#capture = opts.captureBodies ?? false
  }

  /** Writes on `socket` from now on: the TLS socket, once the connection is encrypted. */
  use(socket: Socket): void {
    this.#socket = socket
  }

  get writable(): boolean {
    return !this.#socket.destroyed && this.#socket.writable
  }

  /** Writes bytes; resolves once the socket may take more (at once, unless its buffer is full). */
  async write(bytes: string | Buffer): Promise<void> {
    if (this.writable && !this.#socket.write(bytes)) await drained(this.#socket)
  }

  /**
   * Sends a reply; resolves when the socket may take more, with the body's
   * summary. A message body comes as `message`, already opened, so that a
   * message that cannot be read is answered -ERR before any +OK is sent.
   */
  async send(status: string, reply: Reply, message?: Readable): Promise<BodySummary | undefined> {
    if (!this.writable) {
      message?.destroy() // the client left: close the file
      return undefined
    }
    if (!reply.body) {
      await this.write(`${status}\r\n`)
      return undefined
    }
    // the status line, a short body and the terminator leave in one write
    this.#socket.cork()
    let body: DeliveredBody | undefined
    try {
      await this.write(`${status}\r\n`)
      let chunks: Iterable<Buffer> | AsyncIterable<Buffer>
      let counts: () => BodyCounts
      if (reply.body.kind === 'lines') {
        const out: Buffer[] = []
        const d = new Delivery({ unquoteFrom: false, stuff: true, emit: bytes => out.push(bytes) })
        d.write(Buffer.from(reply.body.lines.map(l => `${l}\r\n`).join('')))
        d.end()
        chunks = out
        counts = () => d
      } else {
        // a store's message is read only from here on, so it can still be told to go on the wire
        const b = (body = message && isDeliveredBody(message) ? message : new LineEndings({ unquoteFrom: false }, message))
        chunks = b.wire(reply.body.top)
        counts = () => b.counts
      }
      const captured: string[] = []
      let partial = ''
      for await (const chunk of chunks) {
        if (this.#capture && captured.length < CAPTURE_LINES) partial = collect(captured, partial, chunk)
        if (!this.writable) return undefined
        // once the socket has taken a chunk's bytes, the stream may make its next chunks in that buffer
        const sent = body ? (): void => body!.recycle(chunk) : undefined
        if (!this.#socket.write(chunk, sent)) await drained(this.#socket)
      }
      if (!this.writable) return undefined
      await this.write(TERMINATOR)
      const { lines, octets, stuffed } = counts()
      const summary: BodySummary = { lines, octets, stuffed }
      if (this.#capture) {
        summary.text = captured.slice(0, CAPTURE_LINES)
        summary.truncated = lines > CAPTURE_LINES
      }
      return summary
    } finally {
      body?.destroy()
      message?.destroy()
      if (this.#socket.writableCorked) this.#socket.uncork()
    }
  }
}

/** Adds the chunk's lines to `lines`, decoding only as far as the lines still wanted. */
function collect(lines: string[], partial: string, chunk: Buffer): string {
  let end = chunk.length
  // every LF on the wire ends a CRLF line (Delivery made them so)
  for (let need = CAPTURE_LINES - lines.length, at = -1; need > 0; need--) {
    at = chunk.indexOf(LF, at + 1)
    if (at === -1) break
    if (need === 1) end = at + 1
  }
  const parts = (partial + chunk.toString('utf8', 0, end)).split('\r\n')
  const rest = parts.pop()!
  for (const p of parts) if (lines.length < CAPTURE_LINES) lines.push(p)
  return rest.length > 4096 ? '' : rest
}

/** Resolves when the socket has sent what it holds, or has closed: two listeners, both removed at once (once() with an AbortController made an AbortError for each wait). */
function drained(socket: Socket): Promise<void> {
  while (socket.writableCorked) socket.uncork() // a corked socket never drains
  if (socket.destroyed) return Promise.resolve()
  return new Promise(resolve => {
    const done = (): void => {
      socket.off('drain', done)
      socket.off('close', done)
      resolve()
    }
    socket.on('drain', done)
    socket.on('close', done)
  })
}
