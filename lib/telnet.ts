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

export class TelnetFilter {
  #state: 'data' | 'iac' | 'option' | 'sb' | 'sb-iac' = 'data'
  #verb = 0
  /** Negotiations that were seen, for the log. */
  negotiations = 0

  /** Returns the data bytes of `chunk` and the answers to send back. */
  push(chunk: Buffer): { data: Buffer; answer?: Buffer } {
    if (this.#state === 'data' && !chunk.includes(IAC)) return { data: chunk }
    const data: number[] = []
    const answer: number[] = []
    for (const b of chunk) {
      switch (this.#state) {
        case 'data':
          if (b === IAC) this.#state = 'iac'
          else data.push(b)
          break
        case 'iac':
          if (b === IAC) {
            data.push(IAC) // an escaped 255: a data byte
            this.#state = 'data'
          } else if (b >= WILL && b <= DONT) {
            this.#verb = b
            this.#state = 'option'
          } else this.#state = b === SB ? 'sb' : 'data' // IP, AYT, NOP, ...: nothing to do
          break
        case 'option':
          this.negotiations++
          if (this.#verb === DO) answer.push(IAC, b === SUPPRESS_GO_AHEAD ? WILL : WONT, b)
          else if (this.#verb === WILL) answer.push(IAC, DONT, b)
          this.#state = 'data'
          break
        case 'sb':
          if (b === IAC) this.#state = 'sb-iac'
          break
        case 'sb-iac':
          this.#state = b === SE ? 'data' : 'sb'
          break
      }
    }
    return { data: Buffer.from(data), answer: answer.length ? Buffer.from(answer) : undefined }
  }
}
