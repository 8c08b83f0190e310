/**
 * The accounts a server serves, live: looked up at every login, and changed
 * by the admin protocol (ADDUSER, DELUSER, PASSWD, RELOAD) without a
 * restart, so that every change holds for the next login.
 *
 * A server started from a maillist writes each change back to that file
 * first, atomically (lib/store/durable.ts), editing only the account's own
 * line: comments, blank lines, spacing and the order of the others stay as
 * the instructor wrote them. The registry changes only once the file has,
 * so the two never disagree; changes are made one at a time.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import type { Account } from './commands.js'
import { LocalizedError } from './i18n/index.js'
import { loadMaillist } from './maillist.js'
import { isMaildir } from './store/maildir.js'
import { recoverMaildrops } from './store/index.js'
import { writeFileDurably } from './store/durable.js'
import { makeFolder } from './folders.js'

/** A change the registry refused, in the catalogue's words. */
export class AccountError extends LocalizedError {
  readonly code = 'EACCOUNT'
}

/** A maillist field is one word: no spaces, tabs or control characters. */
const WORD = /^[^\s\p{Cc}]+$/u
/** A user name as the maillist and USER take it; not a comment (#). */
const USER = /^[A-Za-z0-9_][\w.@+-]{0,63}$/

export interface Added {
  account: Account
  /** The maildrop was made (an empty mbox, or a maildir's cur/, new/ and tmp/). */
  created: boolean
  /** The mailbox as the maillist names it (relative to its folder). */
  mailbox: string
}

export interface Reloaded {
  accounts: number
  added: number
  removed: number
  changed: number
}

export class AccountRegistry {
  #byUser: Map<string, Account>
  #list: readonly Account[]
  /** The file changes are written back to; none for accounts given in code. */
  readonly maillist?: string
  #queue: Promise<unknown> = Promise.resolve()

  constructor(accounts: readonly Account[], maillist?: string) {
    this.maillist = maillist && resolve(maillist)
    this.#list = accounts.map(({ user, password, mailbox }) => ({ user, password, mailbox }))
    this.#byUser = new Map(this.#list.map(a => [a.user, a]))
  }

  find(user: string): Account | undefined {
    return this.#byUser.get(user)
  }

  /** The accounts in maillist order. */
  get list(): readonly Account[] {
    return this.#list
  }

  /** The mailbox as the maillist names it: relative to its folder when inside it. */
  shown(account: Account): string {
    if (!this.maillist) return account.mailbox
    const rel = relative(dirname(this.maillist), account.mailbox)
    return rel.startsWith('..') ? account.mailbox : rel.split(sep).join('/')
  }

  /**
   * Adds an account. Its maildrop is `mailbox` (relative to the maillist's
   * folder), or, without one, one beside the last account's, named the same
   * way (`mailboxes/sam.mbox` → `mailboxes/NEW.mbox`); it is made if it is
   * not there yet.
   */
  add(user: string, password: string, mailbox?: string): Promise<Added> {
    return this.#serial(async () => {
      checkUser(user)
      checkPassword(password)
      if (this.#byUser.has(user)) throw new AccountError('accounts.exists', { user })
      if (mailbox !== undefined && !WORD.test(mailbox)) throw new AccountError('accounts.badMailbox', { mailbox })
      const base = this.maillist ? dirname(this.maillist) : undefined
      if (mailbox === undefined && !base) throw new AccountError('accounts.needMailbox')
      // a named mailbox ending in / is a maildir
      const chosen = mailbox === undefined ? await conventionalMailbox(this.#list, base!, user) : { mailbox: mailbox.replace(/\/+$/, '') || mailbox, maildir: mailbox.endsWith('/') }
      const path = resolve(base ?? process.cwd(), chosen.mailbox)
      const created = await makeMaildrop(path, chosen.mailbox, chosen.maildir)
      const account = { user, password, mailbox: path }
      if (this.maillist) await this.#edit(lines => lines.append(user, password, this.shown(account)))
      this.#set([...this.#list, account])
      return { account, created, mailbox: this.shown(account) }
    })
  }

  /** Removes an account; its maildrop stays on disk. The last one stays: a maillist needs one. */
  remove(user: string): Promise<Account> {
    return this.#serial(async () => {
      const account = this.#known(user)
      if (this.#list.length === 1) throw new AccountError('accounts.last', { user })
      if (this.maillist) await this.#edit(lines => lines.remove(user))
      this.#set(this.#list.filter(a => a !== account))
      return account
    })
  }

  /** Sets a new password. */
  passwd(user: string, password: string): Promise<void> {
    return this.#serial(async () => {
      const account = this.#known(user)
      checkPassword(password)
      if (this.maillist) await this.#edit(lines => lines.setPassword(user, password))
      this.#set(this.#list.map(a => (a === account ? { ...a, password } : a)))
    })
  }

  /** Reads the maillist again (changed by hand): a broken one is refused and the accounts stay as they were. */
  reload(): Promise<Reloaded> {
    return this.#serial(async () => {
      if (!this.maillist) throw new AccountError('accounts.noMaillist')
      const fresh = await loadMaillist(this.maillist)
      const old = this.#byUser
      let added = 0
      let changed = 0
      for (const a of fresh) {
        const before = old.get(a.user)
        if (!before) added++
        else if (before.password !== a.password || before.mailbox !== a.mailbox) changed++
      }
      const removed = this.#list.length - (fresh.length - added)
      // a maildrop new to this server is made whole first, as at start-up (a commit a killed server left half done)
      const served = new Set(this.#list.map(a => a.mailbox))
      await recoverMaildrops(fresh.map(a => a.mailbox).filter(m => !served.has(m)))
      this.#set(fresh.map(({ user, password, mailbox }) => ({ user, password, mailbox })))
      return { accounts: fresh.length, added, removed, changed }
    })
  }

  #known(user: string): Account {
    const account = this.#byUser.get(user)
    if (!account) throw new AccountError('accounts.unknown', { user })
    return account
  }

  #set(list: Account[]): void {
    this.#list = list
    this.#byUser = new Map(list.map(a => [a.user, a]))
  }

  async #edit(change: (lines: MaillistLines) => void): Promise<void> {
    const file = this.maillist!
    const lines = new MaillistLines(await readFile(file, 'utf8'))
    change(lines)
    await writeFileDurably(file, lines.text)
  }

  /** Runs changes one after the other: two ADDUSERs at once must not write the file over each other. */
  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(work)
    this.#queue = next.catch(() => {})
    return next
  }
}

function checkUser(user: string): void {
  if (!USER.test(user)) throw new AccountError('accounts.badName', { user })
}

function checkPassword(password: string): void {
  if (!WORD.test(password) || password.length > 128) throw new AccountError('accounts.badPassword')
}

/**
 * A maillist's text as lines with their own line ends, edited one account
 * line at a time; everything else is written back byte for byte.
 */
class MaillistLines {
  readonly #parts: string[]

  constructor(text: string) {
    // [line, end, line, end, ..., last line (often "")]
    this.#parts = text.split(/(\r?\n)/)
  }

  get text(): string {
    return this.#parts.join('')
  }

  /** Where the account line of `user` is (an index into the parts), as loadMaillist reads the file. */
  #find(user: string): number {
    for (let i = 0; i < this.#parts.length; i += 2) {
      const line = this.#parts[i]!.trim()
      if (line === '' || line.startsWith('#')) continue
      if (line.split(/[ \t]+/)[0] === user) return i
    }
    // the file was changed by hand since it was loaded: RELOAD first
    throw new AccountError('accounts.changedOnDisk', { user })
  }

  append(user: string, password: string, mailbox: string): void {
    const parts = this.#parts
    const accounts = parts.filter((l, i) => i % 2 === 0 && /^\s*[^#\s]/.test(l))
    const gap = /^\s*\S+(\s+)/.exec(accounts.at(-1) ?? '')?.[1]?.includes('\t') ? '\t' : ' '
    const end = parts[1] ?? '\n'
    const line = [user, password, mailbox].join(gap)
    if (parts.at(-1) === '') parts.splice(parts.length - 1, 1, line, end, '')
    else parts.push(end, line, end, '') // the file did not end with a line end
  }

  remove(user: string): void {
    const i = this.#find(user)
    this.#parts.splice(i, i + 1 < this.#parts.length ? 2 : 1)
  }

  setPassword(user: string, password: string): void {
    const i = this.#find(user)
    this.#parts[i] = this.#parts[i]!.replace(/^(\s*\S+[ \t]+)\S+/, (_all, head: string) => head + password)
  }
}

/**
 * The maildrop of a new account when none is named: beside the last
 * account's, of the same kind, named like it (its user's name replaced by
 * the new one, or the new name with .mbox).
 */
async function conventionalMailbox(accounts: readonly Account[], base: string, user: string): Promise<{ mailbox: string; maildir: boolean }> {
  const last = accounts.at(-1)
  if (!last) return { mailbox: `${user}.mbox`, maildir: false }
  const rel = relative(base, last.mailbox)
  const folder = rel.startsWith('..') ? dirname(last.mailbox) : dirname(rel)
  const name = basename(last.mailbox)
  const maildir = (await stat(last.mailbox).catch(() => undefined))?.isDirectory() ?? false
  const at = name.lastIndexOf(last.user)
  const named = at === -1 ? (maildir ? user : `${user}.mbox`) : name.slice(0, at) + user + name.slice(at + last.user.length)
  return { mailbox: (folder === '.' ? named : join(folder, named)).split(sep).join('/'), maildir }
}

/** Makes the maildrop at `path` if it is not there: a maildir (cur/, new/, tmp/) or an empty mbox. */
async function makeMaildrop(path: string, named: string, maildir: boolean): Promise<boolean> {
  const st = await stat(path).catch(() => undefined)
  if (st?.isDirectory()) {
    if (isMaildir(await readdir(path))) return false
    throw new AccountError('accounts.notMaildir', { mailbox: named })
  }
  if (st) return false
  await makeFolder(dirname(path))
  if (maildir) for (const sub of ['cur', 'new', 'tmp']) await makeFolder(join(path, sub))
  else await writeFile(path, '', { flag: 'wx', mode: 0o600 })
  return true
}
