/**
 * `--log json`: every event as one JSON line, for tools. Its explanation
 * comes twice: in words (`explanation`), and line by line with the
 * catalogue key each line is made from (`explained`), so that a tool never
 * has to read prose, in any language.
 */
import type { ServerEvent } from '../events.js'
import { explained } from '../explain.js'
import type { Translator } from '../i18n/index.js'

export function jsonRenderer(write: (text: string) => void, t: Translator): (event: ServerEvent) => void {
  return event => {
    const lines = explained(event, t)
    write(JSON.stringify({ ...event, explanation: lines.map(e => e.text).join(' '), explained: lines }) + '\n')
  }
}
