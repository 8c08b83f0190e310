/**
 * The explained log for people: one entry per event, the raw line and,
 * dimmed beneath it, what it means. The only place that decides colours.
 */
import type { ChalkInstance } from 'chalk'
import type { Pop3Event } from '../events.js'
import { explain } from '../explain.js'
import type { Translator } from '../i18n/index.js'

export interface TerminalLogOptions {
  write: (text: string) => void
  chalk: ChalkInstance
  t: Translator
  /** Show the lines of multi-line responses. */
  verbose?: boolean
  /** Wrap explanations at this width (columns). */
  width?: number
}

/** Explanations line up under the raw text: time, session, user, direction. */
const INDENT = ' '.repeat(29)

export function terminalRenderer(opts: TerminalLogOptions): (event: Pop3Event) => void {
  const { chalk: c, t, write } = opts
  const width = Math.max(40, opts.width ?? 100)

  const explanation = (lines: string[], color: (s: string) => string): string =>
    lines.flatMap(l => wrap(l, width - INDENT.length)).map(l => INDENT + color(l) + '\n').join('')

  return event => {
    const time = event.time.slice(11, 19)
    const who = ` ${(event.user ?? '').slice(0, 10).padEnd(10)}`
    const head = `${c.gray(time)} ${c.bold(`#${event.session}`.padEnd(4))}${c.gray(who)}`
    const notes = explain(event, t)
    let out: string
    switch (event.type) {
      case 'command':
        // `clear` is there only when the server runs with --show-secrets
        out = `${head}  ${c.cyan('C:')} ${c.cyan.bold(event.clear?.raw ?? event.raw)}\n` + explanation(notes, c.dim)
        break
      case 'reply': {
        const color = event.ok ? c.green : c.red
        out = `${head}  ${color('S:')} ${color.bold(event.raw)}\n`
        if (opts.verbose && event.body?.text) {
          out += event.body.text.map(l => `${INDENT}${c.gray('S: ' + l)}\n`).join('')
          out += `${INDENT}${c.gray('S: .')}\n`
          if (event.body.truncated) out += INDENT + c.gray(t('log.truncated')) + '\n'
        }
        out += explanation(notes, event.ok ? c.dim : c.red.dim)
        break
      }
      case 'login':
        return // the PASS / APOP reply already says it
      case 'update':
        out = `${head}  ${c.yellow('──')} ${explanation(notes, event.ok ? c.yellow : c.red).trimStart()}`
        break
      case 'delay':
        out = `${head}  ${c.yellow('──')} ${explanation(notes, c.yellow).trimStart()}`
        break
      case 'connect':
        out = `${head}  ${c.magenta('──')} ${c.magenta(notes[0] ?? '')}\n`
        break
      case 'disconnect':
        out = `${head}  ${c.magenta('──')} ${c.magenta(notes[0] ?? '')}\n`
        break
    }
    write(out)
  }
}

/** Word-wraps a line of text to `width` columns. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}
