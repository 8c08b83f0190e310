/**
 * Folders made with their parents, as `mkdir -p` makes them.
 *
 * Node's own `mkdir(path, { recursive: true })` (20, and 22 alike) spins
 * for ever on a path whose parent is there but cannot hold it: a folder
 * under /proc, or past a symbolic link to nothing. The kernel answers
 * ENOENT there, Node takes that for "make the parent first", the parent
 * answers "it exists", and Node tries the child again. So
 * `--transcripts /proc/x` hung the server before its banner, with a core at
 * 100 %. Here each folder is made only after its parent answered, and an
 * ENOENT after that is the answer.
 */
import { mkdirSync, statSync } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

type Errno = NodeJS.ErrnoException

/**
 * The walk, for both ways of calling: it names a folder to make, and is
 * told the error of making it (none when it was made). Going up on
 * ENOENT, down once a parent is there; it throws what cannot be mended.
 * It ends with the path when that was there already (to be checked as a
 * folder: a file of that name is an error, as `mkdir -p` says).
 */
function* walk(path: string): Generator<string, string | undefined, Errno | undefined> {
  const target = resolve(path)
  const missing: string[] = []
  for (let p = target; ; p = dirname(p)) {
    const err = yield p
    if (!err) break
    if (err.code === 'EEXIST') {
      if (p === target) return target
      break
    }
    if (err.code !== 'ENOENT' || dirname(p) === p) throw err
    missing.push(p)
  }
  // each one's parent is there now: what fails here is final
  for (const p of missing.reverse()) {
    const err = yield p
    if (err && err.code !== 'EEXIST') throw err // EEXIST: made meanwhile by someone else
  }
  return undefined
}

const failure = (make: () => unknown): Errno | undefined => {
  try {
    make()
    return undefined
  } catch (err) {
    return err as Errno
  }
}

/** The error for a file where the folder `path` should be, as mkdir gives it. */
const fileInTheWay = (path: string): Errno => Object.assign(new Error(`EEXIST: file already exists, mkdir '${path}'`), { code: 'EEXIST', syscall: 'mkdir', path })

/** Makes the folder `path` and the folders above it that are missing (with `mode`, less the umask); one that is there is fine. */
export async function makeFolder(path: string, mode?: number): Promise<void> {
  const w = walk(path)
  let step = w.next()
  while (!step.done) step = w.next(await mkdir(step.value, { mode }).then(() => undefined, (err: Errno) => err))
  if (step.value !== undefined && !(await stat(step.value)).isDirectory()) throw fileInTheWay(step.value)
}

/** makeFolder, for the few places that cannot wait (the state folder, found before anything else). */
export function makeFolderSync(path: string, mode?: number): void {
  const w = walk(path)
  let step = w.next()
  while (!step.done) step = w.next(failure(() => mkdirSync(step.value as string, { mode })))
  if (step.value !== undefined && !statSync(step.value).isDirectory()) throw fileInTheWay(step.value)
}
