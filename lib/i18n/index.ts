/**
 * The words people read, by key, one catalogue per language. A catalogue is
 * a plain object of template strings; adding a language means adding one
 * file beside en.ts and naming it in CATALOGUES.
 *
 * Templates: `{name}` inserts a parameter as it is; `{name|thing|things}`
 * inserts a number with digit grouping and the singular or plural noun.
 */
import en from './en.js'
import ca from './ca.js'

export type Catalogue = { readonly [K in keyof typeof en]: string }
export type MessageKey = keyof typeof en
export type Params = Readonly<Record<string, string | number | undefined>>

const CATALOGUES: Record<string, Catalogue> = { en, ca }

export const LANGUAGES = Object.keys(CATALOGUES)

export interface Translator {
  readonly lang: string
  (key: MessageKey, params?: Params): string
  has(key: string): key is MessageKey
}

export function translator(lang = 'en'): Translator {
  const cat = CATALOGUES[lang] ?? en
  const t = ((key: MessageKey, params: Params = {}) => format(cat[key] ?? en[key] ?? key, params, lang)) as Translator
  Object.defineProperty(t, 'lang', { value: CATALOGUES[lang] ? lang : 'en' })
  t.has = (key: string): key is MessageKey => key in en
  return t
}

/** The templates of a language (English where it has none), for reading replies back into keys. */
export function catalogue(lang = 'en'): Catalogue {
  return CATALOGUES[lang] ?? en
}

/** English, for the message of an error (a translation is made from its key where it is shown). */
export const english: Translator = translator('en')

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

/** What went wrong, for a person, in the language of `t`. */
export function reasonOf(err: unknown, t: Translator): string {
  return err instanceof LocalizedError ? err.describe(t) : (err as Error).message
}

export function format(template: string, params: Params, lang = 'en'): string {
  return template.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (_m, name: string, one?: string, many?: string) => {
    const v = params[name]
    if (one === undefined) return v === undefined ? '' : String(v)
    const n = Number(v)
    return `${n.toLocaleString(lang)} ${n === 1 ? one : many}`
  })
}
