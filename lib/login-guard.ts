/**
 * A brake on password guessing: after each failed login the answer waits a
 * little, longer after each failure in a row from the same client address
 * (100 ms, 200, 400, then 500 ms), until that user logs in from there, or
 * the address has had no failure for a minute. The waits of one address
 * follow each other, so a guesser gains nothing by opening parallel
 * connections: it manages about two tries a second, while a student who
 * mistypes a password waits a tenth of a second.
 *
 * Only a success for the user every failure was for starts afresh: a
 * student guessing a classmate's password cannot wipe the slate by logging
 * in to their own account in between.
 */
import { setMaxListeners } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'

export interface LoginDelayOptions {
  /** The wait after the first failure, in ms; it doubles with each failure in a row. Default 100. */
  first?: number
  /** The longest wait, in ms. Default 500; 0 turns the brake off. */
  max?: number
}

/** How long the answer to a failed login waited, and why. */
export interface LoginDelay {
  /** Milliseconds waited, including the wait behind earlier failures from the same address. */
  ms: number
  /** Failed logins in a row from this address, this one included. */
  failures: number
}

interface Entry {
  failures: number
  /** The user every failure was for; undefined once they were for several. */
  user?: string
  /** When the last failure came. */
  last: number
  /** When the answer to the last failure from this address may go out: the next one waits from then. */
  until: number
}

/** An address without a failure for this long starts afresh: waiting it out is slower than guessing at the slowest pace. */
const FORGET_MS = 60_000
/** Addresses remembered at most; the oldest are forgotten first. */
const MAX_ADDRESSES = 10_000

export class LoginGuard {
  readonly #first: number
  readonly #max: number
  readonly #byAddress = new Map<string, Entry>()
  readonly #stop = new AbortController()

  constructor(options: LoginDelayOptions = {}) {
    // every waiting answer listens for the stop: many guessers at once are no leak, and no warning for the student's terminal
    setMaxListeners(0, this.#stop.signal)
    this.#max = options.max ?? 500
    this.#first = Math.min(options.first ?? 100, this.#max)
  }

  /** Addresses with failures on record. */
  get size(): number {
    return this.#byAddress.size
  }

  /**
   * Called once a login attempt as `user` from `address` is decided: a
   * success returns at once (and may forget the failures); a failure
   * resolves when its answer may be sent, with how long it waited.
   */
  async settle(address: string, user: string, ok: boolean, gone?: AbortSignal): Promise<LoginDelay | undefined> {
    if (ok) {
      if (this.#byAddress.get(address)?.user === user) this.#byAddress.delete(address)
      return undefined
    }
    if (this.#max <= 0) return undefined
    const now = Date.now()
    this.#prune(now)
    const entry = this.#byAddress.get(address) ?? { failures: 0, user, last: now, until: now }
    if (entry.user !== user) entry.user = undefined
    entry.failures++
    entry.last = now
    this.#byAddress.delete(address) // re-inserted last: the map stays ordered by last failure
    this.#byAddress.set(address, entry)
    const wait = Math.min(this.#first * 2 ** (entry.failures - 1), this.#max)
    const failures = entry.failures
    // a time slot rather than a chain of waits: a guesser's closed connections leave nothing behind
    entry.until = Math.max(now, entry.until) + wait
    await this.#sleep(entry.until - now, gone)
    return { ms: Date.now() - now, failures }
  }

  /** Ends every wait at once (the server is stopping). */
  close(): void {
    this.#stop.abort()
    this.#byAddress.clear()
  }

  /** Waits `ms`, or less when the server stops or the client is `gone` (its slot still counts for the next). */
  async #sleep(ms: number, gone?: AbortSignal): Promise<void> {
    const signal = gone ? AbortSignal.any([this.#stop.signal, gone]) : this.#stop.signal
    await sleep(ms, undefined, { signal }).catch(() => {})
  }

  #prune(now: number): void {
    for (const [address, entry] of this.#byAddress) {
      if (this.#byAddress.size < MAX_ADDRESSES && now - entry.last < FORGET_MS) break
      this.#byAddress.delete(address)
    }
  }
}
