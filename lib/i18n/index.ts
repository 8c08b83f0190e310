/**
 * The words people read, by key, one catalogue per language. A catalogue is
 * a plain object of template strings; adding a language means adding one
 * file beside en.ts and naming it in CATALOGUES.
 *
 * Templates: `{name}` inserts a parameter as it is (a list of words joined
 * as the language joins them: "a, b and c", "a, b y c"); `{name|thing|things}`
 * inserts a number grouped as the language groups digits ("6,242" in
 * English, "6.242" in Spanish and Catalan), then the singular or the plural
 * noun, as the language's plural rules choose (Intl.PluralRules: only the
 * "one" category takes the singular). A parameter may itself be a message,
 * a key with its parameters: it is put into words in the same language
 * (`{usage}` holding `usage.RETR` is "RETR msg", "RETR número"), so that
 * whatever keeps parameters (an event, a transcript) keeps no words.
 */
import en from './en.js'
import es from './es.js'
import ca from './ca.js'

export type MessageKey = keyof typeof en
/**
 * A translation: English's keys, each with its text. One not translated yet
 * may be missing (English stands in, and test/i18n.test.ts names it); a key
 * English does not have is a mistake the compiler catches.
 */
export type Catalogue = { readonly [K in MessageKey]?: string }
/** Every key's text in one language, English standing in for the missing ones. */
export type Templates = { readonly [K in MessageKey]: string }
/** A message inside another: its words come from the catalogue, in the language of the one it fills. */
export interface Message {
  readonly key: MessageKey
  readonly params?: Params
}
/** A parameter: text, a number, a list of words (joined in the language's way), or a message. */
export type Param = string | number | readonly string[] | Message | undefined
export type Params = Readonly<Record<string, Param>>

/**
 * The catalogues. English is the reference and is complete by definition;
 * another may lack a key (a new one not translated yet): English stands in,
 * and test/i18n.test.ts says which.
 */
const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, es, ca }

/** The languages there are catalogues for, English first. */
export const LANGUAGES: readonly string[] = Object.keys(CATALOGUES)

export interface Translator {
  readonly lang: string
  (key: MessageKey, params?: Params): string
  has(key: string): key is MessageKey
}

const translators = new Map<string, Translator>()

/** The translator of `lang` (English for a language there is no catalogue for); one per language, made once. */
export function translator(lang = 'en'): Translator {
  const code = CATALOGUES[lang] ? lang : 'en'
  let t = translators.get(code)
  if (t) return t
  const cat = CATALOGUES[code]!
  t = ((key: MessageKey, params: Params = {}) => format(cat[key] ?? en[key] ?? key, params, code)) as Translator
  Object.defineProperty(t, 'lang', { value: code })
  t.has = (key: string): key is MessageKey => key in en
  translators.set(code, t)
  return t
}

const templates = new Map<string, Templates>()

/** The templates of a language (English where it has none), for reading replies back into keys. */
export function catalogue(lang = 'en'): Templates {
  const code = CATALOGUES[lang] ? lang : 'en'
  let all = templates.get(code)
  if (!all) templates.set(code, (all = { ...en, ...CATALOGUES[code] }))
  return all
}

/** English, for the message of an error (a translation is made from its key where it is shown). */
export const english: Translator = translator('en')

/**
 * The language of a tag, if there is a catalogue for it: case does not
 * matter, and a tag with a region or variant falls back to its language
 * (es-ES, es_MX and ca-ES-valencia are es, es and ca), as RFC 4647 §3.4's
 * lookup does.
 */
export function languageOf(tag: string): string | undefined {
  const parts = tag.toLowerCase().split(/[-_]/)
  for (let n = parts.length; n > 0; n--) {
    const code = parts.slice(0, n).join('-')
    if (CATALOGUES[code]) return code
  }
  return undefined
}

/**
 * The language the environment asks for, as POSIX programs read it: the
 * first of LC_ALL, LC_MESSAGES and LANG that is set and not empty decides
 * (`es_ES.UTF-8`, `ca_ES@valencia`); C and POSIX mean English, and so does
 * a language there is no catalogue for, or none at all.
 */
export function languageFromEnv(env: NodeJS.ProcessEnv): string {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  const tag = locale.replace(/[.@].*$/, '') // the codeset and the modifier say nothing of the language
  if (tag === '' || tag === 'C' || tag === 'POSIX') return 'en'
  return languageOf(tag) ?? 'en'
}

/** An error a person reads: its words come from the catalogue, by key. */
export class LocalizedError extends Error {
  constructor(readonly key: MessageKey, readonly params: Params = {}) {
    super(english(key, params))
  }

  /** The message in the language of `t`. */
  describe(t: Translator): string {
    return t(this.key, this.params)
  }
}

/** The catalogue key of what went wrong, beside its words, for events that tools read: none for an error without one. */
export function reasonKeyOf(err: unknown): { reasonKey?: MessageKey; reasonParams?: Params } {
  return err instanceof LocalizedError ? { reasonKey: err.key, reasonParams: err.params } : {}
}

/** What went wrong, for a person, in the language of `t`. */
export function reasonOf(err: unknown, t: Translator): string {
  return err instanceof LocalizedError ? err.describe(t) : (err as Error).message
}

/**
 * A language's Intl formatters, each made the first time it is needed: the
 * first Intl object of a process costs tens of milliseconds (ICU's data),
 * and a server's start-up should pay only for the ones its banner uses.
 */
class Formatters {
  #number?: Intl.NumberFormat
  #plural?: Intl.PluralRules
  #list?: Intl.ListFormat
  #alternatives?: Intl.ListFormat
  constructor(readonly lang: string) {}
  get number(): Intl.NumberFormat {
    // 'always': Spanish and Catalan group a 4-digit number too ("6.242"), as the exercises write them
    // (the 'always' of Intl.NumberFormat v3, which Node 20 has and its TypeScript lib does not yet name)
    return (this.#number ??= new Intl.NumberFormat(this.lang, { useGrouping: 'always' } as unknown as Intl.NumberFormatOptions))
  }
  /** Numbers formatted lately: the same counts and sizes come back in every session, and Intl's format is slow. */
  #grouped = new Map<number, string>()
  /** `n` with its digits grouped, as the language writes it. */
  grouped(n: number): string {
    let text = this.#grouped.get(n)
    if (text === undefined) {
      if (this.#grouped.size >= 1024) this.#grouped.clear()
      this.#grouped.set(n, (text = this.number.format(n)))
    }
    return text
  }
  get plural(): Intl.PluralRules {
    return (this.#plural ??= new Intl.PluralRules(this.lang))
  }
  get list(): Intl.ListFormat {
    return (this.#list ??= new Intl.ListFormat(this.lang, { type: 'conjunction' }))
  }
  get alternatives(): Intl.ListFormat {
    return (this.#alternatives ??= new Intl.ListFormat(this.lang, { type: 'disjunction' }))
  }
}

const formatters = new Map<string, Formatters>()

function formattersOf(lang: string): Formatters {
  let f = formatters.get(lang)
  if (!f) formatters.set(lang, (f = new Formatters(lang)))
  return f
}

/** A number as the language writes it in a sentence: its digits grouped ("6,242", "6.242"). */
export function formatNumber(n: number, lang = 'en'): string {
  return formattersOf(lang).grouped(n)
}

/** Words joined as the language joins a list ("a, b and c", "a, b y c", "a, b i c"), or alternatives ("a or b", "a o b"). */
export function formatList(words: readonly string[], lang = 'en', type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const f = formattersOf(lang)
  return (type === 'conjunction' ? f.list : f.alternatives).format(words)
}

const isMessage = (v: Param): v is Message => typeof v === 'object' && 'key' in v

/** A parameter as the language writes it: a list joined, a message put into words. */
export function formatParam(v: Param, lang = 'en'): string {
  if (v === undefined) return ''
  if (typeof v !== 'object') return String(v)
  return isMessage(v) ? format(catalogue(lang)[v.key] ?? v.key, v.params ?? {}, lang) : formatList(v, lang)
}

/** A template cut into its pieces once: text as it is, then each `{name}` or `{name|one|many}`. */
export type Piece = string | { name: string; one?: string; many?: string }

const PLACEHOLDER = /\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g
/** Templates seen so far, cut up: there are as many as the catalogues have texts, so this stays small. */
const compiled = new Map<string, readonly Piece[]>()

/** A template's pieces (the one reading of the template syntax: lib/expected.ts reads replies back with it). */
export function piecesOf(template: string): readonly Piece[] {
  const known = compiled.get(template)
  if (known) return known
  const pieces: Piece[] = []
  let at = 0
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) pieces.push(template.slice(at, m.index))
    pieces.push({ name: m[1]!, one: m[2], many: m[3] })
    at = m.index + m[0].length
  }
  if (at < template.length) pieces.push(template.slice(at))
  // the catalogues hold about 2,000 templates; a text that is not one of them (a key no catalogue has) is kept too, up to a bound
  if (compiled.size < 4096) compiled.set(template, pieces)
  return pieces
}

export function format(template: string, params: Params, lang = 'en'): string {
  let text = ''
  for (const piece of piecesOf(template)) {
    if (typeof piece === 'string') {
      text += piece
      continue
    }
    const v = params[piece.name]
    if (piece.one === undefined) {
      text += formatParam(v, lang)
      continue
    }
    const n = Number(v)
    const f = formattersOf(lang)
    text += `${f.grouped(n)} ${f.plural.select(n) === 'one' ? piece.one : piece.many}`
  }
  return text
}
