/**
 * The small file operations of a login and a logout (a stat, a lock file
 * made or removed, a short read, a transcript's append), done at once where
 * the folder is on a local disk.
 *
 * Node runs every asynchronous file call on its thread pool: measured here,
 * a stat so costs 25 to 80 µs of CPU where the same call done at once costs
 * 6, and a login makes some twenty of them; they were most of the server's
 * CPU per session. On a local disk these calls take microseconds and cannot
 * block, so they are made synchronously. On a network file system (an NFS
 * /var/mail, say) one of them may wait seconds for the server, and the whole
 * event loop with it: there, and wherever the kind of file system cannot be
 * told, they stay asynchronous. Reading and rewriting whole maildrops stays
 * asynchronous everywhere.
 *
 * SMALLPOP3_FS=async forces the thread pool (for tests of that path, and to
 * compare), SMALLPOP3_FS=sync the synchronous calls.
 */
import * as fs from 'node:fs'
import * as fsp from 'node:fs/promises'
import { Readable } from 'node:stream'
import { dirname } from 'node:path'
import { SpareBuffers } from './spare-buffers.js'

export interface SmallFiles {
  /** The calls are made at once (a local disk), not on the thread pool. */
  readonly atOnce: boolean
  stat(path: string): Promise<fs.Stats>
  statExact(path: string): Promise<fs.BigIntStats>
  /** Opens a file to read it (`r`), or to lock it for writing too (`r+`). */
  open(path: string, flags: 'r' | 'r+'): Promise<OpenFile>
  unlink(path: string): Promise<void>
  readText(path: string): Promise<string>
  /** The text of a file that is often missing: undefined then, without the cost of an error made and thrown. */
  readTextIfAny(path: string): Promise<string | undefined>
  touch(path: string): Promise<void>
  append(path: string, text: string, mode: number): Promise<void>
  /** The bytes of `path` from `start` up to `end` (excluded), read as they are asked for; the file is opened on the first read. */
  stream(path: string, start: number, end: number): Readable
  /**
   * Creates `path` holding `content`, only if it does not exist (O_EXCL):
   * its inode, or undefined when it exists already. A file that could not be
   * written whole is removed again.
   */
  create(path: string, content: string, mode: number): Promise<number | undefined>
  /**
   * Makes `path` a second name of the file `existing` (link(2)), only if
   * `path` does not exist, atomically as create is: false when it exists.
   */
  link(existing: string, path: string): Promise<boolean>
}

/** A file open for reading: a FileHandle's calls, or the same made at once on its descriptor. */
export interface OpenFile {
  readonly fd: number
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>
  stat(): Promise<fs.Stats>
  statExact(): Promise<fs.BigIntStats>
  close(): Promise<void>
}

/** Linux's f_type of the local file systems a mail folder lives on (statfs(2)). */
const LOCAL = new Set([
  0xef53, // ext2, ext3, ext4
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x01021994, // tmpfs
  0x858458f6, // ramfs
  0x794c7630, // overlayfs (containers)
  0x2fc12fc1, // zfs
  0xf2f52010, // f2fs
  0xca451a4e, // bcachefs
  0x52654973, // reiserfs
  0x3153464a, // jfs
])

/** Errors of a call made at once are given back as a rejected promise, as the asynchronous call gives them. */
function atOnce<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => Promise<R> {
  return (...args) => {
    try {
      return Promise.resolve(f(...args))
    } catch (err) {
      return Promise.reject(err)
    }
  }
}

const exists = (err: unknown): boolean => (err as NodeJS.ErrnoException).code === 'EEXIST'

/** How much of a message one read takes. */
export const STREAM_CHUNK = 256 * 1024

/**
 * A part of a file read at once, chunk by chunk as the socket takes them: a
 * read from the page cache takes microseconds, where the thread pool's
 * ReadStream cost a hand-over each way per chunk and the file's open and
 * close on top.
 */
class FileRange extends Readable {
  #fd: number | undefined
  /** Chunks given back by the reader (LineEndings, once it has copied them): read into again, not allocated anew. */
  readonly #spare = new SpareBuffers(STREAM_CHUNK)
  #pos: number
  readonly #end: number
  readonly #path: string

  constructor(path: string, start: number, end: number) {
    super({ highWaterMark: STREAM_CHUNK })
    this.#path = path
    this.#pos = start
    this.#end = end
  }

  override _construct(cb: (err?: Error | null) => void): void {
    try {
      this.#fd = fs.openSync(this.#path, 'r')
      cb()
    } catch (err) {
      cb(err as Error)
    }
  }

  override _read(): void {
    const want = Math.min(STREAM_CHUNK, this.#end - this.#pos)
    if (want <= 0) return void this.push(null)
    const buf = this.#spare.take(want)
    let n: number
    try {
      n = fs.readSync(this.#fd!, buf, 0, want, this.#pos)
    } catch (err) {
      return void this.destroy(err as Error)
    }
    if (n === 0) return void this.push(null) // the file is shorter than it was: what there is
    this.#pos += n
    this.push(n < buf.length ? buf.subarray(0, n) : buf)
  }

  /** The reader is done with `chunk` (it copied what it needed): the next read may go into it. */
  recycle(chunk: Buffer): void {
    this.#spare.give(chunk)
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    if (this.#fd !== undefined) {
      try {
        fs.closeSync(this.#fd)
      } catch {}
      this.#fd = undefined
    }
    cb(err)
  }
}

const SYNC: SmallFiles = {
  atOnce: true,
  stream: (path, start, end) => new FileRange(path, start, end),
  stat: atOnce((path: string) => fs.statSync(path)),
  statExact: atOnce((path: string) => fs.statSync(path, { bigint: true })),
  open: atOnce((path: string, flags: 'r' | 'r+'): OpenFile => {
    const fd = fs.openSync(path, flags)
    return {
      fd,
      read: atOnce((buffer: Buffer, offset: number, length: number, position: number) => ({ bytesRead: fs.readSync(fd, buffer, offset, length, position) })),
      stat: atOnce(() => fs.fstatSync(fd)),
      statExact: atOnce(() => fs.fstatSync(fd, { bigint: true })),
      close: atOnce(() => fs.closeSync(fd)),
    }
  }),
  unlink: atOnce((path: string) => fs.unlinkSync(path)),
  link: atOnce((existing: string, path: string) => {
    try {
      fs.linkSync(existing, path)
      return true
    } catch (err) {
      if (exists(err)) return false
      throw err
    }
  }),
  readText: atOnce((path: string) => fs.readFileSync(path, 'utf8')),
  readTextIfAny: atOnce((path: string) => (fs.statSync(path, { throwIfNoEntry: false }) ? fs.readFileSync(path, 'utf8') : undefined)),
  touch: atOnce((path: string) => fs.utimesSync(path, new Date(), new Date())),
  append: atOnce((path: string, text: string, mode: number) => fs.appendFileSync(path, text, { mode })),
  create: atOnce((path: string, content: string, mode: number) => {
    let fd
    try {
      fd = fs.openSync(path, 'wx', mode)
    } catch (err) {
      if (exists(err)) return undefined
      throw err
    }
    try {
      fs.writeSync(fd, content)
      return fs.fstatSync(fd).ino
    } catch (err) {
      fs.unlinkSync(path) // a full disk: no lock that names nobody
      throw err
    } finally {
      fs.closeSync(fd)
    }
  }),
}

const ASYNC: SmallFiles = {
  atOnce: false,
  stream: (path, start, end) => (end <= start ? Readable.from([]) : fs.createReadStream(path, { start, end: end - 1, highWaterMark: STREAM_CHUNK })),
  stat: path => fsp.stat(path),
  statExact: path => fsp.stat(path, { bigint: true }),
  async open(path, flags) {
    const fh = await fsp.open(path, flags)
    return {
      fd: fh.fd,
      read: (buffer, offset, length, position) => fh.read(buffer, offset, length, position),
      stat: () => fh.stat(),
      statExact: () => fh.stat({ bigint: true }),
      close: () => fh.close(),
    }
  },
  unlink: path => fsp.unlink(path),
  link: (existing, path) => fsp.link(existing, path).then(
    () => true,
    err => (exists(err) ? false : Promise.reject(err)),
  ),
  readText: path => fsp.readFile(path, 'utf8'),
  readTextIfAny: path => fsp.readFile(path, 'utf8').catch(err => (err.code === 'ENOENT' ? undefined : Promise.reject(err))),
  touch: path => fsp.utimes(path, new Date(), new Date()),
  append: (path, text, mode) => fsp.appendFile(path, text, { mode }),
  async create(path, content, mode) {
    let fh
    try {
      fh = await fsp.open(path, 'wx', mode)
    } catch (err) {
      if (exists(err)) return undefined
      throw err
    }
    try {
      await fh.write(content)
      return (await fh.stat()).ino
    } catch (err) {
      await fsp.unlink(path).catch(() => {})
      throw err
    } finally {
      await fh.close()
    }
  },
}

/** Each folder's way, once its file system is known. */
const byFolder = new Map<string, SmallFiles | Promise<SmallFiles>>()

/** How small operations on the files of folder `dir` are made. */
export function smallFilesIn(dir: string): SmallFiles | Promise<SmallFiles> {
  const forced = process.env.SMALLPOP3_FS
  if (forced === 'async') return ASYNC
  if (forced === 'sync') return SYNC
  const known = byFolder.get(dir)
  if (known) return known
  const found = fsp
    .statfs(dir)
    .then(st => (process.platform === 'linux' && LOCAL.has(st.type) ? SYNC : ASYNC))
    .catch(() => ASYNC)
    .then(way => {
      if (byFolder.size >= 1000) byFolder.clear() // a bound, for a server with maildrops in many folders
      byFolder.set(dir, way)
      return way
    })
  byFolder.set(dir, found)
  return found
}

/** How small operations on the file at `path` are made (its folder's way). */
export const smallFilesFor = (path: string): SmallFiles | Promise<SmallFiles> => smallFilesIn(dirname(path))
