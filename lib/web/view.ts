/**
 * What the classroom view shows, as data: one row per student, the header's
 * counts, and the CSV for the gradebook. Pure functions of the live state's
 * snapshot (lib/state.ts), the progress read from the transcripts
 * (lib/admin/progress.ts) and each student's last exchange; the page turns
 * it into words in its own language.
 */
import type { Progress } from '../admin/progress.js'
import type { StateSnapshot } from '../state.js'
import type { Translator } from '../i18n/index.js'

/** An exercise as the view names it. */
export interface ExerciseInfo {
  number: number
  title: string
}

/** A student's last command and the reply it got, as the log shows them (passwords masked). */
export interface Exchange {
  command?: string
  reply?: string
  ok?: boolean
  /** When the command came (ISO 8601). */
  time: string
}

export interface StudentRow {
  /** The account's place in the maillist, from 1: what projector mode shows instead of the name. */
  seat: number
  user: string
  /** Sessions open now as this user (logged in, or past USER). */
  sessions: number[]
  exercise?: number
  step?: number
  done: number[]
  last?: Exchange
  /** When the student last did something (ISO 8601); none: nothing seen yet. */
  active?: string
  /** -ERR replies in a row. */
  errors: number
  /** Too many errors in a row; the page adds "idle too long in the middle of a step", which grows without any event. */
  stuck: boolean
}

export interface ClassView {
  time: string
  /** Connections open now, students or not. */
  connections: number
  connected: number
  exercises: (ExerciseInfo & { started: number; finished: number })[]
  /** Exercises done over exercises there are, averaged over the students, in percent. */
  average: number
  /** Whether sessions are recorded: without transcripts, progress is unknown. */
  recorded: boolean
  /** Seconds of idleness in the middle of an exercise after which a connected student counts as stuck. */
  stuckIdle: number
  rows: StudentRow[]
}

export interface ViewInput {
  snapshot: StateSnapshot
  exercises: readonly ExerciseInfo[]
  progress: ReadonlyMap<string, Progress>
  last: ReadonlyMap<string, Exchange>
  recorded: boolean
  stuckIdle: number
}

export function classView({ snapshot, exercises, progress, last, recorded, stuckIdle }: ViewInput): ClassView {
  const open = new Map<string, number[]>()
  for (const s of snapshot.sessions) if (s.user !== undefined) open.set(s.user, [...(open.get(s.user) ?? []), s.id])
  const rows = snapshot.accounts.map((a, i): StudentRow => {
    const p = progress.get(a.user)
    const exchange = last.get(a.user)
    const active = [exchange?.time, p?.last].filter((x): x is string => x !== undefined).sort().at(-1)
    return {
      seat: i + 1, user: a.user, sessions: open.get(a.user) ?? [],
      // a student with no session recorded is on nothing yet
      ...(p?.exercise === undefined || !p.sessions ? {} : { exercise: p.exercise, step: p.step }),
      done: p?.done ?? [], ...(exchange ? { last: exchange } : {}), ...(active ? { active } : {}),
      errors: p?.errors ?? 0, stuck: p?.stuck ?? false,
    }
  })
  const counts = exercises.map(ex => ({
    ...ex,
    started: rows.filter(r => r.done.includes(ex.number) || r.exercise === ex.number).length,
    finished: rows.filter(r => r.done.includes(ex.number)).length,
  }))
  const average = rows.length && exercises.length ? (100 * rows.reduce((sum, r) => sum + r.done.length, 0)) / (rows.length * exercises.length) : 0
  return {
    time: snapshot.time, connections: snapshot.statistics.connections.now, connected: rows.filter(r => r.sessions.length > 0).length,
    exercises: counts, average: Math.round(average * 10) / 10, recorded, stuckIdle, rows,
  }
}

/**
 * The gradebook's CSV (RFC 4180): one row per student, one column per
 * exercise, `done`, the step the student is on, or empty.
 */
export function progressCsv(rows: readonly StudentRow[], exercises: readonly ExerciseInfo[], t: Translator): string {
  const head = [t('web.csv.user'), t('web.csv.done'), ...exercises.map(ex => t('web.csv.exercise', { number: ex.number, title: ex.title }))]
  const body = rows.map(r => [
    r.user, String(r.done.length),
    ...exercises.map(ex => (r.done.includes(ex.number) ? t('web.csv.finished') : r.exercise === ex.number && r.step !== undefined ? t('web.csv.step', { step: r.step }) : '')),
  ])
  return [head, ...body].map(cells => cells.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** A cell quoted when it must be; one a spreadsheet would run as a formula (=, +, -, @) is made text first. */
function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
