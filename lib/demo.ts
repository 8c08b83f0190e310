/**
 * `smallpop3 demo`: an instructor plays an exercise for a class. A server of
 * its own serves a scratch copy of the maildrops; the player plays the
 * exercise one exchange at a time, paced by the keyboard (Enter or space:
 * next; b: back one step, replayed from a fresh copy; p: a line of one's
 * own; q or Ctrl-C: end) or by a delay (--auto), and the screen shows each
 * exchange large and explained, with the exercise's prose between.
 */
import { chalkFor } from './render/color.js'
import * as screen from './render/demo.js'
import { stepParts, type Exercise, type Step } from './exercises.js'
import { reasonOf, type Translator } from './i18n/index.js'
import { Keyboard } from './keyboard.js'
import { Player, type Move, type Played } from './player.js'
import { scratchCopy, type ScratchCopy } from './scratch.js'
import type { Certificate } from './certificate.js'
import { startServer, type RunningServer } from './server.js'

export interface DemoOptions {
  exercise: Exercise
  port: number
  host: string
  /** Play on a copy of this maillist's maildrops; the bundled sample when none. */
  maillist?: string
  /** Play by itself, `delay` seconds before each exchange. */
  auto: boolean
  delay: number
  /** Show the raw bytes of each exchange. */
  bytes: boolean
  /** The certificate the server offers STLS and POP3S with (on a free port), as `smallpop3` does. */
  certificate?: Certificate
}

export interface DemoIO {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown }
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream
  env: NodeJS.ProcessEnv
  /** Resolves on Ctrl-C (SIGINT) or SIGTERM. */
  stopSignal: () => Promise<string>
}

/** Exit statuses: played through, a reply that did not match (--auto) or a failure, Ctrl-C. */
const DONE = 0
const FAILED = 1
const INTERRUPTED = 130

/** Milliseconds per character of a line "typed" on the screen. */
const TYPING = 35

/** Starts the server on a scratch copy, plays the demo, and cleans up; returns the exit status. */
export async function runDemo(opts: DemoOptions, io: DemoIO, t: Translator): Promise<number> {
  const scratch = await scratchCopy(opts.maillist)
  let server: RunningServer
  try {
    // the demo shows every line as the player typed it, the password too: the explanations must not say it is masked
    const tls = opts.certificate && { tls: opts.certificate, tlsPort: 0 }
    server = await startServer({ port: opts.port, host: opts.host, maillist: scratch.maillist, lang: t.lang, showSecrets: true, ...tls })
  } catch (err) {
    await scratch.remove()
    throw err
  }
  const demo = new Demo(opts, io, t, server, scratch)
  try {
    return await demo.run()
  } finally {
    await demo.close()
    await server.close()
    await scratch.remove()
  }
}

/** What the demo shows, in order: a step's heading, its prose, its exchanges. */
type Beat = { kind: 'step'; step: Step } | { kind: 'prose'; text: string } | { kind: 'move'; move: Move }

type Action = 'next' | 'back' | 'quit'

class Stopped extends Error {}

class Demo {
  readonly #opts: DemoOptions
  readonly #io: DemoIO
  readonly #t: Translator
  readonly #server: RunningServer
  readonly #scratch: ScratchCopy
  readonly #style: screen.DemoStyle
  readonly #beats: Beat[]
  readonly #keys?: Keyboard
  /** Several connections: each exchange says which. */
  readonly #labelled: boolean
  readonly #stopped: Promise<never>
  #stop!: () => void
  #player: Player
  #lastLabel?: number
  /** A line to show above the next step's heading. */
  #notice?: string
  #total = 0
  #mismatches: Played[] = []

  constructor(opts: DemoOptions, io: DemoIO, t: Translator, server: RunningServer, scratch: ScratchCopy) {
    this.#opts = opts
    this.#io = io
    this.#t = t
    this.#server = server
    this.#scratch = scratch
    this.#style = { t, chalk: chalkFor(io.stdout, io.env), width: Math.max(40, io.stdout.columns ?? 100), bytes: opts.bytes }
    this.#beats = beatsOf(opts.exercise)
    this.#labelled = new Set(opts.exercise.steps.flatMap(s => s.blocks.map(b => b.session))).size > 1
    this.#stopped = new Promise<never>((_, reject) => (this.#stop = () => reject(new Stopped())))
    this.#stopped.catch(() => {})
    void io.stopSignal().then(() => this.#stop())
    if (io.stdin.isTTY && io.stdin.setRawMode) this.#keys = new Keyboard(io.stdin, () => this.#stop())
    this.#player = this.#newPlayer()
  }

  get #interactive(): boolean {
    return !this.#opts.auto
  }

  #write(text: string): void {
    this.#io.stdout.write(text)
  }

  #newPlayer(): Player {
    const s = this.#server
    return new Player({ port: s.port, host: connectable(s.host), events: s, accounts: s.accounts, lang: this.#opts.exercise.lang, tls: { port: s.tlsPort, fingerprint: s.fingerprint } })
  }

  async run(): Promise<number> {
    const ex = this.#opts.exercise
    const s = this.#server
    const source = this.#opts.maillist ? this.#t('demo.sourceMaillist', { file: this.#opts.maillist }) : this.#t('demo.sourceSample')
    this.#write(screen.renderTitle(ex, this.#t('demo.server', { where: `${s.host}:${s.port}`, source }), this.#style))
    let i = 0
    let wait = false // the first step is shown at once, and so is a step gone back to
    try {
      for (;;) {
        const beat = this.#beats[i]
        if (beat && wait && beat.kind !== 'prose') {
          const action = await this.#pause(false)
          if (action === 'quit') return DONE
          if (action === 'back') {
            i = await this.#back(i)
            wait = false
            continue
          }
        }
        if (!beat) {
          this.#summary()
          if (!this.#interactive) return this.#mismatches.length ? FAILED : DONE
          const action = await this.#pause(true)
          if (action === 'back') {
            i = await this.#back(i)
            wait = false
            continue
          }
          return DONE
        }
        await this.#show(beat)
        wait = true
        i++
      }
    } catch (err) {
      if (err instanceof Stopped) return INTERRUPTED
      const step = this.#stepAt(i)
      this.#io.stderr.write(`smallpop3: ${this.#t('demo.failed', { step: step.number, reason: reasonOf(err, this.#t) })}\n`)
      return FAILED
    }
  }

  async close(): Promise<void> {
    this.#keys?.close()
    await this.#player.close()
  }

  /** Waits before the next beat: for a key, or for the delay. */
  async #pause(end: boolean): Promise<Action> {
    if (!this.#interactive) {
      // on a terminal, q ends it and Enter or space does not wait
      const timer = sleep(this.#opts.delay * 1000).then(() => 'time')
      for (;;) {
        const key = await this.#race(this.#keys ? Promise.race([timer, this.#keys.next()]) : timer)
        if (key === 'q' || key === 'Q') return 'quit'
        if (key === 'time' || key === '\r' || key === ' ') return 'next'
      }
    }
    for (;;) {
      this.#write(`\n${this.#style.chalk.dim(`  ${this.#t(end ? 'demo.keysEnd' : 'demo.keys')}`)}`)
      const key = await this.#race(this.#keys!.next())
      this.#write('\r\x1b[2K\x1b[1A') // the hint goes, and the blank line above it
      if (key === '\r' || key === '\n' || key === ' ') return end ? 'quit' : 'next'
      if (key === 'q' || key === 'Q') return 'quit'
      if (key === 'b' || key === 'B') return 'back'
      if (key === 'p' || key === 'P') await this.#ownLine()
    }
  }

  async #show(beat: Beat): Promise<void> {
    const s = this.#style
    if (beat.kind === 'step') {
      // on the projector each step starts on a clean screen
      if (this.#interactive && this.#io.stdout.isTTY && (beat.step.number > 1 || this.#notice)) this.#write('\x1b[2J\x1b[3J\x1b[H')
      if (this.#notice) this.#write(s.chalk.yellow(`  ${this.#notice}`) + '\n')
      this.#notice = undefined
      this.#write(screen.renderStepHeading(beat.step, this.#opts.exercise.steps.length, s))
      return
    }
    if (beat.kind === 'prose') {
      this.#write(screen.renderProse(screen.atWhere(beat.text, this.#where()), s))
      return
    }
    const { move } = beat
    this.#markConnection(move.label)
    if (move.exchange.client === undefined) {
      this.#write(screen.renderGreeting(this.#record(await this.#race(this.#player.greet(move))), this.#where(), s))
      return
    }
    const greeting = await this.#race(this.#player.ready(move.label, move.step, move.tls))
    if (greeting) this.#write(screen.renderGreeting(greeting, this.#where(), s))
    const line = this.#player.lineFor(move)
    await this.#type(line)
    this.#write(screen.renderExchange(this.#record(await this.#race(this.#player.send(line, move.label, move))), s))
  }

  /** The line appears as if typed: a character at a time on a terminal, at once elsewhere. */
  async #type(line: string): Promise<void> {
    const s = this.#style
    this.#write(screen.clientPrefix(s))
    const chars = screen.clientChars(line, s)
    if (this.#io.stdout.isTTY && (this.#interactive || this.#opts.delay > 0)) {
      for (const ch of chars) {
        this.#write(ch)
        await this.#race(sleep(TYPING))
      }
    } else this.#write(chars.join(''))
    this.#write(screen.clientEnd(s))
  }

  /** `p`: a line of the instructor's own, sent into the connection of the last exchange. */
  async #ownLine(): Promise<void> {
    const label = this.#lastLabel ?? 1
    const line = await this.#race(this.#keys!.ask(this.#t('demo.ownLine', { label }), this.#io.stdout))
    if (!line.trim()) return
    this.#markConnection(label)
    const greeting = await this.#race(this.#player.ready(label))
    if (greeting) this.#write(screen.renderGreeting(greeting, this.#where(), this.#style))
    this.#write(screen.clientPrefix(this.#style) + screen.clientChars(line, this.#style).join('') + screen.clientEnd(this.#style))
    this.#write(screen.renderExchange(await this.#race(this.#player.send(line, label)), this.#style))
  }

  /**
   * `b`: back to the start of the step shown (or of the one before, when
   * none of its exchanges has been played yet). The exercise is played again
   * from a fresh copy of the maildrops, silently, up to that step.
   */
  async #back(i: number): Promise<number> {
    let start = this.#stepStart(i - 1)
    const played = this.#beats.slice(start, i).some(b => b.kind === 'move')
    if (!played && start > 0) start = this.#stepStart(start - 1)
    // said above the step when it is shown again
    this.#notice = this.#t('demo.back', { number: this.#stepAt(start).number })
    await this.#race(this.#player.close())
    await this.#race(this.#scratch.restore())
    this.#player = this.#newPlayer()
    this.#lastLabel = undefined
    for (const b of this.#beats.slice(0, start)) {
      if (b.kind !== 'move') continue
      if (b.move.exchange.client === undefined) await this.#race(this.#player.greet(b.move))
      else {
        await this.#race(this.#player.ready(b.move.label, undefined, b.move.tls))
        await this.#race(this.#player.send(this.#player.lineFor(b.move), b.move.label, b.move))
      }
      this.#lastLabel = b.move.label
    }
    return start
  }

  #summary(): void {
    const ex = this.#opts.exercise
    const [first] = this.#mismatches
    if (!first) {
      this.#write(`\n  ${this.#style.chalk.green(this.#t('demo.allMatched', { number: ex.number, count: this.#total }))}\n`)
      return
    }
    const problem = first.mismatch === 'body' ? this.#t('demo.mismatchBody') : this.#t('demo.mismatchStatus', { answered: first.status, expected: first.expected?.status ?? '' })
    const text = this.#t('demo.mismatched', { count: this.#mismatches.length, total: this.#total, number: ex.number, step: first.step?.number, line: first.sent ?? first.status, problem })
    if (this.#interactive) this.#write(`\n  ${this.#style.chalk.red(text)}\n`)
    else this.#io.stderr.write(`smallpop3: ${text}\n`)
  }

  /** Counts a played exchange the exercise shows, and remembers one that did not match. */
  #record(played: Played): Played {
    if (played.expected) this.#total++
    if (played.matched === false) this.#mismatches.push(played)
    return played
  }

  /** Before an exchange in another connection than the last one: which. */
  #markConnection(label: number): void {
    if (this.#labelled && label !== this.#lastLabel) this.#write('\n' + screen.renderConnection(label, this.#style))
    this.#lastLabel = label
  }

  #where(): screen.Where {
    const host = connectable(this.#server.host)
    return { host: host === '127.0.0.1' ? 'localhost' : host, port: this.#server.port, tlsPort: this.#server.tlsPort }
  }

  /** Where the step that beat `i` belongs to begins. */
  #stepStart(i: number): number {
    let k = Math.min(Math.max(i, 0), this.#beats.length - 1)
    while (k > 0 && this.#beats[k]!.kind !== 'step') k--
    return k
  }

  #stepAt(i: number): Step {
    return (this.#beats[this.#stepStart(i)] as { step: Step }).step
  }

  /** Stops waiting when the demo is stopped (Ctrl-C). */
  #race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.#stopped])
  }
}

function beatsOf(ex: Exercise): Beat[] {
  return ex.steps.flatMap(step => [
    { kind: 'step' as const, step },
    ...stepParts(step).flatMap((part): Beat[] =>
      'prose' in part ? [{ kind: 'prose', text: part.prose }] : part.block.exchanges.map(exchange => ({ kind: 'move', move: { step, label: part.block.session, tls: part.block.tls, exchange } }))),
  ])
}

/** The address a client reaches a server on: a wildcard address is reached on this machine. */
function connectable(host: string): string {
  return host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
}

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
