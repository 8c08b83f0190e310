/**
 * telnet is the client students use, and telnet is more than a raw socket:
 * in character mode it sends option negotiations (RFC 854: IAC DO ECHO, IAC
 * DO SUPPRESS-GO-AHEAD, ...) and ends lines with CR NUL. No mail client sends
 * the byte 255 (IAC), so the server can take these out of the stream and
 * answer them: it agrees to suppress go-ahead (character mode works) and
 * refuses everything else, echo included, so that telnet echoes what the
 * student types itself.
 */
const IAC = 255
const DONT = 254
const DO = 253
const WONT = 252
const WILL = 251
const SB = 250
const SE = 240
const SUPPRESS_GO_AHEAD = 3

/**
 * A sub-negotiation (IAC SB ... IAC SE, RFC 855) only follows an option both
 * sides agreed to, and the server agrees to none that has one: no honest
 * client sends it. So that a stray IAC SB cannot swallow every later
 * command, it is given up at the end of the line it started in (the LF is
 * dropped with it), or after this many bytes, whichever comes first.
 */
export const MAX_SUBNEGOTIATION = 64

/** A sub-negotiation given up: where in the data it was, and how many bytes it took. */
export interface Cut {
  at: number
  skipped: number
}

export interface Filtered {
  /** The data bytes, without the telnet commands. */
  data: Buffer
  /** The answers to the negotiations, to send back. */
  answer?: Buffer
  /** The sub-negotiations given up in this chunk, in order. */
  cuts?: Cut[]
}

const LF = 10

export class TelnetFilter {
  #state: 'data' | 'iac' | 'option' | 'sb' | 'sb-iac' = 'data'
  #verb = 0
  #skipped = 0

  /** Returns the data bytes of `chunk` and the answers to send back. */
  push(chunk: Buffer): Filtered {
    if (this.#state === 'data' && !chunk.includes(IAC)) return { data: chunk }
    const data = Buffer.allocUnsafe(chunk.length)
    let n = 0
    const answer: number[] = []
    const cuts: Cut[] = []
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!
      switch (this.#state) {
        case 'data':
          if (b === IAC) this.#state = 'iac'
          else data[n++] = b
          break
        case 'iac':
          if (b === IAC) {
            data[n++] = IAC // an escaped 255: a data byte
            this.#state = 'data'
          } else if (b >= WILL && b <= DONT) {
            this.#verb = b
            this.#state = 'option'
          } else if (b === SB) {
            this.#state = 'sb'
            this.#skipped = 0
          } else this.#state = 'data' // IP, AYT, NOP, ...: nothing to do
          break
        case 'option':
          // agree to what the server does (SUPPRESS-GO-AHEAD), refuse the rest (RFC 854)
          if (this.#verb === DO) answer.push(IAC, b === SUPPRESS_GO_AHEAD ? WILL : WONT, b)
          else if (this.#verb === WILL) answer.push(IAC, DONT, b)
          this.#state = 'data'
          break
        case 'sb':
        case 'sb-iac':
          if (this.#state === 'sb-iac' && b === SE) {
            this.#state = 'data'
          } else if (b === LF || this.#skipped === MAX_SUBNEGOTIATION) {
            cuts.push({ at: n, skipped: this.#skipped + (b === LF ? 1 : 0) })
            this.#state = 'data'
            if (b !== LF) i-- // the byte past the limit is data
          } else {
            this.#skipped++
            this.#state = b === IAC ? 'sb-iac' : 'sb'
          }
          break
      }
    }
    const out: Filtered = { data: data.subarray(0, n) }
    if (answer.length) out.answer = Buffer.from(answer)
    if (cuts.length) out.cuts = cuts
    return out
  }
}
