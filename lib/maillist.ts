/**
 * The maillist file (SPEC §3): one account per line, "user password
 * mailbox", separated by spaces or tabs; blank lines and lines starting with
 * "#" are ignored; a mailbox path is relative to the maillist's folder.
 */
import { readFile, readdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { Account } from './commands.js'
import { isMaildir } from './store/maildir.js'

export interface MaillistAccount extends Account {
  /** Line of the maillist that defines it. */
  line: number
}

export class MaillistError extends Error {
  readonly code = 'EMAILLIST'
  constructor(readonly file: string, readonly line: number | undefined, problem: string) {
    super(line ? `${file}:${line}: ${problem}` : `${file}: ${problem}`)
  }
}

export async function loadMaillist(file: string): Promise<MaillistAccount[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'this is a folder, not a file' : (err as Error).message
    throw new MaillistError(file, undefined, `cannot read the maillist (${why})`)
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
      throw new MaillistError(file, i + 1, `expected 3 fields "user password mailbox", found ${fields.length}: "${line}"`)
    }
    const [user, password, mailbox] = fields as [string, string, string]
    const first = seen.get(user)
    if (first) throw new MaillistError(file, i + 1, `user "${user}" is already defined on line ${first}; each user needs one line`)
    seen.set(user, i + 1)
    const path = resolve(base, mailbox)
    const st = await stat(path).catch(() => null)
    if (!st) throw new MaillistError(file, i + 1, `mailbox "${mailbox}" of user "${user}" not found (looked for ${path})`)
    if (st.isDirectory() && !isMaildir(await readdir(path))) {
      throw new MaillistError(file, i + 1, `mailbox "${mailbox}" of user "${user}" is a folder but not a maildir: a maildir holds cur/, new/ and tmp/`)
    }
    accounts.push({ user, password, mailbox: path, line: i + 1 })
  }
  if (accounts.length === 0) throw new MaillistError(file, undefined, 'no accounts: add a line "user password mailbox"')
  return accounts
}
