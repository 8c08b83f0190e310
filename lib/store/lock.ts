/**
 * Lock files, taken atomically.
 *
 * A lock file is written whole under a private name and then linked into
 * place: link() either creates the name or fails with EEXIST, so nobody can
 * ever see a lock that exists but does not yet name its owner (the race
 * that once let two logins both take a maildrop). Two kinds are made here:
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
 */
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { link, open, readFile, stat, unlink, utimes, writeFile, type FileHandle } from 'node:fs/promises'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { StoreError } from './types.js'

/** Lock paths this process holds, or is taking right now. */
const mine = new Map<string, 'taking' | 'held'>()

/** This machine's name, as the session locks record their owner's (asked once: it is a system call). */
const HOST = hostname()

/**
 * Private names of lock files being written: a count makes them unique
 * within this process, the pid and the time it started between processes
 * (a name a killed process left cannot come back with a reused pid).
 */
const WRITER = `${process.pid}.${Date.now().toString(36)}`
let written = 0

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

/**
 * Creates `path` holding `content`, or returns false if it exists. The
 * content is complete before the name appears (write, then link). Where the
 * file system has no hard links, an O_EXCL create is the fallback: its
 * brief empty state is why a lock that names no owner is only stale when old.
 */
async function createWhole(path: string, content: string): Promise<boolean> {
  const tmp = join(dirname(path), `.${basename(path)}.${WRITER}.${++written}`)
  await writeFile(tmp, content, { flag: 'wx', mode: 0o644 })
  try {
    await link(tmp, path)
    return true
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err
    try {
      await writeFile(path, content, { flag: 'wx', mode: 0o644 })
      return true
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
      throw e
    }
  } finally {
    await unlink(tmp).catch(() => {})
  }
}

/**
 * Removes the lock at `path` if it is still the stale one that was seen
 * (same file, still stale), under a `.break` lock so that only one process
 * breaks it. Returns quietly when another process is breaking it now.
 */
async function breakStale(path: string, kind: LockKind, seen: { ino: number; dev: number }): Promise<void> {
  const breaker = `${path}.break`
  if (!(await createWhole(breaker, SESSION.content()))) {
    const st = await stat(breaker).catch(() => null)
    if (st && Date.now() - st.mtimeMs > BREAK_STALE_MS) await unlink(breaker).catch(() => {})
    return
  }
  try {
    const st = await stat(path).catch(() => null)
    if (!st || st.ino !== seen.ino || st.dev !== seen.dev) return
    const text = await readFile(path, 'utf8').catch(() => null)
    if (text === null || !kind.stale(path, text, st.mtimeMs)) return
    // still the same file right before the unlink: a breaker that lost its .break (killed, then
    // cleared as old) cannot remove a lock taken meanwhile, but in the instant between these two
    const now = await stat(path).catch(() => null)
    if (now && now.ino === seen.ino && now.dev === seen.dev) await unlink(path).catch(() => {})
  } finally {
    await unlink(breaker).catch(() => {})
  }
}

/** Removes a lock file only if it is still the one this process made. */
function releaser(path: string, ino: number): () => Promise<void> {
  let released = false
  return async () => {
    if (released) return
    released = true
    const st = await stat(path).catch(() => null)
    if (st && st.ino === ino) await unlink(path).catch(() => {})
    mine.delete(path)
  }
}

/**
 * One attempt to take the lock at `path`: true when taken (breaking a stale
 * one on the way), false when a live owner holds it. Within this process a
 * path being taken or held is refused at once, before any file is touched.
 */
async function tryTake(path: string, kind: LockKind): Promise<(() => Promise<void>) | undefined> {
  if (mine.has(path)) return undefined
  mine.set(path, 'taking')
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await createWhole(path, kind.content())) {
        const { ino } = await stat(path)
        mine.set(path, 'held')
        return releaser(path, ino)
      }
      const st = await stat(path).catch(() => null)
      if (!st) continue // released meanwhile: try again
      const text = await readFile(path, 'utf8').catch(() => null)
      if (text === null) continue
      if (!kind.stale(path, text, st.mtimeMs)) return undefined
      await breakStale(path, kind, st)
    }
    return undefined
  } finally {
    if (mine.get(path) === 'taking') mine.delete(path)
  }
}

/** Takes a maildrop's session lock or throws StoreError EINUSE. Returns the release function. */
export async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  const release = await tryTake(lockPath, SESSION)
  if (!release) throw new StoreError('EINUSE', 'store.inUse')
  return release
}

/** How the fcntl() lock is taken, where a package provides the call (Node has none). */
interface Fcntl {
  fcntl(fd: number, cmd: 'setlk', type: number, start: number, len: number, cb: (err: NodeJS.ErrnoException | null) => void): void
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
 * true when taken, or when this system cannot take one at all.
 */
function fcntlLock(fh: FileHandle, type: 'read' | 'write'): Promise<boolean> {
  const f = fcntlCall()
  if (!f) return Promise.resolve(true)
  const t = type === 'write' ? f.constants.F_WRLCK : f.constants.F_RDLCK
  return new Promise(resolve =>
    f.fcntl(fh.fd, 'setlk', t, 0, 0, err => resolve(!err || !['EAGAIN', 'EACCES'].includes(err.code ?? ''))),
  )
}

export interface MboxHold {
  /** The mbox, open for reading: read it through this handle while holding the lock. */
  file: FileHandle
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
  let file: FileHandle | undefined
  let writable = true
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
          file = await open(path, 'r+').catch(() => ((writable = false), open(path, 'r')))
        }
        if (await fcntlLock(file, writable ? 'write' : 'read')) break
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
  const touch = setInterval(() => void utimes(lockPath, new Date(), new Date()).catch(() => {}), 60_000)
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
