/**
 * Lock files, taken atomically.
 *
 * A lock file is created with O_EXCL, which either makes the name or fails
 * with EEXIST, atomically, on local disks and on NFS since version 3 (as
 * Dovecot's dotlocks do by default). For the instant between its creation
 * and the write of its owner's name, the lock names nobody: such a lock is
 * never taken for stale until it is old (UNNAMED_STALE_MS, and liblockfile's
 * five minutes for a dotlock), so a login that sees it in that instant finds
 * the maildrop in use, as it is (a stale rule that broke it at once was the
 * race that once let two logins both take a maildrop). Two kinds are made here:
 *
 * - the session lock (RFC 1939 §8: one session at a time per maildrop),
 *   holding the owner's pid, host and time, so that it works between two
 *   server processes and a lock left by a killed server is recognised;
 * - the dotlock `NAME.lock` that Debian's delivery agents (procmail,
 *   dotlockfile, postfix and exim's appenders) take before they append to
 *   an mbox, holding a pid as liblockfile writes it. It is held only while
 *   the file is read or rewritten, never for a whole session.
 *
 * A stale lock is broken under a short-lived `.break` lock, so two
 * processes that both find the same stale lock cannot both take its place.
 *
 * A server's session lock of an mbox is a second name (a hard link, link(2),
 * as atomic as O_EXCL, on NFS too) of a file this process writes once per
 * folder, `.smallpop3-HOST-PID.pop3owner`, holding the same pid, host and
 * time: a login then makes no file of its own, which on a journaling disk
 * cost more than the rest of the login. Other programs see the same lock
 * file with the same content. Where links cannot be made (or too many),
 * and for the locks of start-up recovery and of the command-line tools
 * (which would leave their owner file behind), the lock is a file of its own.
 */
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { StoreError } from './types.js'
import { smallFilesFor, type OpenFile } from '../small-files.js'

/** Lock paths this process holds, or is taking right now. */
const mine = new Map<string, 'taking' | 'held'>()

/** This machine's name, as the session locks record their owner's (asked once: it is a system call). */
const HOST = hostname()

/** A `.break` lock older than this was left by a process killed while breaking a lock. */
const BREAK_STALE_MS = 10_000
/** A lock file that names no owner (not written by us) counts as stale after this long. */
const UNNAMED_STALE_MS = 10_000
/** liblockfile and procmail take a dotlock untouched this long for stale. */
const DOTLOCK_STALE_MS = 5 * 60_000

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * When process `pid` started, in ms since 1970, where /proc tells (Linux);
 * undefined elsewhere. A process that started after the lock was written is
 * not its owner: the pid was reused (after a reboot, or in a container).
 */
function startedAt(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1])
    const hz = 100 // USER_HZ, the same on every Linux architecture Node runs on
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + (ticks / hz) * 1000 : undefined
  } catch {
    return undefined
  }
}

interface LockKind {
  /** What the lock file says about its owner. */
  content(): string
  /** Whether the lock whose file says `text` (last touched at `mtimeMs`) has lost its owner. */
  stale(path: string, text: string, mtimeMs: number): boolean
}

/** pid, host and time: recognised across server processes and after a crash. */
const SESSION: LockKind = {
  content: () => `${process.pid}\n${HOST}\n${new Date().toISOString()}\n`,
  stale(path, text, mtimeMs) {
    const [pidText, host, when] = text.split('\n')
    const pid = Number(pidText)
    if (!Number.isInteger(pid) || pid <= 0) return Date.now() - mtimeMs > UNNAMED_STALE_MS
    if (host !== HOST) return false // cannot tell: leave it to its owner
    if (pid === process.pid) return mine.get(path) !== 'held'
    if (!alive(pid)) return true
    const started = startedAt(pid)
    const written = Date.parse(when ?? '')
    return started !== undefined && Number.isFinite(written) && started > written + 2000
  },
}

/** liblockfile's format (a pid and a newline); its rule for locks without a live pid: five minutes. */
const DOTLOCK: LockKind = {
  content: () => `${process.pid}\n`,
  stale(path, text, mtimeMs) {
    const pid = Number(text.trim())
    if (pid === process.pid) return mine.get(path) !== 'held'
    if (Number.isInteger(pid) && pid > 0 && !alive(pid)) return true
    return Date.now() - mtimeMs > DOTLOCK_STALE_MS
  },
}

/** Creates the lock file `path` naming its owner: its inode, or undefined when it exists. */
async function create(path: string, content: string): Promise<number | undefined> {
  return (await smallFilesFor(path)).create(path, content, 0o644)
}

/** This machine's name as an owner file's name holds it. */
const HOST_IN_NAME = HOST.replace(/[^\w.-]/g, '_')
/** The name of this process's owner file: its host (a folder may be shared over NFS) and pid. */
const OWNER_NAME = `.smallpop3-${HOST_IN_NAME}-${process.pid}.pop3owner`
/** The owner files of every server: `.smallpop3-HOST-PID.pop3owner`. */
const OWNER_FILE = /^\.smallpop3-(.+)-(\d+)\.pop3owner$/

/** This process's owner file in each folder it has locked in; null where links cannot be made. */
const owners = new Map<string, { path: string; ino: number } | null>()

/**
 * Writes this process's owner file in `dir`, a new file each time: the
 * links made to one left by an earlier process of the same pid keep naming
 * that one. Undefined when it cannot be written (the lock then says why).
 */
async function makeOwner(dir: string): Promise<{ path: string; ino: number } | undefined> {
  const path = join(dir, OWNER_NAME)
  const files = await smallFilesFor(path)
  await files.unlink(path).catch(() => {})
  const ino = await files.create(path, SESSION.content(), 0o644).catch(() => undefined)
  if (ino === undefined) return undefined
  const owner = { path, ino }
  owners.set(dir, owner)
  return owner
}

/**
 * Makes the session lock `path` as a link to this process's owner file:
 * its inode, undefined when the lock exists, null when no link can be made
 * here (the caller then makes a file of its own).
 */
async function link(path: string): Promise<number | undefined | null> {
  const dir = dirname(path)
  const files = await smallFilesFor(path)
  for (let attempt = 0; attempt < 2; attempt++) {
    const known = owners.get(dir)
    if (known === null) return null
    const owner = known ?? (await makeOwner(dir))
    if (!owner) return null
    try {
      return (await files.link(owner.path, path)) ? owner.ino : undefined
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') owners.delete(dir) // the owner file was removed: write it again
      else if (code === 'EMLINK') return null // as many links as the file system allows: a file of its own
      else if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') {
        owners.set(dir, null) // a file system without hard links
        return null
      } else throw err
    }
  }
  return null
}

/** Removes the owner files this process wrote (at shutdown): the locks linked to them keep their content. */
export async function removeOwnerFiles(): Promise<void> {
  const made = [...owners.values()]
  owners.clear()
  for (const owner of made) if (owner) await (await smallFilesFor(owner.path)).unlink(owner.path).catch(() => {})
}

/**
 * Whether the file `name` of `folder` is the owner file of a server of this
 * machine that is gone: another pid that is not alive, or this pid's when
 * this process has not written it (an earlier process that had the pid).
 */
export function deadOwnerFile(folder: string, name: string): boolean {
  if (name === OWNER_NAME) return !owners.get(folder)
  const m = OWNER_FILE.exec(name)
  return m !== null && m[1] === HOST_IN_NAME && !alive(Number(m[2]))
}

/**
 * Removes the lock at `path` if it is still the stale one that was seen
 * (same file, still stale), under a `.break` lock so that only one process
 * breaks it. Returns quietly when another process is breaking it now.
 */
async function breakStale(path: string, kind: LockKind, seen: { ino: number; dev: number }): Promise<void> {
  const files = await smallFilesFor(path)
  const breaker = `${path}.break`
  if ((await create(breaker, SESSION.content())) === undefined) {
    const st = await files.stat(breaker).catch(() => null)
    if (st && Date.now() - st.mtimeMs > BREAK_STALE_MS) await files.unlink(breaker).catch(() => {})
    return
  }
  try {
    const st = await files.stat(path).catch(() => null)
    if (!st || st.ino !== seen.ino || st.dev !== seen.dev) return
    const text = await files.readText(path).catch(() => null)
    if (text === null || !kind.stale(path, text, st.mtimeMs)) return
    // still the same file right before the unlink: a breaker that lost its .break (killed, then
    // cleared as old) cannot remove a lock taken meanwhile, but in the instant between these two
    const now = await files.stat(path).catch(() => null)
    if (now && now.ino === seen.ino && now.dev === seen.dev) await files.unlink(path).catch(() => {})
  } finally {
    await files.unlink(breaker).catch(() => {})
  }
}

/** Removes a lock file only if it is still the one this process made. */
function releaser(path: string, ino: number): () => Promise<void> {
  let released = false
  return async () => {
    if (released) return
    released = true
    const files = await smallFilesFor(path)
    const st = await files.stat(path).catch(() => null)
    if (st && st.ino === ino) await files.unlink(path).catch(() => {})
    mine.delete(path)
  }
}

/**
 * One attempt to take the lock at `path`: true when taken (breaking a stale
 * one on the way), false when a live owner holds it. Within this process a
 * path being taken or held is refused at once, before any file is touched.
 */
async function tryTake(path: string, kind: LockKind, linked = false): Promise<(() => Promise<void>) | undefined> {
  if (mine.has(path)) return undefined
  mine.set(path, 'taking')
  try {
    const files = await smallFilesFor(path)
    for (let attempt = 0; attempt < 3; attempt++) {
      const made = linked ? await link(path) : null
      const ino = made === null ? await create(path, kind.content()) : made
      if (ino !== undefined) {
        mine.set(path, 'held')
        return releaser(path, ino)
      }
      const st = await files.stat(path).catch(() => null)
      if (!st) continue // released meanwhile: try again
      const text = await files.readText(path).catch(() => null)
      if (text === null) continue
      if (!kind.stale(path, text, st.mtimeMs)) return undefined
      await breakStale(path, kind, st)
    }
    return undefined
  } finally {
    if (mine.get(path) === 'taking') mine.delete(path)
  }
}

/**
 * Takes a maildrop's session lock or throws StoreError EINUSE. Returns the
 * release function. `linked`: made as a link to the owner file (an mbox's
 * lock, beside many others in its folder).
 */
export async function acquireLock(lockPath: string, linked = false): Promise<() => Promise<void>> {
  const release = await tryTake(lockPath, SESSION, linked)
  if (!release) throw new StoreError('EINUSE', 'store.inUse')
  return release
}

/** How the fcntl() lock is taken, where a package provides the call (Node has none). */
interface Fcntl {
  fcntl(fd: number, cmd: 'setlk', type: number, start: number, len: number, cb: (err: NodeJS.ErrnoException | null) => void): void
  fcntlSync(fd: number, cmd: 'setlk', type: number, start: number, len: number): void
  constants: { F_WRLCK: number; F_RDLCK: number; F_UNLCK: number }
}

let fcntlModule: Fcntl | null | undefined
function fcntlCall(): Fcntl | null {
  if (fcntlModule === undefined) {
    try {
      fcntlModule = createRequire(import.meta.url)('fs-ext-extra-prebuilt') as Fcntl
    } catch {
      fcntlModule = null // not installed, or no binary for this platform: the dotlock alone
    }
  }
  return fcntlModule
}

/**
 * Tries the whole-file fcntl lock once, without waiting (a waiting call would
 * hold one of libuv's few threads): false while another process holds it;
 * true when taken, or when this system cannot take one at all. On a local
 * disk the call is made at once (lib/small-files.ts).
 */
function fcntlLock(fh: OpenFile, type: 'read' | 'write', atOnce: boolean): Promise<boolean> {
  const f = fcntlCall()
  if (!f) return Promise.resolve(true)
  const t = type === 'write' ? f.constants.F_WRLCK : f.constants.F_RDLCK
  const taken = (err: NodeJS.ErrnoException | null): boolean => !err || !['EAGAIN', 'EACCES'].includes(err.code ?? '')
  if (!atOnce) return new Promise(resolve => f.fcntl(fh.fd, 'setlk', t, 0, 0, err => resolve(taken(err))))
  try {
    f.fcntlSync(fh.fd, 'setlk', t, 0, 0)
    return Promise.resolve(true)
  } catch (err) {
    return Promise.resolve(taken(err as NodeJS.ErrnoException))
  }
}

export interface MboxHold {
  /** The mbox, open for reading: read it through this handle while holding the lock. */
  file: OpenFile
  release(): Promise<void>
}

/**
 * Holds an mbox against delivery agents, the way they lock it themselves:
 * the dotlock `NAME.lock` first, then the fcntl() lock on the file (procmail
 * takes both, in this order). Waits up to `waitMs` for an agent that is
 * delivering, then throws StoreError EBUSY. The fcntl lock belongs to the
 * returned handle: read through it, since closing any other descriptor of
 * the file in this process would drop the lock (POSIX). Where the folder is
 * not writable no dotlock can be made; the mbox can still be read.
 */
export async function holdMbox(path: string, waitMs: number): Promise<MboxHold> {
  const lockPath = `${path}.lock`
  const deadline = Date.now() + waitMs
  let releaseDot: (() => Promise<void>) | undefined
  let file: OpenFile | undefined
  let writable = true
  const files = await smallFilesFor(path)
  try {
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      try {
        releaseDot ??= await tryTake(lockPath, DOTLOCK)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EACCES' && (err as NodeJS.ErrnoException).code !== 'EROFS') throw err
        releaseDot = async () => {} // a read-only folder: nobody can deliver here through a dotlock either
      }
      if (releaseDot) {
        if (!file) {
          // a write lock needs a descriptor open for writing; a read-only mbox gets a read lock
          writable = true
          file = await files.open(path, 'r+').catch(() => ((writable = false), files.open(path, 'r')))
        }
        if (await fcntlLock(file, writable ? 'write' : 'read', files.atOnce)) break
      }
      if (Date.now() >= deadline) throw new StoreError('EBUSY', 'store.busy', { path: lockPath })
      await sleep(pause)
    }
  } catch (err) {
    await file?.close().catch(() => {})
    await releaseDot?.()
    throw err
  }
  const held = file
  const dot = releaseDot
  // liblockfile's convention: a holder keeps its dotlock fresh, so that a long rewrite is not taken for stale.
  const touch = setInterval(() => void Promise.resolve(smallFilesFor(lockPath)).then(files => files.touch(lockPath)).catch(() => {}), 60_000)
  touch.unref()
  let released = false
  return {
    file: held,
    async release() {
      if (released) return
      released = true
      clearInterval(touch)
      await held.close().catch(() => {}) // drops the fcntl lock
      await dot()
    },
  }
}
