import { readdir, stat } from 'node:fs/promises'
import { isMaildir, openMaildir, recoverMaildir } from './maildir.js'
import { openMbox, recoverMbox } from './mbox.js'
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
