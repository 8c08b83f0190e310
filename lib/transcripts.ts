/**
 * Session transcripts: every session's events, one JSON line each, in a
 * file of its own, so that `smallpop3 check` (and the instructor's tools)
 * can see what a student really did. The events come with their passwords
 * masked (lib/secrets.ts); the line in clear that --show-secrets adds for
 * the log is never written here.
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Pop3Event } from './events.js'

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

export async function transcriptRecorder(dir: string): Promise<TranscriptRecorder> {
  await mkdir(dir, { recursive: true })
  const open = new Map<number, WriteStream>()
  const waiting = new Map<number, Pop3Event[]>() // events of sessions that have not sent a command yet
  const prefix = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}`
  const record = (event: Pop3Event): void => {
    let out = open.get(event.session)
    if (!out) {
      const early = waiting.get(event.session) ?? []
      if (event.type !== 'command') {
        if (event.type === 'disconnect') waiting.delete(event.session)
        else waiting.set(event.session, [...early, event])
        return
      }
      waiting.delete(event.session)
      out = createWriteStream(join(dir, `${prefix}-${String(event.session).padStart(4, '0')}.jsonl`), { flags: 'a' })
      out.on('error', () => {}) // a full disk must not stop the server
      open.set(event.session, out)
      for (const e of early) out.write(JSON.stringify(persisted(e)) + '\n')
    }
    out.write(JSON.stringify(persisted(event)) + '\n')
    if (event.type === 'disconnect') {
      out.end()
      open.delete(event.session)
    }
  }
  const close = async (): Promise<void> => {
    await Promise.all([...open.values()].map(s => new Promise(r => s.end(r))))
    open.clear()
    waiting.clear()
  }
  return { record, close }
}

/** The event as a transcript keeps it: without the line in clear that --show-secrets adds for the log. */
function persisted(event: Pop3Event): Pop3Event {
  if (event.type !== 'command' || !event.clear) return event
  const { clear: _clear, ...kept } = event
  return kept
}

/** One recorded session: its file name and its events in order. */
export interface Transcript {
  id: string
  events: Pop3Event[]
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
    const events: Pop3Event[] = []
    for (const line of text.split('\n')) {
      if (!line) continue
      try {
        events.push(JSON.parse(line) as Pop3Event)
      } catch {
        // a line cut short when the server was killed
      }
    }
    if (!events.length) continue
    out.push({ id: name.replace(/\.jsonl$/, ''), events, user: events.find(e => e.user)?.user, start: events[0]!.time })
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
}
