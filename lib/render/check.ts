/** `smallpop3 check` and `smallpop3 exercises` for people: ✔ and ✘, hints, in colour where the terminal has it. */
import type { ChalkInstance } from 'chalk'
import type { CheckResult } from '../check.js'
import type { Exercise } from '../exercises.js'
import type { Translator } from '../i18n/index.js'
import { TRANSCRIPT_LIMIT } from '../transcripts.js'
import { untranslated } from './demo.js'

interface Style {
  t: Translator
  chalk: ChalkInstance
}

export function renderCheck(result: CheckResult, ex: Exercise, { t, chalk: c, dir, resetHint }: Style & { dir: string; resetHint: boolean }): string {
  const { user } = result
  const out: string[] = [c.bold(t('check.title', { number: ex.number, title: ex.title })), ...untranslated(ex, t).map(note => c.yellow(note))]
  out.push(result.sessions ? t('check.read', { sessions: result.sessions, user, dir }) : t('check.none', { user, dir }), '')
  for (const g of result.goals) {
    out.push(`  ${g.done ? c.green('✔') : c.red('✘')} ${t('check.goal', { step: g.step, title: g.title })}`)
    const hint = g.hint
    if (!hint) continue
    const lines = hint.type.join('  ·  ')
    if (hint.skippedBy && !hint.sent) {
      out.push(`      ${c.yellow(t(hint.tls ? 'check.skippedTls' : 'check.skipped', { later: hint.skippedBy, lines }))}`)
      continue
    }
    // telnet cannot speak TLS: a step encrypted from its start names the openssl command that makes its connection
    const key = hint.tls === 'stls' ? 'check.typeStls' : hint.tls === 'port' ? 'check.typeTls' : hint.newSession ? 'check.typeNew' : 'check.type'
    out.push(`      ${t(key, { lines })}`)
    if (hint.sent) out.push(`      ${c.yellow(t('check.sent', { sent: hint.sent, answered: hint.answered ?? '', expected: hint.expected ?? '' }))}`)
    // the state or the connection was wrong: say how to get the right one
    if (hint.advice && (hint.kind === 'state' || hint.kind === 'connection')) out.push(`      ${t(hint.advice.key, hint.advice.params)}`)
  }
  const met = result.goals.filter(g => g.done).length
  if (result.cut) out.push('', t('check.cut', { sessions: result.cut, limit: TRANSCRIPT_LIMIT }))
  if (resetHint && result.goals.some(g => g.hint?.sent)) out.push('', t('check.resetHint'))
  out.push('', result.done ? c.green(t('check.allDone', { total: met, number: ex.number })) : t('check.someDone', { met, total: result.goals.length }))
  return out.join('\n') + '\n'
}

export function renderExercises(all: Exercise[], { t, chalk: c, dir }: Style & { dir: string }): string {
  // an exercise not translated yet is listed in English, and says so in the student's language
  const title = (ex: Exercise): string => (ex.lang === ex.requested ? ex.title : `${ex.title} ${t('exercises.inEnglish')}`)
  const lines = all.map(ex => '  ' + t('exercises.line', { n: c.bold(String(ex.number).padStart(2)), number: ex.number, title: title(ex), account: ex.account }))
  return [t('exercises.header', { dir }), '', ...lines, '', t('exercises.footer')].join('\n') + '\n'
}
