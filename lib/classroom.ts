/**
 * `smallpop3 class`: a lab for a whole class, written into one folder: a
 * maillist with an account per student (a random password each), a private
 * maildrop per student, and a handout (Markdown and CSV) saying how to log
 * in. Served with `smallpop3 --maillist DIR/maillist --host 0.0.0.0`.
 *
 * Each maildrop is the sample's, varied from the seed and the student's name
 * (other subjects and sizes, another order, one message more or less), so
 * that answers cannot be copied; `check` judges a student's numbers as their
 * own (ExerciseChecker's ownMaildrop). The passwords come from the system's
 * random source, never from the seed: knowing the seed must not let anyone
 * log in as someone else.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { cp, link, mkdir, mkdtemp, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { WORDS } from './class-words.js'
import { english, LocalizedError, translator, type MessageKey, type Params, type Translator } from './i18n/index.js'
import { loadMaillist } from './maillist.js'
import { syncDir } from './store/durable.js'
import { lockMaildrop, openMaildrop, StoreError } from './store/index.js'
import { PACKAGE_ROOT } from './version.js'
import { makeFolder } from './folders.js'

/** A class is at most this big: one server, one handout. */
export const MAX_STUDENTS = 1000

/**
 * The exercises need this many messages: exercises 5 and 11 read message 4
 * (UIDL 4, DELE 4), after exercise 4 may have deleted one.
 */
export const MIN_MESSAGES = 4

/**
 * Message numbers whose content the exercises show, kept in their place:
 * 3 has the lines that start with a dot (exercise 8, RETR 3), 5 the MIME
 * attachment (exercise 9, RETR 5), 6 the encoded-word headers (exercise 9,
 * TOP 6 0). The others change places.
 */
const PINNED = [3, 5, 6]

/**
 * Exercise 2 asks for LIST 9 to be refused: a maildrop of fewer than 9
 * messages is never given a ninth.
 */
const LIST_REFUSED = 9

/** A problem with what `class` was asked to do: one line, in the language of the command line. */
export class ClassError extends LocalizedError {
  readonly code = 'ECLASS'
  constructor(key: MessageKey, params?: Params) {
    super(key, params)
  }
}

export interface ClassOptions {
  /** The folder to write the class into. */
  out: string
  /** How many students (s01, s02, …); or `roster`. */
  students?: number
  /** A CSV file of names, one student a line; or `students`. */
  roster?: string
  /** The start of the numbered user names (default "s"). */
  prefix?: string
  /** The sample maildrop (an mbox file or a maildir); default the bundled guest's mbox.mail. */
  from?: string
  /** What the maildrops are varied from (default: a random one, reported). */
  seed?: string
  /** The address the handout tells students to connect to (default: this machine's on the network). */
  host?: string
  /** The port the handout names (default 65000). */
  port?: number
  /** Replace a class already in `out`. */
  force?: boolean
  /** The words of the handout and of the note a maildrop may get (default English). */
  t?: Translator
}

export interface Student {
  user: string
  /** The name from the roster. */
  name?: string
  password: string
  /** The maildrop, relative to the class's folder. */
  mailbox: string
}

export interface Classroom {
  dir: string
  maillist: string
  handout: { markdown: string; csv: string }
  seed: string
  /** The seed was chosen at random (none given). */
  seedChosen: boolean
  /** The sample the maildrops were made from, and its kind, kept for every student. */
  from: string
  kind: 'mbox' | 'maildir'
  host: string
  /** Where the handout's host came from: --host, this machine's network address, or a placeholder to fill in. */
  hostFrom: 'given' | 'network' | 'placeholder'
  port: number
  students: Student[]
}

/** What the handout says where no address is known: the instructor writes the server's in. */
export const HOST_PLACEHOLDER = 'SERVER-ADDRESS'

const PREFIX = /^[a-z][a-z0-9._-]{0,15}$/

/** Writes a class into `opts.out`; refuses (ClassError) to overwrite one unless `force`. */
export async function makeClass(opts: ClassOptions): Promise<Classroom> {
  const t = opts.t ?? english
  const dir = resolve(opts.out)
  const prefix = opts.prefix ?? 's'
  if (!PREFIX.test(prefix)) throw new ClassError('class.badPrefix', { value: prefix })
  if ((opts.roster === undefined) === (opts.students === undefined)) throw new ClassError('class.needStudents', { max: MAX_STUDENTS })
  const people = opts.roster !== undefined ? await readRoster(opts.roster) : numbered(opts.students!, prefix)
  if (!opts.force) await refuseExisting(dir)
  const from = resolve(opts.from ?? BUNDLED)
  const sample = await sampleOf(opts.from && from)
  const seed = opts.seed ?? randomBytes(6).toString('hex')
  const { host, hostFrom } = handoutHost(opts.host)
  const port = opts.port ?? 65000

  await makeFolder(dir, 0o700)
  const work = join(dir, `.class-new-${process.pid}`)
  await rm(work, { recursive: true, force: true })
  await makeFolder(join(work, 'mail'), 0o700)
  try {
    const students: Student[] = []
    for (const p of people) {
      const mailbox = sample.kind === 'maildir' ? `mail/${p.user}` : `mail/${p.user}.mbox`
      await writeMaildrop(join(work, mailbox), sample, seed, p.user, t)
      students.push({ ...p, password: password(), mailbox })
    }
    const room: Classroom = {
      dir, maillist: join(dir, 'maillist'), handout: { markdown: join(dir, 'handout.md'), csv: join(dir, 'handout.csv') },
      seed, seedChosen: opts.seed === undefined, from, kind: sample.kind, host, hostFrom, port, students,
    }
    await writePrivate(join(work, 'maillist'), maillistText(room, t))
    await writePrivate(join(work, 'handout.md'), handoutMarkdown(room, t))
    await writePrivate(join(work, 'handout.csv'), handoutCsv(room, t))
    const recipe: Recipe = { seed, from: opts.from === undefined ? null : from, lang: t.lang }
    await writePrivate(join(work, RECIPE), JSON.stringify(recipe, null, 2) + '\n')
    await install(work, dir, opts.force ?? false)
    return room
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

const BUNDLED = join(PACKAGE_ROOT, 'mbox.mail')

/** What the maildrops were made from, kept in the class (class.json) so that one can be made again (restoreMaildrops). */
interface Recipe {
  seed: string
  /** The sample given with --from; null: the bundled one. */
  from: string | null
  /** The language of the note some maildrops get. */
  lang: string
}
const RECIPE = 'class.json'

/** One student's maildrop, made at `path` from the sample, the seed and the user name. */
async function writeMaildrop(path: string, sample: Sample, seed: string, user: string, t: Translator): Promise<number> {
  const messages = varyMaildrop(sample.messages, new Seeded(`${seed}\0${user}`), t, user)
  await (sample.kind === 'maildir' ? writeMaildir : writeMbox)(path, messages, new Seeded(`${seed}\0${user}\0names`))
  return messages.length
}

/**
 * Makes the maildrops of `users` again, as `makeClass` made them (the
 * exercises that delete mail delete it for good): each is replaced whole,
 * under its session lock (ClassError while a session has it open); the
 * passwords stay. Returns how many messages each has.
 */
export async function restoreMaildrops(out: string, users: readonly string[], t: Translator = english): Promise<{ user: string; messages: number }[]> {
  const dir = resolve(out)
  let recipe: Recipe
  try {
    recipe = JSON.parse(await readFile(join(dir, RECIPE), 'utf8')) as Recipe
  } catch {
    throw new ClassError('class.notAClass', { dir })
  }
  const accounts = await loadMaillist(join(dir, 'maillist'))
  const wanted = users.map(user => {
    const account = accounts.find(a => a.user === user)
    if (!account) throw new ClassError('class.noStudent', { user, dir })
    return account
  })
  const sample = await sampleOf(recipe.from ?? undefined)
  const note = recipe.lang === t.lang ? t : translator(recipe.lang)
  const work = join(dir, `.class-new-${process.pid}`)
  await rm(work, { recursive: true, force: true })
  await mkdir(work, { mode: 0o700 })
  const restored: { user: string; messages: number }[] = []
  try {
    for (const a of wanted) {
      let release
      try {
        release = await lockMaildrop(a.mailbox)
      } catch (err) {
        if (err instanceof StoreError && err.code === 'EINUSE') throw new ClassError('class.inUse', { dir, user: a.user })
        throw err
      }
      try {
        const fresh = join(work, a.user)
        const messages = await writeMaildrop(fresh, sample, recipe.seed, a.user, note)
        // a maildir is a folder: the old one is moved aside first (its lock goes with it)
        if (sample.kind === 'maildir') await rename(a.mailbox, join(work, `${a.user}.old`))
        await rename(fresh, a.mailbox)
        restored.push({ user: a.user, messages })
      } finally {
        await release().catch(() => {})
      }
    }
    await syncDir(join(dir, 'mail'))
    return restored
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** The files a class consists of; any of them there means a class is there. */
const CLASS_FILES = ['maillist', 'mail', 'handout.md', 'handout.csv', RECIPE]

async function refuseExisting(dir: string): Promise<void> {
  for (const name of CLASS_FILES) {
    if (await stat(join(dir, name)).catch(() => null)) throw new ClassError('class.exists', { dir, what: name })
  }
}

/**
 * Moves the finished class from `work` into `dir`. Without `force`, nothing
 * there is replaced (a class made meanwhile by another run is kept). With
 * it, the old maildrops are replaced only while no session has one open
 * (their session locks are taken, as a login takes them).
 */
async function install(work: string, dir: string, force: boolean): Promise<void> {
  const release = force ? await lockOldClass(dir) : async () => {}
  try {
    const old = join(work, 'old-mail')
    const movedOld = force && (await rename(join(dir, 'mail'), old).then(() => true, err => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      return false
    }))
    await rename(join(work, 'mail'), join(dir, 'mail')).catch(async err => {
      if (movedOld) await rename(old, join(dir, 'mail')) // the students' mail back where it was, never deleted with `work`
      if (['EEXIST', 'ENOTEMPTY'].includes((err as NodeJS.ErrnoException).code ?? '')) throw new ClassError('class.exists', { dir, what: 'mail' })
      throw err
    })
    // the maillist last: it never names maildrops that are not there yet
    for (const name of ['handout.md', 'handout.csv', RECIPE, 'maillist']) {
      if (force) await rename(join(work, name), join(dir, name))
      else {
        await link(join(work, name), join(dir, name)).catch(err => {
          if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new ClassError('class.exists', { dir, what: name })
          throw err
        })
      }
    }
    await syncDir(dir)
  } finally {
    await release()
  }
}

/** The session locks of every maildrop of the class in `dir`, if there is one; ClassError while a session has one open. */
async function lockOldClass(dir: string): Promise<() => Promise<void>> {
  const accounts = await loadMaillist(join(dir, 'maillist')).catch(() => []) // no class, or a broken one: nobody to protect
  const releases: (() => Promise<void>)[] = []
  const releaseAll = async (): Promise<void> => {
    await Promise.all(releases.map(r => r().catch(() => {}))) // a lock moved away with its old maildrop is gone with it
  }
  for (const a of accounts) {
    try {
      releases.push(await lockMaildrop(a.mailbox))
    } catch (err) {
      if (!(err instanceof StoreError && err.code === 'EINUSE')) continue
      await releaseAll()
      throw new ClassError('class.inUse', { dir, user: a.user })
    }
  }
  return releaseAll
}

/** Makes a file only its owner may read (passwords, mail), synced to disk; it is named into the class afterwards (install). */
async function writePrivate(path: string, data: string | Buffer): Promise<void> {
  const fh = await open(path, 'wx', 0o600)
  try {
    await fh.writeFile(data)
    await fh.sync()
  } finally {
    await fh.close()
  }
}

// ── who is in the class ─────────────────────────────────────────────────────

interface Person {
  user: string
  name?: string
}

function numbered(n: number, prefix: string): Person[] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_STUDENTS) throw new ClassError('cli.badNumber', { option: '--students', min: 1, max: MAX_STUDENTS, value: n })
  const width = String(n).length
  return Array.from({ length: n }, (_, i) => ({ user: `${prefix}${String(i + 1).padStart(width, '0')}` }))
}

/**
 * A roster: a CSV file whose first column is a name (or whose header row
 * has a "name" column), one student a line. Blank lines are skipped; an
 * empty name, or a name twice, is an error naming the line.
 */
export async function readRoster(file: string): Promise<Person[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new ClassError('class.roster.unreadable', { path: file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message })
  }
  const rows = parseCsv(text.replace(/^\uFEFF/, ''))
  let column = 0
  let first = 0
  const header = rows[0]?.cells.map(c => c.trim().toLowerCase())
  const named = header?.findIndex(c => ['name', 'names', 'student', 'full name'].includes(c)) ?? -1
  if (named !== -1) {
    column = named
    first = 1
  }
  const seen = new Map<string, number>()
  const taken = new Set<string>()
  const people: Person[] = []
  for (const row of rows.slice(first)) {
    if (row.cells.every(c => c.trim() === '')) continue
    const name = (row.cells[column] ?? '').replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/\s+/g, ' ').trim()
    if (!name) throw new ClassError('class.roster.emptyName', { path: file, line: row.line })
    const same = name.toLowerCase()
    const before = seen.get(same)
    if (before) throw new ClassError('class.roster.duplicate', { path: file, line: row.line, name, first: before })
    seen.set(same, row.line)
    const user = userFor(name, taken)
    taken.add(user)
    people.push({ user, name })
  }
  if (!people.length) throw new ClassError('class.roster.empty', { path: file })
  if (people.length > MAX_STUDENTS) throw new ClassError('class.roster.tooMany', { path: file, count: people.length, max: MAX_STUDENTS })
  return people
}

/** CSV (RFC 4180, lenient): fields split at commas, "quoted" fields may hold commas, quotes ("") and line ends. */
function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') cell += text[++i]
      else if (c === '"') quoted = false
      else {
        if (c === '\n') line++
        cell += c
      }
    } else if (c === '"') quoted = true
    else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      rows.push({ line: rowLine, cells })
      cells = []
      cell = ''
      rowLine = ++line
    } else cell += c
  }
  if (cell !== '' || cells.length) rows.push({ line: rowLine, cells: [...cells, cell] })
  return rows
}

/** Letters NFKD leaves whole, as they are usually written in ASCII. */
const ASCII_OF: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' }

/**
 * A user name from a person's name: ASCII, lowercase, the first and last
 * words ("Núria Puig i Soler" → nuria.soler), at most 20 characters, a
 * number added when taken; "student" when the name has no Latin letters.
 */
export function userFor(name: string, taken: ReadonlySet<string>): string {
  const ascii = name.toLowerCase().replace(/[ßæœøłđðþı]/g, c => ASCII_OF[c]!).normalize('NFKD').replace(/\p{M}/gu, '')
  const words = ascii.match(/[a-z0-9]+/g) ?? []
  const whole = words.length > 1 ? `${words[0]}.${words.at(-1)}` : words[0] ?? 'student'
  const base = whole.slice(0, 20).replace(/\.$/, '')
  let user = base
  for (let k = 2; taken.has(user); k++) user = `${base}${k}`
  return user
}

/** A password easy to read off paper and type: two words and three digits, from the system's random source. */
function password(): string {
  const word = (): string => WORDS[randomInt(WORDS.length)]!
  return `${word()}-${word()}-${randomInt(100, 1000)}`
}

// ── the maildrops ───────────────────────────────────────────────────────────

/** A deterministic source of numbers from a string (SHA-256 in counter mode). */
class Seeded {
  #key: string
  #block = Buffer.alloc(0)
  #counter = 0

  constructor(key: string) {
    this.#key = key
  }

  /** A whole number from 0 to n - 1. */
  below(n: number): number {
    if (this.#block.length < 4) this.#block = createHash('sha256').update(`${this.#key}\0${this.#counter++}`).digest()
    const x = this.#block.readUInt32BE(0)
    this.#block = this.#block.subarray(4)
    return x % n // n is small: the bias is negligible for varying mail
  }

  pick<T>(list: readonly T[]): T {
    return list[this.below(list.length)]!
  }

  shuffle<T>(list: T[]): T[] {
    for (let i = list.length - 1; i > 0; i--) {
      const j = this.below(i + 1)
      ;[list[i], list[j]] = [list[j]!, list[i]!]
    }
    return list
  }

  words(n: number): string {
    return Array.from({ length: n }, () => this.pick(WORDS)).join(' ')
  }
}

/**
 * The sample at `from`, or the bundled one, which is read from a copy:
 * reading takes the maildrop's session lock, a file beside it, and the
 * package's folder may be read-only.
 */
async function sampleOf(from?: string): Promise<Sample> {
  if (from !== undefined) return readSample(from)
  const dir = await mkdtemp(join(tmpdir(), 'smallpop3-class-'))
  try {
    await cp(BUNDLED, join(dir, 'sample.mbox'))
    return await readSample(join(dir, 'sample.mbox'))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

interface Sample {
  kind: 'mbox' | 'maildir'
  /** As delivered: CRLF lines. */
  messages: Buffer[]
}

/** The most a sample may hold: it is copied for every student, and read whole into memory. */
const SAMPLE_CAP = 16 << 20

/** The messages of a sample maildrop, read under its session lock, as a login reads them. */
async function readSample(path: string): Promise<Sample> {
  let drop
  try {
    drop = await openMaildrop(path)
  } catch (err) {
    throw new ClassError('class.badFrom', { path, reason: err instanceof LocalizedError ? err.describe(english) : (err as Error).message })
  }
  try {
    const octets = drop.messages.reduce((sum, m) => sum + m.size, 0)
    if (octets > SAMPLE_CAP) throw new ClassError('class.sampleTooBig', { path, octets, cap: SAMPLE_CAP })
    const messages: Buffer[] = []
    for (let i = 0; i < drop.messages.length; i++) messages.push(await collect(await drop.open(i)))
    if (messages.length < MIN_MESSAGES) throw new ClassError('class.fewMessages', { path, count: messages.length, min: MIN_MESSAGES })
    return { kind: drop.kind, messages }
  } finally {
    await drop.release()
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** What a varied subject may start with. */
const SUBJECT_STARTS = ['Re: ', 'Fwd: ', '[lab] ', '[POP3] ', 'Note: ', 'Reminder: ', 'Update: ', 'Again: ']

/**
 * One student's maildrop: the sample's messages with other subjects and
 * sizes, the unpinned ones in another order, and one message more or less
 * (never fewer than MIN_MESSAGES, never a ninth where there were fewer).
 */
function varyMaildrop(sample: readonly Buffer[], rng: Seeded, t: Translator, user: string): Buffer[] {
  const m = sample.length
  const changes = [0, ...(m > MIN_MESSAGES ? [-1] : []), ...(m + 1 !== LIST_REFUSED ? [1] : [])]
  const length = m + rng.pick(changes)
  const styled = sample.map(message => restyle(message, rng))
  const pinned = new Set(PINNED.map(n => n - 1).filter(i => i < Math.min(m, length)))
  const movable = rng.shuffle(styled.filter((_, i) => !pinned.has(i)))
  if (length < m) movable.pop()
  if (length > m) movable.splice(rng.below(movable.length + 1), 0, note(rng, t, user))
  return Array.from({ length }, (_, i) => (pinned.has(i) ? styled[i]! : movable.shift()!))
}

/** Words for a header: as they are in ASCII, else an RFC 2047 encoded-word (a header is ASCII: RFC 5322 §2.2). */
function headerWords(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`
}

/** The extra message some students get. */
function note(rng: Seeded, t: Translator, user: string): Buffer {
  const lines = [
    'From: Lab Robot <robot@smallpop3.example>',
    `To: ${user}@smallpop3.example`,
    `Subject: ${headerWords(t('class.note.subject', { words: rng.words(2) }))}`,
    'Date: Tue, 08 Sep 2026 08:00:00 +0000',
    `Message-ID: <note.${rng.below(1e9)}@smallpop3.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    ...t('class.note.body', { user }).split('\n'),
    '',
    rng.words(4 + rng.below(6)),
  ]
  return Buffer.from(lines.map(l => `${l}\r\n`).join(''))
}

/**
 * Another subject (a start from SUBJECT_STARTS, sometimes a word after it)
 * and another size (a header of a few words): the body, which the exercises
 * quote, stays as it was. Bytes are handled as latin1, so nothing else in
 * the message changes.
 */
function restyle(message: Buffer, rng: Seeded): Buffer {
  const text = message.toString('latin1')
  const end = text.indexOf('\r\n\r\n')
  const headers = end === -1 ? text : text.slice(0, end + 2)
  const rest = end === -1 ? '' : text.slice(end + 2)
  const start = rng.pick(SUBJECT_STARTS)
  const tail = rng.below(2) ? ` (${rng.pick(WORDS)})` : ''
  let varied = /^Subject:/im.test(headers)
    ? headers.replace(/^Subject:[ \t]*(.*?)\r\n/im, (_all, subject: string) => `Subject: ${start}${subject}${tail}\r\n`)
    : `${headers}Subject: ${start}${rng.words(2)}\r\n`
  varied += `X-Lab-Note: ${rng.words(1 + rng.below(8))}\r\n`
  return Buffer.from(varied + rest, 'latin1')
}

/** An mbox (mboxrd: a body line ">*From " gets one more ">"), LF line ends, as mail spools keep them. */
async function writeMbox(path: string, messages: Buffer[]): Promise<void> {
  const parts = messages.map(message => {
    const lines = message.toString('latin1').split('\r\n')
    if (lines.at(-1) === '') lines.pop()
    return `${fromLine(lines)}\n${lines.map(l => (/^>*From /.test(l) ? `>${l}` : l)).join('\n')}\n\n`
  })
  await writePrivate(path, Buffer.from(parts.join(''), 'latin1'))
}

/** The "From sender date" line that starts a message in an mbox, from its Return-Path (or From) and Date. */
function fromLine(lines: string[]): string {
  const header = (name: string): string | undefined => lines.find(l => l.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim()
  const sender = /<([^<>\s]+)>/.exec(header('return-path') ?? header('from') ?? '')?.[1] ?? 'MAILER-DAEMON'
  const date = new Date(header('date') ?? '')
  const when = Number.isNaN(date.getTime()) ? new Date(Date.UTC(2026, 8, 7, 9)) : date
  // asctime(3): "Mon Sep  7 09:00:00 2026"
  const [day, month, dd, year, time] = when.toUTCString().replace(',', '').split(' ').filter(Boolean) as [string, string, string, string, string]
  return `From ${sender} ${day} ${month} ${String(Number(dd)).padStart(2, ' ')} ${time} ${year}`
}

/**
 * A maildir: every message a file in new/ (mail not yet read), named so
 * that delivery order is the order given, with a part that is the
 * student's own, so that unique ids (UIDL) differ from student to student.
 */
async function writeMaildir(path: string, messages: Buffer[], rng: Seeded): Promise<void> {
  for (const sub of ['cur', 'new', 'tmp']) await makeFolder(join(path, sub), 0o700)
  const own = rng.below(0xffffff).toString(16).padStart(6, '0')
  const time = 1788771600 // 7 September 2026, as the bundled maildir's mail
  for (const [i, message] of messages.entries()) {
    const name = `${time + i * 600}.M${i + 1}R${own}.smallpop3`
    await writePrivate(join(path, 'new', name), message.toString('latin1').replace(/\r\n/g, '\n'))
  }
}

/** What `smallpop3 class` says it wrote, and how to serve it. */
export function classReport(room: Classroom, t: Translator): string {
  const hostLine = { given: 'class.hostGiven', network: 'class.hostNetwork', placeholder: 'class.hostPlaceholder' } as const
  return [
    t('class.done', { count: room.students.length, dir: room.dir, kind: room.kind, from: room.from, seed: room.seed, maillist: room.maillist }),
    t(hostLine[room.hostFrom], { host: room.host, port: room.port }),
    ...(room.seedChosen ? [t('class.seedChosen', { seed: room.seed })] : []),
  ].join('\n') + '\n'
}

// ── the handout ─────────────────────────────────────────────────────────────

/**
 * The address students connect to: --host (unless it is a listen-on-all
 * address), else this machine's first IPv4 address on a network, else a
 * placeholder the instructor fills in.
 */
function handoutHost(given?: string): { host: string; hostFrom: Classroom['hostFrom'] } {
  if (given && given !== '0.0.0.0' && given !== '::') return { host: given, hostFrom: 'given' }
  const address = Object.values(networkInterfaces())
    .flat()
    .find(a => a && !a.internal && a.family === 'IPv4')?.address
  return address ? { host: address, hostFrom: 'network' } : { host: HOST_PLACEHOLDER, hostFrom: 'placeholder' }
}

const connectLines = (room: Classroom): { telnet: string; nc: string } => ({ telnet: `telnet ${room.host} ${room.port}`, nc: `nc -C ${room.host} ${room.port}` })

function maillistText(room: Classroom, t: Translator): string {
  const head = t('class.maillistHeader', { count: room.students.length, seed: room.seed, from: room.from })
  return `${head.split('\n').map(l => `# ${l}`).join('\n')}\n${room.students.map(s => `${s.user}\t${s.password}\t${s.mailbox}\n`).join('')}`
}

/** Markdown's special characters in a name, escaped so that it shows as written. */
const markdownText = (text: string): string => text.replace(/[\\`*_{}[\]<>()#+!|~-]/g, c => `\\${c}`)

function handoutMarkdown(room: Classroom, t: Translator): string {
  const { telnet, nc } = connectLines(room)
  const sections = room.students.map(s =>
    t('class.handout.student', {
      heading: s.name ? `${s.user} (${markdownText(s.name)})` : s.user,
      user: s.user, password: s.password,
      telnet, nc,
    }),
  )
  return `${t('class.handout.intro')}\n\n---\n\n${sections.join('\n\n---\n\n')}\n`
}

/** A CSV field: quoted when it must be, and a leading = + - @ defused so that a spreadsheet shows it rather than runs it. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function handoutCsv(room: Classroom, t: Translator): string {
  const { telnet } = connectLines(room)
  const rows = [t('class.csvHeader').split(','), ...room.students.map(s => [s.user, s.name ?? '', s.password, room.host, String(room.port), telnet])]
  return rows.map(r => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}
