/**
 * The POP3 server: accepts connections, gives each a Session, and emits
 * every session's events. `startServer` is the programmatic API that the
 * CLI and the tests use.
 */
import { EventEmitter } from 'node:events'
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { hostname } from 'node:os'
import type { Account, Reply } from './commands.js'
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
}

export interface RunningServer extends EventEmitter {
  readonly host: string
  readonly port: number
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
  const pop = new Pop3Server(accounts, options, recorder)
  await pop.listen(options.port ?? 65000, options.host ?? '127.0.0.1')
  return pop
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
  readonly #server: Server
  readonly #sessions = new Set<Session>()
  /** Sessions served, not counting the refused ones on their way out. */
  #served = 0
  readonly #guard: LoginGuard
  readonly #onEvent?: (event: Pop3Event) => void
  #nextId = 1
  #address?: AddressInfo
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
    // half-open: a client that sends its commands and then ends its side still gets every answer
    this.#server = createServer({ allowHalfOpen: true }, socket => this.#accept(socket))
  }

  get host(): string {
    return this.#address!.address
  }

  get port(): number {
    return this.#address!.port
  }

  get sessions(): number {
    return this.#served
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        reject(new ListenError(err.code ?? 'ELISTEN', host, port, err.message))
      }
      this.#server.once('error', onError)
      this.#server.listen({ port, host, ipv6Only: false }, () => {
        this.#server.off('error', onError)
        // After start-up (out of file descriptors, say), a failed accept costs one connection, not the server.
        this.#server.on('error', () => {})
        this.#address = this.#server.address() as AddressInfo
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
    this.#recorder?.record(event)
    this.#onEvent?.(event)
    this.emit('event', event)
  }

  #accept(socket: Socket): void {
    if (this.#closing) {
      socket.destroy()
      return
    }
    const session = new Session(this.#nextId++, socket, this)
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
      const stopped = new Promise<void>(resolve => this.#server.close(() => resolve()))
      this.#guard.close() // the answers waiting after failed logins go out now
      await Promise.all([...this.#sessions].map(s => s.shutdown()))
      await stopped
      await this.#recorder?.close()
    })()
    return this.#closing
  }
}
