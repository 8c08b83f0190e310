/**
 * The self-check: reads the transcripts and tells, step by step, whether
 * the student really did an exercise.
 *
 * Each goal step's exchanges must appear in the student's sessions, in
 * order of time: the same command (the password is masked in transcripts,
 * so any PASS counts) answered with a status line that fits the exercise.
 * Exchanges of one connection label (`session=N` in the exercise) must
 * happen in one session, and different labels in different sessions. The
 * student's sessions are tried from each starting point, and the attempt
 * that meets the most goals, the most recent on a tie, is reported.
 */
import type { Pop3Event } from './events.js'
import { matches, type Exercise, type Step } from './exercises.js'
import type { Transcript, TranscriptEntry } from './transcripts.js'

export interface GoalResult {
  step: number
  title: string
  done: boolean
  /** What to type, and what went wrong when the command was sent but answered otherwise. */
  hint?: { type: string[]; sent?: string; answered?: string; expected?: string; newSession?: boolean }
}

export interface CheckResult {
  exercise: { id: string; number: number; title: string }
  user: string
  /** Sessions of this user that were read. */
  sessions: number
  /** Of those, the ones whose transcript reached its limit and stops early. */
  cut: number
  goals: GoalResult[]
  done: boolean
}

interface Pair {
  command: Extract<Pop3Event, { type: 'command' }>
  reply?: Extract<Pop3Event, { type: 'reply' }>
}

interface SessionPairs {
  id: string
  pairs: Pair[]
}

/** How many of a user's most recent sessions are read. */
const RECENT = 30

export function checkExercise(ex: Exercise, transcripts: Transcript[], user: string): CheckResult {
  const read = transcripts.filter(tr => tr.events.some(e => e.user === user)).slice(-RECENT)
  const sessions = read.map(tr => ({ id: tr.id, pairs: pairsOf(tr.events) }))

  let best: { done: boolean[]; misses: (Miss | undefined)[] } | undefined
  for (let start = 0; start < Math.max(1, sessions.length); start++) {
    const attempt = attemptFrom(ex, sessions.slice(start))
    const count = attempt.done.filter(Boolean).length
    if (!best || count >= best.done.filter(Boolean).length) best = attempt
  }

  const goals = ex.steps.filter(s => s.goal).map((step, i) => {
    const done = best!.done[i]!
    const result: GoalResult = { step: step.number, title: step.title, done }
    if (!done) {
      const miss = best!.misses[i]
      result.hint = { type: clientLines(step), newSession: step.blocks.some(b => b.session > 1) || undefined, ...miss }
    }
    return result
  })
  return {
    exercise: { id: ex.id, number: ex.number, title: ex.title },
    user,
    sessions: sessions.length,
    cut: read.filter(tr => tr.cut).length,
    goals,
    done: goals.every(g => g.done),
  }
}

function clientLines(step: Step): string[] {
  return step.blocks.flatMap(b => b.exchanges.flatMap(x => (x.client === undefined ? [] : [x.client])))
}

function pairsOf(events: TranscriptEntry[]): Pair[] {
  const pairs: Pair[] = []
  for (const e of events) {
    if (e.type === 'command') pairs.push({ command: e })
    else if (e.type === 'reply' && pairs.length && !pairs[pairs.length - 1]!.reply) pairs[pairs.length - 1]!.reply = e
  }
  return pairs
}

interface Cursor {
  session: number
  index: number
  time: string
}

interface Miss {
  sent?: string
  answered?: string
  expected?: string
}

/** The command as typed, with its verb in capitals: "user guest" and "USER guest" are the same command. */
function normal(line: string): string {
  const space = line.indexOf(' ')
  return space === -1 ? line.toUpperCase() : line.slice(0, space).toUpperCase() + line.slice(space)
}

function commandFits(expected: string, pair: Pair): boolean {
  let pattern = normal(expected)
  if (pattern.startsWith('PASS ')) pattern = 'PASS ...' // masked in every transcript
  return matches(pattern, normal(pair.command.raw))
}

function attemptFrom(ex: Exercise, sessions: SessionPairs[]): { done: boolean[]; misses: (Miss | undefined)[] } {
  const labels = new Map<number, number>() // connection label → index in `sessions`
  let cursor: Cursor = { session: -1, index: -1, time: '' } // the last matched command
  const done: boolean[] = []
  const misses: (Miss | undefined)[] = []

  for (const step of ex.steps.filter(s => s.goal)) {
    const tryLabels = new Map(labels)
    let tryCursor = cursor
    let ok = true
    let miss: Miss | undefined
    for (const block of step.blocks) {
      for (const x of block.exchanges) {
        if (x.client === undefined) continue
        const candidates = tryLabels.has(block.session)
          ? [tryLabels.get(block.session)!]
          : sessions.map((_, i) => i).filter(i => ![...tryLabels.values()].includes(i))
        let found: Cursor | undefined
        for (const si of candidates) {
          const pairs = sessions[si]!.pairs
          for (let pi = 0; pi < pairs.length; pi++) {
            const pair = pairs[pi]!
            // after the cursor: later in the same session, or not earlier in another
            const after = si === tryCursor.session ? pi > tryCursor.index : pair.command.time >= tryCursor.time
            if (!after || !commandFits(x.client, pair)) continue
            if (x.status === undefined || (pair.reply && matches(x.status, pair.reply.raw))) {
              if (!found || pair.command.time < found.time) found = { session: si, index: pi, time: pair.command.time }
              break
            }
            miss ??= { sent: pair.command.raw, answered: pair.reply?.raw, expected: x.status }
          }
        }
        if (!found) {
          ok = false
          break
        }
        tryLabels.set(block.session, found.session)
        tryCursor = found
      }
      if (!ok) break
    }
    done.push(ok)
    misses.push(ok ? undefined : miss)
    if (ok) {
      for (const [k, v] of tryLabels) labels.set(k, v)
      cursor = tryCursor
    }
  }
  return { done, misses }
}
