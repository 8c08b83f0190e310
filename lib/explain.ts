/**
 * Turns an event into the plain-language lines shown under it in the log
 * (and in the "explanation" field of JSON lines). All words come from the
 * catalogue; this file only picks keys and parameters.
 */
import { COMMANDS, UNSUPPORTED } from './commands.js'
import type { Pop3Event } from './events.js'
import type { MessageKey, Translator } from './i18n/index.js'

const SPECS = new Map(COMMANDS.map(c => [c.verb, c]))

export function explain(event: Pop3Event, t: Translator): string[] {
  switch (event.type) {
    case 'connect':
      return [t('ev.connect', { remote: event.remote })]
    case 'disconnect':
      return [t(`ev.disconnect.${event.reason}`, { seconds: event.seconds, reason: event.detail })]
    case 'login':
      return []
    case 'delay':
      return [t('ev.delay', { failures: event.failures, address: event.address, ms: event.ms })]
    case 'update':
      if (!event.ok) return [t(event.unfinished ? 'ev.update.unfinished' : 'ev.update.failed', { reason: event.reason })]
      return [event.deleted ? t(`ev.update.${event.kind}`, { deleted: event.deleted, left: event.left, path: event.path }) : t('ev.update.none')]
    case 'command': {
      // PASS tells that the password travels in clear; any other masked line, why it is masked.
      const masking = event.verb === 'PASS' ? [t('cmd.PASS.clear')] : event.masked ? [t('cmd.masked')] : []
      return [...what(event, t), ...masking]
    }
    case 'reply': {
      const lines = [t(`${event.key}.explain` as MessageKey, event.params)]
      if (event.body) {
        const stuffed = event.body.stuffed ? t('log.stuffed', { count: event.body.stuffed }) : ''
        lines.push(t('log.multi', { lines: event.body.lines, octets: event.body.octets, stuffed }))
      }
      const meaning = t(`state.${event.next}`)
      lines.push(event.state === event.next ? t('log.state', { before: event.state, meaning }) : t('log.stateChange', { before: event.state, after: event.next, meaning }))
      return lines
    }
  }
}

/** What a client line asks for, from the verb and arguments the event shows (masked ones included). */
function what(event: Extract<Pop3Event, { type: 'command' }>, t: Translator): string[] {
  const spec = event.verb ? SPECS.get(event.verb) : undefined
  if (event.tooLong) return []
  if (event.verb === undefined) return [t('cmd.unreadable')]
  if (!spec) return [t(UNSUPPORTED.has(event.verb) ? 'cmd.unsupported' : 'cmd.unknown')]
  const params = Object.fromEntries(event.args.map((a, i) => [`a${i}`, a]))
  const [min, max] = spec.args
  const wellFormed = event.args.length >= min && event.args.length <= max && !event.args.includes('')
  const text = wellFormed ? t(commandKey(event.verb, event.args.length, event.state), params) : t('cmd.usage', { verb: spec.verb, usage: spec.usage })
  return [`${text} (${spec.rfc})`]
}

function commandKey(verb: string, argc: number, state: string): MessageKey {
  if ((verb === 'LIST' || verb === 'UIDL') && argc > 0) return `cmd.${verb}.one` as MessageKey
  if (verb === 'QUIT' && state === 'TRANSACTION') return 'cmd.QUIT.update'
  return `cmd.${verb}` as MessageKey
}
