/**
 * The guide's screen: the exercise and its steps (the prose, the lines to
 * type), the student's exchanges explained as the demo shows them, what to
 * try after a mistake, the hints, the answers and the summary. Pure
 * functions; every word from the catalogue, every colour from chalk.
 */
import type { Exercise, Step } from '../exercises.js'
import type { Miss } from '../check.js'
import type { CommandEvent, Played, ReplyEvent } from '../player.js'
import { encryptedFromStart, stepEncrypted, stepParts, typedByStudent, withoutQuestions } from '../exercises.js'
import {
  atWhere, clientChars, clientEnd, clientPrefix, explanation, paragraph, renderExchange, renderGreeting, renderProse, renderStepHeading, untranslatedParagraph, type DemoStyle, type Where,
} from './demo.js'

export { atWhere, type Where }

export type GuideStyle = DemoStyle

const LEFT = '  '

export function renderIntro(ex: Exercise, s: GuideStyle): string {
  const { t, chalk: c } = s
  return [
    '', c.bold.inverse(` ${t('guide.title', { number: ex.number, title: ex.title })} `), '',
    ...untranslatedParagraph(ex, s),
    ...paragraph(t('guide.learn', { learn: ex.learn }), s), '',
  ].join('\n') + '\n'
}

/** Where the server is and the exact command to connect with. */
export function renderServer(where: Where, source: string, s: GuideStyle): string {
  const { t, chalk: c } = s
  const telnet = `telnet ${where.host} ${where.port}`
  const nc = `nc -C ${where.host} ${where.port}`
  return [
    ...paragraph(t('guide.server', { port: where.port, source }), s).map(l => c.dim(l)),
    `${LEFT}${t('guide.connect', { telnet: c.cyan.bold(telnet) })}`,
    `${LEFT}${c.dim(t('guide.connectAlt', { nc }))}`,
    ...(where.tlsPort === undefined ? [] : [`${LEFT}${c.dim(t('guide.connectTls', { command: `openssl s_client -connect ${where.host}:${where.tlsPort} -ign_eof` }))}`]),
    '',
  ].join('\n') + '\n'
}

/** A step of an exercise in `lang`: its heading, its prose (the question is asked later), and in place of each block the lines to type. */
export function renderStep(step: Step, lang: string, total: number, where: Where, s: GuideStyle): string {
  const { t, chalk: c } = s
  let out = renderStepHeading(step, total, s)
  for (const part of stepParts(step)) {
    if ('prose' in part) {
      out += renderProse(atWhere(withoutQuestions(part.prose, lang), where), s)
      continue
    }
    // a connection made with openssl: telnet is not named, and the STLS openssl sends is not a line to type
    const tls = encryptedFromStart(part.block)
    const lines = part.block.exchanges.flatMap(x => (x.client !== undefined && typedByStudent(part.block, x.client) ? [x.client] : []))
    const greeting = part.block.exchanges[0]?.client === undefined
    const key = tls === 'stls' ? 'guide.typeStls' : tls === 'port' ? 'guide.typeTls' : lines.length === 0 ? 'guide.typeConnect' : part.block.session > 1 ? 'guide.typeNew' : 'guide.type'
    out += `\n${LEFT}${t(key)}\n`
    if (greeting && !lines.length && !tls) out += `${LEFT}${LEFT}${c.cyan.bold(`telnet ${where.host} ${where.port}`)}\n`
    for (const line of lines) out += `${LEFT}${LEFT}${c.cyan.bold(line)}\n`
  }
  if (!step.blocks.length) out += `\n${LEFT}${c.dim(t('guide.noExchange'))}\n`
  return out
}

/** The keys line under a step; the student types in openssl where the step's connection is made with it (TLS). */
export function renderKeys(step: Step, s: GuideStyle): string {
  const tls = stepEncrypted(step) !== undefined
  return `\n${LEFT}${s.chalk.dim(s.t(tls ? 'guide.keysTls' : 'guide.keys'))}\n`
}

/** The keys line under a choice (inquirer's select writes "↑↓ navigate • ⏎ select"), in the student's language. */
export function renderChoiceKeys(keys: readonly (readonly [key: string, action: string])[], s: GuideStyle): string {
  const { t, chalk: c } = s
  const words: Record<string, string> = { navigate: t('guide.choice.navigate'), select: t('guide.choice.select') }
  return keys.map(([key, action]) => `${c.bold(key)} ${c.dim(words[action] ?? action)}`).join(c.dim(' • '))
}

/** One exchange the student had with the server, explained as the demo explains it. */
export function renderStudentExchange(command: CommandEvent | undefined, reply: ReplyEvent, where: Where, s: GuideStyle): string {
  const played: Played = { label: 1, status: reply.raw, bytesIn: Buffer.alloc(0), statusOctets: 0, events: [], command, reply, closed: false }
  if (!command) return renderGreeting(played, where, s)
  return clientPrefix(s) + clientChars(command.raw, s).join('') + clientEnd(s) + renderExchange(played, s)
}

export function renderNote(text: string, s: GuideStyle): string {
  return `${LEFT}${s.chalk.magenta(`── ${text} ──`)}\n`
}

export function renderMiss(miss: Miss, s: GuideStyle): string {
  const { t, chalk: c } = s
  return explanation([`→ ${t('guide.miss', { advice: t(miss.advice.key, miss.advice.params) })}`], c.yellow.bold, s)
}

export function renderDone(step: Step, s: GuideStyle): string {
  return `\n${LEFT}${s.chalk.green.bold(s.t('guide.done', { number: step.number }))}\n`
}

export function renderHint(text: string, s: GuideStyle): string {
  return '\n' + paragraph(text, s).map(l => s.chalk.yellow(l)).join('\n') + '\n'
}

/** After a question: right, wrong or not graded, and the file's answer. */
export function renderAnswer(right: boolean | undefined, answer: string | undefined, where: Where, s: GuideStyle): string {
  const { t, chalk: c } = s
  const verdict = right === undefined ? t('guide.ungraded') : right ? c.green.bold(t('guide.right')) : c.red.bold(t('guide.wrong'))
  return `${LEFT}${verdict}\n` + (answer ? paragraph(t('guide.answer', { answer: atWhere(answer, where) }), s).join('\n') + '\n' : '')
}

export interface Summary {
  done: number
  total: number
  right: number
  asked: number
  next?: Exercise
}

export function renderSummary(ex: Exercise, sum: Summary, s: GuideStyle): string {
  const { t, chalk: c } = s
  const head = sum.asked
    ? t('guide.summary', { number: ex.number, done: sum.done, total: sum.total, right: sum.right, asked: sum.asked })
    : t('guide.summaryNoQuestions', { number: ex.number, done: sum.done, total: sum.total })
  return [
    '',
    `${LEFT}${c.green.bold(head)}`,
    ...paragraph(t('guide.taught', { learn: ex.learn }), s),
    `${LEFT}${sum.next ? t('guide.nextIs', { number: sum.next.number, title: sum.next.title }) : t('guide.last')}`,
    '',
  ].join('\n') + '\n'
}
