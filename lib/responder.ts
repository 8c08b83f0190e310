/**
 * Writes replies on the socket: the +OK / -ERR status line, and for a
 * multi-line response the body, dot-stuffed, then the terminating "."
 * (RFC 1939 §3). Every write waits for the client to read what came
 * before (smtp-server's SMTPStream does the same): a client that never reads
 * its replies stops its own session, and costs the server one socket buffer.
 */
import { once } from 'node:events'
import type { Socket } from 'node:net'
import { Readable } from 'node:stream'
import type { Reply } from './commands.js'
import type { BodySummary } from './events.js'
import type { Translator } from './i18n/index.js'
import { DotStuffer, TopFilter } from './message-stream.js'

const CAPTURE_LINES = 200
const TERMINATOR = Buffer.from('.\r\n')

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
    await this.write(`${status}\r\n`)
    if (!reply.body) return undefined

    let source: Readable
    if (reply.body.kind === 'lines') {
      const text = reply.body.lines.map(l => `${l}\r\n`).join('')
      source = Readable.from(text ? [Buffer.from(text)] : [])
    } else {
      source = message!
    }
    const stuffer = new DotStuffer()
    let tail: Readable = source
    if (reply.body.kind === 'message' && reply.body.top !== undefined) tail = tail.pipe(new TopFilter(reply.body.top))
    tail.pipe(stuffer)
    source.on('error', e => stuffer.destroy(e))

    const captured: string[] = []
    let partial = ''
    try {
      for await (const chunk of stuffer as AsyncIterable<Buffer>) {
        if (this.#capture && captured.length < CAPTURE_LINES) partial = collect(captured, partial, chunk)
        if (!this.writable) return undefined
        if (!this.#socket.write(chunk)) await drained(this.#socket)
      }
    } finally {
      source.destroy()
    }
    if (!this.writable) return undefined
    await this.write(TERMINATOR)
    const summary: BodySummary = { lines: stuffer.lines, octets: stuffer.octets, stuffed: stuffer.stuffed }
    if (this.#capture) {
      summary.text = captured.slice(0, CAPTURE_LINES)
      summary.truncated = stuffer.lines > CAPTURE_LINES
    }
    return summary
  }
}

function collect(lines: string[], partial: string, chunk: Buffer): string {
  const parts = (partial + chunk.toString('utf8')).split('\r\n')
  const rest = parts.pop()!
  for (const p of parts) if (lines.length < CAPTURE_LINES) lines.push(p)
  return rest.length > 4096 ? '' : rest
}

async function drained(socket: Socket): Promise<void> {
  while (socket.writableCorked) socket.uncork() // a corked socket never drains
  const ac = new AbortController()
  try {
    await Promise.race([once(socket, 'drain', { signal: ac.signal }), once(socket, 'close', { signal: ac.signal })])
  } finally {
    ac.abort()
  }
}
