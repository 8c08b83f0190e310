/**
 * One client connection: reads lines, runs them through the command table
 * one at a time (pipelined commands are answered in order), writes the
 * replies and reports every step as an event.
 *
 * A session goes only as fast as its client reads: the socket is paused
 * while a chunk's lines are answered, each reply waits until the socket
 * takes more, and the session gives the other sessions a turn between two
 * lines. A client that never reads stops its own session, nobody else's.
 *
 * Its transport can change under it: on the POP3S port the connection turns
 * to TLS before the greeting, on the plain port after STLS (RFC 2595 §4).
 * The line reader starts afresh then, and whatever the client sent before
 * its handshake is thrown away unread.
 */
import type { Socket } from 'node:net'
import { TLSSocket, type SecureContext } from 'node:tls'
import type { Readable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { dispatch, mustEncrypt, type Account, type CommandSpec, type Reply, type SessionContext, type State } from './commands.js'
import type { DisconnectReason, Pop3Event } from './events.js'
import { reasonKeyOf, reasonOf, translator, type Translator } from './i18n/index.js'
import { LineReader, MAX_UNTERMINATED, type ReadLine } from './line-reader.js'
import type { LoginDelay } from './login-guard.js'
import { Responder, statusLine } from './responder.js'
import { LineMasker } from './secrets.js'
import { StoreError, type Maildrop } from './store/index.js'
import { TelnetFilter } from './telnet.js'

/**
 * How long a connection the server closes may go on sending: its bytes are
 * read and dropped meanwhile, since closing on unread bytes sends a reset,
 * which can destroy the last reply before the client reads it.
 */
const LINGER_MS = 2000

/**
 * How long a TLS handshake may take, at most: a real client needs a few
 * milliseconds, and a connection that never finishes its handshake holds a
 * place of --max-connections meanwhile.
 */
const HANDSHAKE_MS = 30_000

/** Why a session's waits stop when its client leaves: one reason for all (abort() would make an error, stack and all, each time). */
const GONE = new Error('the client closed the connection')

/** Ends our side once the last reply is out, reads and drops what still comes, and closes after LINGER_MS. */
export function closeGently(s: Socket): NodeJS.Timeout {
  s.end()
  s.resume()
  return setTimeout(() => s.destroy(), LINGER_MS)
}

/** What a session needs from its server. */
export interface SessionHost {
  /** The language of the replies (--wire-lang, else --lang), until a session chooses another with LANG. */
  readonly t: Translator
  readonly timeoutSeconds: number
  readonly showSecrets: boolean
  readonly captureBodies: boolean
  readonly implementation: string
  /** The certificate, ready for TLS: STLS is offered when there is one. */
  readonly secureContext?: SecureContext
  /** Credentials only over TLS (--require-tls). */
  readonly requireTls: boolean
  readonly stamp: (session: number) => string
  findAccount(user: string): Account | undefined
  openMaildrop(account: Account): Promise<Maildrop>
  /** A login attempt as `user` from `address` was decided; resolves when its answer may go out (see login-guard.ts). */
  loginSettled(address: string, user: string, ok: boolean, gone?: AbortSignal): Promise<LoginDelay | undefined>
  report(event: Pop3Event): void
}

/** An event as a session makes it; the time and session number are added when it is emitted. */
type Unstamped<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never

/** What a TLS handshake negotiated. */
export interface Negotiated {
  protocol: string
  cipher: string
}

export class Session {
  readonly id: number
  /** The connection as the session reads and writes it: the TCP socket, or the TLS socket over it. */
  #socket: Socket
  readonly #host: SessionHost
  #reader = new LineReader()
  #telnet = new TelnetFilter()
  /** Set while the client's next line is its response to a challenge of this command (SASL), not a command. */
  #challenged?: CommandSpec
  readonly #responder: Responder
  readonly #masker: LineMasker
  readonly #address: string
  readonly ctx: SessionContext
  #ended = false
  #closed = false
  #linger?: NodeJS.Timeout
  /** Aborted when the connection is gone: a wait on its behalf (the brake on guessing) stops. Made for the first such wait: most sessions never wait. */
  #gone?: AbortController
  #endReason: DisconnectReason = 'client'
  #endDetail: string | undefined
  /** Settles when the session has fully ended (lock released). */
  readonly done: Promise<void>
  #resolveDone!: () => void
  #work: Promise<void> = Promise.resolve()

  /** TLS from the first byte: the POP3S port. */
  readonly #implicitTls: boolean
  /** What the TLS handshake negotiated, once the connection is encrypted. */
  #tls?: Negotiated

  constructor(id: number, socket: Socket, host: SessionHost, implicitTls = false) {
    this.id = id
    this.#implicitTls = implicitTls
    this.#socket = socket
    this.#host = host
    this.#address = socket.remoteAddress ?? ''
    this.#responder = new Responder(socket, { captureBodies: host.captureBodies })
    this.#masker = new LineMasker(host.showSecrets)
    this.done = new Promise(resolve => (this.#resolveDone = resolve))
    const encrypted = (): boolean => this.#tls !== undefined // the one record of it: the handshake's outcome
    this.ctx = {
      state: 'AUTHORIZATION',
      deleted: new Set(),
      stamp: host.stamp(id),
      implementation: host.implementation,
      get secure() {
        return encrypted()
      },
      tlsAvailable: host.secureContext !== undefined,
      requireTls: host.requireTls,
      // the server's language, until LANG chooses another for this session (RFC 6856)
      get t() {
        return this.lang === undefined ? host.t : translator(this.lang)
      },
      findAccount: user => host.findAccount(user),
      openMaildrop: account => host.openMaildrop(account),
    }
  }

  get state(): State {
    return this.ctx.state
  }

  get user(): string | undefined {
    return this.ctx.user ?? this.ctx.pendingUser
  }

  /** What the TLS handshake negotiated; none while the connection is plain. */
  get tls(): Negotiated | undefined {
    return this.#tls
  }

  /**
   * Greets the client (on the POP3S port, once the handshake is done); or,
   * given `refusal`, answers with it and closes (the server is full).
   */
  start(refusal?: Reply): void {
    const s = this.#socket
    const remote = `${s.remoteAddress}:${s.remotePort}`
    s.setNoDelay(true)
    s.on('error', this.#onError)
    s.on('close', this.#onClose)
    this.#read(s)
    const greeting: Reply = refusal ?? { ok: true, key: 'greeting', params: { stamp: this.ctx.stamp } }
    this.#work = (async () => {
      if (this.#implicitTls && !(await this.#startTls('port'))) return
      this.#emit({ type: 'connect', remote, ...this.#tls })
      await this.#reply(greeting, 'AUTHORIZATION')
      if (refusal) this.#end('full')
    })()
  }

  /** Reads commands from `s` (the TCP socket, then the TLS socket when there is one). */
  #read(s: Socket): void {
    s.setTimeout(this.#host.timeoutSeconds * 1000)
    s.on('data', this.#onData)
    s.on('timeout', this.#onTimeout)
    s.on('end', this.#onEnd)
  }

  #onTimeout = (): void => this.#end('timeout')

  #onError = (err: Error): void => {
    this.#endDetail = (err as NodeJS.ErrnoException).code ?? err.message
    if (this.#endReason === 'client') this.#endReason = 'error'
  }

  #onClose = (): void => void this.#whenClosed()

  /** The client ended its side (`nc -N`, a script): the lines it sent before are still all answered, then ours ends. */
  #onEnd = (): void => {
    this.#work = this.#work.then(() => {
      if (this.#ended) return
      this.#ended = true
      this.#socket.end()
    })
  }

  /**
   * Turns the connection to TLS, the server's side of the handshake: on the
   * POP3S port before anything else, or after STLS. After STLS, whatever the client sent before its handshake is
   * thrown away: a command pipelined behind STLS came in clear, and is never
   * run as if it had come encrypted (the STARTTLS command injection, CVE-2011-0411).
   * False when the handshake failed; the connection is then closed.
   */
  async #startTls(how: 'port' | 'stls' = 'stls'): Promise<boolean> {
    const raw = this.#socket
    const stls = how === 'stls'
    const remote = `${raw.remoteAddress}:${raw.remotePort}`
    raw.off('data', this.#onData)
    raw.off('timeout', this.#onTimeout)
    raw.off('end', this.#onEnd)
    raw.setTimeout(0)
    raw.pause()
    if (stls) {
      while (raw.writableCorked) raw.uncork()
      if (raw.writableLength) await new Promise(resolve => raw.write(Buffer.alloc(0), resolve)) // the +OK goes out in clear, whole, first
      while (raw.read() !== null); // already read from the network, not yet taken: dropped
      this.#reader = new LineReader()
      this.#telnet = new TelnetFilter()
    }
    const secure = new TLSSocket(raw, { isServer: true, secureContext: this.#host.secureContext })
    secure.setTimeout(Math.min(HANDSHAKE_MS, this.#host.timeoutSeconds * 1000)) // then, once secure, the idle timeout again (#read)
    const failure = await new Promise<string | undefined>(resolve => {
      secure.once('secure', () => resolve(undefined))
      secure.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message))
      secure.once('timeout', () => resolve('ETIMEDOUT'))
      secure.once('close', () => resolve('ECONNRESET'))
      // the connection is half-open (allowHalfOpen), so a client that hangs up in its handshake only ends its side: no close comes
      secure.once('end', () => resolve('ECONNRESET'))
    })
    secure.on('error', this.#onError)
    secure.on('close', this.#onClose)
    if (failure !== undefined) {
      if (!this.#ended) {
        this.#emit({ type: 'tlsError', remote, reason: failure, ...(stls ? { stls: true } : {}) })
        this.#endDetail = failure
        this.#end('error')
      }
      secure.destroy()
      raw.destroy()
      return false
    }
    this.#socket = secure
    this.#responder.use(secure)
    this.#tls = { protocol: secure.getProtocol() ?? '?', cipher: secure.getCipher().name }
    if (stls) this.#emit({ type: 'starttls', ...this.#tls })
    this.#read(secure)
    return true
  }

  /** Ends the session without UPDATE (server shutdown). Waits for a commit under way. */
  async shutdown(): Promise<void> {
    if (this.ctx.state !== 'UPDATE') this.#end('shutdown')
    await this.#work.catch(() => {})
    this.#socket.destroy()
    await this.done
  }

  /** Takes the server's auto-logout timeout again (the admin protocol changed it), counting from now. */
  retime(): void {
    if (!this.#ended && this.#socket.timeout) this.#socket.setTimeout(this.#host.timeoutSeconds * 1000)
  }

  /** Disconnects the client without UPDATE (the admin protocol's KICK): nothing marked with DELE is deleted. False when it is already ending. */
  kick(): boolean {
    if (this.#ended || this.ctx.state === 'UPDATE') return false
    this.#end('kicked')
    return true
  }

  /**
   * Stops reading commands. QUIT and the server's own refusals let the last
   * reply go out (and linger); anything else cuts the connection.
   */
  #end(reason: DisconnectReason): void {
    if (this.#ended) return
    this.#ended = true
    this.#endReason = reason
    const s = this.#socket
    if (reason === 'quit' || reason === 'full' || reason === 'endless') this.#linger = closeGently(s) // #onData drops what still comes
    else s.destroy()
  }

  #onData = (chunk: Buffer): void => {
    if (this.#ended) return
    this.#socket.pause() // nothing more is read until this chunk's lines are answered
    this.#work = this.#work.then(() => this.#consume(chunk)).catch(err => {
      this.#endDetail = (err as Error).message
      this.#end('error')
    })
  }

  /** Answers the lines of one chunk, one at a time, then reads on; a chunk that came before STLS ends with it. */
  async #consume(chunk: Buffer): Promise<void> {
    if (this.#ended) return
    const socket = this.#socket
    const { data, answer, cuts = [] } = this.#telnet.push(chunk)
    if (answer) await this.#responder.write(answer)
    let from = 0
    for (const { at, skipped } of cuts) {
      await this.#lines(data.subarray(from, at))
      if (this.#ended || this.#socket !== socket) return
      // a stray telnet sub-negotiation swallowed what came after it: say so, then read on
      await this.#reply({ ok: false, key: 'telnet.cut', params: { octets: skipped } }, this.ctx.state)
      from = at
    }
    await this.#lines(data.subarray(from))
    if (!this.#ended && this.#socket === socket) socket.resume()
  }

  async #lines(data: Buffer): Promise<void> {
    const s = this.#socket
    this.#reader.push(data)
    let line = this.#reader.next()
    while (line && !this.#ended) {
      // the replies to pipelined lines leave together, in one system call (a full buffer is sent at once: see drained)
      if (!s.writableCorked) s.cork()
      if (line.endless) {
        await this.#reply({ ok: false, key: 'line.endless', params: { octets: line.octets, limit: MAX_UNTERMINATED } }, this.ctx.state)
        this.#end('endless')
        return
      }
      try {
        await this.#handle(line)
      } catch (err) {
        // A bug must cost one command, not the server: answer it and go on.
        await this.#reply({ ok: false, code: 'SYS/TEMP', key: 'server.bug', params: { reason: (err as Error).message } }, this.ctx.state)
      }
      const next = this.#reader.next()
      // the other sessions' turn, between two lines of this one; after the last, its reply goes at once
      if (next) await nextTurn()
      line = next
    }
    while (s.writableCorked) s.uncork()
  }

  async #handle(line: ReadLine): Promise<void> {
    const before = this.ctx.state
    const challenged = this.#challenged
    this.#challenged = undefined
    if (challenged) return this.#respond(challenged, line, before)
    if (line.tooLong) {
      this.#emit({ type: 'command', ...this.#masker.view(line, before), octets: line.octets, state: before })
      await this.#reply({ ok: false, key: 'line.tooLong', params: { octets: line.octets } }, before)
      return
    }
    const parsed = dispatch(line.bytes, before, this.ctx.t, mustEncrypt(this.ctx))
    const view = this.#masker.view(line, before, parsed)
    this.#emit({ type: 'command', ...view, octets: line.octets, state: before })
    if ('error' in parsed) {
      await this.#reply(this.#masker.reply(parsed.error, view), before)
      return
    }
    await this.#answer(parsed.command, await parsed.command.run(this.ctx, parsed.args), before)
  }

  /** The client's response to a challenge of `command` (RFC 5034 §4): a secret, never a command. */
  async #respond(command: CommandSpec, line: ReadLine, before: State): Promise<void> {
    this.#emit({ type: 'command', ...this.#masker.response(line, command), octets: line.octets, state: before })
    const reply: Reply = line.tooLong
      ? { ok: false, key: 'line.tooLong', params: { octets: line.octets } }
      : await command.respond!(this.ctx, line.bytes.toString('utf8'))
    await this.#answer(command, reply, before)
  }

  /** Sends what `command` answered, and does what the answer asks for: log in, commit, a challenge, TLS, the end. */
  async #answer(command: CommandSpec, reply: Reply, before: State): Promise<void> {
    if (reply.login) {
      // the user the attempt was for (a wrong PASS has already forgotten the USER)
      const user = reply.params?.user === undefined ? {} : { user: String(reply.params.user) }
      this.#emit({ type: 'login', ...user, ok: reply.ok, method: reply.login, count: reply.params?.count as number | undefined, octets: reply.params?.octets as number | undefined, code: reply.code })
    }
    await this.#loginDelay(reply)
    if (reply.next === 'UPDATE') reply = await this.#update()
    await this.#reply(reply, before)
    if (reply.challenge !== undefined) this.#challenged = command
    if (reply.upgrade) await this.#startTls()
    if (reply.close) this.#end('quit')
  }

  /** The brake on guessing: the answer to wrong credentials waits (every login reply names its user). */
  async #loginDelay(reply: Reply): Promise<void> {
    if (!reply.login) return
    const ok = reply.code !== 'AUTH' // wrong credentials are the only answer that waits
    const delay = await this.#host.loginSettled(this.#address, String(reply.params?.user), ok, ok ? undefined : this.#goneSignal())
    if (delay) this.#emit({ type: 'delay', ...delay, address: this.#address })
  }

  /** The signal a wait on this session's behalf stops on; aborted already when the connection is gone. */
  #goneSignal(): AbortSignal {
    if (!this.#gone) {
      this.#gone = new AbortController()
      if (this.#closed) this.#gone.abort(GONE)
    }
    return this.#gone.signal
  }

  /** The UPDATE state (RFC 1939 §6): remove the messages marked with DELE, then release the lock. */
  async #update(): Promise<Reply> {
    const ctx = this.ctx
    const md = ctx.maildrop!
    ctx.state = 'UPDATE'
    try {
      const { deleted, left } = await md.commit(ctx.deleted)
      this.#emit({ type: 'update', ok: true, kind: md.kind, path: md.path, deleted, left })
      return { ok: true, key: deleted ? 'quit.done' : 'quit.none', params: { deleted, left }, close: true }
    } catch (err) {
      const reason = reasonOf(err, this.ctx.t)
      const unfinished = err instanceof StoreError && err.code === 'EUNFINISHED'
      this.#emit({ type: 'update', ok: false, kind: md.kind, path: md.path, deleted: 0, left: md.messages.length, reason, ...reasonKeyOf(err), unfinished })
      return { ok: false, code: 'SYS/TEMP', key: unfinished ? 'quit.unfinished' : 'quit.failed', params: { reason }, close: true }
    } finally {
      ctx.maildrop = undefined
      await md.release()
    }
  }

  async #reply(reply: Reply, before: State): Promise<void> {
    let message: Readable | undefined
    if (reply.body?.kind === 'message') {
      try {
        message = await this.ctx.maildrop!.open(reply.body.index)
      } catch (err) {
        const n = reply.body.index + 1
        const gone = err instanceof StoreError && err.code === 'EGONE'
        reply = { ok: false, code: 'SYS/TEMP', key: gone ? 'msg.gone' : 'msg.unreadable', params: { n, reason: reasonOf(err, this.ctx.t) } }
      }
    }
    if (reply.next && reply.next !== 'UPDATE') this.ctx.state = reply.next
    const status = statusLine(reply, this.ctx.t)
    let body
    try {
      body = await this.#responder.send(status, reply, message)
    } catch (err) {
      // The message could not be read (the file vanished or changed): the
      // status line is already sent, so the connection cannot go on.
      this.#endDetail = (err as Error).message
      this.#end('error')
      return
    }
    this.#emit({
      type: 'reply', raw: status, ok: reply.ok, code: reply.code, key: reply.key, params: reply.params ?? {},
      state: before, next: this.ctx.state, body,
    })
  }

  async #whenClosed(): Promise<void> {
    if (this.#closed) return // the TCP socket and the TLS socket over it both say so
    this.#closed = true
    this.#ended = true
    this.#gone?.abort(GONE)
    clearTimeout(this.#linger)
    await this.#work.catch(() => {})
    const md = this.ctx.maildrop
    this.ctx.maildrop = undefined
    if (md) await md.release().catch(() => {})
    // a connection to the TLS port whose handshake failed never began a session: its tlsError said it all
    if (!this.#implicitTls || this.#tls) this.#emit({
      type: 'disconnect', reason: this.#endReason, detail: this.#endDetail,
      seconds: this.#endReason === 'timeout' ? this.#host.timeoutSeconds : undefined,
    })
    this.#resolveDone()
  }

  #emit(event: Unstamped<Pop3Event, 'time' | 'session'>): void {
    const user = this.user
    const lang = this.ctx.lang
    this.#host.report({ time: new Date().toISOString(), session: this.id, ...(user ? { user } : {}), ...(this.#tls ? { tls: true } : {}), ...(lang ? { lang } : {}), ...event } as Pop3Event)
  }
}
