import { readdir, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { acquireLock, deadOwnerFile } from './lock.js'
import { isMaildir, maildirLockPath, openMaildir, recoverMaildir } from './maildir.js'
import { LEFTOVER_MARKS, lockPathFor, openMbox, recoverMbox, scannedBefore } from './mbox.js'
import { StoreError, type Maildrop } from './types.js'
import { smallFilesFor } from '../small-files.js'

export { StoreError } from './types.js'
export { removeOwnerFiles } from './lock.js'
export type { Maildrop, MessageInfo, CommitResult } from './types.js'

/**
 * Opens (and locks) the maildrop at `path`: an mbox file or a maildir.
 * `linked`: an mbox's lock is made as a link to this process's owner file
 * (lock.ts), for a server, which removes that file when it stops.
 */
export async function openMaildrop(path: string, linked = false): Promise<Maildrop> {
  if (scannedBefore(path)) return openMbox(path, linked)
  let st
  try {
    st = await (await smallFilesFor(path)).stat(path)
  } catch (err) {
    throw new StoreError('EMAILDROP', 'store.missing', { path, code: (err as NodeJS.ErrnoException).code })
  }
  if (st.isDirectory()) {
    if (isMaildir(await readdir(path))) return openMaildir(path)
    throw new StoreError('EMAILDROP', 'store.notMaildir', { path })
  }
  return openMbox(path, linked)
}

/**
 * Takes the session lock of the maildrop at `path`, as a login does, without
 * reading it: for tools that must not change a maildrop under an open
 * session. Throws StoreError EINUSE while a session holds it.
 */
export async function lockMaildrop(path: string): Promise<() => Promise<void>> {
  const st = await stat(path)
  return acquireLock(st.isDirectory() ? maildirLockPath(path) : lockPathFor(path)) // a file of its own: a tool leaves no owner file
}

/**
 * At start-up: clears a stale lock and finishes or undoes an UPDATE that a
 * killed server left half done, so that the maildrop on disk is whole again
 * before anyone logs in. A maildrop another live server holds is left alone.
 */
export async function recoverMaildrop(path: string): Promise<void> {
  try {
    const st = await stat(path)
    await (st.isDirectory() ? recoverMaildir(path) : recoverMbox(path))
  } catch {
    // in use, or unreadable: the login will say so
  }
}

/**
 * recoverMaildrop for every maildrop of a maillist, listing each folder
 * once: an mbox is recovered only when something smallpop3 leaves beside
 * it is there (a lock, a commit's temporary file). Five thousand mbox files
 * in one folder, as in /var/mail, cost one listing, not five thousand.
 */
export async function recoverMaildrops(paths: Iterable<string>): Promise<void> {
  const byFolder = new Map<string, string[]>()
  for (const path of new Set(paths)) {
    const folder = dirname(path)
    const inFolder = byFolder.get(folder)
    if (inFolder) inFolder.push(path)
    else byFolder.set(folder, [path])
  }
  for (const [folder, inFolder] of byFolder) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined)
    if (!entries) continue // no such folder: the logins will say so
    const leftovers = new Set<string>() // the mbox names something was left beside
    for (const { name } of entries) {
      if (!name.startsWith('.')) continue
      // the owner file of a server of this machine that was killed: its locks are cleared below
      if (deadOwnerFile(folder, name)) await unlink(join(folder, name)).catch(() => {})
      for (const mark of LEFTOVER_MARKS) {
        const at = name.lastIndexOf(mark)
        if (at > 0) leftovers.add(name.slice(1, at))
      }
    }
    const present = new Map(entries.map(e => [e.name, e]))
    for (const path of inFolder) {
      const entry = present.get(basename(path))
      // a maildir keeps what a killed commit left inside it (its journal); a symbolic link may be either
      if (entry && (leftovers.has(entry.name) || entry.isDirectory() || entry.isSymbolicLink())) await recoverMaildrop(path)
    }
  }
}
