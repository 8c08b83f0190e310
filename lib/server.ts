/**
 * The POP3 server: accepts connections, gives each a Session, and emits
 * every session's events. `startServer` is the programmatic API that the
 * CLI and the tests use.
 */
import { EventEmitter } from 'node:events'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { createSecureContext, type SecureContext } from 'node:tls'
import { hostname } from 'node:os'
import type { Account, Reply } from './commands.js'
import { AccountRegistry } from './accounts.js'
import { listenOn } from './listen.js'
import type { AdminEndpoint, AdminOptions, AdminServer } from './admin/server.js'
import { fingerprintOf } from './certificate.js'
import { defaultMaxConnections } from './connection-limit.js'
import { isAdminEvent, type AdminEvent, type Pop3Event, type ServerEvent } from './events.js'
import { translator, type Translator } from './i18n/index.js'
import { LoginGuard, type LoginDelay, type LoginDelayOptions } from './login-guard.js'
import { loadMaillist } from './maillist.js'
import { Session, type SessionHost } from './session.js'
import { LiveState } from './state.js'
import { openMaildrop, recoverMaildrops, removeOwnerFiles } from './store/index.js'
import { transcriptRecorder, type TranscriptRecorder } from './transcripts.js'
import { VERSION } from './version.js'

export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 65000. */
  port?: number
  /** Address to listen on. Default 127.0.0.1 (this machine only). */
  host?: string
  /** Path of a maillist file; or give `accounts`. */
  maillist?: string
  accounts?: Account[]
  /** Auto-logout after this many idle seconds (RFC 1939 §3). Default 600. */
  timeout?: number
  /** Language of replies and explanations. Default "en". */
  lang?: string
  /** Language of the replies only (the text after +OK and -ERR), when it differs from `lang`. */
  wireLang?: string
  /** Show passwords in events instead of masking them. */
  showSecrets?: boolean
  /** Put the first lines of every multi-line response in its reply event. */
  captureBodies?: boolean
  /** Called with every POP3 event (also emitted as "event"). */
  onEvent?: (event: Pop3Event) => void
  /** Called with every event of the admin port. */
  onAdminEvent?: (event: AdminEvent) => void
  /** Open the admin port (docs/admin-protocol.md). */
  admin?: AdminOptions
  /** Record every session as a transcript (JSON lines) in this folder. */
  transcripts?: string
  /**
   * Connections served at once; the next one gets "-ERR [SYS/TEMP]" and is
   * closed. Default: a third of the open-files limit less 64, at most 4,000.
   */
  maxConnections?: number
  /** The wait after a failed login, per client address: 100 ms doubling to 500 ms by default; `{ max: 0 }` turns it off. */
  loginDelay?: LoginDelayOptions
  /** Also serve POP3S (TLS from the first byte, as on port 995) on this port, same host; 0 picks a free one. Needs `tls`. */
  tlsPort?: number
  /** The certificate and key (PEM): with them, STLS on the plain port, and the TLS listener if there is a `tlsPort`. */
  tls?: { cert: string | Buffer; key: string | Buffer }
  /** Refuse USER, PASS, APOP and AUTH until the connection is encrypted (STLS, or the TLS port). Needs `tls`. */
  requireTls?: boolean
}

export interface RunningServer extends EventEmitter {
  readonly host: string
  readonly port: number
  /** The POP3S port, when there is a TLS listener. */
  readonly tlsPort?: number
  /** The TLS certificate's SHA-256 fingerprint, as `openssl x509 -fingerprint -sha256` prints it. */
  readonly fingerprint?: string
  readonly accounts: readonly Account[]
  /** Sessions now open. */
  readonly sessions: number
  /** Connections served at once; more are refused. */
  readonly maxConnections: number
  /** Sessions, statistics and accounts, live: a snapshot, and every event to subscribe to. */
  readonly state: LiveState
  /** The admin port, when there is one. */
  readonly admin?: AdminEndpoint
  /** Stops listening and ends every session without UPDATE. */
  close(): Promise<void>
}

export class ListenError extends Error {
  /** `tls`: the POP3S listener's port was the problem, not the plain one's; `admin`: the admin port's. */
  constructor(readonly code: string, readonly host: string, readonly port: number, message: string, readonly tls = false, readonly admin = false) {
    super(message)
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const accounts = options.accounts ?? (options.maillist ? await loadMaillist(options.maillist) : undefined)
  if (!accounts) throw new TypeError('startServer needs a maillist path or a list of accounts')
  await recoverMaildrops(accounts.map(a => a.mailbox))
  const recorder = options.transcripts ? await transcriptRecorder(options.transcripts) : undefined
  if ((options.tlsPort !== undefined || options.requireTls) && !options.tls) throw new TypeError('startServer needs a certificate (tls) for a tlsPort or requireTls')
  const pop = new Pop3Server(new AccountRegistry(accounts, options.accounts ? undefined : options.maillist), options, recorder)
  const host = options.host ?? '127.0.0.1'
  const listeners: Listener[] = [{ host, port: options.port ?? 65000, tls: false }]
  if (options.tlsPort !== undefined) listeners.push({ host, port: options.tlsPort, tls: true })
  try {
    for (const l of listeners) await pop.listen(l)
    if (options.admin) await pop.openAdmin(options.admin)
  } catch (err) {
    await pop.close()
    throw err
  }
  return pop
}

/** One port the server accepts connections on; every listener shares the sessions, the connection limit and the events. */
export interface Listener {
  host: string
  /** 0 picks a free one. */
  port: number
  /** TLS from the first byte (POP3S, RFC 8314 §3.3), with the server's certificate. */
  tls: boolean
}

interface Bound {
  listener: Listener
  server: Server
  address?: AddressInfo
}

/** What a TLS connection may negotiate: TLS 1.2 and 1.3, Node's default ciphers (RFC 8314 §4.1 asks no less). */
const TLS_MIN_VERSION = 'TLSv1.2'

class Pop3Server extends EventEmitter implements RunningServer, SessionHost {
  readonly t: Translator
  #timeout: number
  readonly showSecrets: boolean
  readonly captureBodies: boolean
  readonly implementation = `smallpop3-${VERSION}`
  /** Changed live by the admin protocol (SET). */
  maxConnections: number
  readonly state: LiveState
  readonly transcripts?: string
  #admin?: AdminServer
  readonly #servers: Bound[] = []
  readonly secureContext?: SecureContext
  readonly requireTls: boolean
  readonly fingerprint?: string
  readonly #sessions = new Set<Session>()
  /** Sessions served, not counting the refused ones on their way out. */
  #served = 0
  readonly #guard: LoginGuard
  #nextId = 1
  #closing?: Promise<void>
  readonly #recorder?: TranscriptRecorder

  constructor(accounts: AccountRegistry, options: ServerOptions, recorder?: TranscriptRecorder) {
    super()
    this.#recorder = recorder
    this.transcripts = options.transcripts
    this.state = new LiveState(accounts, () => ({ maxConnections: this.maxConnections, timeout: this.timeoutSeconds }))
    this.t = translator(options.wireLang ?? options.lang)
    this.#timeout = options.timeout ?? 600
    this.showSecrets = options.showSecrets ?? false
    this.captureBodies = options.captureBodies ?? false
    this.maxConnections = options.maxConnections ?? defaultMaxConnections()
    this.#guard = new LoginGuard(options.loginDelay)
    const { onEvent, onAdminEvent } = options
    if (onEvent) this.state.subscribe(e => isAdminEvent(e) || onEvent(e))
    if (onAdminEvent) this.state.subscribe(e => isAdminEvent(e) && onAdminEvent(e))
    // "event" listeners too are called each on its own: EventEmitter's emit would let one that throws stop the rest, and the session
    this.state.subscribe(e => {
      if (isAdminEvent(e) || this.listenerCount('event') === 0) return
      for (const listener of this.rawListeners('event')) this.state.deliver(listener as (event: ServerEvent) => void, e)
    })
    this.requireTls = options.requireTls ?? false
    if (options.tls) {
      this.secureContext = createSecureContext({ ...options.tls, minVersion: TLS_MIN_VERSION })
      this.fingerprint = fingerprintOf(options.tls.cert)
    }
  }

  #bound(tls: boolean): AddressInfo | undefined {
    return this.#servers.find(s => s.listener.tls === tls)?.address
  }

  get host(): string {
    return this.#bound(false)!.address
  }

  get port(): number {
    return this.#bound(false)!.port
  }

  get tlsPort(): number | undefined {
    return this.#bound(true)?.port
  }

  get sessions(): number {
    return this.#served
  }

  get timeoutSeconds(): number {
    return this.#timeout
  }

  /** Changed live by the admin protocol (SET): every open session counts its idle time against the new one from now. */
  set timeoutSeconds(seconds: number) {
    this.#timeout = seconds
    for (const session of this.#sessions) session.retime()
  }

  get accounts(): readonly Account[] {
    return this.state.accounts.list
  }

  get admin(): AdminEndpoint | undefined {
    return this.#admin
  }

  async openAdmin(options: AdminOptions): Promise<void> {
    const host = options.host ?? '127.0.0.1'
    const { startAdmin } = await import('./admin/server.js') // loaded when there is an admin port: most servers have none
    try {
      this.#admin = await startAdmin(this, event => this.state.publish(event), options)
    } catch (err) {
      const e = err as NodeJS.ErrnoException
      throw new ListenError(e.code ?? 'ELISTEN', host, options.port, e.message, false, true)
    }
  }

  listen(listener: Listener): Promise<void> {
    const { host, port } = listener
    // half-open: a client that sends its commands and then ends its side still gets every answer.
    // On the TLS port too the connection is a TCP one: its session does the handshake (as after STLS),
    // so that a connection still in its handshake counts against the limit, and close() ends it.
    const server = createServer({ allowHalfOpen: true }, socket => this.#accept(socket, listener.tls))
    const entry: Bound = { listener, server }
    this.#servers.push(entry)
    return listenOn(server, port, host).then(
      address => void (entry.address = address),
      (err: NodeJS.ErrnoException) => {
        throw new ListenError(err.code ?? 'ELISTEN', host, port, err.message, listener.tls)
      },
    )
  }

  readonly #host = hostname()
  stamp = (session: number): string => `<${process.pid}.${session}.${Date.now()}@${this.#host}>`

  findAccount(user: string): Account | undefined {
    return this.state.accounts.find(user)
  }

  openMaildrop(account: Account) {
    return openMaildrop(account.mailbox, true)
  }

  loginSettled(address: string, user: string, ok: boolean, gone?: AbortSignal): Promise<LoginDelay | undefined> {
    return this.#guard.settle(address, user, ok, gone)
  }

  report(event: Pop3Event): void {
    // a failed handshake on the TLS port never was a session to record
    if (event.type !== 'tlsError' || event.stls) this.#recorder?.record(event)
    this.state.publish(event)
  }

  /** A new connection; on the TLS port (`tls`), its session begins with the handshake. */
  #accept(socket: Socket, tls: boolean): void {
    if (this.#closing) {
      socket.destroy()
      return
    }
    const session = new Session(this.#nextId++, socket, this, tls)
    this.#sessions.add(session)
    const full = this.#served >= this.maxConnections
    if (!full) this.#served++
    this.state.opened(session, `${socket.remoteAddress}:${socket.remotePort}`, full)
    session.done.then(() => {
      this.#sessions.delete(session)
      this.state.closed(session.id)
      if (!full) this.#served--
    })
    // RFC 3206: [SYS/TEMP], a problem on the server's side that may pass; everyone else goes on being served
    const refusal: Reply | undefined = full ? { ok: false, code: 'SYS/TEMP', key: 'server.full', params: { limit: this.maxConnections } } : undefined
    session.start(refusal)
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      const stopped = Promise.all(this.#servers.map(({ server }) => new Promise<void>(resolve => server.close(() => resolve()))))
      this.#guard.close() // the answers waiting after failed logins go out now
      const admin = this.#admin?.close()
      await Promise.all([...this.#sessions].map(s => s.shutdown()))
      await removeOwnerFiles() // the sessions' locks are gone: nothing links to them now
      await stopped
      await admin
      await this.#recorder?.close()
    })()
    return this.#closing
  }
}
