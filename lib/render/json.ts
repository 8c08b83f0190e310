/** `--log json`: every event as one JSON line, with its explanation, for tools. */
import type { ServerEvent } from '../events.js'
import { explain } from '../explain.js'
import type { Translator } from '../i18n/index.js'

export function jsonRenderer(write: (text: string) => void, t: Translator): (event: ServerEvent) => void {
  return event => write(JSON.stringify({ ...event, explanation: explain(event, t).join(' ') }) + '\n')
}
