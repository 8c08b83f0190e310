/**
 * An mbox maildrop (mboxrd): messages start at lines beginning "From ", a
 * body line ">From " stands for "From ", and a blank line before the next
 * "From " line separates messages.
 *
 * The file is scanned once at login to find where each message starts and
 * how many octets it will be once delivered; bodies are then streamed from
 * disk when asked for. We scan it ourselves rather than with mbox-reader
 * because the UPDATE commit must copy every surviving message byte for byte,
 * which needs the byte offsets that a parsing reader does not give.
 */
import { createHash, type Hash } from 'node:crypto'
import type { BigIntStats } from 'node:fs'
import { open, readdir, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import { acquireLock, holdMbox } from './lock.js'
import { delivered } from '../message-stream.js'
import { WORKER_MIN, WorkerDelivered } from '../worker-delivery.js'
import { Delivery, readThrough } from '../delivery.js'
import { smallFilesFor, type OpenFile } from '../small-files.js'
import { StoreError, type CommitResult, type Maildrop, type MessageInfo } from './types.js'
import { twinsAfter, uniqueIds, type TwinMemory } from './uid.js'
import { stallForTests } from './fault.js'
import { syncDir } from './durable.js'

const F = 0x46
const FROM_ = Buffer.from('From ')
const CHUNK = 1 << 20
/** Bytes of each line looked at: enough for a From line and a long header. */
const HEAD_CAP = 8192
/** Header bytes hashed into a message's UID. */
const HEADER_HASH_CAP = 256 * 1024

interface Entry {
  from: number // offset of the "From " line
  bodyStart: number // first byte after the "From " line
  contentEnd: number // end of what is delivered (before the blank separator)
  size: number
  digest: string
}

interface Scanning {
  from: number
  bodyStart: number
  size: number
  lastEmptyStart: number // start of the last line if it was empty, else -1
  inHeaders: boolean
  headerBytes: number
  hash: Hash
}

export interface MboxIndex {
  entries: Entry[]
  /** Bytes before the first "From " line (blank lines only). */
  preambleEnd: number
  /** File size when scanned: bytes after it arrived later (new mail). */
  scannedSize: number
}

/**
 * Reads an mbox file once and returns where its messages are. Sizes are
 * summed from the delivered octets of each line, as Delivery counts them.
 * `file`, when given, is read instead of opening `path` (and is left open):
 * the handle that holds the mbox's locks.
 */
export async function scanMbox(path: string, file?: OpenFile): Promise<MboxIndex> {
  const entries: Entry[] = []
  let cur: Scanning | null = null
  let lineNo = 0

  const finish = (end: number): void => {
    if (!cur) return
    let size = cur.size
    let contentEnd = end
    if (cur.lastEmptyStart >= 0) {
      contentEnd = cur.lastEmptyStart // the blank separator is not part of the message
      size -= 2
    }
    cur.hash.update(`\0${size}`)
    entries.push({ from: cur.from, bodyStart: cur.bodyStart, contentEnd, size, digest: cur.hash.digest('base64url').slice(0, 22) })
    cur = null
  }

  const line = (start: number, next: number, octets: number, head: Buffer): void => {
    lineNo++
    if (head[0] === F && head.length >= 5 && head.subarray(0, 5).equals(FROM_)) {
      finish(start)
      cur = { from: start, bodyStart: next, size: 0, lastEmptyStart: -1, inHeaders: true, headerBytes: 0, hash: createHash('sha256') }
      cur.hash.update(head)
      return
    }
    const blank = octets === 2 // nothing but its CRLF once delivered
    if (!cur) {
      if (!blank) throw new StoreError('EMAILDROP', 'store.notMbox', { line: lineNo })
      return
    }
    cur.size += octets
    cur.lastEmptyStart = blank ? start : -1
    if (cur.inHeaders) {
      if (blank) cur.inHeaders = false
      else if (cur.headerBytes < HEADER_HASH_CAP) {
        cur.hash.update(head)
        cur.headerBytes += head.length
      }
    }
  }

  let fh: OpenFile
  try {
    fh = file ?? (await (await smallFilesFor(path)).open(path, 'r'))
  } catch (err) {
    throw new StoreError('EMAILDROP', 'store.unreadable', { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message })
  }
  let scannedSize: number
  try {
    scannedSize = await readThrough(fh, new Delivery({ unquoteFrom: true, onLine: line, headCap: HEAD_CAP }))
    finish(scannedSize)
  } finally {
    if (!file) await fh.close()
  }
  // only blank lines come before the first "From " line
  return { entries, preambleEnd: entries[0]?.from ?? scannedSize, scannedSize }
}

/** How long a login waits for a delivery agent to finish appending, and an UPDATE. */
const OPEN_WAIT_MS = 10_000
const COMMIT_WAIT_MS = 30_000

export async function openMbox(path: string, linked = false): Promise<Maildrop> {
  const release = await acquireLock(lockPathFor(path), linked)
  try {
    // Unchanged since its last scan (no mail came): that scan holds. A delivery
    // that begins now only appends after it, as after any scan.
    const last = await unchanged(path)
    if (last) return new MboxMaildrop(path, last.index, Number(last.ino), last.twins, release)
    // Scanned under the delivery agents' locks, so that no message is indexed half delivered.
    const hold = await holdMbox(path, OPEN_WAIT_MS).catch(err => {
      if (err instanceof StoreError) throw err
      throw new StoreError('EMAILDROP', 'store.unreadable', { path, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message })
    })
    try {
      const st = await hold.file.statExact()
      const ino = Number(st.ino)
      const scan = { ...stamp(st), index: await scanMbox(path, hold.file), twins: await readTwins(path, ino) }
      remember(path, scan)
      return new MboxMaildrop(path, scan.index, ino, scan.twins, release)
    } finally {
      await hold.release()
    }
  } catch (err) {
    await release()
    throw err
  }
}

/** What tells that a file is the same as before: which file, its size and its times, to the nanosecond. */
interface Stamp {
  dev: bigint
  ino: bigint
  size: bigint
  mtimeNs: bigint
  ctimeNs: bigint
}

const stamp = ({ dev, ino, size, mtimeNs, ctimeNs }: BigIntStats): Stamp => ({ dev, ino, size, mtimeNs, ctimeNs })
const same = (a: Stamp, b: Stamp): boolean => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs

/**
 * Each mbox as last scanned: its index, and the UID suffixes of its twins
 * (their file changes only at a commit, which makes a new mbox file).
 */
const scans = new Map<string, Stamp & { index: MboxIndex; twins: TwinMemory }>()

/** Indexes kept at most: a thousand-student class's mailboxes, a few kB each. */
const MAX_SCANS = 10_000

/**
 * The last scan of the mbox when the file is still the same, so that a
 * login to an mbox that got no mail since the last session reads nothing
 * but its times. A delivery changes its size and times; an UPDATE makes a
 * new file; an edit that puts the times back still changes the ctime.
 */
async function unchanged(path: string): Promise<(Stamp & { index: MboxIndex; twins: TwinMemory }) | undefined> {
  const last = scans.get(path)
  if (!last) return undefined
  let now: BigIntStats
  try {
    now = await (await smallFilesFor(path)).statExact(path)
  } catch (err) {
    throw new StoreError('EMAILDROP', 'store.missing', { path, code: (err as NodeJS.ErrnoException).code })
  }
  if (same(last, stamp(now))) return last
  scans.delete(path) // read again below; a maildrop no longer an mbox is then told by the next login's stat
  return undefined
}

/**
 * Whether `path` was an mbox when last opened: a login to it then needs no
 * stat of its own to tell an mbox from a maildir, since the one the scan
 * is checked against (taken under the lock) tells whether it is still that file.
 */
export const scannedBefore = (path: string): boolean => scans.has(path)

function remember(path: string, scan: Stamp & { index: MboxIndex; twins: TwinMemory }): void {
  scans.delete(path) // the newest at the end, so that the first is the oldest
  if (scans.size >= MAX_SCANS) scans.delete(scans.keys().next().value!)
  scans.set(path, scan)
}

/** Clears what a killed server left: its lock, and the temporary file of a commit cut short. */
export async function recoverMbox(path: string): Promise<void> {
  const release = await acquireLock(lockPathFor(path)) // a file of its own: no owner file is left before anyone logs in
  try {
    await removeStaleTemps(path)
  } finally {
    await release()
  }
}

/** What smallpop3 keeps beside an mbox NAME, as `.NAME` and one of these. */
const BESIDE = { lock: '.pop3lock', update: '.pop3update', twins: '.pop3uids' } as const

/** Where an mbox's session lock lives (not NAME.lock: that is the delivery agents' dotlock). */
export function lockPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}${BESIDE.lock}`)
}

/**
 * Which UID suffixes the copies of identical messages carry (see uid.ts),
 * kept beside the mbox. It names the file it describes by inode: written
 * before the UPDATE's rename for the new file, keeping the entry of the old
 * one, so that a server killed between the two still reads the right one.
 */
interface TwinFile {
  ino: number
  twins: TwinMemory
  before?: { ino: number; twins: TwinMemory }
}

const twinsPathFor = (path: string): string => join(dirname(path), `.${basename(path)}${BESIDE.twins}`)

async function readTwins(path: string, ino: number): Promise<TwinMemory> {
  try {
    const text = await (await smallFilesFor(path)).readTextIfAny(twinsPathFor(path))
    if (text === undefined) return {}
    const f = JSON.parse(text) as TwinFile
    if (f.ino === ino) return f.twins
    if (f.before?.ino === ino) return f.before.twins
  } catch {
    // none yet, or unreadable: the plain numbering
  }
  return {}
}

async function writeTwins(path: string, file: TwinFile): Promise<void> {
  const target = twinsPathFor(path)
  if (!Object.keys(file.twins).length && !Object.keys(file.before?.twins ?? {}).length) {
    await unlink(target).catch(() => {})
    return
  }
  const tmp = `${target}.tmp` // one name: written under the session lock, by one server at a time
  await writeFile(tmp, JSON.stringify(file) + '\n', { flush: true })
  await rename(tmp, target)
}

/**
 * The temporary file of a commit: one name per mbox, since commits are made
 * under the session lock, one at a time. (Older versions added the pid and
 * the time: start-up recovery still finds those.)
 */
const TEMP_PREFIX = (path: string): string => `.${basename(path)}${BESIDE.update}`
const tempPathFor = (path: string): string => join(dirname(path), TEMP_PREFIX(path))

/** What a killed server may leave beside an mbox, by a part of the name: its lock, a commit's copy, a twins file half written. */
export const LEFTOVER_MARKS = [BESIDE.lock, BESIDE.update, `${BESIDE.twins}.`] as const

/**
 * A commit killed before its rename leaves a temporary file (the mbox
 * itself is intact): start-up recovery removes it, under the names older
 * versions wrote too; a commit removes one of its own name before it writes.
 */
async function removeStaleTemps(path: string): Promise<void> {
  const prefixes = [TEMP_PREFIX(path), `${basename(twinsPathFor(path))}.`]
  const names = await readdir(dirname(path)).catch(() => [] as string[])
  const stale = names.filter(n => prefixes.some(p => n.startsWith(p)) && (n.startsWith(prefixes[0]!) || n.endsWith('.tmp')))
  await Promise.all(stale.map(n => unlink(join(dirname(path), n)).catch(() => {})))
}

class MboxMaildrop implements Maildrop {
  readonly kind = 'mbox' as const
  readonly messages: readonly MessageInfo[]
  readonly #index: MboxIndex
  readonly #ino: number
  readonly #twins: TwinMemory
  readonly #release: () => Promise<void>

  constructor(readonly path: string, index: MboxIndex, ino: number, twins: TwinMemory, release: () => Promise<void>) {
    this.#index = index
    this.#ino = ino
    this.#twins = twins
    this.#release = release
    const uids = uniqueIds(index.entries.map(e => e.digest), twins)
    this.messages = index.entries.map((e, i) => ({ size: e.size, uid: uids[i]! }))
  }

  seen(): void {
    // an mbox keeps no per-message flags that POP3 would set
  }

  async open(index: number): Promise<Readable> {
    const e = this.#index.entries[index]!
    if (e.contentEnd - e.bodyStart >= WORKER_MIN) return new WorkerDelivered(this.path, e.bodyStart, e.contentEnd, { unquoteFrom: true })
    const file = (await smallFilesFor(this.path)).stream(this.path, e.bodyStart, e.contentEnd)
    return delivered(file, { unquoteFrom: true })
  }

  async commit(deleted: ReadonlySet<number>): Promise<CommitResult> {
    const { entries, preambleEnd, scannedSize } = this.#index
    const left = entries.length - deleted.size
    if (deleted.size === 0) return { deleted: 0, left }

    // From the last read to the rename, no delivery agent may append: what it
    // appended meanwhile would go into the file that the rename replaces.
    const hold = await holdMbox(this.path, COMMIT_WAIT_MS)
    const src = hold.file
    const tmp = tempPathFor(this.path)
    let dst: FileHandle | null = null
    try {
      const st = await src.stat()
      if (st.ino !== this.#ino) throw new StoreError('EMAILDROP', 'store.changed') // rewritten by another program: offsets are void
      if (st.size < scannedSize) {
        throw new StoreError('EMAILDROP', 'store.shortened')
      }
      await unlink(tmp).catch(() => {}) // left by a commit killed halfway
      dst = await open(tmp, 'wx', st.mode & 0o7777)
      const copy = new RangeCopier(src, dst)
      await copy.range(0, preambleEnd)
      for (let i = 0; i < entries.length; i++) {
        if (deleted.has(i)) continue
        const end = i + 1 < entries.length ? entries[i + 1]!.from : scannedSize
        await copy.range(entries[i]!.from, end)
      }
      await copy.range(scannedSize, st.size) // mail delivered while the session was open
      await stallForTests('mbox-before-rename')
      await dst.sync()
      const { ino } = await dst.stat()
      await dst.close()
      dst = null
      const digests = entries.map(e => e.digest)
      await writeTwins(this.path, { ino, twins: twinsAfter(digests, i => !deleted.has(i), this.#twins), before: { ino: this.#ino, twins: this.#twins } })
      await rename(tmp, this.path)
      await syncDir(dirname(this.path))
    } catch (err) {
      if (dst) await dst.close().catch(() => {})
      await unlink(tmp).catch(() => {})
      throw err
    } finally {
      await hold.release()
    }
    return { deleted: deleted.size, left }
  }

  release(): Promise<void> {
    return this.#release()
  }
}

class RangeCopier {
  readonly #buf = Buffer.allocUnsafe(CHUNK)
  constructor(readonly src: OpenFile, readonly dst: FileHandle) {}

  async range(start: number, end: number): Promise<void> {
    let pos = start
    while (pos < end) {
      const { bytesRead } = await this.src.read(this.#buf, 0, Math.min(CHUNK, end - pos), pos)
      if (bytesRead === 0) throw new StoreError('EMAILDROP', 'store.changed')
      await this.dst.write(this.#buf, 0, bytesRead)
      pos += bytesRead
    }
  }
}
