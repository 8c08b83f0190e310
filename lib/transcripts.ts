/**
 * Session transcripts: every session's events, one JSON line each, in the
 * journal of the server that served it, so that `smallpop3 check` (and the
 * instructor's tools) can see what a student really did. The events come with their passwords
 * masked (lib/secrets.ts); the line in clear that --show-secrets adds for
 * the log is never written here. Only the owner may read the files.
 */
import { chmod, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Pop3Event } from './events.js'
import { batch } from './batch.js'
import { smallFilesIn } from './small-files.js'
import type { MessageKey } from './i18n/index.js'
import { makeFolder } from './folders.js'

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
 * function. All sessions of one server process are written to one journal
 * file, each line naming its session: a login then creates no file, which on
 * a journaling disk cost more than the rest of the session (a file made and
 * its folder changed, each time); readTranscripts splits the journal back
 * into sessions. A session is recorded from its first command, not when it
 * connects: a connection that never says anything leaves nothing.
 */
export interface TranscriptRecorder {
  record(event: Pop3Event): void
  close(): Promise<void>
}

interface Recording {
  /** Octets of the session's lines so far. */
  written: number
  cut: boolean
}

/**
 * Lines go to the journal together, at most this long after they were made
 * (or at once when many wait, or when the server stops): one append for all
 * the sessions of a tenth of a second, not a write a line, and no file held
 * open between appends.
 */
const FLUSH_MS = 100
const FLUSH_SIZE = 256 * 1024

/** A journal this large is followed by a new one, so that no file grows without end. */
const JOURNAL_LIMIT = 32 * 1024 * 1024

/**
 * Events kept of a session that has sent no command yet (its connect and
 * greeting, say): a client that never sends one (telnet junk answered by
 * the server) must not grow this without bound.
 */
const MAX_EARLY = 16

/** A journal's name: the server's start and pid, then its number ("20261202T105119-4242.0001.jsonl"). */
const JOURNAL = /^(.+)\.(\d{4,})\.jsonl$/

/** The id of a session of a journal's server: what the file of that one session was named before journals. */
const sessionId = (server: string, session: number): string => `${server}-${String(session).padStart(4, '0')}`

/** Recorders made by this process so far. */
let recorders = 0

export async function transcriptRecorder(dir: string): Promise<TranscriptRecorder> {
  await makeFolder(dir, 0o700)
  // A folder made before (by an older version, or by hand) is made private too, if it is ours to change.
  if ((await stat(dir)).uid === process.getuid?.()) await chmod(dir, 0o700).catch(() => {})
  const files = await smallFilesIn(dir)
  const open = new Map<number, Recording>()
  const waiting = new Map<number, Pop3Event[]>() // events of sessions that have not sent a command yet
  // a second server of the same process (a restart, tests) gets journals of its own, though it starts within the same second
  const nth = ++recorders
  const server = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}${nth > 1 ? `-${nth}` : ''}`
  let journal = 1
  let journalOctets = 0
  let appended: Promise<void> = Promise.resolve()
  const lines = batch(
    text => {
      const octets = Buffer.byteLength(text)
      if (journalOctets > 0 && journalOctets + octets > JOURNAL_LIMIT) {
        journal++
        journalOctets = 0
      }
      journalOctets += octets
      const path = join(dir, `${server}.${String(journal).padStart(4, '0')}.jsonl`)
      // a full disk must not stop the server: the sessions go on, unrecorded
      appended = appended.then(() => files.append(path, text, 0o600)).catch(() => {})
    },
    FLUSH_MS,
    FLUSH_SIZE,
    { unref: true },
  )
  const write = (rec: Recording, line: string, octets = Buffer.byteLength(line)): void => {
    rec.written += octets
    lines.add(line)
  }
  /** Writes an event unless the session has reached its limit; the first event over it writes the marker instead. */
  const add = (rec: Recording, event: Pop3Event): void => {
    if (rec.cut) return
    const line = lineOf(persisted(event))
    const octets = Buffer.byteLength(line)
    if (rec.written + octets <= TRANSCRIPT_LIMIT - TAIL_ROOM) return write(rec, line, octets)
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
      rec = { written: 0, cut: false }
      open.set(event.session, rec)
      for (const e of early) add(rec, e)
    }
    if (event.type === 'disconnect') {
      write(rec, lineOf(event)) // how the session ended is always recorded, cut or not
      open.delete(event.session)
      return
    }
    add(rec, event)
  }
  const close = async (): Promise<void> => {
    lines.flush()
    await appended
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

/**
 * Reads every transcript in `dir`, oldest first: the sessions of each
 * server's journals, and the files of one session each that servers wrote
 * before journals. A missing folder holds none.
 */
export async function readTranscripts(dir: string): Promise<Transcript[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter(n => n.endsWith('.jsonl')).sort()
  const sessions = new Map<string, TranscriptEntry[]>()
  for (const name of names) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => '')
    const server = JOURNAL.exec(name)?.[1]
    for (const line of text.split('\n')) {
      if (!line) continue
      let entry: TranscriptEntry
      try {
        entry = JSON.parse(line) as TranscriptEntry
      } catch {
        continue // a line cut short when the server was killed
      }
      const id = server === undefined ? name.replace(/\.jsonl$/, '') : sessionId(server, entry.session)
      let events = sessions.get(id)
      if (!events) sessions.set(id, (events = []))
      events.push(entry)
    }
  }
  const out: Transcript[] = []
  for (const [id, events] of sessions) {
    out.push({ id, events, cut: events.some(e => e.type === 'cut'), user: events.find(e => e.user)?.user, start: events[0]!.time })
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}
