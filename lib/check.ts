/**
 * The step checker: follows a server's events, one at a time, and says
 * which step of an exercise each one completes, and, for a command that did
 * not do what the step expects, what happened and what to try. The guide
 * feeds it a live server's events; `smallpop3 check` feeds it the recorded
 * ones (transcripts are recorded events), from each starting session, and
 * reports the attempt that meets the most goals, the most recent on a tie.
 *
 * A step is done when its exchanges are seen in order (other commands may
 * come between): the same command (the password is masked in events, so
 * any PASS counts) answered with the reply the exercise shows, judged by
 * catalogue key and parameters (lib/expected.ts); for a user other than the
 * exercise's account (a class's student, lib/classroom.ts), the maildrop's
 * counts, sizes and ids are that user's own, the same wherever the exercise
 * shows the same number (ownMaildrop). Exchanges of one
 * connection label (`session=N` in the exercise) must happen in one
 * connection, and different labels in different connections; a label whose
 * connection has closed may go on in a new one. A step being done in a
 * connection that closes starts over.
 *
 * TLS counts: a line the exercise shows inside TLS (a block marked `tls`,
 * or after STLS's +OK) is done only in an encrypted session (events carry
 * `tls: true`). AUTH's secrets are masked in events too: `AUTH PLAIN
 * <base64>` and a bare base64 response to "+ " fit when what the server
 * decoded (`decoded`, the password masked) is what the exercise's base64
 * decodes to, the password masked the same way.
 */
import { COMMANDS, type State } from './commands.js'
import type { Pop3Event } from './events.js'
import { expectStatus, renamed, replyFits, type ExpectedStatus, type OwnValues } from './expected.js'
import { isStls, matches, stepEncrypted, typedByStudent, type Exercise, type Step } from './exercises.js'
import type { MessageKey, Params } from './i18n/index.js'
import { readPlain, showPlain } from './sasl.js'
import { MASK } from './secrets.js'
import type { Transcript, TranscriptEntry } from './transcripts.js'

type CommandEvent = Extract<Pop3Event, { type: 'command' }>
type ReplyEvent = Extract<Pop3Event, { type: 'reply' }>

/** Why a command did not do what the step expects. */
export type MissKind =
  /** the right command, answered otherwise (the maildrop differs, a wrong password) */
  | 'reply'
  /** the right command (or another) in the wrong state: before logging in, or after */
  | 'state'
  /** the right command in the wrong connection */
  | 'connection'
  /** not a POP3 command, or a line the server could not read */
  | 'typo'
  /** the right command with other arguments */
  | 'args'
  /** another command */
  | 'other'

export interface Miss {
  /** The step that expected something else. */
  step: number
  kind: MissKind
  /** The command as the server saw it (a password masked). */
  sent: string
  /** The server's status line. */
  answered: string
  /** The server's reply, to explain what happened (lib/explain.ts). */
  reply: ReplyEvent
  /** What the step expects next: the line to type (for the user checked) and the reply it gets. */
  expected: { client: string; status?: string }
  /** What to try, in the catalogue's words. */
  advice: { key: MessageKey; params: Params }
}

/** What one event changed. */
export interface Fed {
  /** Steps this event completed (numbers), in order. */
  done: number[]
  /** Steps passed over because a later one was done first (only when steps may be skipped). */
  skipped: number[]
  /** Steps that moved on by an exchange and are not done yet. */
  advanced: number[]
  /** Steps begun in a connection that has now closed: they start over. */
  restarted: number[]
  /** The event answered a command that did nothing the exercise expects now. */
  miss?: Miss
}

export interface CheckerOptions {
  /** The user whose work is checked: the lines to type name this user (default: the exercise's account). */
  user?: string
  /**
   * Whether a step may be skipped: a later step done passes over the earlier
   * ones not done (the check of a whole record). Without it only the current
   * step advances (the guide, one step at a time).
   */
  skips?: boolean
  /** The language the exercise is written in (default: the exercise's own, `ex.lang`). */
  lang?: string
  /**
   * The user's maildrop is their own, not the exercise's (a class, where
   * each maildrop is varied): its counts, sizes and unique ids are judged
   * the same wherever the exercise shows the same number, not equal to the
   * exercise's. Default: when the user is not the exercise's account.
   */
  ownMaildrop?: boolean
}

export interface GoalResult {
  step: number
  title: string
  done: boolean
  /** What to type, and what went wrong when the command was sent but answered otherwise. */
  hint?: {
    type: string[]
    newSession?: boolean
    /**
     * The step's connection is encrypted from its start, which telnet cannot
     * do: made with STLS by `openssl s_client -starttls pop3` (which sends
     * STLS itself, so `type` leaves it out), or to the TLS port (POP3S).
     */
    tls?: 'stls' | 'port'
    /** The step was not done, but this later one was. */
    skippedBy?: number
    sent?: string
    answered?: string
    expected?: string
    kind?: MissKind
    advice?: { key: MessageKey; params: Params }
  }
}

export interface CheckResult {
  exercise: { id: string; number: number; title: string }
  user: string
  /** Sessions of this user that were read. */
  sessions: number
  /** Of those, the ones whose transcript reached its limit and stops early. */
  cut: number
  goals: GoalResult[]
  done: boolean
}

/** One exchange a step expects. */
interface Expect {
  /** The connection label (session=N). */
  label: number
  /** The line to type, for the user checked; none for the greeting of a new connection. */
  client?: string
  status?: ExpectedStatus
  /** The state the exercise is in when the line is typed. */
  state: State
  /** The line is typed (or the greeting comes) inside TLS. */
  tls: boolean
  /** The line answers a "+ " continuation: a SASL response, not a command. */
  response: boolean
  /** The student types the line (openssl sends the STLS that opens its connection): it is among the lines a hint names. */
  typed: boolean
}

interface Track {
  step: Step
  expects: Expect[]
  /** How many expects are met. */
  next: number
  /** Labels this attempt has tied to connections, not yet committed. */
  bound: Map<number, string>
  done: boolean
  /** The later step whose completion passed over this one. */
  skippedBy?: number
  /** The last time the step's own command was answered otherwise. */
  miss?: Miss
  /** With an own maildrop: its numbers as the steps done and this attempt showed them. */
  own?: OwnValues
}

interface Connection {
  open: boolean
  /** The command waiting for its reply. */
  pending?: CommandEvent
  /** A reply has been seen: the next reply without a command is not a greeting. */
  greeted: boolean
}

export class ExerciseChecker {
  readonly exercise: Exercise
  readonly user: string
  readonly #skips: boolean
  readonly #tracks: Track[]
  readonly #connections = new Map<string, Connection>()
  /** Labels tied to connections by steps done. */
  readonly #bound = new Map<number, string>()
  /** Index of the first track not yet done or passed over. */
  #frontier = 0
  /** With an own maildrop: its numbers as the steps done showed them. */
  #own?: OwnValues

  constructor(ex: Exercise, opts: CheckerOptions = {}) {
    this.exercise = ex
    this.user = opts.user ?? ex.account
    this.#skips = opts.skips ?? false
    this.#tracks = tracksOf(ex, this.user, opts.lang ?? ex.lang)
    if (opts.ownMaildrop ?? this.user !== ex.account) {
      this.#own = new Map()
      for (const t of this.#tracks) t.own = new Map()
    }
  }

  /** The step now expected: the first one with exchanges that is not done or passed over. */
  get current(): Step | undefined {
    return this.#tracks[this.#frontier]?.step
  }

  /**
   * What the current step expects next: the line to type, for the user
   * checked (none: a new connection, whose greeting the step shows), and the
   * connection label of the exercise it is typed in.
   */
  get expecting(): { client?: string; label: number } | undefined {
    const t = this.#tracks[this.#frontier]
    const e = t?.expects[t.next]
    return e && { client: e.client === undefined ? undefined : shown(e.client, this.exercise.account, this.user), label: e.label }
  }

  /** Whether a step is done. */
  isDone(step: number): boolean {
    return this.#tracks.some(t => t.step.number === step && t.done)
  }

  /** Takes the next event; `connection` names its connection when session numbers may repeat (several servers' records). */
  feed(event: TranscriptEntry, connection: string | number = event.session): Fed {
    const fed: Fed = { done: [], skipped: [], advanced: [], restarted: [] }
    const id = String(connection)
    let conn = this.#connections.get(id)
    if (!conn) this.#connections.set(id, (conn = { open: true, greeted: false }))
    switch (event.type) {
      case 'connect':
        break
      case 'command':
        conn.pending = event
        break
      case 'reply': {
        const command = conn.pending
        conn.pending = undefined
        const greeting = !command && !conn.greeted
        conn.greeted = true
        if (command || greeting) this.#pair(id, command, event, fed)
        break
      }
      case 'disconnect':
        conn.open = false
        for (const t of this.#tracks) {
          if (t.done || t.next === 0 || ![...t.bound.values()].includes(id)) continue
          this.#restart(t)
          fed.restarted.push(t.step.number)
        }
        break
    }
    return fed
  }

  /** Every goal step (one with commands to type), done or not, with a hint for those not done. */
  goals(): GoalResult[] {
    return this.#tracks
      .filter(t => t.step.goal)
      .map(t => {
        const result: GoalResult = { step: t.step.number, title: t.step.title, done: t.done }
        if (t.done) return result
        const hint: GoalResult['hint'] = { type: t.expects.flatMap(e => (e.client !== undefined && e.typed ? [shown(e.client, this.exercise.account, this.user)] : [])) }
        if (t.step.blocks.some(b => b.session > 1)) hint.newSession = true
        const tls = stepEncrypted(t.step)
        if (tls) hint.tls = tls
        if (t.miss) Object.assign(hint, { sent: t.miss.sent, answered: t.miss.answered, expected: t.miss.expected.status, kind: t.miss.kind, advice: t.miss.advice })
        else if (t.skippedBy) hint.skippedBy = t.skippedBy
        result.hint = hint
        return result
      })
  }

  #pair(id: string, command: CommandEvent | undefined, reply: ReplyEvent, fed: Fed): void {
    const offered = this.#tracks.slice(this.#frontier, this.#skips ? undefined : this.#frontier + 1).filter(t => !t.done)
    const fitting = offered
      .map(t => {
        const own = t.own && new Map(t.own) // learnt only when the pair fits
        return [t, this.#fit(t, id, command, reply, own), own] as const
      })
      .filter(([, n]) => n > 0)
    if (!fitting.length) {
      if (command) fed.miss = this.#miss(id, command, reply)
      return
    }
    for (const [t, n, own] of fitting) {
      const e = t.expects[t.next + n - 1]!
      t.bound.set(e.label, id)
      t.next += n
      t.own = own
    }
    const completed = fitting.find(([t]) => t.next === t.expects.length)?.[0]
    if (!completed) {
      fed.advanced.push(...fitting.map(([t]) => t.step.number))
      return
    }
    const k = this.#tracks.indexOf(completed)
    completed.done = true
    completed.miss = undefined
    for (const [label, conn] of completed.bound) this.#bound.set(label, conn)
    this.#own = completed.own
    fed.done.push(completed.step.number)
    for (const t of this.#tracks.slice(this.#frontier, k)) {
      if (t.done) continue
      t.skippedBy = completed.step.number
      fed.skipped.push(t.step.number)
    }
    this.#frontier = k + 1
    // a later step starts after this one: what it had seen before does not count
    for (const t of this.#tracks.slice(k + 1)) this.#restart(t)
  }

  /** How many of the track's next expects this pair meets: 0, 1, or 2 (the greeting of a new connection, then its first command). */
  #fit(t: Track, id: string, command: CommandEvent | undefined, reply: ReplyEvent, own: OwnValues | undefined): number {
    let i = t.next
    let e = t.expects[i]
    if (!e || !this.#connectionAllowed(t, e, id)) return 0
    if (e.tls && !reply.tls) return 0
    if (!command) return e.client === undefined && (!e.status || replyFits(e.status, reply, own)) ? 1 : 0
    if (e.client === undefined) {
      // the greeting came before this step was looked for: the connection stands for it
      e = t.expects[++i]
      if (!e || e.label !== t.expects[i - 1]!.label) return 0
    }
    if (e.response !== (command.response !== undefined)) return 0
    if (!commandFits(e.client!, command) || (e.status && !replyFits(e.status, reply, own))) return 0
    return i - t.next + 1
  }

  /** Whether `id` may be the connection of the expect's label: the one it is tied to, or a new one when that has closed. */
  #connectionAllowed(t: Track, e: Expect, id: string): boolean {
    const tied = t.bound.get(e.label) ?? this.#bound.get(e.label)
    if (tied === id) return true
    if (tied !== undefined && this.#connections.get(tied)?.open) return false
    for (const [label, conn] of [...this.#bound, ...t.bound]) if (label !== e.label && conn === id) return false
    return true
  }

  #restart(t: Track): void {
    t.next = 0
    t.bound.clear()
    t.own = this.#own && new Map(this.#own)
  }

  /** A command that met no step: what happened, and what to try. */
  #miss(id: string, command: CommandEvent, reply: ReplyEvent): Miss | undefined {
    // the command of a step not done, answered otherwise: the step's own miss, which the check reports
    const mine = this.#skips ? [...this.#tracks.slice(this.#frontier), ...this.#tracks.slice(0, this.#frontier)] : this.#tracks.slice(this.#frontier, this.#frontier + 1)
    for (const t of mine.filter(t => !t.done)) {
      const e = nextCommand(t)
      if (!e || !commandFits(e.client!, command)) continue
      const allowed = this.#connectionAllowed(t, e, id)
      const answered = !e.status || replyFits(e.status, reply, t.own && new Map(t.own))
      if (allowed && answered) continue // done as that step wants, only not in its turn
      const kind: MissKind = !allowed ? 'connection' : command.state !== e.state ? 'state' : 'reply'
      t.miss = this.#missOf(t, e, kind, id, command, reply)
      return t.miss
    }
    // another command: said to the guide, not kept for the check
    const t = this.#tracks[this.#frontier]
    const e = t && nextCommand(t)
    if (!t || !e) return undefined
    // a line of the step typed again (USER after a wrong password), answered as the step shows: no mistake
    const again = t.expects.slice(0, t.next).some(x => x.client !== undefined && t.bound.get(x.label) === id && commandFits(x.client, command) && (!x.status || replyFits(x.status, reply, t.own && new Map(t.own))))
    if (again) return undefined
    const verb = command.verb
    const typo = reply.key.startsWith('verb.unknown') || reply.key.startsWith('line.')
    // the step goes on in another connection: whether this one is logged in says nothing about it
    const allowed = this.#connectionAllowed(t, e, id)
    // logging in (again, in a new connection) on the way to a step done once logged in: no mistake
    if (!typo && allowed && loggingIn(command, reply) && e.state === 'TRANSACTION') return undefined
    const kind: MissKind =
      typo ? 'typo'
      : !allowed ? 'connection'
      : command.state !== e.state ? 'state'
      : verb !== undefined && verb === e.client!.split(' ')[0]!.toUpperCase() ? 'args'
      : 'other'
    return this.#missOf(t, e, kind, id, command, reply)
  }

  #missOf(t: Track, e: Expect, kind: MissKind, id: string, command: CommandEvent, reply: ReplyEvent): Miss {
    const line = shown(e.client!, this.exercise.account, this.user)
    let advice: Miss['advice']
    switch (kind) {
      case 'state':
        advice = { key: e.state === 'AUTHORIZATION' ? 'check.try.beforeLogin' : 'check.try.login', params: { line } }
        break
      case 'connection': {
        const tied = t.bound.get(e.label) ?? this.#bound.get(e.label)
        advice = { key: tied !== undefined && tied !== id ? 'check.try.sameConnection' : 'check.try.newConnection', params: { line } }
        break
      }
      case 'typo':
        advice = { key: command.verb && reply.key.startsWith('verb.') ? 'check.try.typo' : 'check.try.line', params: { verb: command.verb, line } }
        break
      case 'args':
        advice = { key: 'check.try.args', params: { line } }
        break
      default:
        advice = { key: 'check.try.line', params: { line } }
    }
    return {
      step: t.step.number, kind, sent: command.raw, answered: reply.raw, reply,
      expected: { client: line, status: e.status?.pattern }, advice,
    }
  }
}

/** A line of a verb that sends credentials (USER, PASS, APOP, AUTH, or AUTH's response), answered +OK or "+ ": a login under way or done. */
function loggingIn(command: CommandEvent, reply: ReplyEvent): boolean {
  const verb = command.response ?? command.verb
  return reply.ok && command.state === 'AUTHORIZATION' && COMMANDS.some(c => c.verb === verb && c.credentials)
}

/** The next expect of a track that is a command (past a greeting). */
function nextCommand(t: Track): Expect | undefined {
  return t.expects.slice(t.next).find(e => e.client !== undefined)
}

/** The tracks of an exercise's steps that have exchanges, with the state each line is typed in. */
function tracksOf(ex: Exercise, user: string, lang: string): Track[] {
  const states = new Map<number, State | undefined>() // per label; undefined: no connection
  const encrypted = new Map<number, boolean>() // per label: TLS from the first byte, or since STLS
  const tracks: Track[] = []
  for (const step of ex.steps) {
    const expects: Expect[] = []
    for (const block of step.blocks) {
      let challenged = false
      for (const x of block.exchanges) {
        let state = x.client === undefined ? 'AUTHORIZATION' : states.get(block.session) ?? 'AUTHORIZATION'
        if (!states.get(block.session) || x.client === undefined) encrypted.set(block.session, block.tls)
        const status = x.status === undefined ? undefined : renamed(expectStatus(x.status, lang), ex.account, user)
        const response = x.client !== undefined && challenged
        const typed = x.client !== undefined && typedByStudent(block, x.client)
        expects.push({ label: block.session, client: x.client === undefined ? undefined : forUser(x.client, ex.account, user), status, state, tls: encrypted.get(block.session)!, response, typed })
        challenged = status?.readings.some(r => r.key === 'auth.continue') ?? false
        if (isStls(x.client) && status?.ok) encrypted.set(block.session, true)
        if (x.client !== undefined && /^QUIT$/i.test(x.client)) states.set(block.session, undefined)
        else {
          if (x.client !== undefined && (/^(PASS|APOP) /i.test(x.client) || /^AUTH \S+ \S/i.test(x.client) || response) && status?.ok && !challenged) state = 'TRANSACTION'
          states.set(block.session, state)
        }
      }
    }
    if (expects.length) tracks.push({ step, expects, next: 0, bound: new Map(), done: false })
  }
  return tracks
}

/** A line of the exercise as the user checked would type it: their name where the exercise's account is named (in SASL PLAIN credentials too). */
function forUser(line: string, account: string, user: string): string {
  const [verb = '', ...args] = line.split(' ')
  return [verb, ...args.map(a => (a === account ? user : a))].join(' ').replace(/^((?:AUTH PLAIN )?)(\S+)$/i, (all, head: string, b64: string) => {
    const plain = readPlain(b64)
    if (!plain.ok || plain.user !== account) return all
    return head + Buffer.from([plain.authzid === account ? user : plain.authzid, user, plain.password].join('\0')).toString('base64')
  })
}

/** A line to show in a hint: another user's password is theirs to know (and PLAIN credentials hold one). */
function shown(line: string, account: string, user: string): string {
  if (account === user) return line
  if (/^PASS /i.test(line)) return 'PASS …'
  return readPlain(line.replace(/^AUTH PLAIN /i, '')).ok ? line.replace(/\S+$/, '…') : line
}

/** The command as typed, with its verb in capitals: "user guest" and "USER guest" are the same command. */
function normal(line: string): string {
  const space = line.indexOf(' ')
  return space === -1 ? line.toUpperCase() : line.slice(0, space).toUpperCase() + line.slice(space)
}

function commandFits(expected: string, command: CommandEvent): boolean {
  // a SASL response: "*" cancels; anything else is a masked secret, judged by what it decodes to
  if (command.response !== undefined) return expected === '*' ? command.raw === '*' : command.raw !== '*' && showPlain(expected, MASK) === command.decoded
  const sasl = /^AUTH PLAIN (\S+)$/i.exec(expected)
  if (sasl && command.masked) return /^AUTH PLAIN /i.test(command.raw) && showPlain(sasl[1]!, MASK) === command.decoded
  let pattern = normal(expected)
  if (pattern.startsWith('PASS ')) pattern = 'PASS ...' // masked in every event
  return matches(pattern, normal(command.raw))
}

/** How many of a user's most recent sessions are read. */
export const RECENT = 30

/** `smallpop3 check`: the recorded sessions of `user`, checked from each starting session; the best attempt. */
export function checkExercise(ex: Exercise, transcripts: Transcript[], user: string): CheckResult {
  const read = transcripts.filter(tr => tr.events.some(e => e.user === user)).slice(-RECENT)
  let best: { goals: GoalResult[]; met: number } | undefined
  for (let start = 0; start < Math.max(1, read.length); start++) {
    const checker = new ExerciseChecker(ex, { user, skips: true })
    for (const [entry, id] of timeline(read.slice(start))) checker.feed(entry, id)
    const goals = checker.goals()
    const met = goals.filter(g => g.done).length
    if (!best || met >= best.met) best = { goals, met }
  }
  return {
    exercise: { id: ex.id, number: ex.number, title: ex.title },
    user,
    sessions: read.length,
    cut: read.filter(tr => tr.cut).length,
    goals: best!.goals,
    done: best!.goals.every(g => g.done),
  }
}

/** The entries of several transcripts in order of time, each with its transcript's id. */
export function timeline(transcripts: Transcript[]): [TranscriptEntry, string][] {
  const all = transcripts.flatMap((tr, ti) => tr.events.map((e, ei) => ({ e, id: tr.id, ti, ei })))
  all.sort((a, b) => (a.e.time < b.e.time ? -1 : a.e.time > b.e.time ? 1 : a.ti - b.ti || a.ei - b.ei))
  return all.map(x => [x.e, x.id])
}
