/**
 * Session transcripts: every session's events, one JSON line each, in a
 * file of its own, so that `smallpop3 check` (and the instructor's tools)
 * can see what a student really did. The events come with their passwords
 * masked (lib/secrets.ts); the line in clear that --show-secrets adds for
 * the log is never written here. Only the owner may read the files.
 */
import { chmod, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Pop3Event } from './events.js'
import { smallFilesIn } from './small-files.js'
import type { MessageKey } from './i18n/index.js'

/**
 * The most one session may write to its transcript, in octets. A command
 * with its reply takes 330 to 450 octets (more with --verbose bodies), so
 * 1 MiB holds some 2,500 commands, where an exercise needs a dozen or two;
 * a client that floods blank lines or NOOPs then costs the disk 1 MiB, not
 * hundreds of megabytes, and `check` reads it in an instant.
 */
export const TRANSCRIPT_LIMIT = 1024 * 1024

/** Kept free under the limit for what is always written: the cut marker and the disconnect. */
const TAIL_ROOM = 4096

/**
 * The line a transcript ends with, before the disconnect, when the session
 * wrote TRANSCRIPT_LIMIT: what the session did after it is not recorded.
 */
export interface TranscriptCut {
  time: string
  session: number
  user?: string
  type: 'cut'
  key: Extract<MessageKey, 'transcript.cut'>
  limit: number
}

/** A line of a transcript: an event, or the marker of a cut. */
export type TranscriptEntry = Pop3Event | TranscriptCut

/**
 * Makes transcripts in `dir`; returns the event listener and a close
 * function. A session's file is opened at its first command, not when it
 * connects: a thousand idle connections cost no file descriptors, and a
 * connection that never says anything leaves no file.
 */
export interface TranscriptRecorder {
  record(event: Pop3Event): void
  close(): Promise<void>
}

interface Recording {
  path: string
  /** The appends so far, one after the other: the file is open only while one is written. */
  appended: Promise<void>
  /** Octets written so far. */
  written: number
  cut: boolean
  /** Lines not yet handed to the file, and when they will be. */
  pending: string[]
  pendingOctets: number
  flushing?: NodeJS.Timeout
}

/**
 * A session's lines go to its file together, at most this long after they
 * were made (or at its end, or when many wait): one append for a whole
 * exchange, not a write a line; and no file held open by an idle session,
 * so that ten thousand of them cost ten thousand sockets, not twice that.
 */
const FLUSH_MS = 100
const FLUSH_OCTETS = 64 * 1024

/**
 * Events kept of a session that has sent no command yet (its connect and
 * greeting, say): a client that never sends one (telnet junk answered by
 * the server) must not grow this without bound.
 */
const MAX_EARLY = 16

export async function transcriptRecorder(dir: string): Promise<TranscriptRecorder> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  // A folder made before (by an older version, or by hand) is made private too, if it is ours to change.
  if ((await stat(dir)).uid === process.getuid?.()) await chmod(dir, 0o700).catch(() => {})
  const open = new Map<number, Recording>()
  const waiting = new Map<number, Pop3Event[]>() // events of sessions that have not sent a command yet
  const ending = new Set<Promise<unknown>>() // files of ended sessions, until their last line is written
  const prefix = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`
  const flush = (rec: Recording): void => {
    clearTimeout(rec.flushing)
    rec.flushing = undefined
    if (!rec.pending.length) return
    const text = rec.pending.join('')
    // a full disk must not stop the server: the session goes on, unrecorded
    rec.appended = rec.appended.then(async () => (await smallFilesIn(dir)).append(rec.path, text, 0o600)).catch(() => {})
    rec.pending = []
    rec.pendingOctets = 0
  }
  const write = (rec: Recording, line: string): void => {
    const octets = Buffer.byteLength(line)
    rec.written += octets
    rec.pending.push(line)
    rec.pendingOctets += octets
    if (rec.pendingOctets >= FLUSH_OCTETS) flush(rec)
    else rec.flushing ??= setTimeout(() => flush(rec), FLUSH_MS).unref()
  }
  const end = (rec: Recording): Promise<unknown> => {
    flush(rec)
    return rec.appended
  }
  /** Writes an event unless the session has reached its limit; the first event over it writes the marker instead. */
  const add = (rec: Recording, event: Pop3Event): void => {
    if (rec.cut) return
    const line = lineOf(persisted(event))
    if (rec.written + Buffer.byteLength(line) <= TRANSCRIPT_LIMIT - TAIL_ROOM) return write(rec, line)
    rec.cut = true
    const { time, session, user } = event
    write(rec, lineOf({ time, session, ...(user ? { user } : {}), type: 'cut', key: 'transcript.cut', limit: TRANSCRIPT_LIMIT }))
  }
  const record = (event: Pop3Event): void => {
    let rec = open.get(event.session)
    if (!rec) {
      const early = waiting.get(event.session) ?? []
      if (event.type !== 'command') {
        if (event.type === 'disconnect') waiting.delete(event.session)
        else if (early.length < MAX_EARLY) waiting.set(event.session, [...early, event])
        return
      }
      waiting.delete(event.session)
      const path = join(dir, `${prefix}-${String(event.session).padStart(4, '0')}.jsonl`)
      rec = { path, appended: Promise.resolve(), written: 0, cut: false, pending: [], pendingOctets: 0 }
      open.set(event.session, rec)
      for (const e of early) add(rec, e)
    }
    if (event.type === 'disconnect') {
      write(rec, lineOf(event)) // how the session ended is always recorded, cut or not
      const ended = end(rec)
      ending.add(ended)
      void ended.then(() => ending.delete(ended))
      open.delete(event.session)
      return
    }
    add(rec, event)
  }
  const close = async (): Promise<void> => {
    // a session that ended just before may still be writing its last line: close() waits for it too
    await Promise.all([...[...open.values()].map(end), ...ending])
    open.clear()
    waiting.clear()
  }
  return { record, close }
}

const lineOf = (entry: TranscriptEntry): string => JSON.stringify(entry) + '\n'

/** The event as a transcript keeps it: without the line in clear that --show-secrets adds for the log. */
function persisted(event: Pop3Event): Pop3Event {
  if (event.type !== 'command' || !event.clear) return event
  const { clear: _clear, ...kept } = event
  return kept
}

/** One recorded session: its file name and its events in order. */
export interface Transcript {
  id: string
  events: TranscriptEntry[]
  /** The session wrote more than TRANSCRIPT_LIMIT: its events stop at a marker of type "cut". */
  cut: boolean
  /** The user the session named (USER, or a login). */
  user?: string
  start: string
}

/** Reads every transcript in `dir`, oldest first. A missing folder holds none. */
export async function readTranscripts(dir: string): Promise<Transcript[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter(n => n.endsWith('.jsonl')).sort()
  const out: Transcript[] = []
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => '')
    const events: TranscriptEntry[] = []
    for (const line of text.split('\n')) {
      if (!line) continue
      try {
        events.push(JSON.parse(line) as TranscriptEntry)
      } catch {
        // a line cut short when the server was killed
      }
    }
    if (!events.length) continue
    out.push({ id: name.replace(/\.jsonl$/, ''), events, cut: events.some(e => e.type === 'cut'), user: events.find(e => e.user)?.user, start: events[0]!.time })
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}
