/**
 * One session at a time per maildrop (RFC 1939 §8: the server acquires an
 * exclusive-access lock). The lock is a file created with O_EXCL holding the
 * owner's pid and host, so it works between two server processes too, and a
 * lock left by a server that was killed is recognised and cleared.
 */
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

async function isStale(lockPath: string): Promise<boolean> {
  let text: string
  try {
    text = await readFile(lockPath, 'utf8')
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT'
  }
  const [pidText, host] = text.split('\n')
  const pid = Number(pidText)
  if (!Number.isInteger(pid) || pid <= 0) return true // half-written by a killed server
  if (host !== hostname()) return false // cannot tell: leave it to its owner
  if (pid === process.pid) return !heldHere.has(lockPath)
  return !alive(pid)
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
  throw new StoreError('EINUSE', 'the maildrop is already open in another session')
}
