import { readdir, stat } from 'node:fs/promises'
import { acquireLock } from './lock.js'
import { isMaildir, maildirLockPath, openMaildir, recoverMaildir } from './maildir.js'
import { lockPathFor, openMbox, recoverMbox } from './mbox.js'
import { StoreError, type Maildrop } from './types.js'

export { StoreError } from './types.js'
export type { Maildrop, MessageInfo, CommitResult } from './types.js'

/** Opens (and locks) the maildrop at `path`: an mbox file or a maildir. */
export async function openMaildrop(path: string): Promise<Maildrop> {
  let st
  try {
    st = await stat(path)
  } catch (err) {
    throw new StoreError('EMAILDROP', 'store.missing', { path, code: (err as NodeJS.ErrnoException).code })
  }
  if (st.isDirectory()) {
    if (isMaildir(await readdir(path))) return openMaildir(path)
    throw new StoreError('EMAILDROP', 'store.notMaildir', { path })
  }
  return openMbox(path)
}

/**
 * Takes the session lock of the maildrop at `path`, as a login does, without
 * reading it: for tools that must not change a maildrop under an open
 * session. Throws StoreError EINUSE while a session holds it.
 */
export async function lockMaildrop(path: string): Promise<() => Promise<void>> {
  const st = await stat(path)
  return acquireLock(st.isDirectory() ? maildirLockPath(path) : lockPathFor(path))
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
