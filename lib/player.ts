/**
 * The exercise player: plays an exercise against a server as a student
 * would type it, for the demo and the tests. It opens the connections the
 * exercise's blocks name (`session=N`), sends each `C:` line (working out
 * APOP's digest from the greeting), reads the status line and, for a
 * multi-line reply, the body, and reports every exchange. It speaks TLS as
 * the exercises do: a block marked `tls` connects to the TLS port (POP3S),
 * and an STLS answered +OK turns its connection to TLS before the next
 * line (RFC 2595 §4); a "+ " continuation needs nothing more, its response
 * being the exercise's next C: line. Each report holds the line sent, the
 * reply, the raw bytes both ways, the server's own events for it, and
 * whether the reply is the one the exercise shows. Given the server's
 * events, a reply is judged by catalogue key and parameters
 * (lib/expected.ts), so it matches in any language; without them, by text.
 * What goes wrong (no server, no reply, a certificate not the one expected)
 * is a LocalizedError, which the demo shows in its language.
 */
import { createHash } from 'node:crypto'
import { once, type EventEmitter } from 'node:events'
import { connect, isIP, type Socket } from 'node:net'
import { connect as connectTls, type TLSSocket } from 'node:tls'
import type { Pop3Event } from './events.js'
import { LocalizedError, type MessageKey, type Params } from './i18n/index.js'
import { expectStatus, replyFits } from './expected.js'
import { bodyMatches, matches, type Exchange, type Step } from './exercises.js'

export type CommandEvent = Extract<Pop3Event, { type: 'command' }>
export type ReplyEvent = Extract<Pop3Event, { type: 'reply' }>

export interface PlayerOptions {
  port: number
  /** Default 127.0.0.1. */
  host?: string
  /** The server's events (an emitter of "event", like a RunningServer): replies are then judged by catalogue key. */
  events?: EventEmitter
  /** The accounts, for the password APOP's digest is made from. */
  accounts?: readonly { user: string; password: string }[]
  /** The language the exercise is written in. */
  lang?: string
  /** How long to wait for a reply, in milliseconds. Default 5000. */
  timeout?: number
  /** The server's TLS: the POP3S port (for blocks marked `tls`) and how to trust its certificate. */
  tls?: PlayerTls
}

/** Which certificate the player trusts: the certificate itself (`ca`), or any whose SHA-256 fingerprint is `fingerprint` (a self-signed one, whatever the host name). */
export interface PlayerTls {
  port?: number
  ca?: string
  /** As `openssl x509 -fingerprint -sha256` prints it (RunningServer.fingerprint). */
  fingerprint?: string
}

/** One line of an exercise to play: a command and its reply, or the greeting of a new connection. */
export interface Move {
  step: Step
  /** The connection label (session=N). */
  label: number
  /** Its connection is made to the TLS port (a block marked `tls`). */
  tls?: boolean
  exchange: Exchange
}

/** One exchange as it happened. */
export interface Played {
  /** The step it belongs to; none for a line of one's own. */
  step?: Step
  label: number
  /** What the exercise shows; none for a greeting it does not show, or a line of one's own. */
  expected?: Exchange
  /** The line sent, as typed (APOP's digest filled in); none for a greeting. */
  sent?: string
  /** The status line received. */
  status: string
  /** The lines of a multi-line reply as sent (dot-stuffed), without the last "."; none for a single line. */
  body?: string[]
  /** The bytes sent. */
  bytesOut?: Buffer
  /** The bytes received: the status line and any body, with every CRLF. */
  bytesIn: Buffer
  /** The octets of the status line (with CRLF) in bytesIn; the rest is the body. */
  statusOctets: number
  /** The server's events for this exchange, in order (connect, command, login, update, reply), when the player has them. */
  events: Pop3Event[]
  command?: CommandEvent
  reply?: ReplyEvent
  /** Whether the reply is the one the exercise shows; none when it shows none. */
  matched?: boolean
  /** Whether the status line is also word for word the exercise's (it is not when the server speaks another language). */
  sameText?: boolean
  /** What did not match. */
  mismatch?: 'status' | 'body'
  /** The server closed the connection after this reply. */
  closed: boolean
  /** The connection is encrypted after this exchange: a POP3S greeting, STLS's +OK and the lines after it. */
  tls?: { protocol: string; cipher: string }
}

/** Replies that are multi-line when +OK, for a player without the server's events (RFC 1939, RFC 2449 §5). */
const MULTI = /^(RETR|TOP|CAPA)\b|^(LIST|UIDL)$/i

/** The moves of some steps, in order. */
export function movesOf(steps: readonly Step[]): Move[] {
  return steps.flatMap(step => step.blocks.flatMap(block => block.exchanges.map(exchange => ({ step, label: block.session, tls: block.tls, exchange }))))
}

interface Connection {
  wire: Wire
  greeting: string
  /** The server's session number, when the player has its events. */
  session?: number
}

export class Player {
  readonly #opts: PlayerOptions
  readonly #connections = new Map<number, Connection>()
  readonly #tap?: EventTap
  readonly #timeout: number

  constructor(opts: PlayerOptions) {
    this.#opts = opts
    this.#timeout = opts.timeout ?? 5000
    if (opts.events) this.#tap = new EventTap(opts.events)
  }

  /** Plays steps in order, yielding every exchange as it happens (a greeting the exercise does not show included). */
  async *play(steps: readonly Step[]): AsyncGenerator<Played> {
    for (const move of movesOf(steps)) {
      if (move.exchange.client === undefined) {
        yield await this.greet(move)
        continue
      }
      const greeting = await this.ready(move.label, move.step, move.tls)
      if (greeting) yield greeting
      yield await this.send(this.lineFor(move), move.label, move)
    }
  }

  /** Opens connection `label` unless it is open; returns its greeting when it was opened now. */
  async ready(label: number, step?: Step, tls = false): Promise<Played | undefined> {
    if (this.#connections.has(label)) return undefined
    return this.#open(label, step, tls)
  }

  /** A new connection for the move's label (an exercise that shows a greeting shows a new connection), judged against the greeting shown. */
  async greet(move: Move): Promise<Played> {
    await this.#drop(move.label)
    const played = await this.#open(move.label, move.step, move.tls ?? false)
    return { ...played, expected: move.exchange, ...this.#judge(move.exchange, played) }
  }

  /** The line a move sends: as the exercise writes it, with APOP's digest worked out from the greeting (exercise 12). */
  lineFor(move: Move): string {
    const line = move.exchange.client!
    const apop = /^APOP (\S+) \.\.\.$/i.exec(line)
    const conn = this.#connections.get(move.label)
    const password = apop && this.#opts.accounts?.find(a => a.user === apop[1])?.password
    const stamp = conn && /<[^>]+>/.exec(conn.greeting)?.[0]
    if (!apop || password === undefined || !stamp) return line
    return `APOP ${apop[1]} ${createHash('md5').update(stamp + password).digest('hex')}`
  }

  /** Sends a line on connection `label` (open it first with `ready`) and reads its reply; judged when a move is given. */
  async send(line: string, label: number, move?: Move): Promise<Played> {
    const conn = this.#connections.get(label)
    if (!conn) throw new Error(`connection ${label} is not open`)
    const bytesOut = Buffer.from(`${line}\r\n`)
    conn.wire.send(bytesOut)
    const statusBytes = await conn.wire.line(this.#timeout)
    const status = text(statusBytes)
    const events = conn.session !== undefined && this.#tap ? await this.#tap.until(conn.session, 'reply', this.#timeout) : []
    const reply = events.find((e): e is ReplyEvent => e.type === 'reply')
    const multi = reply ? reply.body !== undefined : status.startsWith('+OK') && MULTI.test(line)
    const bodyBytes = multi ? await conn.wire.body(this.#timeout) : undefined
    if (/^STLS$/i.test(line) && status.startsWith('+OK')) {
      await conn.wire.upgrade(this.#trust(), this.#timeout)
      // the server's word that the handshake is done, with what it agreed on
      if (conn.session !== undefined && this.#tap) events.push(...(await this.#tap.until(conn.session, 'starttls', this.#timeout)))
    }
    let closed = false
    if (/^QUIT$/i.test(line)) {
      await conn.wire.closed(this.#timeout)
      await this.#drop(label)
      closed = true
    }
    const played: Played = {
      step: move?.step, label, expected: move?.exchange, sent: line, status,
      body: bodyBytes && bodyLines(bodyBytes),
      bytesOut, bytesIn: bodyBytes ? Buffer.concat([statusBytes, bodyBytes]) : statusBytes, statusOctets: statusBytes.length,
      events, command: events.find((e): e is CommandEvent => e.type === 'command'), reply, closed, tls: conn.wire.tls,
    }
    return move ? { ...played, ...this.#judge(move.exchange, played) } : played
  }

  /** Ends every connection; with the server's events, waits until the server has seen them go (their locks released). */
  async close(): Promise<void> {
    await Promise.all([...this.#connections.keys()].map(label => this.#drop(label)))
    this.#tap?.detach()
  }

  /** How to trust the server's certificate; without a `ca` or a fingerprint, any certificate (the player only tests, it sends no secret of its own). */
  #trust(): TlsTrust {
    return { host: this.#opts.host ?? '127.0.0.1', ca: this.#opts.tls?.ca, fingerprint: this.#opts.tls?.fingerprint }
  }

  async #open(label: number, step: Step | undefined, tls: boolean): Promise<Played> {
    const port = tls ? this.#opts.tls?.port : this.#opts.port
    if (port === undefined) throw new LocalizedError('player.noTlsPort', { label })
    const wire = await Wire.open(port, this.#opts.host ?? '127.0.0.1', this.#timeout, tls ? this.#trust() : undefined)
    try {
      const statusBytes = await wire.line(this.#timeout)
      const conn: Connection = { wire, greeting: text(statusBytes) }
      const events = this.#tap ? await this.#tap.greeting(wire.localPort, this.#timeout) : []
      conn.session = events[0]?.session
      this.#connections.set(label, conn)
      const reply = events.find((e): e is ReplyEvent => e.type === 'reply')
      return { step, label, status: conn.greeting, bytesIn: statusBytes, statusOctets: statusBytes.length, events, reply, closed: false, tls: wire.tls }
    } catch (err) {
      wire.end()
      throw err
    }
  }

  async #drop(label: number): Promise<void> {
    const conn = this.#connections.get(label)
    if (!conn) return
    this.#connections.delete(label)
    conn.wire.end()
    if (conn.session !== undefined) await this.#tap?.until(conn.session, 'disconnect', this.#timeout).catch(() => {})
  }

  #judge(x: Exchange, played: Played): Pick<Played, 'matched' | 'sameText' | 'mismatch'> {
    if (x.status === undefined) return {}
    const sameText = matches(x.status, played.status)
    if (!replyFits(expectStatus(x.status, this.#opts.lang), played.reply ?? { raw: played.status })) return { matched: false, sameText, mismatch: 'status' }
    if (x.body.length && !(played.body && bodyMatches(x.body, [...played.body, '.']))) return { matched: false, sameText, mismatch: 'body' }
    return { matched: true, sameText }
  }
}

const text = (line: Buffer): string => line.toString('utf8').replace(/\r?\n$/, '')

/** The lines of a body as sent, without the terminating ".". */
function bodyLines(raw: Buffer): string[] {
  return raw.toString('utf8').split('\r\n').slice(0, -2)
}

/** Wakes whoever waits for more (bytes, events). */
class Signal {
  #waiters: (() => void)[] = []

  wake(): void {
    const w = this.#waiters
    this.#waiters = []
    w.forEach(f => f())
  }

  /** Waits until `found` returns something, looking again at every wake; fails after `ms` with the error `late` names (given `ms` too). */
  async until<T>(found: () => T | undefined, ms: number, late: MessageKey, params: Params = {}): Promise<T> {
    const deadline = Date.now() + ms
    for (;;) {
      const value = found()
      if (value !== undefined) return value
      const left = deadline - Date.now()
      if (left <= 0) throw new LocalizedError(late, { ...params, ms })
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, left)
        this.#waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
}

/** The server's events, kept per session until the player asks for them. */
class EventTap {
  readonly #emitter: EventEmitter
  readonly #queues = new Map<number, Pop3Event[]>()
  readonly #sessionOfPort = new Map<number, number>()
  readonly #signal = new Signal()
  readonly #listener = (e: Pop3Event): void => {
    if (e.type === 'connect') this.#sessionOfPort.set(Number(/:(\d+)$/.exec(e.remote)?.[1]), e.session)
    let q = this.#queues.get(e.session)
    if (!q) this.#queues.set(e.session, (q = []))
    q.push(e)
    this.#signal.wake()
  }

  constructor(emitter: EventEmitter) {
    this.#emitter = emitter
    emitter.on('event', this.#listener)
  }

  detach(): void {
    this.#emitter.off('event', this.#listener)
  }

  /** The events of the connection from local port `port` up to its greeting. */
  async greeting(port: number, ms: number): Promise<Pop3Event[]> {
    const session = await this.#signal.until(() => this.#sessionOfPort.get(port), ms, 'player.noEvent', { event: 'connect' })
    this.#sessionOfPort.delete(port)
    return this.until(session, 'reply', ms)
  }

  /** The session's events up to and including the next one of `type`, taken from the queue. */
  async until(session: number, type: Pop3Event['type'], ms: number): Promise<Pop3Event[]> {
    const events = await this.#signal.until(() => {
      const q = this.#queues.get(session) ?? []
      const i = q.findIndex(e => e.type === type)
      return i === -1 ? undefined : q.splice(0, i + 1)
    }, ms, 'player.noEvent', { event: type })
    if (type === 'disconnect') this.#queues.delete(session)
    return events
  }
}

/** Where the player connects, and which certificate it accepts there. */
interface TlsTrust {
  host: string
  ca?: string
  fingerprint?: string
}

/** A raw client connection: bytes in, lines and bodies out, CRLF kept; it may turn to TLS (STLS). */
class Wire {
  #socket: Socket
  readonly #signal = new Signal()
  #buf = Buffer.alloc(0)
  #closed = false
  #tls?: { protocol: string; cipher: string }
  readonly #onData = (d: Buffer): void => {
    this.#buf = Buffer.concat([this.#buf, d])
    this.#signal.wake()
  }
  readonly #onClose = (): void => {
    this.#closed = true
    this.#signal.wake()
  }
  // a connection reset is a connection closed, which 'close' reports next: the error says no more to a student
  readonly #onError = (): void => {}

  private constructor(socket: Socket) {
    this.#socket = socket
    this.#listen(socket)
    if ('encrypted' in socket) this.#tls = tlsOf(socket as TLSSocket)
  }

  #listen(socket: Socket): void {
    socket.on('data', this.#onData)
    socket.on('close', this.#onClose)
    socket.on('error', this.#onError)
  }

  static async open(port: number, host: string, ms: number, tls?: TlsTrust): Promise<Wire> {
    const tcp = connect(port, host)
    tcp.setTimeout(ms, () => tcp.destroy(new LocalizedError('player.noConnection', { host, port, ms })))
    try {
      await once(tcp, 'connect')
      tcp.setTimeout(0)
      tcp.setNoDelay(true)
      return new Wire(tls ? await handshake(tcp, tls, ms) : tcp)
    } catch (err) {
      tcp.destroy()
      if (err instanceof LocalizedError) throw err
      const code = (err as NodeJS.ErrnoException).code
      throw new LocalizedError(code === 'ECONNREFUSED' ? 'player.refused' : 'player.connectFailed', { host, port, reason: code ?? (err as Error).message })
    }
  }

  /** Turns the connection to TLS where it stands, after STLS's +OK (RFC 2595 §4): the client begins the handshake. */
  async upgrade(trust: TlsTrust, ms: number): Promise<void> {
    const raw = this.#socket
    raw.off('data', this.#onData)
    raw.off('close', this.#onClose)
    raw.off('error', this.#onError)
    if (this.#buf.length) throw new LocalizedError('player.afterStls', { octets: this.#buf.length })
    const secure = await handshake(raw, trust, ms)
    this.#socket = secure
    this.#tls = tlsOf(secure)
    this.#listen(secure)
  }

  /** The protocol and cipher once the connection is TLS. */
  get tls(): { protocol: string; cipher: string } | undefined {
    return this.#tls
  }
  get localPort(): number {
    return this.#socket.localPort!
  }

  send(bytes: Buffer): void {
    this.#socket.write(bytes)
  }

  /** Takes from the buffer what `take` finds (it says how many bytes) once they have come; fails with `late` after `ms`, with `cut` if the server closes first. */
  #read(take: (buf: Buffer) => number, ms: number, late: MessageKey, cut: MessageKey): Promise<Buffer> {
    return this.#signal.until(() => {
      const n = take(this.#buf)
      if (n > 0) {
        const out = this.#buf.subarray(0, n)
        this.#buf = this.#buf.subarray(n)
        return out
      }
      if (this.#closed) throw new LocalizedError(cut)
      return undefined
    }, ms, late)
  }

  /** One line, with its line end. */
  line(ms: number): Promise<Buffer> {
    return this.#read(buf => buf.indexOf('\n') + 1, ms, 'player.noReply', 'player.closed.reply')
  }

  /** A multi-line body up to and including its last line ".\r\n" (RFC 1939 §3). */
  body(ms: number): Promise<Buffer> {
    return this.#read(buf => {
      if (buf.subarray(0, 3).toString('latin1') === '.\r\n') return 3
      const end = buf.indexOf('\r\n.\r\n')
      return end === -1 ? 0 : end + 5
    }, ms, 'player.noBodyEnd', 'player.closed.body')
  }

  /** Resolves when the server has closed the connection. */
  async closed(ms: number): Promise<void> {
    await this.#signal.until(() => this.#closed || undefined, ms, 'player.noClose')
  }

  end(): void {
    this.#socket.destroy()
  }
}

/** The client's side of a TLS handshake over `socket`, trusting the certificate given (or its fingerprint). */
async function handshake(socket: Socket, trust: TlsTrust, ms: number): Promise<TLSSocket> {
  const secure = connectTls({
    socket,
    host: trust.host,
    servername: isIP(trust.host) ? undefined : trust.host,
    ...(trust.ca ? { ca: trust.ca } : { rejectUnauthorized: false }),
  })
  secure.setTimeout(ms, () => secure.destroy(new LocalizedError('player.noHandshake', { ms })))
  try {
    await once(secure, 'secureConnect')
  } catch (err) {
    secure.destroy()
    if (err instanceof LocalizedError) throw err
    throw new LocalizedError('player.tlsFailed', { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message })
  }
  secure.setTimeout(0)
  const seen = secure.getPeerX509Certificate()?.fingerprint256
  if (trust.fingerprint && seen !== trust.fingerprint) {
    secure.destroy()
    throw new LocalizedError('player.fingerprint', { seen, expected: trust.fingerprint })
  }
  return secure
}

function tlsOf(socket: TLSSocket): { protocol: string; cipher: string } {
  return { protocol: socket.getProtocol() ?? '?', cipher: socket.getCipher().name }
}
