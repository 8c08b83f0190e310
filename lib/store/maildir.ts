/**
 * A maildir maildrop: one file per message in new/ (not yet seen by a
 * reader) and cur/ (seen), written through tmp/ by the delivery agent.
 *
 * UIDs are the maildir unique names (the file name before ":"), so they
 * survive restarts, flag changes by other readers, and deletions. UPDATE
 * first writes a journal of what it will do, then does it; a commit cut
 * short is finished from the journal when the maildrop is next opened, so
 * the maildrop is either as before or fully updated.
 */
import { createHash } from 'node:crypto'
import { open as openCb } from 'node:fs'
import { promisify } from 'node:util'
import { open, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { delivered } from '../message-stream.js'
import { Delivery, readThrough } from '../delivery.js'
import { stallForTests } from './fault.js'
import { acquireLock } from './lock.js'
import { syncDir } from './durable.js'
import { StoreError, type CommitResult, type Maildrop, type MessageInfo } from './types.js'
import { uniqueIds } from './uid.js'
import { WORKER_MIN, WorkerDelivered } from '../worker-delivery.js'

const LOCK = '.pop3lock'

/** A file opened as a plain descriptor, which the delivery worker can be given (a FileHandle cannot). */
const openFd = promisify(openCb) as (path: string, flags: string) => Promise<number>

/** Where a maildir's session lock lives. */
export const maildirLockPath = (path: string): string => join(path, LOCK)
const JOURNAL = '.pop3update'

type Sub = 'new' | 'cur'

interface Entry {
  sub: Sub
  name: string
  unique: string
  time: number
  size: number
}

type Op = { op: 'unlink'; path: string } | { op: 'rename'; from: string; to: string }

/** Delivered sizes already counted, by path: a file is only read again when it changed. */
const sizeCache = new Map<string, { mtimeMs: number; bytes: number; size: number }>()

export function isMaildir(dirEntries: string[]): boolean {
  return ['cur', 'new', 'tmp'].every(d => dirEntries.includes(d))
}

export async function openMaildir(path: string): Promise<Maildrop> {
  const release = await acquireLock(maildirLockPath(path))
  try {
    await replayJournal(path)
    return new MaildirMaildrop(path, await scanMaildir(path), release)
  } catch (err) {
    await release()
    throw err
  }
}

/** Clears what a killed server left: its lock, and finishes a commit cut short. */
export async function recoverMaildir(path: string): Promise<void> {
  const release = await acquireLock(maildirLockPath(path))
  try {
    await replayJournal(path)
  } finally {
    await release()
  }
}

/** The unique part of a maildir file name: everything before the ":2,flags" info. */
const uniqueOf = (name: string): string => name.split(':')[0]!

async function scanMaildir(path: string): Promise<Entry[]> {
  const entries: Entry[] = []
  for (const sub of ['new', 'cur'] as const) {
    const dir = join(path, sub)
    const names = await readdir(dir).catch(err => {
      throw new StoreError('EMAILDROP', 'store.unreadable', { path: dir, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message })
    })
    for (const name of names) {
      if (name.startsWith('.')) continue
      const file = join(dir, name)
      const st = await stat(file).catch(() => null) // gone already: another reader took it
      if (!st?.isFile()) continue
      const stamp = /^(\d+)\./.exec(name)
      let cached = sizeCache.get(file)
      if (!cached || cached.mtimeMs !== st.mtimeMs || cached.bytes !== st.size) {
        const size = await deliveredSize(file).catch(() => -1)
        if (size < 0) continue
        cached = { mtimeMs: st.mtimeMs, bytes: st.size, size }
        sizeCache.set(file, cached)
      }
      entries.push({ sub, name, unique: uniqueOf(name), time: stamp ? Number(stamp[1]) : Math.floor(st.mtimeMs / 1000), size: cached.size })
    }
  }
  // Delivery order: the time in the unique name (or the file's), then the name.
  return entries.sort((a, b) => a.time - b.time || (a.unique < b.unique ? -1 : a.unique > b.unique ? 1 : 0))
}

/** The octets a message file is delivered as (see Delivery). */
export async function deliveredSize(file: string): Promise<number> {
  const fh = await open(file, 'r')
  try {
    const d = new Delivery({ unquoteFrom: false })
    await readThrough(fh, d)
    return d.octets
  } finally {
    await fh.close()
  }
}

/** A UID from a unique name: itself when it fits RFC 1939 (0x21-0x7E, at most 70), else a digest of it. */
function uidFor(unique: string): string {
  return /^[\x21-\x7e]{1,70}$/.test(unique) ? unique : createHash('sha256').update(unique).digest('base64url').slice(0, 22)
}

/** The name of a message once seen: info "2," with the S flag, other flags kept. */
function seenName(name: string): string {
  const [unique, info] = name.split(/:(.*)/s) as [string, string | undefined]
  if (!info || !info.startsWith('2,')) return `${unique}:2,S`
  const flags = new Set(info.slice(2))
  flags.add('S')
  return `${unique}:2,${[...flags].sort().join('')}`
}

async function writeJournal(path: string, ops: Op[]): Promise<void> {
  const tmp = join(path, `${JOURNAL}.tmp`)
  const fh = await open(tmp, 'w')
  try {
    await fh.writeFile(ops.map(o => JSON.stringify(o)).join('\n') + '\n')
    await fh.sync()
  } finally {
    await fh.close()
  }
  await rename(tmp, join(path, JOURNAL))
  await syncDir(path)
}

async function apply(ops: Op[]): Promise<void> {
  for (const op of ops) {
    try {
      if (op.op === 'unlink') await unlink(op.path)
      else await rename(op.from, op.to)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err // already done, or taken by another reader
    }
    await stallForTests('maildir-mid-commit')
  }
}

/** Finishes a commit that was cut short (the server was killed): see the file comment. */
async function replayJournal(path: string): Promise<void> {
  await unlink(join(path, `${JOURNAL}.tmp`)).catch(() => {}) // a journal never completed: nothing was done
  const text = await readFile(join(path, JOURNAL), 'utf8').catch(() => null)
  if (text === null) return
  const ops = text.split('\n').filter(Boolean).map(l => JSON.parse(l) as Op)
  await apply(ops)
  await Promise.all([syncDir(join(path, 'new')), syncDir(join(path, 'cur'))])
  await unlink(join(path, JOURNAL))
}

class MaildirMaildrop implements Maildrop {
  readonly kind = 'maildir' as const
  readonly messages: readonly MessageInfo[]
  readonly #entries: Entry[]
  readonly #seen = new Set<number>()
  readonly #release: () => Promise<void>

  constructor(readonly path: string, entries: Entry[], release: () => Promise<void>) {
    this.#entries = entries
    this.#release = release
    const uids = uniqueIds(entries.map(e => uidFor(e.unique)))
    this.messages = entries.map((e, i) => ({ size: e.size, uid: uids[i]! }))
  }

  #file(e: Entry): string {
    return join(this.path, e.sub, e.name)
  }

  /** Finds a message that another reader renamed (new/ to cur/, or new flags). */
  async #relocate(e: Entry): Promise<boolean> {
    for (const sub of ['cur', 'new'] as const) {
      const names = await readdir(join(this.path, sub)).catch(() => [] as string[])
      const name = names.find(n => uniqueOf(n) === e.unique)
      if (name) {
        e.sub = sub
        e.name = name
        return true
      }
    }
    return false
  }

  async open(index: number): Promise<Readable> {
    const e = this.#entries[index]!
    // a large message is read and converted by the worker (lib/worker-delivery.ts); its file is opened here all
    // the same, so that one another reader moves (new/ to cur/) before the worker reads it is still the one read
    if (e.size >= WORKER_MIN) {
      const fd = await this.#found(index, e, path => openFd(path, 'r'))
      return new WorkerDelivered(this.#file(e), 0, Infinity, { unquoteFrom: false, fd }) // the whole file, to its end
    }
    const fh = await this.#found(index, e, path => open(path, 'r'))
    return delivered(fh.createReadStream({ highWaterMark: 256 * 1024 }), { unquoteFrom: false })
  }

  /** What `use` gives for the message's file, where it is now: a file moved by another reader is looked for once. */
  async #found<T>(index: number, e: Entry, use: (path: string) => Promise<T>): Promise<T> {
    try {
      return await use(this.#file(e))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
      if (!(await this.#relocate(e))) throw new StoreError('EGONE', 'store.gone', { n: index + 1 })
      return use(this.#file(e)).catch(() => {
        throw new StoreError('EGONE', 'store.gone', { n: index + 1 })
      })
    }
  }

  seen(index: number): void {
    this.#seen.add(index)
  }

  async commit(deleted: ReadonlySet<number>): Promise<CommitResult> {
    const ops: Op[] = []
    for (let i = 0; i < this.#entries.length; i++) {
      const e = this.#entries[i]!
      if (deleted.has(i)) {
        ops.push({ op: 'unlink', path: this.#file(e) })
      } else if (this.#seen.has(i)) {
        const to = seenName(e.name)
        if (e.sub !== 'cur' || to !== e.name) ops.push({ op: 'rename', from: this.#file(e), to: join(this.path, 'cur', to) })
      }
    }
    if (ops.length) {
      await writeJournal(this.path, ops) // before this, a failure has changed nothing
      try {
        await apply(ops)
        await Promise.all([syncDir(join(this.path, 'new')), syncDir(join(this.path, 'cur'))])
        await unlink(join(this.path, JOURNAL))
      } catch (err) {
        throw new StoreError('EUNFINISHED', 'store.unfinished', { reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message })
      }
    }
    return { deleted: deleted.size, left: this.#entries.length - deleted.size }
  }

  release(): Promise<void> {
    return this.#release()
  }
}
