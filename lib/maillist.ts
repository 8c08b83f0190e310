/**
 * The maillist file (SPEC §3): one account per line, "user password
 * mailbox", separated by spaces or tabs; blank lines and lines starting with
 * "#" are ignored; a mailbox path is relative to the maillist's folder.
 */
import { readFile, readdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Account } from './commands.js'
import { english, LocalizedError, type MessageKey, type Params, type Translator } from './i18n/index.js'
import { isMaildir } from './store/maildir.js'

export interface MaillistAccount extends Account {
  /** Line of the maillist that defines it. */
  line: number
}

export class MaillistError extends LocalizedError {
  readonly code = 'EMAILLIST'
  constructor(readonly file: string, readonly line: number | undefined, key: MessageKey, params?: Params) {
    super(key, params)
    this.message = this.describe(english)
  }

  /** "file:line: problem", the problem in the language of `t`. */
  override describe(t: Translator): string {
    return `${this.file}${this.line ? `:${this.line}` : ''}: ${t(this.key, this.params)}`
  }
}

export async function loadMaillist(file: string): Promise<MaillistAccount[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why: Record<string, MessageKey> = { ENOENT: 'maillist.noFile', EACCES: 'maillist.denied', EISDIR: 'maillist.isFolder' }
    throw new MaillistError(file, undefined, 'maillist.unreadable', { why: code && why[code] ? english(why[code]) : (err as Error).message })
  }
  const base = dirname(resolve(file))
  const accounts: MaillistAccount[] = []
  const seen = new Map<string, number>()
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '' || line.startsWith('#')) continue
    const fields = line.split(/[ \t]+/)
    if (fields.length !== 3) {
      throw new MaillistError(file, i + 1, 'maillist.fields', { found: fields.length, line })
    }
    const [user, password, mailbox] = fields as [string, string, string]
    const first = seen.get(user)
    if (first) throw new MaillistError(file, i + 1, 'maillist.duplicate', { user, first })
    seen.set(user, i + 1)
    const path = resolve(base, mailbox)
    const st = await stat(path).catch(() => null)
    if (!st) throw new MaillistError(file, i + 1, 'maillist.missing', { mailbox, user, path })
    if (st.isDirectory() && !isMaildir(await readdir(path))) {
      throw new MaillistError(file, i + 1, 'maillist.notMaildir', { mailbox, user })
    }
    accounts.push({ user, password, mailbox: path, line: i + 1 })
  }
  if (accounts.length === 0) throw new MaillistError(file, undefined, 'maillist.empty')
  return accounts
}
