/**
 * The explained log for people: one entry per event, the raw line and,
 * dimmed beneath it, what it means. The only place that decides colours.
 */
import type { ChalkInstance } from 'chalk'
import type { ServerEvent } from '../events.js'
import { explain, wordsFor } from '../explain.js'
import type { Translator } from '../i18n/index.js'
import { wrap } from './wrap.js'

export interface TerminalLogOptions {
  write: (text: string) => void
  chalk: ChalkInstance
  t: Translator
  /** Show the lines of multi-line responses. */
  verbose?: boolean
  /** Wrap the log at this width (columns). */
  width?: number
}

/** Explanations line up under the raw text: time, session, user, direction. */
const INDENT = ' '.repeat(29)
/** A raw line too long for one row goes on under its own start, past the "C: " or "S: ". */
const CONTINUED = INDENT + '   '

export function terminalRenderer(opts: TerminalLogOptions): (event: ServerEvent) => void {
  const { chalk: c, t, write } = opts
  const width = Math.max(40, opts.width ?? 100)

  const explanation = (lines: string[], color: (s: string) => string): string =>
    lines.flatMap(l => wrap(l, width - INDENT.length)).map(l => INDENT + color(l) + '\n').join('')
  /** `text` after a marker ("C:", "S:", "──") that starts at column 29, wrapped under the text's own start. */
  const marked = (start: string, marker: string, text: string, color: (s: string) => string): string => {
    const rows = wrap(text, width - CONTINUED.length)
    return (rows.length ? rows : ['']).map((l, i) => (i === 0 ? `${start}${marker} ` : CONTINUED) + color(l) + '\n').join('')
  }

  return event => {
    const time = event.time.slice(11, 19)
    // an admin connection is A1, A2...: its lines are told apart from the POP3 sessions' at a glance
    const admin = 'admin' in event
    const who = ` ${(admin ? 'admin' : event.user ?? '').slice(0, 10).padEnd(10)}`
    // an encrypted session's lines are marked (the lock is two columns wide, like the two spaces it takes the place of)
    const head = `${c.gray(time)} ${c.bold((admin ? `A${event.admin}` : `#${event.session}`).padEnd(4))}${c.gray(who)}${!admin && event.tls ? '🔒' : '  '}`
    const notes = explain(event, t)
    let out: string
    switch (event.type) {
      case 'adminCommand':
        out = marked(head, c.cyan('C:'), event.raw, c.cyan.bold) + explanation(notes, c.dim)
        break
      case 'adminReply': {
        const color = event.ok ? c.green : c.red
        out = marked(head, color('S:'), event.raw, color.bold) + explanation(notes, event.ok ? c.dim : c.red.dim)
        break
      }
      case 'adminAuth':
        out = marked(head, event.ok ? c.magenta('──') : c.yellow('──'), notes.join(' '), event.ok ? c.magenta : c.yellow)
        break
      case 'broadcast':
        out = marked(head, c.yellow.bold('──'), notes.join(' '), c.yellow.bold)
        break
      case 'adminConnect':
      case 'adminDisconnect':
        out = marked(head, c.magenta('──'), notes[0] ?? '', c.magenta)
        break
      case 'command':
        // `clear` is there only when the server runs with --show-secrets
        out = marked(head, c.cyan('C:'), event.clear?.raw ?? event.raw, c.cyan.bold) + explanation(notes, c.dim)
        break
      case 'reply': {
        const color = event.ok ? c.green : c.red
        out = marked(head, color('S:'), event.raw, color.bold)
        if (opts.verbose && event.body?.text) {
          out += event.body.text.map(l => marked(INDENT, c.gray('S:'), l, c.gray)).join('')
          out += `${INDENT}${c.gray('S: .')}\n`
          if (event.body.truncated) out += INDENT + c.gray(wordsFor(event, t)('log.truncated')) + '\n'
        }
        out += explanation(notes, event.ok ? c.dim : c.red.dim)
        break
      }
      case 'login':
        return // the PASS / APOP reply already says it
      case 'update':
        out = marked(head, c.yellow('──'), notes.join(' '), event.ok ? c.yellow : c.red)
        break
      case 'delay':
        out = `${head}${c.yellow('──')} ${explanation(notes, c.yellow).trimStart()}`
        break
      case 'connect':
      case 'starttls':
      case 'disconnect':
        out = marked(head, c.magenta('──'), notes[0] ?? '', c.magenta)
        break
      case 'tlsError':
        out = marked(head, c.red('──'), notes[0] ?? '', c.red)
        break
    }
    write(out)
  }
}
