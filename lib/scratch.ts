/**
 * A throwaway copy of maildrops, for the demo: it plays on the copy, so that
 * a demo that deletes mail changes neither the sample nor an instructor's
 * maildrops, can be played again from the start (`restore`), and leaves
 * nothing behind (`remove`).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { loadMaillist } from './maillist.js'
import { copyBundled } from './sample.js'
import { makeFolder } from './folders.js'

export interface ScratchCopy {
  /** The copy's maillist, to serve. */
  maillist: string
  /** Puts every maildrop back as it was copied (no session may have one open). */
  restore(): Promise<void>
  /** Deletes the copy. */
  remove(): Promise<void>
}

/** Lock files a running server or a delivery agent may have left in a maildrop: not part of the mail. */
const LOCKS = /(^\.pop3lock|\.lock)$/

/** Copies the maildrops of `maillist` (the bundled sample when none is given) to a temporary folder. */
export async function scratchCopy(maillist?: string): Promise<ScratchCopy> {
  const fill = maillist ? await maildropCopier(maillist) : copyBundled
  const root = await mkdtemp(join(tmpdir(), 'smallpop3-demo-'))
  const dir = join(root, 'copy')
  try {
    await fill(dir)
  } catch (err) {
    await rm(root, { recursive: true, force: true })
    throw err
  }
  return {
    maillist: join(dir, 'maillist'),
    async restore() {
      await rm(dir, { recursive: true, force: true })
      await fill(dir)
    },
    remove: () => rm(root, { recursive: true, force: true }),
  }
}

/** What copies an instructor's maildrops into a folder, with a maillist naming the copies. */
async function maildropCopier(maillist: string): Promise<(dir: string) => Promise<void>> {
  const accounts = await loadMaillist(maillist)
  const names = new Map<string, string>() // maildrop → its copy's name (accounts may share one)
  for (const a of accounts) if (!names.has(a.mailbox)) names.set(a.mailbox, `${names.size + 1}-${basename(a.mailbox)}`)
  return async dir => {
    await makeFolder(dir)
    for (const [from, name] of names) await cp(from, join(dir, name), { recursive: true, filter: src => !LOCKS.test(basename(src)) })
    await writeFile(join(dir, 'maillist'), accounts.map(a => `${a.user} ${a.password} ${names.get(a.mailbox)}\n`).join(''))
  }
}
