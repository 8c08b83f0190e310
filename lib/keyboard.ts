/**
 * Keys from a terminal, one at a time, for the demo and the guide: raw mode
 * while keys are read (when the input is a terminal; a test's stream just
 * gives its bytes), Ctrl-C as an interruption, and the terminal handed back
 * in its own mode while a line or a prompt is typed, and at the end.
 */
import { createInterface } from 'node:readline'

export type KeyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown }

export class Keyboard {
  readonly #stdin: KeyInput
  readonly #keys: string[] = []
  #waiter?: () => void
  /** The key being waited for: one promise, so that a wait given up on does not lose the next key. */
  #pending?: Promise<string>
  readonly #onData = (chunk: string | Buffer): void => {
    const text = String(chunk)
    if (text.startsWith('\x1b')) return // arrows and other keys that send sequences
    for (const ch of text) {
      if (ch === '\x03') return this.onInterrupt()
      this.#keys.push(ch)
    }
    this.#waiter?.()
  }

  constructor(stdin: KeyInput, readonly onInterrupt: () => void) {
    this.#stdin = stdin
    this.#listen()
  }

  #raw(on: boolean): void {
    if (this.#stdin.isTTY) this.#stdin.setRawMode?.(on)
  }

  #listen(): void {
    this.#raw(true)
    this.#stdin.setEncoding('utf8')
    this.#stdin.on('data', this.#onData)
    this.#stdin.resume()
  }

  next(): Promise<string> {
    // cleared once settled: a key already waiting settles it at once, and it must not stay the pending one
    this.#pending ??= this.#take().finally(() => (this.#pending = undefined))
    return this.#pending
  }

  async #take(): Promise<string> {
    while (!this.#keys.length) await new Promise<void>(resolve => (this.#waiter = resolve))
    this.#waiter = undefined
    return this.#keys.shift()!
  }

  /** Runs `fn` (a prompt, a line to type) with the terminal in its own mode and no key read here; keys typed before are dropped. */
  async aside<T>(fn: () => Promise<T>): Promise<T> {
    this.#stdin.off('data', this.#onData)
    this.#raw(false)
    try {
      return await fn()
    } finally {
      this.#keys.length = 0
      this.#listen()
    }
  }

  /** A line typed with the terminal's own editing. */
  ask(prompt: string, output: NodeJS.WritableStream): Promise<string> {
    return this.aside(async () => {
      const rl = createInterface({ input: this.#stdin, output, terminal: true })
      try {
        return await new Promise<string>(resolve => {
          rl.on('SIGINT', () => {
            resolve('')
            this.onInterrupt()
          })
          rl.question(`\n  ${prompt}`, resolve)
        })
      } finally {
        rl.close()
      }
    })
  }

  close(): void {
    this.#stdin.off('data', this.#onData)
    this.#raw(false)
    this.#stdin.pause()
  }
}
