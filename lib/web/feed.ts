/**
 * The classroom view's live feed: follows the server's live state (one
 * subscriber, a few map operations per event, nothing more, so that POP3
 * does not slow down) and, at most a few times a second, sends every open
 * page the class as it is now, and the watched student's new log lines.
 *
 * Progress comes from the transcripts, judged as `smallpop3 admin progress`
 * judges it (lib/admin/progress.ts), in a worker thread (judging a whole
 * class's sessions may take seconds: POP3 is not held up), re-read only for the students who did
 * something, at most every PROGRESS_MS, and once more after they paused, so
 * that the last lines, which reach their file within a tenth of a second,
 * count too; and only while a page is open (or asked for the view): with
 * nobody watching, an event costs a set insertion.
 *
 * A page that does not read what it is sent is dropped when MAX_BUFFERED
 * octets wait for it, never buffered without bound.
 */
import { join } from 'node:path'
import type { WebSocket } from 'ws'
import { progressOffThread, type Progress } from '../admin/progress.js'
import { explain } from '../explain.js'
import { isAdminEvent, type Pop3Event, type ServerEvent } from '../events.js'
import { loadExercises } from '../exercises.js'
import { LANGUAGES, translator, type Translator } from '../i18n/index.js'
import type { LiveState } from '../state.js'
import { PACKAGE_ROOT } from '../version.js'
import { classView, progressCsv, type ClassView, type Exchange, type ExerciseInfo } from './view.js'

/** The page is sent the class at most this often. */
export const FLUSH_MS = 250
/** Progress is re-read at most this often. */
const PROGRESS_MS = 500
/**
 * And after a pause this many times as long as the last reading took: reading
 * the transcripts again (each student's recent sessions, parsed and judged)
 * grows with what the class typed, and must never take more than a small part
 * of the server's time, whatever the class does.
 */
const PROGRESS_SHARE = 10
/** A student who did something this recently is read again later: their last lines may not have reached the transcript yet. */
const SETTLE_MS = 1000
/** Octets waiting to be sent to one page beyond which it is dropped. */
export const MAX_BUFFERED = 1024 * 1024
/** Log entries kept per student. */
const LOG_KEPT = 200
/** Events kept of a session that names no student yet (its connection, greeting, USER line): what a student's log begins with. */
const MAX_EARLY = 16

/** A line of a student's log: the event's raw line (masked as made) and what it means, in the page's language. */
export interface LogEntry {
  seq: number
  time: string
  session: number
  /** C: a client line, S: a reply, -: something that happened. */
  kind: 'C' | 'S' | '-'
  text: string
  ok?: boolean
  notes: string[]
}

interface Page {
  socket: WebSocket
  lang: string
  /** The student whose log this page shows, and the last entry it was sent. */
  watch?: string
  sent: number
}

interface Logged {
  seq: number
  event: Pop3Event
}

export interface FeedOptions {
  state: LiveState
  /** Where sessions are recorded; none: progress is unknown. */
  transcripts?: string
  /** The server's language: the pages' language until they choose. */
  lang: string
  stuckIdle: number
}

export class ClassFeed {
  readonly #state: LiveState
  readonly #transcripts?: string
  readonly lang: string
  readonly #stuckIdle: number
  readonly #pages = new Set<Page>()
  readonly #last = new Map<string, Exchange>()
  /** The command each open session sent last, waiting for its reply. */
  readonly #pending = new Map<number, string>()
  readonly #logs = new Map<string, Logged[]>()
  readonly #early = new Map<number, Pop3Event[]>()
  #seq = 0
  #progress = new Map<string, Progress>()
  readonly #dirtyUsers = new Set<string>()
  readonly #lastEvent = new Map<string, number>()
  #exercises: ExerciseInfo[] = []
  #flushTimer?: NodeJS.Timeout
  #progressTimer?: NodeJS.Timeout
  #reading = false
  /** The wait before the next reading of progress. */
  #progressWait = PROGRESS_MS
  #closed = false
  readonly #unsubscribe: () => void
  readonly #translators = new Map<string, Translator>()

  constructor(options: FeedOptions) {
    this.#state = options.state
    this.#transcripts = options.transcripts
    this.lang = options.lang
    this.#stuckIdle = options.stuckIdle
    this.#unsubscribe = this.#state.subscribe(e => this.#onEvent(e))
  }

  /** Loads the exercises and everyone's progress so far. */
  async start(): Promise<void> {
    const all = await loadExercises(join(PACKAGE_ROOT, 'exercises'))
    this.#exercises = all.map(ex => ({ number: ex.number, title: ex.title }))
    await this.#readProgress(this.#state.accountList().map(a => a.user))
  }

  #onEvent(event: ServerEvent): void {
    if (this.#closed || isAdminEvent(event)) return
    if (event.type === 'command') this.#pending.set(event.session, event.raw)
    if (event.type === 'disconnect') this.#pending.delete(event.session)
    const user = event.user
    if (user === undefined || !this.#state.accounts.find(user)) {
      const early = this.#early.get(event.session) ?? []
      if (event.type === 'disconnect') this.#early.delete(event.session)
      else if (early.length < MAX_EARLY) this.#early.set(event.session, [...early, event])
    } else {
      for (const e of this.#early.get(event.session) ?? []) this.#log(user, e)
      this.#early.delete(event.session)
      if (event.type === 'reply') {
        const command = this.#pending.get(event.session)
        this.#pending.delete(event.session)
        this.#last.set(user, { ...(command === undefined ? {} : { command }), reply: event.raw, ok: event.ok, time: event.time })
      }
      this.#log(user, event)
      this.#dirtyUsers.add(user)
      this.#lastEvent.set(user, Date.now())
      if (this.#pages.size) this.#progressTimer ??= setTimeout(() => void this.#progressTick(), this.#progressWait).unref()
    }
    if (this.#pages.size) this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS).unref()
  }

  #log(user: string, event: Pop3Event): void {
    if (event.type === 'login' || event.type === 'delay') return // the reply to PASS says it already
    let log = this.#logs.get(user)
    if (!log) this.#logs.set(user, (log = []))
    // the line in clear that --show-secrets adds is for the terminal only: the page sees the masked event
    const kept = event.type === 'command' && event.clear ? (({ clear: _clear, ...masked }) => masked)(event) : event
    log.push({ seq: ++this.#seq, event: kept })
    if (log.length > LOG_KEPT) log.splice(0, log.length - LOG_KEPT)
  }

  async #progressTick(): Promise<void> {
    this.#progressTimer = undefined
    if (this.#reading || this.#closed || !this.#pages.size) return
    this.#reading = true
    const started = performance.now()
    try {
      await this.#catchUp()
    } finally {
      this.#reading = false
      this.#progressWait = Math.max(PROGRESS_MS, PROGRESS_SHARE * (performance.now() - started))
    }
    if (this.#dirtyUsers.size && !this.#closed) this.#progressTimer ??= setTimeout(() => void this.#progressTick(), this.#progressWait).unref()
    this.#flushTimer ??= setTimeout(() => this.#flush(), FLUSH_MS).unref()
  }

  async #readProgress(users: string[]): Promise<void> {
    if (!this.#transcripts || !users.length) return
    try {
      const read = await progressOffThread(this.#transcripts, users)
      const next = new Map(this.#progress)
      for (const p of read) next.set(p.user, p)
      this.#progress = next
    } catch {
      // an unreadable transcript folder leaves the progress as it was; the next event tries again
    }
  }

  /** The class now, the progress of those who did something since it was last read brought up to date first. */
  async fresh(): Promise<ClassView> {
    await this.#catchUp()
    return this.view()
  }

  /** Reads the progress of the students who did something; those who did it just now are read again later. */
  async #catchUp(): Promise<void> {
    const users = [...this.#dirtyUsers]
    this.#dirtyUsers.clear()
    const started = Date.now()
    await this.#readProgress(users)
    for (const user of users) if (started - (this.#lastEvent.get(user) ?? 0) < SETTLE_MS) this.#dirtyUsers.add(user)
  }

  /** The class now, as the page shows it. */
  view(): ClassView {
    return classView({
      snapshot: this.#state.snapshot(), exercises: this.#exercises, progress: this.#progress, last: this.#last,
      recorded: this.#transcripts !== undefined, stuckIdle: this.#stuckIdle,
    })
  }

  /** The gradebook's CSV, progress read afresh for everyone. */
  async csv(t: Translator): Promise<string> {
    await this.#readProgress(this.#state.accountList().map(a => a.user))
    return progressCsv(this.view().rows, this.#exercises, t)
  }

  /** A page that has logged in: it gets the class now, then the changes. */
  add(socket: WebSocket, lang: string): void {
    const page: Page = { socket, lang: this.#language(lang), sent: 0 }
    this.#pages.add(page)
    socket.on('close', () => this.#pages.delete(page))
    socket.on('error', () => socket.terminate())
    socket.on('message', (data, binary) => {
      if (binary) return
      let message: { watch?: unknown; lang?: unknown }
      try {
        message = JSON.parse(String(data))
      } catch {
        return
      }
      if (typeof message.lang === 'string') page.lang = this.#language(message.lang)
      if ('watch' in message) {
        page.watch = typeof message.watch === 'string' && this.#state.accounts.find(message.watch) ? message.watch : undefined
        page.sent = 0
        this.#sendLog(page, true)
      }
    })
    this.#send(page, JSON.stringify({ type: 'view', view: this.view() }))
    // what happened while nobody watched
    if (this.#dirtyUsers.size) this.#progressTimer ??= setTimeout(() => void this.#progressTick(), 0).unref()
  }

  #language(lang: string): string {
    return LANGUAGES.includes(lang) ? lang : this.lang
  }

  #flush(): void {
    this.#flushTimer = undefined
    if (this.#closed || !this.#pages.size) return
    const message = JSON.stringify({ type: 'view', view: this.view() })
    for (const page of this.#pages) {
      this.#send(page, message)
      this.#sendLog(page, false)
    }
  }

  /** The watched student's entries the page has not had yet; `reset`: the whole log kept, for a page that has just chosen. */
  #sendLog(page: Page, reset: boolean): void {
    const user = page.watch
    if (user === undefined) {
      if (reset) this.#send(page, JSON.stringify({ type: 'log', user: null, reset, entries: [] }))
      return
    }
    const fresh = (this.#logs.get(user) ?? []).filter(l => l.seq > page.sent)
    if (!fresh.length && !reset) return
    page.sent = fresh.at(-1)?.seq ?? page.sent
    const t = this.#translator(page.lang)
    this.#send(page, JSON.stringify({ type: 'log', user, reset, entries: fresh.map(l => entryOf(l, t)) }))
  }

  #translator(lang: string): Translator {
    let t = this.#translators.get(lang)
    if (!t) this.#translators.set(lang, (t = translator(lang)))
    return t
  }

  /** Sends, unless the page has fallen so far behind that it is dropped. */
  #send(page: Page, message: string): void {
    const { socket } = page
    if (socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount + Buffer.byteLength(message) > MAX_BUFFERED) {
      this.#pages.delete(page)
      socket.terminate()
      return
    }
    socket.send(message)
  }

  /** Pages still open. */
  get pages(): number {
    return this.#pages.size
  }

  close(): void {
    this.#closed = true
    this.#unsubscribe()
    clearTimeout(this.#flushTimer)
    clearTimeout(this.#progressTimer)
    for (const page of this.#pages) page.socket.terminate()
    this.#pages.clear()
  }
}

function entryOf({ seq, event }: Logged, t: Translator): LogEntry {
  const base = { seq, time: event.time, session: event.session, notes: explain(event, t) }
  switch (event.type) {
    case 'command':
      return { ...base, kind: 'C', text: event.raw }
    case 'reply':
      return { ...base, kind: 'S', text: event.raw, ok: event.ok }
    default:
      return { ...base, kind: '-', text: base.notes.shift() ?? '', ...(event.type === 'tlsError' || (event.type === 'update' && !event.ok) ? { ok: false } : {}) }
  }
}
