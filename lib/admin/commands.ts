/**
 * The admin protocol's command table (docs/admin-protocol.md), built like
 * POP3's in lib/commands.ts: each verb declares the states it is valid in,
 * its arguments, which argument is a secret, and the shape of its
 * multi-line reply; `dispatchAdmin` checks all of that once, and a handler
 * only does its own work and returns a Reply for the responder.
 */
import { isTypo, usageIn, usageOf } from '../commands.js'
import type { Reply } from '../commands.js'
import type { LiveState } from '../state.js'
import { reasonOf, type MessageKey, type Params, type Translator } from '../i18n/index.js'
import { printable } from '../printable.js'
import { MASK } from '../secrets.js'
import { progressOffThread } from './progress.js'

/** AUTHORIZATION until the secret is given, then ADMIN (docs/admin-protocol.md §3). */
export type AdminState = 'AUTHORIZATION' | 'ADMIN'

/** What the admin protocol may read and change of its server. */
export interface AdminControl {
  readonly state: LiveState
  /** Connections served at once; lowering it closes nobody, it refuses the next ones. */
  maxConnections: number
  /** The auto-logout timeout, in seconds, of the connections that come from now on. */
  timeoutSeconds: number
  /** Where sessions are recorded, for PROGRESS; none when they are not recorded. */
  readonly transcripts?: string
  /** The server's language (the exercises' lines are judged in it). */
  readonly t: Translator
}

/** One admin connection, as its handlers see it. */
export interface AdminContext {
  readonly id: number
  state: AdminState
  readonly control: AdminControl
  /** Judges a secret; the answer to a wrong one waits (and is logged) before this resolves. */
  trySecret(given: string): Promise<boolean>
  /** Puts a message in the server's log. */
  broadcast(text: string): void
}

/**
 * How a multi-line reply's lines read: `record`, one `name=value` per line
 * (one object); `list`, one object per line, as `name=value` pairs; `text`,
 * lines for a person.
 */
export type BodyShape = 'record' | 'list' | 'text'

export interface AdminCommand {
  verb: string
  states: readonly AdminState[]
  /** Fewest and most arguments. */
  args: readonly [number, number]
  /** How it is written, as a catalogue key (its argument words in the language); none for a verb without arguments. */
  usage?: MessageKey
  /** Its section in docs/admin-protocol.md. */
  section: string
  /** The last argument is the rest of the line, spaces and all. */
  restOfLine?: boolean
  /** This argument (0-based) is a secret or a password: masked in the log. */
  secret?: number
  /** A successful reply is multi-line, shaped so. */
  multiLine?: BodyShape
  run(ctx: AdminContext, args: string[]): Reply | Promise<Reply>
}

const BEFORE: readonly AdminState[] = ['AUTHORIZATION']
const ADMIN: readonly AdminState[] = ['ADMIN']
const ANY: readonly AdminState[] = ['AUTHORIZATION', 'ADMIN']

const err = (key: MessageKey, params?: Params): Reply => ({ ok: false, key, params })
const ok = (key: MessageKey, params?: Params, extra: Partial<Reply> = {}): Reply => ({ ok: true, key, params, ...extra })
const lines = (key: MessageKey, params: Params, body: string[]): Reply => ok(key, { ...params, count: body.length }, { body: { kind: 'lines', lines: body } })

/** A change that the registry refused, or a file that could not be written: -ERR with its reason. */
async function change(work: () => Promise<Reply>, t: Translator): Promise<Reply> {
  try {
    return await work()
  } catch (e) {
    return err('admin.failed', { reason: reasonOf(e, t) })
  }
}

/** Live settings SET can change: name, bounds, and where each lives. */
const SETTINGS: Record<string, { min: number; max: number; get(c: AdminControl): number; set(c: AdminControl, n: number): void }> = {
  maxconn: { min: 1, max: 1_000_000, get: c => c.maxConnections, set: (c, n) => (c.maxConnections = n) },
  timeout: { min: 1, max: 86_400, get: c => c.timeoutSeconds, set: (c, n) => (c.timeoutSeconds = n) },
}

export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  {
    verb: 'AUTH', states: ANY, args: [1, 1], usage: 'admin.usage.AUTH', section: '§4.1', restOfLine: true, secret: 0,
    async run(ctx, [secret]) {
      if (ctx.state === 'ADMIN') return err('admin.auth.already')
      if (!(await ctx.trySecret(secret!))) return err('admin.auth.wrong')
      ctx.state = 'ADMIN'
      return ok('admin.auth.ok')
    },
  },
  {
    verb: 'HELP', states: ANY, args: [0, 1], usage: 'admin.usage.HELP', section: '§4.2', multiLine: 'text',
    run(ctx, [verb]) {
      const t = ctx.control.t
      if (verb === undefined) {
        const shown = ADMIN_COMMANDS.filter(c => c.states.includes(ctx.state)).map(c => ({ usage: usageIn(c, t), verb: c.verb }))
        const width = Math.max(...shown.map(c => c.usage.length))
        return lines('admin.help', {}, shown.map(c => `${c.usage.padEnd(width)}  ${t(`admin.help.${c.verb}` as MessageKey)}`))
      }
      const command = ADMIN_TABLE.get(verb.toUpperCase())
      if (!command) return err('admin.help.unknown', { verb })
      return lines('admin.help.one', { verb: command.verb }, [usageIn(command, t), t(`admin.help.${command.verb}` as MessageKey), `docs/admin-protocol.md ${command.section}`])
    },
  },
  {
    verb: 'QUIT', states: ANY, args: [0, 0], section: '§4.3',
    run() {
      return ok('admin.quit', {}, { close: true })
    },
  },
  {
    verb: 'STATS', states: ADMIN, args: [0, 0], section: '§5.1', multiLine: 'record',
    run(ctx) {
      const state = ctx.control.state
      const body = flatten({ ...state.statistics(), settings: state.settings }).map(([name, value]) => field(name, value))
      return lines('admin.stats', {}, body)
    },
  },
  {
    verb: 'SESSIONS', states: ADMIN, args: [0, 0], section: '§5.2', multiLine: 'list',
    run(ctx) {
      const body = ctx.control.state.sessions().map(s =>
        record({ id: s.id, user: s.user ?? '-', remote: s.remote, state: s.state, idle: s.idle, tls: s.tls, in: s.bytesIn, out: s.bytesOut, commands: s.commands, last: s.lastCommand ?? '' }))
      return lines('admin.sessions', {}, body)
    },
  },
  {
    verb: 'PROGRESS', states: ADMIN, args: [0, 1], usage: 'admin.usage.PROGRESS', section: '§5.3', multiLine: 'list',
    async run(ctx, [user]) {
      const { control } = ctx
      if (!control.transcripts) return err('admin.progress.none')
      if (user !== undefined && !control.state.accounts.find(user)) return err('admin.user.unknown', { user })
      const users = user === undefined ? control.state.accounts.list.map(a => a.user) : [user]
      const rows = await progressOffThread(control.transcripts, users)
      const body = rows.map(p =>
        record({ user: p.user, done: p.done.join(',') || '-', exercise: p.exercise ?? '-', step: p.step ?? '-', errors: p.errors, stuck: p.stuck, sessions: p.sessions, last: p.last ?? '-' }))
      return lines('admin.progress', {}, body)
    },
  },
  {
    verb: 'USERS', states: ADMIN, args: [0, 0], section: '§6.1', multiLine: 'list',
    run(ctx) {
      return lines('admin.users', {}, ctx.control.state.accountList().map(a => record({ user: a.user, mailbox: a.mailbox, sessions: a.sessions })))
    },
  },
  {
    verb: 'ADDUSER', states: ADMIN, args: [2, 3], usage: 'admin.usage.ADDUSER', section: '§6.2', secret: 1,
    run(ctx, [user, password, mailbox]) {
      return change(async () => {
        const added = await ctx.control.state.accounts.add(user!, password!, mailbox)
        return ok(added.created ? 'admin.adduser.created' : 'admin.adduser.ok', { user, mailbox: added.mailbox })
      }, ctx.control.t)
    },
  },
  {
    verb: 'DELUSER', states: ADMIN, args: [1, 1], usage: 'admin.usage.DELUSER', section: '§6.3',
    run(ctx, [user]) {
      return change(async () => {
        const { state } = ctx.control
        await state.accounts.remove(user!)
        const open = state.sessions().filter(s => s.user === user && s.state !== 'AUTHORIZATION').map(s => s.id)
        return ok(open.length ? 'admin.deluser.open' : 'admin.deluser.ok', { user, sessions: open.join(', ') })
      }, ctx.control.t)
    },
  },
  {
    verb: 'PASSWD', states: ADMIN, args: [2, 2], usage: 'admin.usage.PASSWD', section: '§6.4', secret: 1,
    run(ctx, [user, password]) {
      return change(async () => {
        await ctx.control.state.accounts.passwd(user!, password!)
        return ok('admin.passwd.ok', { user })
      }, ctx.control.t)
    },
  },
  {
    verb: 'RELOAD', states: ADMIN, args: [0, 0], section: '§6.5',
    run(ctx) {
      return change(async () => ok('admin.reload.ok', { ...(await ctx.control.state.accounts.reload()) }), ctx.control.t)
    },
  },
  {
    verb: 'SET', states: ADMIN, args: [2, 2], usage: 'admin.usage.SET', section: '§7.1',
    run(ctx, [name, value]) {
      const setting = Object.hasOwn(SETTINGS, name!.toLowerCase()) ? SETTINGS[name!.toLowerCase()] : undefined
      if (!setting) return err('admin.set.unknown', { name, names: Object.keys(SETTINGS).join(', ') })
      if (!/^\d+$/.test(value!) || Number(value) < setting.min || Number(value) > setting.max) return err('admin.set.bad', { name, value, min: setting.min, max: setting.max })
      const before = setting.get(ctx.control)
      setting.set(ctx.control, Number(value))
      return ok(`admin.set.${name!.toLowerCase()}` as MessageKey, { before, value: Number(value) })
    },
  },
  {
    verb: 'KICK', states: ADMIN, args: [1, 1], usage: 'admin.usage.KICK', section: '§7.2',
    run(ctx, [id]) {
      const session = /^\d+$/.test(id!) ? ctx.control.state.session(Number(id)) : undefined
      if (!session) return err('admin.kick.none', { id })
      if (!session.kick()) return err('admin.kick.ending', { id })
      return ok('admin.kick.ok', { id, user: session.user ?? '-' })
    },
  },
  {
    verb: 'BROADCAST', states: ADMIN, args: [1, 1], usage: 'admin.usage.BROADCAST', section: '§7.3', restOfLine: true,
    run(ctx, [text]) {
      ctx.broadcast(text!)
      return ok('admin.broadcast')
    },
  },
]

const ADMIN_TABLE = new Map(ADMIN_COMMANDS.map(c => [c.verb, c]))

export const adminCommand = (verb: string): AdminCommand | undefined => ADMIN_TABLE.get(verb.toUpperCase())

/** A parsed line: a command to run, or the error that answers it. */
export type AdminParsed =
  | { command: AdminCommand; verb: string; args: string[] }
  | { error: Reply; verb?: string; args?: string[] }

/** Parses one line and checks it against the table in `state`. */
export function dispatchAdmin(line: Buffer, state: AdminState): AdminParsed {
  if (line.length === 0) return { error: err('admin.empty') }
  if (line.some(b => b < 0x20 || b === 0x7f)) return { error: err('admin.control') }
  const text = line.toString('utf8')
  const space = text.indexOf(' ')
  if (space === 0) return { error: err('admin.leadingSpace') }
  const verb = (space === -1 ? text : text.slice(0, space)).toUpperCase()
  const rest = space === -1 ? '' : text.slice(space + 1)
  const command = ADMIN_TABLE.get(verb)
  if (!command) {
    const guess = ADMIN_COMMANDS.find(c => isTypo(verb, c.verb))?.verb
    return { verb, error: guess ? err('admin.unknownGuess', { verb, guess }) : err('admin.unknown', { verb }) }
  }
  if (!command.states.includes(state)) return { verb, error: err('admin.needAuth', { verb }) }
  let args: string[]
  const [min, max] = command.args
  if (rest.trim() === '') args = []
  else if (command.restOfLine && max === 1) args = [rest]
  else args = rest.trim().split(/ +/)
  if (command.restOfLine && args.length > max) args = [...args.slice(0, max - 1), args.slice(max - 1).join(' ')]
  if (args.length < min || args.length > max) return { verb, args, error: err(args.length < min ? 'admin.args.missing' : 'admin.args.extra', { verb, usage: usageOf(command) }) }
  return { command, verb, args }
}

/** Verbs whose lines carry a secret: a near miss of one is masked too. */
const SECRET_VERBS = ADMIN_COMMANDS.filter(c => c.secret !== undefined)

/**
 * A line as the log may show it: the secret and passwords masked. Before the
 * secret is given, a line that is no command at all is masked whole, since
 * it may be the secret typed on its own.
 */
export function adminView(line: Buffer, parsed: AdminParsed | undefined, authorized: boolean): { raw: string; verb?: string; masked: boolean } {
  const verb = parsed?.verb
  const command = verb === undefined ? undefined : ADMIN_TABLE.get(verb)
  const words = line.toString('utf8').split(/ +/)
  const nearMiss = !command && verb !== undefined && SECRET_VERBS.some(c => isTypo(verb, c.verb))
  const at = command ? command.secret : nearMiss ? 0 : undefined
  if (at !== undefined) {
    // the secret argument, and everything after it unless the line parsed as the command (ADDUSER's mailbox):
    // a password with a space in it makes one argument too many, and its second half is no less secret
    const keep = words.slice(0, at + 1)
    const after = command && !command.restOfLine && parsed && 'command' in parsed ? words.slice(at + 2) : []
    if (words.length <= at + 1) return { raw: printable(line), verb, masked: false }
    return { raw: printable([...keep, MASK, ...after].join(' ')), verb, masked: true }
  }
  if (!authorized && !command) return { raw: MASK, masked: true }
  return { raw: printable(line), verb, masked: false }
}

/** `name=value` pairs on one line; a value with spaces, quotes or nothing in it is quoted as in JSON. */
export function record(fields: Record<string, string | number | boolean>): string {
  return Object.entries(fields).map(([name, value]) => field(name, value)).join(' ')
}

function field(name: string, value: string | number | boolean): string {
  const text = String(value)
  return `${name}=${text === '' || /[\s"=\\]/.test(text) ? JSON.stringify(text) : text}`
}

/** An object's leaves as dotted names (`connections.now`), in order. */
function flatten(value: object, prefix = ''): [string, string | number | boolean][] {
  return Object.entries(value).flatMap(([name, v]): [string, string | number | boolean][] =>
    v !== null && typeof v === 'object' ? flatten(v as object, `${prefix}${name}.`) : [[prefix + name, v as string | number | boolean]])
}

/** Reads `record` lines back: `name=value` pairs, a quoted value unquoted. */
export function readRecord(line: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of line.matchAll(/([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g)) out[m[1]!] = m[2]!.startsWith('"') ? (JSON.parse(m[2]!) as string) : m[2]!
  return out
}
