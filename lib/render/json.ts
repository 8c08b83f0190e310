/** `--log json`: every event as one JSON line, with its explanation, for tools. */
import type { Pop3Event } from '../events.js'
import { explain } from '../explain.js'
import type { Translator } from '../i18n/index.js'

export function jsonRenderer(write: (text: string) => void, t: Translator): (event: Pop3Event) => void {
  return event => write(JSON.stringify({ ...event, explanation: explain(event, t).join(' ') }) + '\n')
}
