/**
 * The POP3 server: accepts connections, gives each a Session, and emits
 * every session's events. `startServer` is the programmatic API that the
 * CLI and the tests use.
 */
import { EventEmitter } from 'node:events'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { createServer as createTlsServer, type TLSSocket } from 'node:tls'
import { hostname } from 'node:os'
import type { Account, Reply } from './commands.js'
import { fingerprintOf } from './certificate.js'
import { defaultMaxConnections } from './connection-limit.js'
import type { Pop3Event } from './events.js'
import { translator, type Translator } from './i18n/index.js'
import { LoginGuard, type LoginDelay, type LoginDelayOptions } from './login-guard.js'
import { loadMaillist } from './maillist.js'
import { Session, type SessionHost } from './session.js'
import { openMaildrop, recoverMaildrop } from './store/index.js'
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
  /** The certificate and key (PEM) of the TLS listener. */
  tls?: { cert: string | Buffer; key: string | Buffer }
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
  constructor(readonly code: string, readonly host: string, readonly port: number, message: string) {
    super(message)
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const accounts = options.accounts ?? (options.maillist ? await loadMaillist(options.maillist) : undefined)
  if (!accounts) throw new TypeError('startServer needs a maillist path or a list of accounts')
  for (const mailbox of new Set(accounts.map(a => a.mailbox))) await recoverMaildrop(mailbox)
  const recorder = options.transcripts ? await transcriptRecorder(options.transcripts) : undefined
  if (options.tlsPort !== undefined && !options.tls) throw new TypeError('startServer needs a certificate (tls) to serve a tlsPort')
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
  readonly #tls?: { cert: string | Buffer; key: string | Buffer }
  readonly fingerprint?: string
  readonly #sessions = new Set<Session>()
  /** The TCP connections of the TLS listener, handshaking or not. */
  readonly #raw = new Set<Socket>()
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
    this.t = translator(options.lang)
    this.timeoutSeconds = options.timeout ?? 600
    this.showSecrets = options.showSecrets ?? false
    this.captureBodies = options.captureBodies ?? false
    this.maxConnections = options.maxConnections ?? defaultMaxConnections()
    this.#guard = new LoginGuard(options.loginDelay)
    this.#onEvent = options.onEvent
    this.#tls = options.tls
    if (options.tls) this.fingerprint = fingerprintOf(options.tls.cert)
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
    // half-open: a client that sends its commands and then ends its side still gets every answer
    const server = listener.tls
      ? createTlsServer({ ...this.#tls!, allowHalfOpen: true }, socket => this.#accept(socket, socket))
      : createServer({ allowHalfOpen: true }, socket => this.#accept(socket))
    if (listener.tls) {
      // a plain-text client on the TLS port, a client that distrusts the certificate: one log line, the server goes on
      server.on('tlsClientError', (err: NodeJS.ErrnoException, socket: TLSSocket) => {
        this.report({
          time: new Date().toISOString(), session: this.#nextId++, type: 'tlsError',
          remote: `${socket.remoteAddress}:${socket.remotePort}`, reason: err.code ?? err.message,
        })
        socket.destroy()
      })
      // a connection still in its handshake is no session yet: close() ends it, rather than wait for its timeout
      server.on('connection', (raw: Socket) => {
        this.#raw.add(raw)
        raw.once('close', () => this.#raw.delete(raw))
      })
    }
    const entry: Bound = { listener, server }
    this.#servers.push(entry)
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        reject(new ListenError(err.code ?? 'ELISTEN', host, port, err.message))
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

  stamp = (session: number): string => `<${process.pid}.${session}.${Date.now()}@${hostname()}>`

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
    if (event.type !== 'tlsError') this.#recorder?.record(event) // a failed handshake never was a session to record
    this.#onEvent?.(event)
    this.emit('event', event)
  }

  /** A new connection; on the TLS port, `secure` is the socket once its handshake is done. */
  #accept(socket: Socket, secure?: TLSSocket): void {
    if (this.#closing) {
      socket.destroy()
      return
    }
    const tls = secure ? { protocol: secure.getProtocol() ?? '?', cipher: secure.getCipher().name } : undefined
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
      for (const raw of this.#raw) raw.destroy()
      await stopped
      await this.#recorder?.close()
    })()
    return this.#closing
  }
}
