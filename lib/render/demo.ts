/**
 * The demo's screen: an exercise's prose, and each exchange large and
 * explained (the line typed, the server's reply, what both mean, the state
 * before and after), optionally with its raw bytes: CRLF made visible, the
 * octets of each reply, the dot-stuffed lines. Pure functions of what the
 * player saw; every word from the catalogue, every colour from chalk.
 */
import { isIPv6 } from 'node:net'
import type { ChalkInstance } from 'chalk'
import type { Exercise, Step } from '../exercises.js'
import { explain } from '../explain.js'
import type { MessageKey, Translator } from '../i18n/index.js'
import type { Played } from '../player.js'
import { wrap } from './wrap.js'

/** Where the server is reached. */
export interface Where {
  host: string
  port: number
  /** The POP3S port, when the server has one. */
  tlsPort?: number
}

/**
 * An exercise's text as this server (the guide's, the demo's) is reached. The exercises are
 * written for the CLI's default ports, 65000 and POP3S's 65001 next to it
 * (`telnet localhost 65000`, `-connect localhost:65001`, `tcpdump ... port
 * 65000`); the server may listen elsewhere (`--port`, a TLS port taken). A
 * TLS port named where the server has none is left as written.
 */
export function atWhere(text: string, where: Where): string {
  return text.replace(/(\blocalhost([ :]))?\b(65000|65001)\b/g, (all, host: string | undefined, sep: string | undefined, port: string) => {
    const real = port === '65000' ? where.port : where.tlsPort
    // host:port of an IPv6 address is written [host]:port (openssl's -connect, a URL)
    const shown = sep === ':' && isIPv6(where.host) ? `[${where.host}]` : where.host
    return real === undefined ? all : (host ? shown + sep : '') + real
  })
}

export interface DemoStyle {
  t: Translator
  chalk: ChalkInstance
  /** Columns to fill. */
  width: number
  /** Show the raw bytes of every exchange. */
  bytes: boolean
}

/** Where the C: and S: lines start, and their explanations under them. */
const LEFT = '  '
const UNDER = '     '
/** Lines of a multi-line reply shown when the bytes are not: the first ones, then how many more. */
const BODY_LINES = 20

/** That the exercise is shown in English, for want of a translation into the language asked for; none when it is not. */
export function untranslated(ex: Exercise, t: Translator): string[] {
  return ex.lang === ex.requested ? [] : [t('exercises.notTranslated', { language: t(`language.${ex.requested}` as MessageKey) })]
}

/** The same, as a wrapped paragraph and a blank line, for the demo's and the guide's title. */
export function untranslatedParagraph(ex: Exercise, s: DemoStyle): string[] {
  return untranslated(ex, s.t).flatMap(note => [...paragraph(note, s).map(l => s.chalk.yellow(l)), ''])
}

export function renderTitle(ex: Exercise, server: string, s: DemoStyle): string {
  const { t, chalk: c } = s
  return [
    c.bold.inverse(` ${t('demo.title', { number: ex.number, title: ex.title })} `),
    '',
    ...untranslatedParagraph(ex, s),
    ...paragraph(t('demo.learn', { learn: ex.learn }), s),
    '',
    ...wrap(server, s.width - LEFT.length).map(l => LEFT + c.dim(l)),
    '',
  ].join('\n') + '\n'
}

export function renderStepHeading(step: Step, total: number, s: DemoStyle): string {
  return `\n${s.chalk.bold.underline(s.t('demo.step', { number: step.number, total, title: step.title }))}\n`
}

/** A piece of an exercise's Markdown for the terminal: paragraphs wrapped, **bold** and `code` marked, answers left for the class to find. */
export function renderProse(markdown: string, s: DemoStyle): string {
  const text = markdown.replace(/<details>[\s\S]*?<\/details>/g, '').trim()
  if (!text) return ''
  let out = ''
  for (const para of text.split(/\n\s*\n/)) {
    const lines = para.split('\n')
    // a list keeps an item per line
    const shown = lines.every(l => l.startsWith('    ')) ? lines.map(l => s.chalk.cyan(l)) : para.split(/\n(?=\s*- )/).flatMap(item => paragraph(item, s))
    out += '\n' + shown.join('\n') + '\n'
  }
  return out
}

/** A paragraph wrapped to the width, its inline Markdown styled. */
export function paragraph(markdown: string, s: DemoStyle): string[] {
  const { chalk: c } = s
  // the text as shown, and the style of each of its characters
  let plain = ''
  const styles: ('bold' | 'italic' | 'code' | undefined)[] = []
  for (const m of markdown.replace(/\s+/g, ' ').trim().matchAll(/\*\*(.+?)\*\*|\*([^*\s][^*]*)\*|`([^`]+)`|([^*`]+|[*`])/g)) {
    const [text, style] =
      m[1] !== undefined ? [m[1], 'bold' as const]
      : m[2] !== undefined ? [m[2], 'italic' as const]
      : m[3] !== undefined ? [c.level ? m[3] : `\`${m[3]}\``, 'code' as const]
      : [m[4]!, undefined]
    plain += text
    styles.push(...Array.from(text, () => style))
  }
  const styled = (from: number, to: number): string => {
    let out = ''
    for (let i = from; i < to; ) {
      let j = i
      while (j < to && styles[j] === styles[i]) j++
      const run = plain.slice(i, j)
      const style = styles[i]
      out += style === 'bold' ? c.bold(run) : style === 'italic' ? c.italic(run) : style === 'code' ? c.cyan(run) : run
      i = j
    }
    return out
  }
  let at = 0
  return wrap(plain, s.width - LEFT.length).map(line => {
    const from = plain.indexOf(line, at)
    at = from + line.length
    return LEFT + styled(from, at)
  })
}

/** The mark above an exchange in another connection than the one before. */
export function renderConnection(label: number, s: DemoStyle): string {
  return `${LEFT}${s.chalk.magenta(`── ${s.t('demo.connection', { label })} ──`)}\n`
}

/** What comes before the typed line. */
export function clientPrefix(s: DemoStyle): string {
  return `\n${LEFT}${s.chalk.cyan('C:')} `
}

/** The typed line, one character at a time (for the effect of typing). */
export function clientChars(line: string, s: DemoStyle): string[] {
  return Array.from(line, ch => s.chalk.cyan.bold(ch))
}

/** What ends the typed line: its CRLF, visible when bytes are shown. */
export function clientEnd(s: DemoStyle): string {
  return (s.bytes ? s.chalk.dim('␍␊') : '') + '\n'
}

/** The greeting of a new connection. */
export function renderGreeting(played: Played, where: { host: string; port: number }, s: DemoStyle): string {
  const mark = `\n${LEFT}${s.chalk.magenta(`── ${s.t('demo.connected', where)} ──`)}\n`
  return mark + renderReply(played, s)
}

/** After the typed line: what it asks for; then the reply. */
export function renderExchange(played: Played, s: DemoStyle): string {
  const { t, chalk: c } = s
  let out = played.command ? explanation(explain(played.command, t), c.dim, s) : ''
  if (s.bytes && played.bytesOut) out += UNDER + c.dim(t('demo.bytes.sent', { octets: played.bytesOut.length })) + '\n'
  return out + renderReply(played, s)
}

function renderReply(played: Played, s: DemoStyle): string {
  const { t, chalk: c } = s
  const ok = played.status.startsWith('+OK')
  const color = ok ? c.green : c.red
  let out = `\n${LEFT}${color('S:')} ${color.bold(played.status)}${s.bytes ? c.dim('␍␊') : ''}\n`
  if (played.body) out += s.bytes ? bodyBytes(played, s) : bodyLines(played.body, s)
  if (played.reply) out += explanation(explain(played.reply, t), ok ? c.dim : c.red.dim, s)
  if (s.bytes) out += bytesSummary(played, s)
  if (played.matched === false) {
    const note = played.mismatch === 'body' ? t('demo.bodyDiffers') : t('demo.expected', { expected: played.expected?.status ?? '' })
    out += explanation([`✘ ${note}`], c.red.bold, s)
  }
  if (played.closed) out += `${LEFT}${c.magenta(`── ${t('demo.closed')} ──`)}\n`
  return out
}

function bodyLines(body: string[], s: DemoStyle): string {
  const { chalk: c } = s
  const shown = body.length > BODY_LINES + 2 ? body.slice(0, BODY_LINES) : body
  let out = shown.map(l => `${UNDER}${c.gray(l)}\n`).join('')
  if (shown.length < body.length) out += `${UNDER}${c.gray(s.t('demo.moreLines', { count: body.length - shown.length }))}\n`
  return out + `${UNDER}${c.gray('.')}\n`
}

/** Every line of a body with its CRLF, the dot-stuffed ones and the last one marked. */
function bodyBytes(played: Played, s: DemoStyle): string {
  const { t, chalk: c } = s
  const lines = played.body!.map(l => `${UNDER}${c.gray(l)}${c.dim('␍␊')}${l.startsWith('.') ? `  ${c.yellow(t('demo.bytes.stuffed'))}` : ''}\n`)
  return lines.join('') + `${UNDER}${c.gray('.')}${c.dim('␍␊')}  ${c.yellow(t('demo.bytes.end'))}\n`
}

/** The octets of the reply: the status line, and the body as sent (text, stuffing, the last line). */
function bytesSummary(played: Played, s: DemoStyle): string {
  const { t } = s
  const notes = [t('demo.bytes.status', { octets: played.statusOctets })]
  if (played.body) {
    const wire = played.bytesIn.length - played.statusOctets
    const stuffed = played.body.filter(l => l.startsWith('.')).length
    notes.push(t('demo.bytes.body', { lines: played.body.length, wire, octets: wire - 3 - stuffed, stuffed }))
  }
  return explanation(notes, s.chalk.yellow, s)
}

/** Lines under an exchange, wrapped to the width. */
export function explanation(lines: string[], color: (text: string) => string, s: DemoStyle): string {
  return lines.flatMap(l => wrap(l, s.width - UNDER.length)).map(l => `${UNDER}${color(l)}\n`).join('')
}
