/**
 * What an exercise expects of a reply. An `S:` status line of an exercise is
 * read back into the catalogue key, and the parameters, whose template it
 * fits: `+OK guest has 7 messages (6242 octets)` is `login.ok` with user
 * guest, count 7, octets 6242. A reply is then judged by its key and
 * parameters, which the server's reply events carry, and not by its words,
 * so the player, the check and the guide keep working when the server
 * answers in another language. "..." in an exercise line stands for any
 * text, in a parameter too (`<...>`, `(...)`); a line that fits no template
 * is compared as text.
 */
import { catalogue, formatParam, piecesOf, type MessageKey, type Params } from './i18n/index.js'
import { literally, matches } from './exercises.js'

/** A reading of a status line as a catalogue key with its parameters (patterns where "..." is any text). */
export interface ReplyReading {
  key: MessageKey
  params: Record<string, string>
}

export interface ExpectedStatus {
  /** The status line as the exercise writes it. */
  pattern: string
  ok: boolean
  /** The response code in brackets, if the line shows one (RFC 2449 §8). */
  code?: string
  /** Every key whose template the text fits; none when it fits no template (then the text is compared). */
  readings: ReplyReading[]
  /** The language the line is written in: a list parameter is compared as that language joins it. */
  lang: string
}

/** What a status line is compared with: a reply event, or just the line received. */
export interface ReplySeen {
  raw: string
  ok?: boolean
  code?: string
  key?: string
  params?: Params
}

const STATUS = /^(\+OK|-ERR)(?: \[([^\]]+)\])?(?: ([\s\S]*))?$/

/**
 * A template as tokens: literal characters, the holes its parameters fill
 * (`number`: a count written as the language groups digits, "6,242" or
 * "6.242"), and the nouns of which one follows a count ("message" or
 * "messages").
 */
type Token = string | { hole: string; number?: true } | { nouns: string[] }

interface Template {
  key: MessageKey
  tokens: Token[]
}

const templatesByLang = new Map<string, Template[]>()
const expectedCache = new Map<string, ExpectedStatus>()

/** The templates of the replies a server sends: the keys that have an explanation beside them. */
function replyTemplates(lang: string): Template[] {
  let list = templatesByLang.get(lang)
  if (list) return list
  const cat = catalogue(lang) as Record<string, string>
  list = Object.keys(cat)
    .filter(k => !k.endsWith('.explain') && `${k}.explain` in cat)
    .map(k => ({ key: k as MessageKey, tokens: tokenize(cat[k]!) }))
  templatesByLang.set(lang, list)
  return list
}

/** `{name}` is a hole; `{n|thing|things}` a number's hole, a space and one of the two nouns; text, one token a character. */
function tokenize(template: string): Token[] {
  return piecesOf(template).flatMap((p): Token[] =>
    typeof p === 'string' ? [...p] : p.one === undefined ? [{ hole: p.name }] : [{ hole: p.name, number: true }, ' ', { nouns: [p.one, p.many!] }],
  )
}

const ANY = '...'

/** A count as a reply event carries it: "6,242" and "6.242" are 6242 (grouping only: counts have no decimals). */
function plainNumber(text: string): string {
  return /^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+$/.test(text) ? text.replace(/\D/g, '') : text
}

/**
 * Whether an exercise's text fits a template, and with which parameters.
 * Both sides may stand for any text: a hole of the template, and "..." in
 * the text, which may cover holes and words alike (`(...)` for `({octets}
 * octets)`). A parameter that "..." covers is "...": any value.
 */
function fit(tokens: Token[], text: string): Record<string, string> | undefined {
  const pattern = text.split(ANY).flatMap((piece, i) => (i ? [ANY, ...piece] : [...piece]))
  const failed = new Set<number>()
  const params: Record<string, string> = {}
  const go = (i: number, j: number): boolean => {
    if (i === tokens.length && j === pattern.length) return true
    const key = i * (pattern.length + 1) + j
    if (failed.has(key)) return false
    const t = tokens[i]
    if (pattern[j] === ANY) {
      // "..." covers as much of the template as it can, holes included
      for (let m = tokens.length; m >= i; m--) {
        const covered = tokens.slice(i, m).filter((x): x is { hole: string } => typeof x !== 'string' && 'hole' in x)
        if (go(m, j + 1)) {
          for (const h of covered) params[h.hole] = ANY
          return true
        }
      }
    }
    if (typeof t === 'string') {
      if (pattern[j] === t && go(i + 1, j + 1)) return true
    } else if (t && 'nouns' in t) {
      for (const noun of t.nouns) if (pattern.slice(j, j + noun.length).join('') === noun && go(i + 1, j + noun.length)) return true
    } else if (t) {
      // a hole takes as little of the text as it can
      for (let k = j; k <= pattern.length; k++) {
        if (go(i + 1, k)) {
          const text = pattern.slice(j, k).join('')
          params[t.hole] = t.number ? plainNumber(text) : text
          return true
        }
      }
    }
    failed.add(key)
    return false
  }
  return go(0, 0) ? params : undefined
}

/** Reads an exercise's status line (the words in the language `lang`). */
export function expectStatus(pattern: string, lang = 'en'): ExpectedStatus {
  const cacheKey = `${lang}\n${pattern}`
  const cached = expectedCache.get(cacheKey)
  if (cached) return cached
  const m = STATUS.exec(pattern)
  let expected: ExpectedStatus
  // "+ " asks a SASL client to go on (RFC 5034 §4); an editor may have dropped its space
  if (/^\+ ?$/.test(pattern)) expected = { pattern: '+ ', ok: true, readings: [{ key: 'auth.continue', params: {} }], lang }
  else if (!m) expected = { pattern, ok: !pattern.startsWith('-'), readings: [], lang }
  else {
    const text = m[3] ?? ''
    const readings: ReplyReading[] = []
    for (const tpl of replyTemplates(lang)) {
      const params = fit(tpl.tokens, text)
      if (params) readings.push({ key: tpl.key, params })
    }
    expected = { pattern, ok: m[1] === '+OK', code: m[2], readings, lang }
  }
  expectedCache.set(cacheKey, expected)
  return expected
}

/**
 * Parameters that describe the maildrop rather than what was asked (how
 * many messages, how many octets, a unique id), by what they count: in a
 * class every student has a maildrop of their own (lib/classroom.ts), so
 * these are theirs, not the exercise's.
 */
const MAILDROP_PARAMS: Record<string, string> = { count: 'messages', left: 'messages', total: 'messages', octets: 'octets', size: 'octets', uid: 'uid' }

/**
 * The student's own values for the exercise's maildrop numbers, learnt as
 * replies come: "messages:7" → "9" once a reply showed 9 where the exercise
 * shows 7. Every later 7 of the exercise must then be 9 too.
 */
export type OwnValues = Map<string, string>

/**
 * Whether a reply is the one expected: the same +OK or -ERR and response
 * code, and, when both sides have a key, one of the expected keys with
 * parameters that fit; otherwise the same text. With `own`, the maildrop's
 * numbers (MAILDROP_PARAMS) fit when they are the ones this maildrop showed
 * before for the same number of the exercise, or are new (then `own` keeps
 * them, when the reply fits).
 */
export function replyFits(expected: ExpectedStatus, reply: ReplySeen, own?: OwnValues): boolean {
  const ok = reply.ok ?? reply.raw.startsWith('+OK')
  if (ok !== expected.ok) return false
  if (reply.key === undefined || !expected.readings.length) return matches(expected.pattern, reply.raw)
  if (reply.code !== expected.code) return false
  // a list is joined, a message (a command's usage) put into words, as the exercise's language writes them
  const param = (name: string): string => formatParam(reply.params?.[name], expected.lang)
  return expected.readings.some(r => {
    if (r.key !== reply.key) return false
    const learnt = new Map<string, string>()
    const fits = Object.entries(r.params).every(([name, p]) => {
      const value = param(name)
      const kind = MAILDROP_PARAMS[name]
      if (!own || !kind || p.includes(ANY)) return matches(p, value)
      const key = `${kind}:${p}`
      const known = own.get(key) ?? learnt.get(key)
      if (known === undefined) learnt.set(key, value)
      return known === undefined || known === value
    })
    if (fits) for (const [k, v] of learnt) own?.set(k, v)
    return fits
  })
}

/** The same expectation with every parameter (and word of the text) that names `from` naming `to` instead: another user's view of an exercise. */
export function renamed(expected: ExpectedStatus, from: string, to: string): ExpectedStatus {
  if (from === to) return expected
  const word = new RegExp(`(?<![\\w.-])${literally(from)}(?![\\w-])`, 'g')
  return {
    ...expected,
    pattern: expected.pattern.replace(word, to),
    readings: expected.readings.map(r => ({ key: r.key, params: Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, v.replace(word, to)])) })),
  }
}
