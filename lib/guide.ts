/**
 * `smallpop3 guide`: a student does an exercise from their own telnet, and
 * the guide coaches: one step at a time, what to do and why and the lines
 * to type; it feeds every event of its server to the step checker
 * (lib/check.ts), so it moves on when the student has done the step, shows
 * each reply explained, and says what to try after a mistake. Keys while it
 * waits (h: a hint, then the exact line; q: leave; Ctrl-C), the exercise's
 * questions with inquirer, a summary, and the next exercise.
 *
 * Its prompts and its keys read `io.input` and write `io.output`, so the
 * tests drive it with streams, and a person with a terminal.
 */
import inquirer from 'inquirer'
import type { Pop3Event } from './events.js'
import { ExerciseChecker, checkExercise } from './check.js'
import type { Exercise, Question, Step } from './exercises.js'
import type { Translator } from './i18n/index.js'
import { Keyboard, type KeyInput } from './keyboard.js'
import type { CommandEvent } from './player.js'
import { chalkFor } from './render/color.js'
import * as screen from './render/guide.js'
import type { RunningServer } from './server.js'
import { readTranscripts } from './transcripts.js'

export interface GuideOptions {
  /** The server the student connects to; its events are watched. */
  server: RunningServer
  exercises: Exercise[]
  /** The exercise to start with; none: a menu. */
  exercise?: Exercise
  /** Where the server records sessions: the menu marks the exercises done there. */
  transcripts?: string
  /** What the server serves, in words. */
  source: string
}

export interface GuideIO {
  input: KeyInput
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  env: NodeJS.ProcessEnv
  /** Resolves on SIGINT or SIGTERM. */
  stopSignal?: () => Promise<string>
}

/** Exit statuses: left (after an exercise or with q), Ctrl-C. */
const LEFT = 0
const INTERRUPTED = 130

class Stopped extends Error {}

/** Runs the guide until the student leaves; the caller closes the server. */
export async function runGuide(opts: GuideOptions, io: GuideIO, t: Translator): Promise<number> {
  const guide = new Guide(opts, io, t)
  try {
    return await guide.run()
  } finally {
    guide.close()
  }
}

type Item = { kind: 'event'; event: Pop3Event } | { kind: 'key'; key: string }

export class Guide {
  readonly #opts: GuideOptions
  readonly #io: GuideIO
  readonly #t: Translator
  readonly #style: screen.GuideStyle
  readonly #keys: Keyboard
  readonly #stopped: Promise<never>
  readonly #abort = new AbortController()
  #stop!: () => void
  /** Server events not yet shown. */
  readonly #events: Pop3Event[] = []
  #wake?: () => void
  /** The command of each session waiting for its reply. */
  readonly #pending = new Map<number, CommandEvent>()
  readonly #onEvent = (event: Pop3Event): void => {
    this.#events.push(event)
    this.#wake?.()
  }

  constructor(opts: GuideOptions, io: GuideIO, t: Translator) {
    this.#opts = opts
    this.#io = io
    this.#t = t
    this.#style = { t, chalk: chalkFor(io.output, io.env), width: Math.max(40, Math.min(io.output.columns ?? 100, 100)), bytes: false }
    this.#stopped = new Promise<never>((_, reject) => (this.#stop = () => {
      this.#abort.abort()
      reject(new Stopped())
    }))
    this.#stopped.catch(() => {})
    void io.stopSignal?.().then(() => this.#stop())
    opts.server.on('event', this.#onEvent)
    this.#keys = new Keyboard(io.input, () => this.#stop())
  }

  close(): void {
    this.#opts.server.off('event', this.#onEvent)
    this.#keys.close()
    if (this.#io.output.isTTY) this.#write('\x1b[?25h') // the cursor, in case a prompt hid it
  }

  #write(text: string): void {
    this.#io.output.write(text)
  }

  get #where(): screen.Where {
    const host = this.#opts.server.host
    return { host: host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === '::1' ? 'localhost' : host, port: this.#opts.server.port, tlsPort: this.#opts.server.tlsPort }
  }

  async run(): Promise<number> {
    try {
      this.#write('\n' + screen.renderServer(this.#where, this.#opts.source, this.#style))
      let ex = this.#opts.exercise ?? (await this.#menu())
      for (;;) {
        const next = await this.#play(ex)
        if (!next) return LEFT
        ex = next
      }
    } catch (err) {
      if (err instanceof Stopped || isPromptExit(err)) return INTERRUPTED
      throw err
    }
  }

  /** The exercises, each marked done or not from the recorded sessions, the cursor on the first one not done. */
  async #menu(): Promise<Exercise> {
    const all = this.#opts.exercises
    const transcripts = this.#opts.transcripts ? await readTranscripts(this.#opts.transcripts).catch(() => []) : []
    const done = new Set(all.filter(ex => checkExercise(ex, transcripts, ex.account).done).map(ex => ex.number))
    const first = all.find(ex => !done.has(ex.number)) ?? all[0]!
    const number = await this.#prompt<number>({
      type: 'select',
      message: this.#t('guide.menu'),
      choices: all.map(ex => ({ name: this.#t(done.has(ex.number) ? 'guide.menuDone' : 'guide.menuTodo', { number: String(ex.number).padStart(2), title: ex.title }), value: ex.number })),
      default: first.number,
      pageSize: all.length,
      loop: false,
    })
    return all.find(ex => ex.number === number)!
  }

  /** One exercise, to its end; the next one to play, or none to leave. */
  async #play(ex: Exercise): Promise<Exercise | undefined> {
    const s = this.#style
    const checker = new ExerciseChecker(ex)
    const total = ex.steps.length
    let right = 0
    let asked = 0
    const ask = async (step: Step): Promise<void> => {
      for (const q of step.questions) {
        const r = await this.#question(q)
        if (r === undefined) continue
        asked++
        if (r) right++
      }
    }
    this.#events.length = 0 // what happened before is not this exercise's
    this.#write(screen.renderIntro(ex, s))
    let index = 0 // the step shown
    let hints = 0
    let shown = -1
    for (;;) {
      // steps with nothing to type are shown, their question asked, and passed
      while (index < total && ex.steps[index] !== checker.current) {
        const step = ex.steps[index]!
        this.#write(screen.renderStep(step, ex.lang, total, this.#where, s))
        if (checker.isDone(step.number)) this.#write(screen.renderDone(step, s))
        await ask(step)
        index++
      }
      const step = checker.current
      if (!step) break
      if (shown !== index) {
        this.#write(screen.renderStep(step, ex.lang, total, this.#where, s) + screen.renderKeys(step, s))
        shown = index
        hints = 0
      }
      const item = await this.#next()
      if (item.kind === 'key') {
        if (item.key === 'q' || item.key === 'Q') return undefined
        if (item.key === 'h' || item.key === 'H') this.#write(screen.renderHint(this.#hint(checker, step, hints++), s))
        continue
      }
      const event = item.event
      const fed = checker.feed(event)
      this.#show(event)
      if (fed.miss) this.#write(screen.renderMiss(fed.miss, s))
      for (const n of fed.restarted) this.#write(screen.renderHint(this.#t('guide.restarted', { step: n }), s))
      for (const n of fed.done) {
        const doneStep = ex.steps[n - 1]!
        this.#write(screen.renderDone(doneStep, s))
        await ask(doneStep)
        index = n
      }
    }
    const next = this.#opts.exercises.find(e => e.number > ex.number)
    const tracked = ex.steps.filter(st => st.blocks.length)
    this.#write(screen.renderSummary(ex, { done: tracked.filter(st => checker.isDone(st.number)).length, total: tracked.length, right, asked, next }, s))
    if (!next) return undefined
    const choice = await this.#prompt<string>({
      type: 'select',
      message: this.#t('guide.whatNow'),
      choices: [
        { name: this.#t('guide.goOn', { number: next.number, title: next.title }), value: 'next' },
        { name: this.#t('guide.leave'), value: 'leave' },
      ],
    })
    return choice === 'next' ? next : undefined
  }

  /** The next thing to react to: a server event, else a key. */
  async #next(): Promise<Item> {
    for (;;) {
      const event = this.#events.shift()
      if (event) return { kind: 'event', event }
      const woken = new Promise<void>(resolve => (this.#wake = resolve))
      const key = await this.#race(Promise.race([woken.then(() => undefined), this.#keys.next()]))
      this.#wake = undefined
      if (key !== undefined) return { kind: 'key', key }
    }
  }

  /** An event on the screen: a new connection, an exchange explained, a closed connection. */
  #show(event: Pop3Event): void {
    const s = this.#style
    switch (event.type) {
      case 'connect':
        return
      case 'command':
        this.#pending.set(event.session, event)
        return
      case 'reply': {
        const command = this.#pending.get(event.session)
        this.#pending.delete(event.session)
        this.#write(screen.renderStudentExchange(command, event, this.#where, s))
        return
      }
      case 'disconnect':
        this.#pending.delete(event.session)
        this.#write(screen.renderNote(this.#t('guide.disconnected', { session: event.session }), s))
        return
      default:
        return
    }
  }

  /** The first hint names the command by its first letter and length; the next ones, the exact line. */
  #hint(checker: ExerciseChecker, step: Step, stage: number): string {
    const t = this.#t
    const next = checker.expecting
    if (!next?.client) {
      const { host, port } = this.#where
      return stage === 0 ? t('guide.hint.connect') : t('guide.hint.exact', { line: `telnet ${host} ${port}` })
    }
    if (stage === 0) {
      const [verb = '', ...args] = next.client.split(' ')
      return t('guide.hint.verb', { length: verb.length, initial: verb[0]?.toUpperCase(), args: args.length ? t('guide.hint.args', { count: args.length }) : '' })
    }
    if (stage > 1) return t('guide.hint.none')
    const newConnection = next.label > 1 && step.blocks.some(b => b.session === next.label && b.exchanges[0]?.client === undefined)
    return t(newConnection ? 'guide.hint.exactNew' : 'guide.hint.exact', { line: next.client })
  }

  /** Asks a question: true or false when graded, undefined when it is not. */
  async #question(q: Question): Promise<boolean | undefined> {
    const s = this.#style
    const message = this.#t('guide.question', { question: plain(screen.atWhere(q.text, this.#where)) })
    let right: boolean | undefined
    if (q.choices) {
      const picked = await this.#prompt<string>({ type: 'select', message, choices: q.choices.map(c => ({ name: plain(screen.atWhere(c, this.#where)), value: c })) })
      right = q.accept ? q.accept.includes(picked) : undefined
    } else if (q.accept) {
      const typed = await this.#prompt<string>({ type: 'input', message })
      right = acceptable(typed, q.accept)
    } else {
      this.#write(`\n  ${s.chalk.bold(message)}\n`)
    }
    this.#write(screen.renderAnswer(right, q.answer, this.#where, s))
    return right
  }

  /** An inquirer prompt on the guide's streams, with the keys set aside while it runs. */
  async #prompt<T>(question: Record<string, unknown>): Promise<T> {
    const prompt = inquirer.createPromptModule({ input: this.#io.input as NodeJS.ReadableStream & NodeJS.ReadStream, output: this.#io.output as NodeJS.WritableStream & NodeJS.WriteStream, signal: this.#abort.signal })
    this.#write('\n')
    const theme = { style: { keysHelpTip: (keys: [string, string][]) => screen.renderChoiceKeys(keys, this.#style) } }
    const answers = await this.#race(this.#keys.aside(() => prompt([{ theme, ...question, name: 'answer' }] as never) as Promise<{ answer: T }>))
    return answers.answer
  }

  #race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.#stopped])
  }
}

/** Markdown's inline marks taken out, for a prompt. */
function plain(markdown: string): string {
  return markdown.replace(/\s+/g, ' ').replace(/\*\*(.+?)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1').trim()
}

/** Whether a typed answer holds one of the accepted words or numbers, as a word, in any case. */
export function acceptable(typed: string, accept: string[]): boolean {
  const words = ` ${typed.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `
  return accept.some(a => words.includes(` ${a.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `))
}

/** inquirer's answer to Ctrl-C in a prompt, or to the prompt stopped (ExitPromptError, AbortPromptError). */
function isPromptExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')
}
