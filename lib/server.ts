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
import { fingerprintOf } from './certificate.js'
import { defaultMaxConnections } from './connection-limit.js'
import type { Pop3Event } from './events.js'
import { translator, type Translator } from './i18n/index.js'
import { LoginGuard, type LoginDelay, type LoginDelayOptions } from './login-guard.js'
import { loadMaillist } from './maillist.js'
import { Session, type SessionHost } from './session.js'
import { openMaildrop, recoverMaildrops } from './store/index.js'
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
  /** Called with every event (also emitted as "event"). */
  onEvent?: (event: Pop3Event) => void
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
  /** Stops listening and ends every session without UPDATE. */
  close(): Promise<void>
}

export class ListenError extends Error {
  /** `tls`: the POP3S listener's port was the problem, not the plain one's. */
  constructor(readonly code: string, readonly host: string, readonly port: number, message: string, readonly tls = false) {
    super(message)
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const accounts = options.accounts ?? (options.maillist ? await loadMaillist(options.maillist) : undefined)
  if (!accounts) throw new TypeError('startServer needs a maillist path or a list of accounts')
  await recoverMaildrops(accounts.map(a => a.mailbox))
  const recorder = options.transcripts ? await transcriptRecorder(options.transcripts) : undefined
  if ((options.tlsPort !== undefined || options.requireTls) && !options.tls) throw new TypeError('startServer needs a certificate (tls) for a tlsPort or requireTls')
  const pop = new Pop3Server(accounts, options, recorder)
  const host = options.host ?? '127.0.0.1'
  const listeners: Listener[] = [{ host, port: options.port ?? 65000, tls: false }]
  if (options.tlsPort !== undefined) listeners.push({ host, port: options.tlsPort, tls: true })
  try {
    for (const l of listeners) await pop.listen(l)
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
  readonly timeoutSeconds: number
  readonly showSecrets: boolean
  readonly captureBodies: boolean
  readonly implementation = `smallpop3-${VERSION}`
  readonly accounts: readonly Account[]
  readonly maxConnections: number
  readonly #byUser: Map<string, Account>
  readonly #servers: Bound[] = []
  readonly secureContext?: SecureContext
  readonly requireTls: boolean
  readonly fingerprint?: string
  readonly #sessions = new Set<Session>()
  /** Sessions served, not counting the refused ones on their way out. */
  #served = 0
  readonly #guard: LoginGuard
  readonly #onEvent?: (event: Pop3Event) => void
  #nextId = 1
  #closing?: Promise<void>
  readonly #recorder?: TranscriptRecorder

  constructor(accounts: Account[], options: ServerOptions, recorder?: TranscriptRecorder) {
    super()
    this.#recorder = recorder
    this.accounts = accounts
    this.#byUser = new Map(accounts.map(a => [a.user, a]))
    this.t = translator(options.wireLang ?? options.lang)
    this.timeoutSeconds = options.timeout ?? 600
    this.showSecrets = options.showSecrets ?? false
    this.captureBodies = options.captureBodies ?? false
    this.maxConnections = options.maxConnections ?? defaultMaxConnections()
    this.#guard = new LoginGuard(options.loginDelay)
    this.#onEvent = options.onEvent
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

  listen(listener: Listener): Promise<void> {
    const { host, port } = listener
    // half-open: a client that sends its commands and then ends its side still gets every answer.
    // On the TLS port too the connection is a TCP one: its session does the handshake (as after STLS),
    // so that a connection still in its handshake counts against the limit, and close() ends it.
    const server = createServer({ allowHalfOpen: true }, socket => this.#accept(socket, listener.tls))
    const entry: Bound = { listener, server }
    this.#servers.push(entry)
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        reject(new ListenError(err.code ?? 'ELISTEN', host, port, err.message, listener.tls))
      }
      server.once('error', onError)
      server.listen({ port, host, ipv6Only: false }, () => {
        server.off('error', onError)
        // After start-up (out of file descriptors, say), a failed accept costs one connection, not the server.
        server.on('error', () => {})
        entry.address = server.address() as AddressInfo
        resolve()
      })
    })
  }

  readonly #host = hostname()
  stamp = (session: number): string => `<${process.pid}.${session}.${Date.now()}@${this.#host}>`

  findAccount(user: string): Account | undefined {
    return this.#byUser.get(user)
  }

  openMaildrop(account: Account) {
    return openMaildrop(account.mailbox)
  }

  loginSettled(address: string, user: string, ok: boolean, gone?: AbortSignal): Promise<LoginDelay | undefined> {
    return this.#guard.settle(address, user, ok, gone)
  }

  report(event: Pop3Event): void {
    // a failed handshake on the TLS port never was a session to record
    if (event.type !== 'tlsError' || event.stls) this.#recorder?.record(event)
    this.#onEvent?.(event)
    this.emit('event', event)
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
    session.done.then(() => {
      this.#sessions.delete(session)
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
      await Promise.all([...this.#sessions].map(s => s.shutdown()))
      await stopped
      await this.#recorder?.close()
    })()
    return this.#closing
  }
}
