/**
 * PROGRESS: each student's exercise progress, from the transcripts, judged
 * by the same step checker as `smallpop3 check` (lib/check.ts): which
 * exercises are done, which step of the next one the student is on, and how
 * many -ERR replies in a row they had last (who is stuck).
 */
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { ExerciseChecker, RECENT, timeline } from '../check.js'
import { loadExercises, type Exercise } from '../exercises.js'
import { readTranscripts } from '../transcripts.js'
import { PACKAGE_ROOT } from '../version.js'

export interface Progress {
  user: string
  /** Numbers of the exercises whose every goal is met. */
  done: number[]
  /** The exercise the student is on: the first not done with a goal met, else the first not done. */
  exercise?: number
  /** The step of that exercise expected next. */
  step?: number
  /** -ERR replies in a row at the end of the student's sessions. */
  errors: number
  /** So many errors in a row that someone should go and look. */
  stuck: boolean
  /** Sessions of the student that were read. */
  sessions: number
  /** When the student last did something (ISO 8601). */
  last?: string
}

/** Errors in a row from which a student counts as stuck. */
export const STUCK_AFTER = 3

let exercises: Promise<Exercise[]> | undefined

export async function progress(dir: string, users: readonly string[]): Promise<Progress[]> {
  exercises ??= loadExercises(join(PACKAGE_ROOT, 'exercises'))
  const all = await exercises
  const transcripts = await readTranscripts(dir)
  return users.map(user => {
    // the most recent sessions, as `check` reads them
    const read = transcripts.filter(tr => tr.events.some(e => e.user === user)).slice(-RECENT)
    const entries = timeline(read)
    const done: number[] = []
    let begun: { number: number; step?: number } | undefined
    let next: { number: number; step?: number } | undefined
    for (const ex of all) {
      const checker = new ExerciseChecker(ex, { user, skips: true })
      for (const [entry, id] of entries) checker.feed(entry, id)
      const goals = checker.goals()
      if (goals.every(g => g.done)) {
        done.push(ex.number)
        continue
      }
      const here = { number: ex.number, step: checker.current?.number }
      next ??= here
      if (!begun && goals.some(g => g.done)) begun = here
    }
    let errors = 0
    for (const [entry] of entries) if (entry.type === 'reply') errors = entry.ok ? 0 : errors + 1
    const on = begun ?? next
    return {
      user, done, ...(on ? { exercise: on.number, step: on.step } : {}), errors, stuck: errors >= STUCK_AFTER,
      sessions: read.length, ...(entries.length ? { last: entries.at(-1)![0].time } : {}),
    }
  })
}

let worker: Worker | undefined
const asked = new Map<number, (answer: { progress?: Progress[]; error?: string }) => void>()
let nextAsk = 1

/**
 * progress(), judged in a worker thread: judging every recent session of a
 * class takes from milliseconds to seconds (16 s for 30 students who each
 * flooded 300 NOOPs), and must never hold up the POP3 sessions, which the
 * main thread serves. One worker for every reader (the admin port's
 * PROGRESS, the browser view); it does not keep the process alive.
 */
export function progressOffThread(dir: string, users: readonly string[]): Promise<Progress[]> {
  if (!worker) {
    const started = new Worker(new URL('./progress-worker.js', import.meta.url))
    started.on('message', (answer: { id: number; progress?: Progress[]; error?: string }) => {
      asked.get(answer.id)?.(answer)
      asked.delete(answer.id)
    })
    // a worker that died fails what it was asked; the next reading starts another
    started.on('error', () => {})
    started.on('exit', () => {
      if (worker === started) worker = undefined
      for (const answer of asked.values()) answer({ error: 'progress worker stopped' })
      asked.clear()
    })
    started.unref() // after the listeners: adding a 'message' listener refs the worker again
    worker = started
  }
  const id = nextAsk++
  const to = worker
  return new Promise((resolve, reject) => {
    asked.set(id, answer => (answer.progress ? resolve(answer.progress) : reject(new Error(answer.error))))
    to.postMessage({ id, dir, users })
  })
}
