/**
 * The POP3 command table (RFC 1939, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034
 * AUTH, RFC 6856 LANG) and its handlers.
 *
 * Each verb declares the states it is valid in, how many arguments it takes
 * and its RFC section; `dispatch` parses a line and checks all of that once,
 * so a handler only does its own work. Handlers never touch the socket: they
 * return a Reply that the responder writes.
 */
import { createHash } from 'node:crypto'
import { catalogue, languageOf, LANGUAGES, reasonOf, type MessageKey, type Param, type Params, type Translator } from './i18n/index.js'
import type { Maildrop } from './store/index.js'
import { StoreError } from './store/index.js'
import { MECHANISM_NAME, MECHANISMS, readPlain, showPlain } from './sasl.js'

export type State = 'AUTHORIZATION' | 'TRANSACTION' | 'UPDATE'

/** RFC 2449 §8 / RFC 3206 response codes, sent as "-ERR [CODE] text". */
export type RespCode = 'AUTH' | 'IN-USE' | 'SYS/TEMP' | 'SYS/PERM'

export type Body =
  | { kind: 'lines'; lines: string[] }
  | { kind: 'message'; index: number; top?: number }

export interface Reply {
  ok: boolean
  /** Catalogue key of the text after +OK / -ERR (its explanation is `key.explain`). */
  key: MessageKey
  params?: Params
  code?: RespCode
  /** A multi-line response follows the status line. */
  body?: Body
  /** The state after this reply, when it changes. */
  next?: State
  /** Close the connection once the reply is sent. */
  close?: boolean
  /** This reply answers a login attempt (reported as a login event). */
  login?: LoginMethod
  /** Once this reply is sent, the connection turns to TLS (STLS, RFC 2595 §4). */
  upgrade?: true
  /**
   * A SASL continuation (RFC 5034 §4): the status line is "+ " and this
   * base64 challenge, and the client's next line is its response, for the
   * command's `respond`.
   */
  challenge?: string
}

export type LoginMethod = 'USER/PASS' | 'APOP' | 'SASL PLAIN'

export interface Account {
  user: string
  password: string
  mailbox: string
}

/** What a handler may read and change: one session's protocol state. */
export interface SessionContext {
  state: State
  /** The user named by USER, waiting for PASS. */
  pendingUser?: string
  /** The logged-in user. */
  user?: string
  maildrop?: Maildrop
  deleted: Set<number>
  /** The connection is encrypted: the POP3S port, or after STLS. */
  readonly secure: boolean
  /** The server has a certificate, so STLS can turn this connection to TLS. */
  readonly tlsAvailable: boolean
  /** The server takes credentials only over TLS (--require-tls). */
  readonly requireTls: boolean
  /** The greeting's timestamp, for APOP (RFC 1939 §7). */
  readonly stamp: string
  readonly implementation: string
  /** The language this session chose with LANG (RFC 6856); none: the server's. */
  lang?: string
  /** The session's language, for its replies and the reasons put into them. */
  readonly t: Translator
  findAccount(user: string): Account | undefined
  openMaildrop(account: Account): Promise<Maildrop>
}

export interface CommandSpec {
  verb: string
  states: readonly State[]
  /** Fewest and most arguments. */
  args: readonly [number, number]
  /**
   * Shown when the arguments are wrong: how the command is written, as a
   * catalogue key (the verb as it is, the words for its arguments in the
   * reply's language); none for a verb that takes no arguments.
   */
  usage?: MessageKey
  rfc: string
  /** The whole rest of the line is one argument (PASS may hold spaces: RFC 1939 §7). */
  restOfLine?: boolean
  /**
   * A line of this verb, or of a near miss of it, may carry a password:
   * everything after its first `keep` arguments is masked in the events
   * (lib/secrets.ts). With `next`, so is the line after it when that line
   * is not a command: a password typed on a line of its own. What matches
   * `unless` is no secret (APOP's digest: a password typed in its place is).
   * With `kept`, the first `keep` words are kept only when each matches it
   * (AUTH's mechanism: credentials typed in its place are masked too).
   */
  secret?: { keep: number; kept?: RegExp; next?: boolean; unless?: RegExp; decode?: (secret: string, mask?: string) => string | undefined }
  /** The verb sends credentials: with --require-tls it is refused until the connection is encrypted. */
  credentials?: true
  run(ctx: SessionContext, args: string[]): Reply | Promise<Reply>
  /** Reads the client's response to a `challenge` of this verb's reply (SASL). */
  respond?(ctx: SessionContext, line: string): Reply | Promise<Reply>
}

const AUTH: readonly State[] = ['AUTHORIZATION']
const TRANS: readonly State[] = ['TRANSACTION']
const BOTH: readonly State[] = ['AUTHORIZATION', 'TRANSACTION']

const err = (key: MessageKey, params?: Params, code?: RespCode): Reply => ({ ok: false, key, params, code })
const ok = (key: MessageKey, params?: Params, extra: Partial<Reply> = {}): Reply => ({ ok: true, key, params, ...extra })

/** Messages not marked deleted: their count and total octets. */
function live(ctx: SessionContext): { count: number; octets: number } {
  let count = 0
  let octets = 0
  ctx.maildrop!.messages.forEach((m, i) => {
    if (!ctx.deleted.has(i)) {
      count++
      octets += m.size
    }
  })
  return { count, octets }
}

/** A count or a message number as the commands read one: decimal digits only ("+1", "1.0" and " 1" are not). */
export const countOf = (arg: string | undefined): number | undefined => (arg !== undefined && /^\d+$/.test(arg) ? Number(arg) : undefined)

/**
 * Parses a message-number argument: the 0-based index, or the error reply.
 * A message marked with DELE is refused with `deleted`, the command's own
 * key (what it means depends on the command); without one it is taken.
 */
function message(ctx: SessionContext, arg: string, deleted?: MessageKey): number | Reply {
  const total = ctx.maildrop!.messages.length
  if (total === 0) return err('msg.emptyDrop', { arg })
  const n = countOf(arg)
  if (n === undefined) return err('msg.notNumber', { arg, total })
  if (n < 1 || n > total) return err(n === 0 ? 'msg.zero' : 'msg.none', { n: arg, total })
  if (deleted && ctx.deleted.has(n - 1)) return err(deleted, { n })
  return n - 1
}

async function login(ctx: SessionContext, account: Account, method: LoginMethod): Promise<Reply> {
  let md: Maildrop
  try {
    md = await ctx.openMaildrop(account)
  } catch (e) {
    if (e instanceof StoreError && e.code === 'EINUSE') return { ...err('login.inUse', { user: account.user }, 'IN-USE'), login: method }
    // RFC 3206: a maildrop that is missing or not a maildrop needs its administrator (PERM);
    // anything else (out of file descriptors, a disk error) may pass (TEMP)
    const permanent = e instanceof StoreError && e.code === 'EMAILDROP'
    return { ...err('login.failed', { user: account.user, reason: reasonOf(e, ctx.t) }, permanent ? 'SYS/PERM' : 'SYS/TEMP'), login: method }
  }
  ctx.pendingUser = undefined
  ctx.user = account.user
  ctx.maildrop = md
  ctx.deleted.clear()
  const { count, octets } = live(ctx)
  return ok('login.ok', { user: account.user, count, octets }, { next: 'TRANSACTION', login: method })
}

/** Credentials are refused on this connection: TLS is required and it is not encrypted yet. */
export const mustEncrypt = (ctx: Pick<SessionContext, 'requireTls' | 'secure'>): boolean => ctx.requireTls && !ctx.secure

/**
 * The capabilities this connection really has now (RFC 2449 §6), in CAPA
 * order. USER and SASL are announced in both states (IANA's registry:
 * "both"): they tell how this server may be logged in to, and are left out
 * while credentials would be refused (--require-tls before TLS). STLS only
 * while it can be used: before login, not yet encrypted (RFC 2595 §4).
 */
export function capabilities(ctx: SessionContext): string[] {
  const login = mustEncrypt(ctx) ? [] : ['USER', `SASL ${MECHANISMS.join(' ')}`]
  const stls = ctx.tlsAvailable && !ctx.secure && ctx.state === 'AUTHORIZATION' ? ['STLS'] : []
  return ['TOP', 'UIDL', ...login, ...stls, 'PIPELINING', 'RESP-CODES', 'AUTH-RESP-CODE', 'EXPIRE NEVER', 'LANG', `IMPLEMENTATION ${ctx.implementation}`]
}

/** A language's name in its own words ("Español"), as LANG shows it beside its tag (RFC 6856 §3). */
const ownName = (lang: string): string => catalogue(lang)['language.name']

/** AUTH PLAIN's credentials, from the command line or the response to its "+" (RFC 4616). */
async function plain(ctx: SessionContext, text: string): Promise<Reply> {
  const read = readPlain(text)
  if (!read.ok) return err(read.why === 'base64' ? 'auth.notBase64' : 'auth.notPlain')
  // no proxy logins: the identity to act as is empty or the user's own (RFC 4616 §2), decided before the password is looked at
  if (read.authzid !== '' && read.authzid !== read.user) return err('auth.authzid', { user: read.user, authzid: read.authzid })
  const account = ctx.findAccount(read.user)
  if (!account || account.password !== read.password) return { ...err('auth.wrong', { user: read.user }, 'AUTH'), login: 'SASL PLAIN' }
  return login(ctx, account, 'SASL PLAIN')
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    verb: 'USER', states: AUTH, args: [1, 1], usage: 'usage.USER', rfc: 'RFC 1939 §7', secret: { keep: 1, next: true }, credentials: true,
    run(ctx, [name]) {
      if (!ctx.findAccount(name!)) {
        ctx.pendingUser = undefined
        return err('user.unknown', { user: name }, 'AUTH')
      }
      ctx.pendingUser = name
      return ok('user.ok', { user: name })
    },
  },
  {
    verb: 'PASS', states: AUTH, args: [1, 1], usage: 'usage.PASS', rfc: 'RFC 1939 §7', restOfLine: true, secret: { keep: 0 }, credentials: true,
    async run(ctx, [password]) {
      const account = ctx.pendingUser ? ctx.findAccount(ctx.pendingUser) : undefined
      if (!account) return err('pass.noUser')
      if (account.password !== password) {
        ctx.pendingUser = undefined
        return { ...err('pass.wrong', { user: account.user }, 'AUTH'), login: 'USER/PASS' }
      }
      return login(ctx, account, 'USER/PASS')
    },
  },
  {
    verb: 'APOP', states: AUTH, args: [2, 2], usage: 'usage.APOP', rfc: 'RFC 1939 §7', secret: { keep: 1, unless: /^[0-9a-f]{32}$/i }, credentials: true,
    async run(ctx, [name, digest]) {
      const account = ctx.findAccount(name!)
      const expected = account && createHash('md5').update(ctx.stamp + account.password).digest('hex')
      ctx.pendingUser = undefined
      if (!account || digest!.toLowerCase() !== expected) return { ...err('apop.wrong', { user: name }, 'AUTH'), login: 'APOP' }
      return login(ctx, account, 'APOP')
    },
  },
  {
    verb: 'AUTH', states: AUTH, args: [0, 2], usage: 'usage.AUTH', rfc: 'RFC 5034 §4', credentials: true,
    secret: { keep: 1, kept: MECHANISM_NAME, decode: showPlain },
    run(ctx, [mechanism, initial]) {
      // the mechanisms as a list: a reply joins them as its language does ("PLAIN and LOGIN", "PLAIN y LOGIN")
      if (mechanism === undefined) return ok('auth.list', { list: MECHANISMS }, { body: { kind: 'lines', lines: [...MECHANISMS] } })
      // credentials where the mechanism goes: not echoed, since the base64 shows the password
      if (!MECHANISM_NAME.test(mechanism)) return err('auth.noMechanism', { list: MECHANISMS })
      if (!(MECHANISMS as readonly string[]).includes(mechanism.toUpperCase())) return err('auth.unknown', { mechanism, list: MECHANISMS })
      ctx.pendingUser = undefined
      if (initial === undefined) return { ok: true, key: 'auth.continue', challenge: '' }
      return plain(ctx, initial)
    },
    respond(ctx, line) {
      if (line === '*') return err('auth.cancelled') // RFC 5034 §4: the client gives up
      return plain(ctx, line)
    },
  },
  {
    // valid in AUTHORIZATION only (RFC 2595 §4); taken in both states so that the refusal can say why
    verb: 'STLS', states: BOTH, args: [0, 0], rfc: 'RFC 2595 §4',
    run(ctx) {
      if (ctx.secure) return err('stls.already')
      if (ctx.state !== 'AUTHORIZATION') return err('stls.loggedIn')
      if (!ctx.tlsAvailable) return err('stls.unavailable')
      ctx.pendingUser = undefined // a name given in clear is forgotten: the client starts again, encrypted
      return ok('stls.ok', {}, { upgrade: true })
    },
  },
  {
    verb: 'QUIT', states: BOTH, args: [0, 0], rfc: 'RFC 1939 §4, §6',
    run(ctx) {
      if (ctx.state === 'AUTHORIZATION') return ok('quit.auth', {}, { close: true })
      // The commit itself happens in the session, which owns the UPDATE state.
      return ok('quit.update', {}, { next: 'UPDATE', close: true })
    },
  },
  {
    verb: 'STAT', states: TRANS, args: [0, 0], rfc: 'RFC 1939 §5',
    run(ctx) {
      return ok('stat.ok', live(ctx))
    },
  },
  {
    verb: 'LIST', states: TRANS, args: [0, 1], usage: 'usage.LIST', rfc: 'RFC 1939 §5',
    run(ctx, [arg]) {
      const msgs = ctx.maildrop!.messages
      if (arg === undefined) {
        const lines = msgs.flatMap((m, i) => (ctx.deleted.has(i) ? [] : [`${i + 1} ${m.size}`]))
        return ok('list.all', live(ctx), { body: { kind: 'lines', lines } })
      }
      const i = message(ctx, arg, 'msg.deleted.list')
      if (typeof i !== 'number') return i
      return ok('list.one', { n: i + 1, size: msgs[i]!.size })
    },
  },
  {
    verb: 'RETR', states: TRANS, args: [1, 1], usage: 'usage.RETR', rfc: 'RFC 1939 §5',
    run(ctx, [arg]) {
      const i = message(ctx, arg!, 'msg.deleted')
      if (typeof i !== 'number') return i
      ctx.maildrop!.seen(i)
      return ok('retr.ok', { n: i + 1, size: ctx.maildrop!.messages[i]!.size }, { body: { kind: 'message', index: i } })
    },
  },
  {
    verb: 'DELE', states: TRANS, args: [1, 1], usage: 'usage.DELE', rfc: 'RFC 1939 §5',
    run(ctx, [arg]) {
      const i = message(ctx, arg!)
      if (typeof i !== 'number') return i
      if (ctx.deleted.has(i)) return err('dele.already', { n: i + 1 })
      ctx.deleted.add(i)
      return ok('dele.ok', { n: i + 1 })
    },
  },
  {
    verb: 'NOOP', states: TRANS, args: [0, 0], rfc: 'RFC 1939 §5',
    run() {
      return ok('noop.ok')
    },
  },
  {
    verb: 'RSET', states: TRANS, args: [0, 0], rfc: 'RFC 1939 §5',
    run(ctx) {
      const restored = ctx.deleted.size
      ctx.deleted.clear()
      return ok('rset.ok', { ...live(ctx), restored })
    },
  },
  {
    verb: 'TOP', states: TRANS, args: [2, 2], usage: 'usage.TOP', rfc: 'RFC 1939 §7',
    run(ctx, [arg, linesArg]) {
      const i = message(ctx, arg!, 'msg.deleted.top')
      if (typeof i !== 'number') return i
      const top = countOf(linesArg)
      if (top === undefined) return err('top.badLines', { arg: linesArg, n: i + 1 })
      return ok(top === 0 ? 'top.headers' : 'top.ok', { n: i + 1, lines: top }, { body: { kind: 'message', index: i, top } })
    },
  },
  {
    verb: 'UIDL', states: TRANS, args: [0, 1], usage: 'usage.UIDL', rfc: 'RFC 1939 §7',
    run(ctx, [arg]) {
      const msgs = ctx.maildrop!.messages
      if (arg === undefined) {
        const lines = msgs.flatMap((m, i) => (ctx.deleted.has(i) ? [] : [`${i + 1} ${m.uid}`]))
        return ok('uidl.all', live(ctx), { body: { kind: 'lines', lines } })
      }
      const i = message(ctx, arg, 'msg.deleted.uidl')
      if (typeof i !== 'number') return i
      return ok('uidl.one', { n: i + 1, uid: msgs[i]!.uid })
    },
  },
  {
    // RFC 6856 §3: the language of the text after +OK and -ERR, for this session; "*" is the server's own
    verb: 'LANG', states: BOTH, args: [0, 1], usage: 'usage.LANG', rfc: 'RFC 6856 §3',
    run(ctx, [tag]) {
      if (tag === undefined) return ok('lang.list', {}, { body: { kind: 'lines', lines: LANGUAGES.map(l => `${l} ${ownName(l)}`) } })
      const lang = tag === '*' ? undefined : languageOf(tag)
      if (tag !== '*' && !lang) return err('lang.unknown', { tag, list: LANGUAGES.map(l => `${l} (${ownName(l)})`) })
      ctx.lang = lang
      // answered in the language chosen, its tag first
      return ok('lang.ok', { tag: ctx.t.lang })
    },
  },
  {
    verb: 'CAPA', states: BOTH, args: [0, 0], rfc: 'RFC 2449 §5',
    run(ctx) {
      return ok('capa.ok', {}, { body: { kind: 'lines', lines: capabilities(ctx) } })
    },
  },
]

const TABLE = new Map(COMMANDS.map(c => [c.verb, c]))

/** How a command is written (POP3's or the admin protocol's), for a reply or a note to put into words in its language. */
export const usageOf = (command: { verb: string; usage?: MessageKey }): Param => (command.usage ? { key: command.usage } : command.verb)

/** How a command is written, in the words of `t`. */
export const usageIn = (command: { verb: string; usage?: MessageKey }, t: Translator): string => (command.usage ? t(command.usage) : command.verb)

/** A parsed line: a command to run, or the error that answers it. */
export type Parsed =
  | { command: CommandSpec; verb: string; args: string[] }
  | { error: Reply; verb?: string; args?: string[] }

const TAB = 0x09

/** Control bytes a student's keyboard sends, named by the catalogue; others are "Ctrl-letter". */
const NAMED_CONTROLS = new Set([0x00, 0x08, 0x0d, 0x1b, 0x7f, 0xff])

/** Names a control byte the way a student would recognise it. */
export function controlName(byte: number, t: Translator): string {
  if (NAMED_CONTROLS.has(byte)) return t(`control.${byte}` as MessageKey)
  return t('control.ctrl', { letter: String.fromCharCode(0x40 + byte), byte })
}

/**
 * Parses one command line and checks it against the table for `state`.
 * `t` names things inside the error replies (a control key, an extension).
 * With `refuseCredentials` (--require-tls on a connection not yet
 * encrypted) the verbs that send credentials are refused.
 */
export function dispatch(line: Buffer, state: State, t: Translator, refuseCredentials = false): Parsed {
  if (line.length === 0) return { error: err('line.empty') }
  const bad = line.findIndex(b => b < 0x20 || b === 0x7f || b === 0xff)
  if (bad !== -1) {
    // a tab is typed to separate words, not to edit the line: it gets its own advice
    if (line[bad] === TAB) return { error: err('line.tab', { column: bad + 1 }) }
    return { error: err('line.control', { name: controlName(line[bad]!, t), column: bad + 1 }) }
  }

  const text = line.toString('utf8')
  const space = text.indexOf(' ')
  // nothing before the first space: no verb to name (RFC 1939 §3: the keyword comes first)
  if (space === 0) return { error: err(text.trim() === '' ? 'line.spaces' : 'line.leadingSpace') }
  const verb = (space === -1 ? text : text.slice(0, space)).toUpperCase()
  const rest = space === -1 ? '' : text.slice(space + 1)
  const command = TABLE.get(verb)
  if (!command) {
    const lacking = UNSUPPORTED.get(verb)
    if (lacking) return { verb, error: err(lacking === 'removed' ? 'verb.removed' : 'verb.unsupported', { verb, what: t(`unsupported.${verb}` as MessageKey) }) }
    const guess = suggest(verb)
    return { verb, error: guess ? err('verb.unknownGuess', { verb, guess }) : err('verb.unknown', { verb }) }
  }
  let args: string[]
  if (space === -1) args = []
  else if (command.restOfLine) args = [rest]
  else {
    const trimmed = rest.replace(/ +$/, '') // tolerate trailing spaces some clients send
    args = trimmed === '' ? [] : trimmed.split(' ')
    if (args.includes('')) return { verb, args, error: err('args.spaces', { verb, usage: usageOf(command) }) }
  }
  if (!command.states.includes(state)) {
    const key: MessageKey = command.states.includes('TRANSACTION') ? 'state.needLogin' : 'state.loggedIn'
    return { verb, args, error: err(key, { verb }) }
  }
  if (refuseCredentials && command.credentials) return { verb, args, error: err('tls.required', { verb }) }
  const [min, max] = command.args
  if (args.length < min || args.length > max || (command.restOfLine && args[0] === '')) {
    const key: MessageKey = args.length < min || args[0] === '' ? 'args.missing' : 'args.extra'
    const usage = usageOf(command)
    return { verb, args, error: err(key, { verb, usage, example: EXAMPLES[verb] ?? usage }) }
  }
  return { command, verb, args }
}

/**
 * Real POP3 commands this server does not offer, named so that the error does
 * not call them typos: extensions, and commands that older versions of POP3
 * had (LAST went in RFC 1725, RPOP in RFC 1460).
 */
export const UNSUPPORTED: ReadonlyMap<string, 'extension' | 'removed'> = new Map([
  ['XTND', 'extension'], ['LAST', 'removed'], ['RPOP', 'removed'],
])

/** Whether a word (in capitals) is a POP3 command, offered here or not. */
export function isVerb(word: string): boolean {
  return TABLE.has(word) || UNSUPPORTED.has(word)
}

/** Lines that show how a command is written; a list is joined in the language of the reply ("LIST and LIST 1"). */
const EXAMPLES: Record<string, string | readonly string[]> = {
  USER: 'USER guest', PASS: 'PASS visitor', APOP: 'APOP guest c4c9334bac560ecc979e58001b3e22fb',
  AUTH: 'AUTH PLAIN AGd1ZXN0AHZpc2l0b3I=', LANG: ['LANG', 'LANG es'], LIST: ['LIST', 'LIST 1'], RETR: 'RETR 1', DELE: 'DELE 1', TOP: 'TOP 1 0', UIDL: ['UIDL', 'UIDL 1'],
}

/** How many edits a mistyped verb may be from the one meant: anything farther is not a typo. */
const typoLimit = (verb: string): number => (verb.length <= 3 ? 1 : 2)

/** Whether `word` could be `verb` mistyped. */
export function isTypo(word: string, verb: string): boolean {
  return distance(word, verb) <= typoLimit(word)
}

/** The known verb closest to a mistyped one, if it is close enough. */
export function suggest(verb: string): string | undefined {
  let best: string | undefined
  let bestDistance = typoLimit(verb) + 1
  for (const known of TABLE.keys()) {
    const d = distance(verb, known)
    if (d < bestDistance) {
      best = known
      bestDistance = d
    }
  }
  return best
}

/** Damerau–Levenshtein (optimal string alignment) distance. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1)
      d[i]![j] = v
    }
  }
  return d[a.length]![b.length]!
}
