/**
 * One session at a time per maildrop (RFC 1939 §8: the server acquires an
 * exclusive-access lock). The lock is a file created with O_EXCL holding the
 * owner's pid and host, so it works between two server processes too, and a
 * lock left by a server that was killed is recognised and cleared.
 */
import { readFileSync } from 'node:fs'
import { open, readFile, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { StoreError } from './types.js'

const heldHere = new Set<string>()

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

async function isStale(lockPath: string): Promise<boolean> {
  let text: string
  try {
    text = await readFile(lockPath, 'utf8')
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT'
  }
  const [pidText, host, when] = text.split('\n')
  const pid = Number(pidText)
  if (!Number.isInteger(pid) || pid <= 0) return true // half-written by a killed server
  if (host !== hostname()) return false // cannot tell: leave it to its owner
  if (pid === process.pid) return !heldHere.has(lockPath)
  if (!alive(pid)) return true
  const started = startedAt(pid)
  const written = Date.parse(when ?? '')
  return started !== undefined && Number.isFinite(written) && started > written + 2000
}

/** Takes the lock or throws StoreError EINUSE. Returns the release function. */
export async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (heldHere.has(lockPath)) break
    try {
      const fh = await open(lockPath, 'wx')
      try {
        await fh.writeFile(`${process.pid}\n${hostname()}\n${new Date().toISOString()}\n`)
      } finally {
        await fh.close()
      }
      heldHere.add(lockPath)
      let released = false
      return async () => {
        if (released) return
        released = true
        heldHere.delete(lockPath)
        await unlink(lockPath).catch(() => {})
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      if (!(await isStale(lockPath))) break
      await unlink(lockPath).catch(() => {})
    }
  }
  throw new StoreError('EINUSE', 'store.inUse')
}
