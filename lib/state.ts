/**
 * The server's live state, in one home: the open sessions, the statistics
 * since start-up and the account registry, kept up to date from the events
 * as they happen, for whoever wants to look (the admin protocol, the
 * browser view) through a snapshot, or to follow along through subscribe.
 * Nothing here is recomputed from a history: each event costs a few
 * counters and one map lookup, never a copy, because the server serves
 * thousands of sessions a second and every one of their events passes here.
 *
 * Every event of the server reaches every listener through `publish`, each
 * call on its own: a listener that throws (or rejects) is counted and named
 * once in a warning, and neither the server nor the other listeners notice.
 */
import type { Account, State } from './commands.js'
import { isVerb } from './commands.js'
import type { AccountRegistry } from './accounts.js'
import type { ServerEvent } from './events.js'
import { english } from './i18n/index.js'

export type StateListener = (event: ServerEvent) => void

/** What the state reads from a session object, live, and the one thing it may ask of it. */
export interface LiveSession {
  readonly id: number
  readonly user: string | undefined
  readonly state: State
  /** What the TLS handshake negotiated; none while the connection is plain. */
  readonly tls: object | undefined
  /** Disconnects without UPDATE; false when the session is already ending (or committing). */
  kick(): boolean
}

export interface SessionInfo {
  id: number
  /** The logged-in user, or the one named by USER. */
  user?: string
  /** Address and port of the client. */
  remote: string
  state: State
  /** The last line the client sent, as the log shows it (passwords masked). */
  lastCommand?: string
  /** Seconds since the last command (since the connection, before any). */
  idle: number
  /** When the connection came (ISO 8601). */
  since: string
  tls: boolean
  /** Octets of command lines received, and of replies sent (status lines, bodies dot-stuffed, terminators). */
  bytesIn: number
  bytesOut: number
  commands: number
}

export interface Statistics {
  started: string
  /** Seconds since start-up. */
  uptime: number
  connections: { now: number; total: number; refused: number }
  logins: { ok: number; failed: number }
  bytes: { in: number; out: number }
  /** Commands by verb; lines with no known verb as "other". */
  commands: Record<string, number>
  /** -ERR replies by their catalogue key, and failed TLS handshakes as "tls". */
  errors: Record<string, number>
  /** How sessions ended, by reason. */
  disconnects: Record<string, number>
  updates: { ok: number; failed: number; deleted: number }
  admin: { now: number; total: number; wrongSecrets: number }
  /** Calls of state listeners that threw. */
  listenerErrors: number
}

export interface Settings {
  maxConnections: number
  /** The auto-logout timeout, in seconds. */
  timeout: number
}

export interface AccountInfo {
  user: string
  /** As the maillist names it. */
  mailbox: string
  /** Sessions logged in as this user now. */
  sessions: number
}

export interface StateSnapshot {
  time: string
  settings: Settings
  statistics: Statistics
  sessions: SessionInfo[]
  accounts: AccountInfo[]
}

interface Tracked {
  session: LiveSession
  remote: string
  since: number
  last: number
  lastCommand?: string
  bytesIn: number
  bytesOut: number
  commands: number
  /** Over the connection limit: answered and closed at once, not a session to list. */
  refused: boolean
}

/** `count[key]++` without a prototype in the way (a verb named "constructor"). */
function bump(count: Record<string, number>, key: string, by = 1): void {
  count[key] = (count[key] ?? 0) + by
}

const OTHER = 'other'
/** A multi-line reply's terminator: ".", CRLF. */
const TERMINATOR_OCTETS = 3

export class LiveState {
  readonly accounts: AccountRegistry
  readonly #settings: () => Settings
  readonly #started = Date.now()
  readonly #sessions = new Map<number, Tracked>()
  #listeners: readonly StateListener[] = []
  readonly #warned = new WeakSet<StateListener>()
  readonly #connections = { now: 0, total: 0, refused: 0 }
  readonly #logins = { ok: 0, failed: 0 }
  readonly #bytes = { in: 0, out: 0 }
  readonly #commands: Record<string, number> = Object.create(null)
  readonly #errors: Record<string, number> = Object.create(null)
  readonly #disconnects: Record<string, number> = Object.create(null)
  readonly #updates = { ok: 0, failed: 0, deleted: 0 }
  readonly #admin = { now: 0, total: 0, wrongSecrets: 0 }
  #listenerErrors = 0

  constructor(accounts: AccountRegistry, settings: () => Settings) {
    this.accounts = accounts
    this.#settings = settings
  }

  /** A connection was accepted, before its first event; `refused`: over the limit, on its way out. */
  opened(session: LiveSession, remote: string, refused = false): void {
    const now = Date.now()
    this.#sessions.set(session.id, { session, remote, since: now, last: now, bytesIn: 0, bytesOut: 0, commands: 0, refused })
    this.#connections.total++
    if (refused) this.#connections.refused++
    else this.#connections.now++
  }

  /** The session has ended (its lock released). */
  closed(id: number): void {
    const tracked = this.#sessions.get(id)
    if (!tracked) return
    this.#sessions.delete(id)
    if (!tracked.refused) this.#connections.now--
  }

  /** An open session, to kick; none for a number not (or no longer) served. */
  session(id: number): LiveSession | undefined {
    const tracked = this.#sessions.get(id)
    return tracked && !tracked.refused ? tracked.session : undefined
  }

  /**
   * Follows every event from now on; returns the function that stops it.
   * The listener is called on its own: if it throws, the others are still called.
   */
  subscribe(listener: StateListener): () => void {
    this.#listeners = [...this.#listeners, listener]
    return () => {
      this.#listeners = this.#listeners.filter(l => l !== listener)
    }
  }

  /** Counts an event, then hands it to every listener. */
  publish(event: ServerEvent): void {
    this.#count(event)
    // the list is replaced, never changed, by (un)subscribe: a listener that unsubscribes while called changes nothing here
    for (const listener of this.#listeners) this.deliver(listener, event)
  }

  /** Calls one listener with an event, on its own: what it throws (or rejects with) is counted, and stops there. */
  deliver(listener: StateListener, event: ServerEvent): void {
    try {
      const result: unknown = listener(event)
      if (result instanceof Promise) result.catch(err => this.#failed(listener, err))
    } catch (err) {
      this.#failed(listener, err)
    }
  }

  #failed(listener: StateListener, err: unknown): void {
    this.#listenerErrors++
    if (this.#warned.has(listener)) return
    this.#warned.add(listener)
    process.emitWarning(english('state.listenerFailed', { reason: (err as Error)?.message ?? String(err) }))
  }

  #count(event: ServerEvent): void {
    switch (event.type) {
      case 'command': {
        const tracked = this.#sessions.get(event.session)
        this.#bytes.in += event.octets
        if (event.response === undefined) bump(this.#commands, event.verb !== undefined && isVerb(event.verb) ? event.verb : OTHER)
        if (!tracked) return
        tracked.bytesIn += event.octets
        tracked.last = Date.now()
        tracked.lastCommand = event.raw
        tracked.commands++
        return
      }
      case 'reply': {
        const body = event.body
        const octets = Buffer.byteLength(event.raw) + 2 + (body ? body.octets + body.stuffed + TERMINATOR_OCTETS : 0)
        this.#bytes.out += octets
        const tracked = this.#sessions.get(event.session)
        if (tracked) tracked.bytesOut += octets
        if (!event.ok) bump(this.#errors, event.key)
        return
      }
      case 'login':
        if (event.ok) this.#logins.ok++
        else this.#logins.failed++
        return
      case 'disconnect':
        bump(this.#disconnects, event.reason)
        return
      case 'update':
        if (event.ok) {
          this.#updates.ok++
          this.#updates.deleted += event.deleted
        } else this.#updates.failed++
        return
      case 'tlsError':
        bump(this.#errors, 'tls')
        return
      case 'adminConnect':
        this.#admin.now++
        this.#admin.total++
        return
      case 'adminDisconnect':
        this.#admin.now--
        return
      case 'adminAuth':
        if (!event.ok) this.#admin.wrongSecrets++
        return
    }
  }

  get settings(): Settings {
    return this.#settings()
  }

  statistics(): Statistics {
    return {
      started: new Date(this.#started).toISOString(),
      uptime: Math.floor((Date.now() - this.#started) / 1000),
      connections: { ...this.#connections },
      logins: { ...this.#logins },
      bytes: { ...this.#bytes },
      commands: { ...this.#commands },
      errors: { ...this.#errors },
      disconnects: { ...this.#disconnects },
      updates: { ...this.#updates },
      admin: { ...this.#admin },
      listenerErrors: this.#listenerErrors,
    }
  }

  /** The open sessions, oldest first. */
  sessions(): SessionInfo[] {
    const now = Date.now()
    const out: SessionInfo[] = []
    for (const t of this.#sessions.values()) {
      if (t.refused) continue
      const { session } = t
      const user = session.user
      out.push({
        id: session.id, ...(user === undefined ? {} : { user }), remote: t.remote, state: session.state,
        ...(t.lastCommand === undefined ? {} : { lastCommand: t.lastCommand }),
        idle: Math.floor((now - t.last) / 1000), since: new Date(t.since).toISOString(), tls: session.tls !== undefined,
        bytesIn: t.bytesIn, bytesOut: t.bytesOut, commands: t.commands,
      })
    }
    return out
  }

  /** The accounts in maillist order (never their passwords), with how many sessions each has logged in now. */
  accountList(): AccountInfo[] {
    const loggedIn = new Map<string, number>()
    for (const t of this.#sessions.values()) {
      const s = t.session
      if (s.state !== 'AUTHORIZATION' && s.user !== undefined) loggedIn.set(s.user, (loggedIn.get(s.user) ?? 0) + 1)
    }
    return this.accounts.list.map((a: Account) => ({ user: a.user, mailbox: this.accounts.shown(a), sessions: loggedIn.get(a.user) ?? 0 }))
  }

  snapshot(): StateSnapshot {
    return { time: new Date().toISOString(), settings: this.settings, statistics: this.statistics(), sessions: this.sessions(), accounts: this.accountList() }
  }
}
