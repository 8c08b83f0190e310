/**
 * The structured events a server emits. Renderers (the coloured terminal
 * log, JSON lines) and later tools read these; none of them reads the
 * socket. Passwords are masked in the event when it is made (lib/secrets.ts),
 * before any renderer, JSON log or transcript sees it.
 */
import type { Params } from './i18n/index.js'
import type { MessageKey } from './i18n/index.js'
import type { LoginMethod, RespCode, State } from './commands.js'

interface Base {
  /** ISO 8601 time of the event. */
  time: string
  /** Session number, from 1, per server. */
  session: number
  /** The logged-in user, or the one named by USER. */
  user?: string
  /** Every event of an encrypted session (the POP3S port, or after STLS): what it sends and receives is encrypted. */
  tls?: true
  /**
   * The language the session chose with LANG (RFC 6856), from the reply
   * that switched to it on: its replies are in it, and the log explains
   * them in it too. None: the server's languages (--wire-lang, --lang).
   */
  lang?: string
}

/**
 * `full`: refused, the server had its maximum of connections; `endless`: a line without end was cut off;
 * `kicked`: an administrator disconnected the session (admin protocol KICK), without UPDATE.
 */
export type DisconnectReason = 'quit' | 'client' | 'timeout' | 'shutdown' | 'error' | 'full' | 'endless' | 'kicked'

export interface BodySummary {
  lines: number
  /** Octets before dot-stuffing. */
  octets: number
  /** Lines that got an extra leading ".". */
  stuffed: number
  /** The first lines as sent (dot-stuffed), when the server captures bodies. */
  text?: string[]
  truncated?: boolean
}

export type Pop3Event =
  /** On the TLS port, after the handshake: `tls` and what was negotiated. */
  | (Base & { type: 'connect'; remote: string; protocol?: string; cipher?: string })
  /**
   * A TLS handshake failed: on the TLS port (a plain-text client, say; then
   * the session never began) or after STLS (`stls`). The connection is closed.
   */
  | (Base & { type: 'tlsError'; remote: string; reason: string; stls?: true })
  /** STLS's handshake is done: from this event on, the session is encrypted. */
  | (Base & { type: 'starttls'; protocol: string; cipher: string })
  | (Base & { type: 'disconnect'; reason: DisconnectReason; detail?: string; seconds?: number })
  | (Base & {
      type: 'command'
      /** The line as received, printable, with any password masked (`PASS ********`). */
      raw: string
      /** The first word in capitals, known to the server or not; none for a line it could not read. */
      verb?: string
      /** The arguments, masked as in `raw`. */
      args: string[]
      /** Part of the line may be a password and is masked in `raw`, `verb` and `args`. */
      masked: boolean
      /**
       * The masked line in clear: only when the server runs with showSecrets,
       * for the logs to show. A transcript never keeps it.
       */
      clear?: { raw: string; verb?: string; args: string[]; decoded?: string }
      /** The line is the client's response to a challenge of this verb (SASL), not a command. */
      response?: string
      /** The base64 secret of the line decoded (SASL PLAIN: `\0user\0********`), masked like `raw`. */
      decoded?: string
      /** Over the 255-octet limit: `raw` holds only its start. */
      tooLong?: boolean
      octets: number
      state: State
    })
  | (Base & {
      type: 'reply'
      /** The status line as sent, without CRLF. */
      raw: string
      ok: boolean
      code?: RespCode
      key: MessageKey
      params: Params
      state: State
      next: State
      body?: BodySummary
    })
  | (Base & { type: 'login'; ok: boolean; method: LoginMethod; count?: number; octets?: number; code?: RespCode })
  /** The answer to a failed login waited, against password guessing. */
  | (Base & { type: 'delay'; ms: number; failures: number; address: string })
  | (Base & {
      type: 'update'
      ok: boolean
      kind: 'mbox' | 'maildir'
      path: string
      deleted: number
      left: number
      reason?: string
      /** The catalogue key of the reason, and its parameters, when it has one: the log says it in its own language. */
      reasonKey?: MessageKey
      reasonParams?: Params
      /** A maildir UPDATE that stopped after it began: the next login finishes it. */
      unfinished?: boolean
    })

export type Pop3EventType = Pop3Event['type']

/** What happens on the admin port (docs/admin-protocol.md): logged like POP3, never recorded in a transcript. */
interface AdminBase {
  time: string
  /** Admin connection number, from 1, per server (shown as A1, A2, ...). */
  admin: number
}

export type AdminEvent =
  | (AdminBase & { type: 'adminConnect'; remote: string })
  | (AdminBase & {
      type: 'adminCommand'
      /** The line as received, printable; the secret and passwords masked (`AUTH ********`). */
      raw: string
      /** The first word in capitals; none for a line that may hold the secret (masked whole). */
      verb?: string
      masked: boolean
      octets: number
      tooLong?: boolean
      /** The connection had given the secret when the line came. */
      authorized: boolean
    })
  | (AdminBase & { type: 'adminReply'; raw: string; ok: boolean; key: MessageKey; params: Params; lines?: number })
  /** A secret was tried: `ms` is how long the answer to a wrong one waited. */
  | (AdminBase & { type: 'adminAuth'; ok: boolean; remote: string; failures?: number; ms?: number })
  | (AdminBase & { type: 'adminDisconnect'; reason: DisconnectReason })
  /** BROADCAST: the administrator's message to the server's log. */
  | (AdminBase & { type: 'broadcast'; text: string })

export type AdminEventType = AdminEvent['type']

/** Everything a server reports: the POP3 sessions' events and the admin port's. */
export type ServerEvent = Pop3Event | AdminEvent

export const isAdminEvent = (event: ServerEvent): event is AdminEvent => 'admin' in event
