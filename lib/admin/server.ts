/**
 * The admin port (docs/admin-protocol.md): a line protocol in POP3's style
 * for watching and managing a running server, behind a secret. It listens
 * on 127.0.0.1 unless told otherwise, so that a lab network reaches the
 * POP3 port and not this one.
 *
 * Each connection reads lines with the POP3 side's line reader, one at a
 * time, answers each through the same responder, and reports every step
 * as an event, so that the server's log explains admin lines as it
 * explains POP3's. Its limits are POP3's too: a cap on the line length, an
 * idle timeout, a most of connections at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import type { Reply } from '../commands.js'
import { listenOn } from '../listen.js'
import type { AdminEvent, DisconnectReason } from '../events.js'
import { LineReader, type ReadLine } from '../line-reader.js'
import { LoginGuard, type LoginDelayOptions } from '../login-guard.js'
import { Responder, statusLine } from '../responder.js'
import { closeGently } from '../session.js'
import { TelnetFilter } from '../telnet.js'
import { adminView, dispatchAdmin, type AdminContext, type AdminControl, type AdminState } from './commands.js'

export interface AdminOptions {
  /** TCP port; 0 picks a free one. */
  port: number
  /** Default 127.0.0.1: this machine only. */
  host?: string
  /** The secret AUTH wants; without one, one is made (and shown in the banner). */
  secret?: string
  /** Idle seconds before an admin connection is closed. Default 300. */
  timeout?: number
  /** Admin connections at once. Default 8. */
  maxConnections?: number
  /** The wait after a wrong secret (lib/login-guard.ts): by default 100 ms doubling to 500 ms. */
  loginDelay?: LoginDelayOptions
}

export interface AdminEndpoint {
  readonly host: string
  readonly port: number
  readonly secret: string
  /** The secret was made at start-up: the banner shows it. */
  readonly generated: boolean
}

/** A line of the admin protocol is at most this many octets, CRLF included (BROADCAST's text is the longest). */
export const ADMIN_LINE_OCTETS = 512
const DEFAULT_TIMEOUT = 300
const DEFAULT_MAX_CONNECTIONS = 8

/** A secret made at start-up: 96 random bits, as 16 characters that survive copying from a terminal. */
export function generateSecret(): string {
  return randomBytes(12).toString('base64url')
}

/** Compares in constant time, over hashes so that the length of the secret leaks nothing either. */
export function secretMatches(given: string, secret: string): boolean {
  const hash = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(hash(given), hash(secret))
}

/** The admin listener of a server; `report` puts its events in the server's stream. */
export class AdminServer implements AdminEndpoint {
  readonly secret: string
  readonly generated: boolean
  readonly timeout: number
  readonly maxConnections: number
  readonly guard: LoginGuard
  readonly #server: Server
  readonly #connections = new Set<AdminConnection>()
  #address?: AddressInfo
  #nextId = 1
  #closing?: Promise<void>

  constructor(readonly control: AdminControl, readonly report: (event: AdminEvent) => void, options: AdminOptions) {
    this.secret = options.secret ?? generateSecret()
    this.generated = options.secret === undefined
    this.timeout = options.timeout ?? DEFAULT_TIMEOUT
    this.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS
    this.guard = new LoginGuard(options.loginDelay)
    this.#server = createServer({ allowHalfOpen: true }, socket => this.#accept(socket))
  }

  get host(): string {
    return this.#address!.address
  }

  get port(): number {
    return this.#address!.port
  }

  async listen(port: number, host: string): Promise<void> {
    this.#address = await listenOn(this.#server, port, host)
  }

  #accept(socket: Socket): void {
    if (this.#closing) {
      socket.destroy()
      return
    }
    const connection = new AdminConnection(this.#nextId++, socket, this)
    const full = this.#connections.size >= this.maxConnections
    if (!full) {
      this.#connections.add(connection)
      void connection.closed.then(() => this.#connections.delete(connection))
    }
    connection.start(full)
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      const stopped = new Promise<void>(resolve => this.#server.close(() => resolve()))
      this.guard.close()
      await Promise.all([...this.#connections].map(c => c.shutdown()))
      await stopped
    })()
    return this.#closing
  }
}

/** Opens the admin port of a server. */
export async function startAdmin(control: AdminControl, report: (event: AdminEvent) => void, options: AdminOptions): Promise<AdminServer> {
  const admin = new AdminServer(control, report, options)
  await admin.listen(options.port, options.host ?? '127.0.0.1')
  return admin
}

type Unstamped<T> = T extends unknown ? Omit<T, 'time' | 'admin'> : never

class AdminConnection implements AdminContext {
  state: AdminState = 'AUTHORIZATION'
  readonly control: AdminControl
  readonly closed: Promise<void>
  readonly #socket: Socket
  readonly #admin: AdminServer
  readonly #reader = new LineReader(ADMIN_LINE_OCTETS)
  readonly #telnet = new TelnetFilter()
  readonly #responder: Responder
  readonly #remote: string
  readonly #gone = new AbortController()
  #work: Promise<void> = Promise.resolve()
  #ended = false
  #reason: DisconnectReason = 'client'

  constructor(readonly id: number, socket: Socket, admin: AdminServer) {
    this.#socket = socket
    this.#admin = admin
    this.control = admin.control
    this.#remote = `${socket.remoteAddress}:${socket.remotePort}`
    this.#responder = new Responder(socket)
    this.closed = new Promise(resolve => socket.once('close', () => {
      this.#ended = true
      this.#gone.abort()
      this.#emit({ type: 'adminDisconnect', reason: this.#reason })
      resolve()
    }))
  }

  start(full: boolean): void {
    const s = this.#socket
    s.setNoDelay(true)
    s.on('error', () => {
      if (this.#reason === 'client') this.#reason = 'error'
    })
    s.setTimeout(this.#admin.timeout * 1000)
    s.on('timeout', () => this.#end('timeout'))
    s.on('data', chunk => this.#onData(chunk))
    // the client ended its side (a script through nc -N): the lines it sent are all answered, then ours ends
    s.on('end', () => {
      this.#work = this.#work.then(() => {
        if (this.#ended) return
        this.#ended = true
        s.end()
      })
    })
    this.#emit({ type: 'adminConnect', remote: this.#remote })
    this.#work = this.#reply(full ? { ok: false, key: 'admin.full', params: { limit: this.#admin.maxConnections } } : { ok: true, key: 'admin.greeting' })
      .then(() => (full ? this.#end('full') : undefined))
  }

  async trySecret(given: string): Promise<boolean> {
    const ok = secretMatches(given, this.#admin.secret)
    const address = this.#socket.remoteAddress ?? ''
    const delay = await this.#admin.guard.settle(address, 'admin', ok, this.#gone.signal)
    this.#emit({ type: 'adminAuth', ok, remote: this.#remote, ...(delay ? { failures: delay.failures, ms: delay.ms } : {}) })
    return ok
  }

  broadcast(text: string): void {
    this.#emit({ type: 'broadcast', text })
  }

  async shutdown(): Promise<void> {
    this.#end('shutdown')
    await this.closed
  }

  #end(reason: DisconnectReason): void {
    if (this.#ended) return
    this.#ended = true
    this.#reason = reason
    // the last reply goes out whole before the connection closes, as POP3's does
    if (reason === 'quit' || reason === 'full' || reason === 'endless') closeGently(this.#socket).unref()
    else this.#socket.destroy()
  }

  #onData(chunk: Buffer): void {
    if (this.#ended) return
    this.#socket.pause()
    this.#work = this.#work
      .then(() => this.#consume(chunk))
      .catch(() => this.#end('error'))
      .then(() => {
        if (!this.#ended) this.#socket.resume()
      })
  }

  async #consume(chunk: Buffer): Promise<void> {
    const { data, answer } = this.#telnet.push(chunk)
    if (answer) await this.#responder.write(answer)
    this.#reader.push(data)
    for (let line = this.#reader.next(); line && !this.#ended; line = this.#reader.next()) await this.#line(line)
  }

  async #line(line: ReadLine): Promise<void> {
    const authorized = this.state === 'ADMIN'
    if (line.endless || line.tooLong) {
      // only its start is shown, masked as a line of its verb is
      const start = line.bytes.subarray(0, 40)
      this.#emit({ type: 'adminCommand', ...adminView(start, dispatchAdmin(start, this.state), authorized), octets: line.octets, tooLong: true, authorized })
      await this.#reply({ ok: false, key: 'admin.tooLong', params: { octets: line.octets, limit: ADMIN_LINE_OCTETS } })
      if (line.endless) this.#end('endless')
      return
    }
    const parsed = dispatchAdmin(line.bytes, this.state)
    this.#emit({ type: 'adminCommand', ...adminView(line.bytes, parsed, authorized), octets: line.octets, authorized })
    let reply: Reply
    if ('error' in parsed) reply = parsed.error
    else {
      try {
        reply = await parsed.command.run(this, parsed.args)
      } catch (err) {
        // a bug costs one command, not the connection
        reply = { ok: false, key: 'admin.failed', params: { reason: (err as Error).message } }
      }
    }
    await this.#reply(reply)
    if (reply.close) this.#end('quit')
  }

  async #reply(reply: Reply): Promise<void> {
    const status = statusLine(reply, this.control.t)
    await this.#responder.send(status, reply)
    const lines = reply.body?.kind === 'lines' ? reply.body.lines.length : undefined
    this.#emit({ type: 'adminReply', raw: status, ok: reply.ok, key: reply.key, params: reply.params ?? {}, ...(lines === undefined ? {} : { lines }) })
  }

  #emit(event: Unstamped<AdminEvent>): void {
    this.#admin.report({ time: new Date().toISOString(), admin: this.id, ...event } as AdminEvent)
  }
}
