/**
 * Which part of a command line is a password, decided once, where the
 * command event is made. The terminal log, the JSON lines and the
 * transcripts show what this file decides and decide nothing themselves.
 *
 * A line carries a secret when its first word is a verb whose table entry
 * says so (`secret` in commands.ts: PASS, the words after USER's name), or
 * a near miss of one (`PASSS`, `PAS`, `PASS:x`, `pass<TAB>x`, a backspace
 * in the middle), or when it follows a USER line and is not a command (the
 * password typed on a line of its own). What follows the verb is masked;
 * the verb stays, so the student still sees what they typed.
 */
import { COMMANDS, dispatch, isTypo, isVerb, type CommandSpec, type Parsed, type Reply, type State } from './commands.js'
import type { Pop3Event } from './events.js'
import { english } from './i18n/index.js'
import type { ReadLine } from './line-reader.js'
import { printable } from './printable.js'

/** What the events show in place of a password. */
export const MASK = '********'

/** Bytes of a too-long line shown in the log. */
const SHOWN_OF_LONG = 60

/** The fields of a command event that come from the line itself. */
export type LineView = Pick<Extract<Pop3Event, { type: 'command' }>, 'raw' | 'verb' | 'args' | 'masked' | 'tooLong' | 'clear' | 'response' | 'decoded'>

const SECRET_VERBS = COMMANDS.flatMap(c => (c.secret ? [{ verb: c.verb, ...c.secret }] : []))
const DECODERS = new Map(COMMANDS.flatMap(c => (c.secret?.decode ? [[c.verb, c.secret.decode] as const] : [])))

const BS = 0x08
const DEL = 0x7f

/** Space, tab and the other control bytes: what separates words here, so that `PASS<TAB>x` is PASS and x. */
const blank = (b: number): boolean => b <= 0x20 || b === DEL
const letter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)

/** Where the secret in a line starts (-1: none), and whether the line after it may be a password too. */
interface Found {
  start: number
  next: boolean
}

/** Makes the command events of one session: it remembers whether the last line was a USER. */
export class LineMasker {
  readonly #showSecrets: boolean
  #afterUser = false

  /** With `showSecrets` (the log's --show-secrets) the events also carry the line in clear, as `clear`. */
  constructor(showSecrets: boolean) {
    this.#showSecrets = showSecrets
  }

  /** The command event's fields for `line`; `parsed` is what the dispatcher read, none for a line too long to read. */
  view(line: ReadLine, state: State, parsed?: Parsed): LineView {
    const start = this.#secretStart(line.bytes, state)
    const long = line.tooLong ? { tooLong: true } : {}
    const plain = { raw: shown(line), verb: parsed?.verb, args: parsed?.args ?? [] }
    if (start === -1) return { ...plain, masked: false, ...long }

    const visible = line.bytes.subarray(0, line.tooLong ? Math.min(start, SHOWN_OF_LONG) : start)
    const masked = Buffer.concat([visible, Buffer.from(MASK)])
    // The masked line is read as the dispatcher reads any line (only its verb
    // and arguments are wanted, so the language of its errors does not matter).
    const read = parsed?.verb === undefined ? undefined : dispatch(masked, state, english)
    // a secret in base64 (AUTH PLAIN's) is shown decoded too, its password masked
    const decode = line.tooLong || read?.verb === undefined ? undefined : DECODERS.get(read.verb)
    const secret = line.bytes.subarray(start).toString('utf8').trim()
    const decoded = decode?.(secret, MASK)
    return {
      raw: line.tooLong ? printable(masked) + '…' : printable(masked),
      verb: read?.verb,
      args: read?.args ?? [],
      masked: true,
      ...long,
      ...(decoded === undefined ? {} : { decoded }),
      ...(this.#showSecrets ? { clear: { ...plain, ...(decode ? { decoded: decode(secret) } : {}) } } : {}),
    }
  }

  /**
   * The command event's fields for the client's response to a challenge of
   * `command` (SASL, RFC 5034 §4): a secret, masked whole, but for the `*`
   * that cancels.
   */
  response(line: ReadLine, command: CommandSpec): LineView {
    this.#afterUser = false
    const base = { args: [], response: command.verb, ...(line.tooLong ? { tooLong: true } : {}) }
    const text = line.bytes.toString('utf8')
    if (text === '*') return { ...base, raw: '*', masked: false }
    const decode = line.tooLong ? undefined : command.secret?.decode
    const decoded = decode?.(text, MASK)
    return {
      ...base,
      raw: MASK,
      masked: true,
      ...(decoded === undefined ? {} : { decoded }),
      ...(this.#showSecrets ? { clear: { raw: shown(line), args: [], ...(decode ? { decoded: decode(text) } : {}) } } : {}),
    }
  }

  /** An error reply that echoes the line's first word names it as the event does, so that no password comes back in it. */
  reply(reply: Reply, view: LineView): Reply {
    if (!view.masked || reply.params?.verb === undefined) return reply
    return { ...reply, params: { ...reply.params, verb: view.verb ?? MASK } }
  }

  #secretStart(bytes: Buffer, state: State): number {
    if (bytes.every(blank)) return -1 // a blank line: a password typed after USER may still come
    const afterUser = this.#afterUser
    const found = [find(bytes, afterUser)]
    const edited = unedit(bytes)
    if (edited) {
      // Backspace-edited in telnet's character mode: `PAX^HSS secret` is a
      // PASS line too. Nothing after the first edit is shown, since what was
      // erased may be part of the password.
      const inEdited = find(edited.bytes, afterUser)
      const firstEdit = bytes.findIndex(b => b === BS || b === DEL)
      found.push({ start: inEdited.start === -1 ? -1 : Math.min(edited.from[inEdited.start]!, firstEdit), next: inEdited.next })
    }
    this.#afterUser = state === 'AUTHORIZATION' && found.some(f => f.next)
    return earliest(found.map(f => f.start))
  }
}

/** A line as the log shows it: printable, only its start when it is too long. */
function shown(line: ReadLine): string {
  return line.tooLong ? printable(line.bytes.subarray(0, SHOWN_OF_LONG)) + '…' : printable(line.bytes)
}

/** The first of some starts of a secret (-1: none). */
function earliest(starts: number[]): number {
  const real = starts.filter(s => s !== -1)
  return real.length ? Math.min(...real) : -1
}

/** Where the secret starts in a line, by its first word. */
function find(b: Buffer, afterUser: boolean): Found {
  let i = 0
  while (i < b.length && blank(b[i]!)) i++
  let j = i
  while (j < b.length && letter(b[j]!)) j++
  const word = b.toString('latin1', i, j).toUpperCase()
  const matches = SECRET_VERBS.flatMap(spec => {
    const end = verbEnd(b, word, spec.verb, i, j)
    if (end === -1) return []
    let start = skipWords(b, end, spec.keep)
    const kept = b.toString('latin1', end, start === -1 ? b.length : start).trim()
    if (spec.kept && kept !== '' && !kept.split(/\s+/).every(w => spec.kept!.test(w))) start = skipWords(b, end, 0)
    if (start !== -1 && spec.unless?.test(b.toString('latin1', start).trim())) return []
    return [{ start, next: !!spec.next }]
  })
  if (matches.length) return { start: earliest(matches.map(m => m.start)), next: matches.some(m => m.next) }
  // The line after USER that is not a command: the password on its own, masked whole.
  let k = i
  while (k < b.length && !blank(b[k]!)) k++
  if (afterUser && !isVerb(b.toString('latin1', i, k).toUpperCase())) return { start: 0, next: false }
  return { start: -1, next: false }
}

/**
 * Where the verb ends when the first word (the letters `word`, from `i` to
 * `j`) is `verb` or a near miss of it; -1 when it is neither. A word that
 * runs on past the verb (`PASSvisitor`, `PASSs3cret`) ends after the verb's
 * letters, unless it is a typo followed by a blank and more (`PASSS secret`).
 */
function verbEnd(b: Buffer, word: string, verb: string, i: number, j: number): number {
  if (word === verb) return j
  if (word === '' || isVerb(word)) return -1 // LAST is not a mistyped PASS
  const typo = isTypo(word, verb)
  if (word.startsWith(verb)) return typo && j < b.length && blank(b[j]!) && skipWords(b, j, 0) !== -1 ? j : i + verb.length
  return typo ? j : -1
}

/** Where the text after `keep` more words begins; -1 when the line ends first. */
function skipWords(b: Buffer, from: number, keep: number): number {
  let p = from
  for (let k = 0; k < keep; k++) {
    while (p < b.length && blank(b[p]!)) p++
    while (p < b.length && !blank(b[p]!)) p++
  }
  while (p < b.length && blank(b[p]!)) p++
  return p < b.length ? p : -1
}

/** A line with its backspaces and deletes applied, and where each byte left came from; none when it has none. */
function unedit(b: Buffer): { bytes: Buffer; from: number[] } | undefined {
  if (!b.some(c => c === BS || c === DEL)) return undefined
  const kept: number[] = []
  const from: number[] = []
  b.forEach((c, k) => {
    if (c === BS || c === DEL) {
      kept.pop()
      from.pop()
    } else {
      kept.push(c)
      from.push(k)
    }
  })
  return { bytes: Buffer.from(kept), from }
}
