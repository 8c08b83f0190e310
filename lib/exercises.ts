/**
 * Exercises: one Markdown file each in exercises/, the lab handout a student
 * reads and, from the same text, the steps the program plays, coaches and
 * checks.
 *
 * The conventions the program reads:
 *   - a front matter block (`---` lines) with `title:` and `account:`;
 *   - `**What you will learn:**` and a `## Why it matters` section;
 *   - `## Step N: title` headings, one per step;
 *   - in a step, ```pop3 blocks of the exchange: `C:` lines the student types,
 *     `S:` lines the server answers (the first after a C: line is the status
 *     line, the next ones a multi-line body as sent, ending in `S: .`). `...`
 *     stands for any text; a body line that is only `...` for any lines.
 *     ```pop3 session=2 means the exchange happens in another connection;
 *     ```pop3 tls (or `session=2 tls`) that the connection is made to the
 *     TLS port (POP3S, TLS from the first byte). A `C: STLS` answered +OK
 *     turns the connection to TLS where it stands (RFC 2595); an `S: + `
 *     line is a SASL continuation (RFC 5034 §4), and the next `C:` line the
 *     client's response to it, not a command;
 *   - `**Question:**` (and `**Answer:**`) paragraphs. The guide grades a
 *     question that says what is right: either a `**Choices:**` line
 *     followed by a list (`- one choice` per line) that the student picks
 *     from, or neither, and then a typed answer. Inside the answer's
 *     `<details>` (hidden in the handout), an `**Accept:**` line names the
 *     right choice exactly, or, for a typed answer, the accepted words or
 *     numbers separated by commas (an answer is right when it holds one of
 *     them as a word, in any case). A question without `**Accept:**` is
 *     shown with its answer, not graded.
 * A step whose blocks hold C: lines is a goal that `smallpop3 check` verifies.
 *
 * A translation is the same file name in a folder named by its language
 * (exercises/es/04-deleting.md); its markers are the words of that language
 * (`## Paso 1: ...`, `**Pregunta:**`), read from the catalogue's
 * `exercise.marker.*` keys, and its S: lines are that catalogue's replies.
 */
import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { catalogue, english, LocalizedError, type MessageKey, type Params, type Translator } from './i18n/index.js'

export interface Exchange {
  /** What the student types; undefined for the greeting of a new connection. */
  client?: string
  /** The expected status line (a pattern where "..." matches any text). */
  status?: string
  /** The expected multi-line body as sent, ending with ".", if the file shows it. */
  body: string[]
}

export interface Block {
  /** Which connection: 1 unless the block says session=N. */
  session: number
  /** The block says `tls`: its connection is made to the TLS port (POP3S). */
  tls: boolean
  exchanges: Exchange[]
}

const STLS = /^STLS$/i

/**
 * How a block's connection is encrypted from its start, so that it is made
 * with openssl rather than telnet: `port` for a block marked `tls` (the TLS
 * port), `stls` for a new connection whose first command is an STLS
 * answered +OK, as `openssl s_client -starttls pop3` sends it itself
 * (RFC 2595 §4); undefined for a plain connection.
 */
export function encryptedFromStart(block: Block): 'stls' | 'port' | undefined {
  if (block.tls) return 'port'
  const [greeting, first] = block.exchanges
  return greeting?.client === undefined && first && isStls(first.client) && first.status?.startsWith('+OK') ? 'stls' : undefined
}

/** A step's connection is encrypted from its start when one of its blocks' is (the exercises do not mix the two in a step). */
export function stepEncrypted(step: Pick<Step, 'blocks'>): 'stls' | 'port' | undefined {
  return step.blocks.map(encryptedFromStart).find(tls => tls !== undefined)
}

/** Whether a line of the exercise is STLS. */
export const isStls = (line: string | undefined): boolean => STLS.test(line ?? '')

/** Whether the student types `line` of `block`: not the STLS that opens an openssl connection, which openssl sends for them. */
export const typedByStudent = (block: Block, line: string): boolean => !(isStls(line) && encryptedFromStart(block) === 'stls')

export interface Step {
  number: number
  title: string
  /** The step's Markdown, blocks included: what a person reads. */
  text: string
  blocks: Block[]
  /** Every question of the step, in order. */
  questions: Question[]
  /** True when the step has commands to type: a goal for the check. */
  goal: boolean
}

export interface Question {
  text: string
  answer?: string
  /** The choices offered, if the file lists them. */
  choices?: string[]
  /** What counts as right: the right choice, or the accepted words of a typed answer; none: not graded. */
  accept?: string[]
}

export interface Exercise {
  id: string
  number: number
  title: string
  account: string
  learn: string
  why: string
  steps: Step[]
  file: string
  markdown: string
  /** The language the file is written in. */
  lang: string
  /** The language it was asked for in: another than `lang` when no translation exists yet (then it is the English file). */
  requested: string
}

export class ExerciseError extends LocalizedError {
  readonly code = 'EEXERCISE'
  constructor(readonly file: string, key: MessageKey, params?: Params) {
    super(key, params)
    this.message = this.describe(english)
  }

  override describe(t: Translator): string {
    return `${this.file}: ${t(this.key, this.params)}`
  }
}

/**
 * Reads every exercise in `dir` (files named like 01-first-login.md), in
 * order, in the language `lang`: for each English file, its translation in
 * `dir/<lang>/` when there is one, else the English file itself (its `lang`
 * then says "en", its `requested` the language asked for).
 */
export async function loadExercises(dir: string, lang = 'en'): Promise<Exercise[]> {
  const names = (await readdir(dir)).filter(n => /^\d+-[\w-]+\.md$/.test(n)).sort()
  const translated = lang === 'en' ? [] : await readdir(join(dir, lang)).catch(() => [] as string[])
  return Promise.all(names.map(async n => {
    const file = translated.includes(n) ? join(dir, lang, n) : join(dir, n)
    return parseExercise(await readFile(file, 'utf8'), file, lang)
  }))
}

/** Finds an exercise by number ("4"), id ("04-deleting") or the id without its number ("deleting"). */
export function findExercise(all: Exercise[], name: string): Exercise | undefined {
  const n = /^\d+$/.test(name) ? Number(name) : NaN
  return all.find(e => e.number === n || e.id === name || e.id.replace(/^\d+-/, '') === name)
}

/** The language of an exercise file: the folder it is in when that names a language (exercises/es/...), else English. */
function languageOfFile(file: string, requested: string): string {
  return basename(dirname(file)) === requested ? requested : 'en'
}

/** What the parser looks for, in one language: the markers of lib/i18n's `exercise.marker.*` keys, as patterns. */
interface Markers {
  learn: RegExp
  why: RegExp
  /** `## Step N: title`, every one (global). */
  step: RegExp
  /** Where a question starts: a step's text is split there. */
  questionStart: RegExp
  question: RegExp
  answer: RegExp
  choices: RegExp
  accept: RegExp
  /** Every question paragraph, and every choices list with its items (global): what the guide asks itself. */
  asked: RegExp[]
}

const markersByLang = new Map<string, Markers>()

function markersOf(lang: string): Markers {
  let m = markersByLang.get(lang)
  if (m) return m
  const cat = catalogue(lang)
  const word = (key: MessageKey): string => literally(cat[key])
  /** `**Word:**`, as a pattern. */
  const bold = (key: MessageKey): string => `\\*\\*${word(key)}:\\*\\*`
  m = {
    learn: new RegExp(`${bold('exercise.marker.learn')}\\s*([\\s\\S]*?)(?:\\n\\n|$)`),
    why: new RegExp(`^## ${word('exercise.marker.why')}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm'),
    step: new RegExp(`^## ${word('exercise.marker.step')} (\\d+): (.+)$`, 'gm'),
    questionStart: new RegExp(`^(?=${bold('exercise.marker.question')})`, 'm'),
    question: new RegExp(`^${bold('exercise.marker.question')}\\s*([\\s\\S]*?)(?:\\n\\n|$)`),
    answer: new RegExp(`${bold('exercise.marker.answer')}\\s*([\\s\\S]*?)(?:\\n\\n|<\\/details>|$)`),
    choices: new RegExp(`^${bold('exercise.marker.choices')}[ \\t]*\\n((?:[ \\t]*- .*(?:\\n|$))+)`, 'm'),
    accept: new RegExp(`^${bold('exercise.marker.accept')}[ \\t]*(.+)$`, 'm'),
    asked: [
      new RegExp(`^${bold('exercise.marker.question')}[\\s\\S]*?(?=\\n\\s*\\n|(?![\\s\\S]))`, 'gm'),
      new RegExp(`^${bold('exercise.marker.choices')}[ \\t]*\\n(?:[ \\t]*- .*(?:\\n|$))+`, 'gm'),
    ],
  }
  markersByLang.set(lang, m)
  return m
}

/** A step's prose without its questions and their choices, which the guide asks itself; `lang` is the exercise's. */
export function withoutQuestions(markdown: string, lang: string): string {
  return markersOf(lang).asked.reduce((text, re) => text.replace(re, ''), markdown)
}

/** Parses an exercise file; `requested` is the language it is read for (the file's own is told by its folder). */
export function parseExercise(markdown: string, file: string, requested = 'en'): Exercise {
  const lang = languageOfFile(file, requested)
  const mark = markersOf(lang)
  const id = (file.split('/').pop() ?? file).replace(/\.md$/, '')
  const number = Number(/^(\d+)-/.exec(id)?.[1] ?? NaN)
  const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  if (!front) throw new ExerciseError(file, 'exercise.noFront')
  const meta = Object.fromEntries(front[1]!.split('\n').map(l => /^(\w+):\s*(.*)$/.exec(l)).filter(Boolean).map(m => [m![1], m![2]!.trim()]))
  if (!meta.title) throw new ExerciseError(file, 'exercise.noTitle')
  if (!meta.account) throw new ExerciseError(file, 'exercise.noAccount')
  const body = markdown.slice(front[0].length)

  const learn = mark.learn.exec(body)?.[1]?.trim() ?? ''
  const why = mark.why.exec(body)?.[1]?.trim() ?? ''

  const steps: Step[] = []
  const headings = [...body.matchAll(mark.step)]
  headings.forEach((h, i) => {
    const start = h.index! + h[0].length
    const nextHeading = body.slice(start).search(/^## /m)
    const text = (nextHeading === -1 ? body.slice(start) : body.slice(start, start + nextHeading)).trim()
    if (Number(h[1]) !== i + 1) throw new ExerciseError(file, 'exercise.stepNumber', { found: h[1], expected: i + 1 })
    const blocks = [...text.matchAll(BLOCK)].map(m => parseBlock(m[2]!, m[1]!, file, i + 1))
    steps.push({
      number: i + 1,
      title: h[2]!.trim(),
      text,
      blocks,
      questions: text.split(mark.questionStart).slice(1).map(part => questionOf(part, file, i + 1, mark)),
      goal: blocks.some(b => b.exchanges.some(x => x.client !== undefined)),
    })
  })
  if (!steps.length) throw new ExerciseError(file, 'exercise.noSteps')
  return { id, number, title: meta.title, account: meta.account, learn, why, steps, file, markdown, lang, requested }
}

/** One question of a step, from its `**Question:**` paragraph to the next one: its choices, the right one or the accepted words, its answer. */
function questionOf(part: string, file: string, step: number, mark: Markers): Question {
  const text = mark.question.exec(part)![1]!.trim()
  const answer = mark.answer.exec(part)?.[1]?.trim()
  const list = mark.choices.exec(part)?.[1]
  const choices = list?.split('\n').map(l => l.replace(/^\s*- /, '').trim()).filter(Boolean)
  const accepted = mark.accept.exec(part)?.[1]?.trim()
  if (!accepted) return { text, answer, choices }
  if (!choices) return { text, answer, accept: accepted.split(',').map(a => a.trim()).filter(Boolean) }
  if (!choices.includes(accepted)) throw new ExerciseError(file, 'exercise.badAccept', { step, accept: accepted })
  return { text, answer, choices, accept: [accepted] }
}

/** A ```pop3 block in a step's text: its info string and its lines. */
const BLOCK = /^```pop3([^\n]*)\n([\s\S]*?)^```$/gm

/** A step's text in order: the prose (Markdown) between its blocks, and the blocks. */
export function stepParts(step: Step): ({ prose: string } | { block: Block })[] {
  const parts: ({ prose: string } | { block: Block })[] = []
  let last = 0
  let i = 0
  for (const m of step.text.matchAll(BLOCK)) {
    parts.push({ prose: step.text.slice(last, m.index).trim() }, { block: step.blocks[i++]! })
    last = m.index! + m[0].length
  }
  parts.push({ prose: step.text.slice(last).trim() })
  return parts.filter(p => !('prose' in p) || p.prose)
}

function parseBlock(text: string, info: string, file: string, step: number): Block {
  const session = Number(/session=(\d+)/.exec(info)?.[1] ?? 1)
  const tls = /(?:^|\s)tls(?:\s|$)/.test(info)
  const exchanges: Exchange[] = []
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue
    const m = /^([CS]): ?(.*)$/.exec(raw)
    if (!m) throw new ExerciseError(file, 'exercise.badLine', { step, line: raw })
    const [, who, line] = m as unknown as [string, 'C' | 'S', string]
    if (who === 'C') exchanges.push({ client: line, body: [] })
    else {
      let last = exchanges[exchanges.length - 1]
      if (!last) exchanges.push((last = { body: [] })) // the greeting of a new connection
      if (last.status === undefined) last.status = line
      else last.body.push(line)
    }
  }
  return { session, tls, exchanges }
}

/** `text` as a regular expression that matches it literally. */
export const literally = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Whether `text` matches `pattern`, where "..." stands for any text. */
export function matches(pattern: string, text: string): boolean {
  const re = pattern.split('...').map(literally).join('[\\s\\S]*')
  return new RegExp(`^${re}$`).test(text)
}

/** Whether body lines match a body pattern, where a line "..." stands for any number of lines. */
export function bodyMatches(pattern: string[], lines: string[]): boolean {
  const go = (p: number, l: number): boolean => {
    if (p === pattern.length) return l === lines.length
    if (pattern[p] === '...') {
      for (let k = l; k <= lines.length; k++) if (go(p + 1, k)) return true
      return false
    }
    return l < lines.length && matches(pattern[p]!, lines[l]!) && go(p + 1, l + 1)
  }
  return go(0, 0)
}
