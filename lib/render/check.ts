/** `smallpop3 check` and `smallpop3 exercises` for people: ✔ and ✘, hints, in colour where the terminal has it. */
import type { ChalkInstance } from 'chalk'
import type { CheckResult } from '../check.js'
import type { Exercise } from '../exercises.js'
import type { Translator } from '../i18n/index.js'
import { TRANSCRIPT_LIMIT } from '../transcripts.js'

interface Style {
  t: Translator
  chalk: ChalkInstance
}

export function renderCheck(result: CheckResult, ex: Exercise, { t, chalk: c, dir, resetHint }: Style & { dir: string; resetHint: boolean }): string {
  const { user } = result
  const out: string[] = [c.bold(t('check.title', { number: ex.number, title: ex.title }))]
  out.push(result.sessions ? t('check.read', { sessions: result.sessions, user, dir }) : t('check.none', { user, dir }), '')
  for (const g of result.goals) {
    out.push(`  ${g.done ? c.green('✔') : c.red('✘')} ${t('check.goal', { step: g.step, title: g.title })}`)
    if (!g.hint) continue
    out.push(`      ${t(g.hint.newSession ? 'check.typeNew' : 'check.type', { lines: g.hint.type.join('  ·  ') })}`)
    if (g.hint.sent) out.push(`      ${c.yellow(t('check.sent', { sent: g.hint.sent, answered: g.hint.answered ?? '', expected: g.hint.expected ?? '' }))}`)
  }
  const met = result.goals.filter(g => g.done).length
  if (result.cut) out.push('', t('check.cut', { sessions: result.cut, limit: TRANSCRIPT_LIMIT }))
  if (resetHint && result.goals.some(g => g.hint?.sent)) out.push('', t('check.resetHint'))
  out.push('', result.done ? c.green(t('check.allDone', { total: met, number: ex.number })) : t('check.someDone', { met, total: result.goals.length }))
  return out.join('\n') + '\n'
}

export function renderExercises(all: Exercise[], { t, chalk: c, dir }: Style & { dir: string }): string {
  const lines = all.map(ex => '  ' + t('exercises.line', { n: c.bold(String(ex.number).padStart(2)), number: ex.number, title: ex.title, account: ex.account }))
  return [t('exercises.header', { dir }), '', ...lines, '', t('exercises.footer')].join('\n') + '\n'
}
