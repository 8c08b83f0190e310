/**
 * Turns an event into the plain-language lines shown under it in the log
 * (and in the "explanation" field of JSON lines). All words come from the
 * catalogue; this file only picks keys and parameters.
 */
import { COMMANDS, UNSUPPORTED } from './commands.js'
import { isAdminEvent, type Pop3Event, type ServerEvent } from './events.js'
import { explainAdmin } from './admin/explain.js'
import type { MessageKey, Translator } from './i18n/index.js'

const SPECS = new Map(COMMANDS.map(c => [c.verb, c]))

export function explain(event: ServerEvent, t: Translator): string[] {
  if (isAdminEvent(event)) return explainAdmin(event, t)
  switch (event.type) {
    case 'connect':
      return [event.tls ? t('ev.connect.tls', { remote: event.remote, protocol: event.protocol, cipher: event.cipher }) : t('ev.connect', { remote: event.remote })]
    case 'tlsError':
      return [t(event.stls ? 'ev.tlsError.stls' : 'ev.tlsError', { remote: event.remote, reason: event.reason })]
    case 'starttls':
      return [t('ev.starttls', { protocol: event.protocol, cipher: event.cipher })]
    case 'disconnect':
      return [t(`ev.disconnect.${event.reason}`, { seconds: event.seconds, reason: event.detail })]
    case 'login':
      if (event.ok) return [t('ev.login.ok', { user: event.user, method: event.method, count: event.count, octets: event.octets })]
      return [t(`ev.login.${event.code ?? 'AUTH'}`, { method: event.method })]
    case 'delay':
      return [t('ev.delay', { failures: event.failures, address: event.address, ms: event.ms })]
    case 'update':
      if (!event.ok) return [t(event.unfinished ? 'ev.update.unfinished' : 'ev.update.failed', { reason: event.reason })]
      return [event.deleted ? t(`ev.update.${event.kind}`, { deleted: event.deleted, left: event.left, path: event.path }) : t('ev.update.none')]
    case 'command': {
      // A line with credentials says how exposed they are (in clear, or base64, or inside TLS); any other
      // masked line, why it is masked. That it is masked is said only where it is shown masked
      // (not with --show-secrets, nor in the demo).
      if (event.response !== undefined && !event.masked) return [t('cmd.response.cancel')]
      const masked = event.masked && !event.clear ? [t('cmd.PASS.masked')] : []
      const base64 = exposed(event.clear?.decoded ?? event.decoded, event.tls, t)
      if (event.response !== undefined) return [t('cmd.response'), ...base64, ...masked]
      if (event.verb === 'PASS') return [...what(event, t), t(event.tls ? 'cmd.PASS.tls' : 'cmd.PASS.clear'), ...masked]
      if (event.verb === 'AUTH' && event.masked) return [...what(event, t), ...base64, ...masked]
      return [...what(event, t), ...(masked.length ? [t('cmd.masked')] : [])]
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

/** That credentials in base64 are there for anyone to read (and, on a plain connection, anyone on the network). */
function exposed(decoded: string | undefined, tls: true | undefined, t: Translator): string[] {
  if (decoded === undefined) return []
  return [t('cmd.base64', { decoded }), t(tls ? 'cmd.PASS.tls' : 'cmd.base64.clear')]
}

/** What a client line asks for, from the verb and arguments the event shows (masked ones included). */
function what(event: Extract<Pop3Event, { type: 'command' }>, t: Translator): string[] {
  const spec = event.verb ? SPECS.get(event.verb) : undefined
  if (event.tooLong) return []
  if (event.verb === undefined) return [t(event.raw.trim() === '' ? 'cmd.blank' : event.raw.startsWith(' ') ? 'cmd.leadingSpace' : 'cmd.unreadable')]
  if (!spec) {
    const lacking = UNSUPPORTED.get(event.verb)
    return [t(lacking === 'removed' ? 'cmd.removed' : lacking ? 'cmd.unsupported' : 'cmd.unknown')]
  }
  const params = { user: event.user, ...Object.fromEntries(event.args.map((a, i) => [`a${i}`, a])) }
  const [min, max] = spec.args
  const wellFormed = event.args.length >= min && event.args.length <= max && !event.args.includes('')
  const text = wellFormed ? t(commandKey(event.verb, event.args.length, event.state, event.user), params) : t('cmd.usage', { verb: spec.verb, usage: spec.usage })
  return [`${text} (${spec.rfc})`]
}

function commandKey(verb: string, argc: number, state: string, user: string | undefined): MessageKey {
  if ((verb === 'LIST' || verb === 'UIDL') && argc > 0) return `cmd.${verb}.one` as MessageKey
  if (verb === 'AUTH' && argc > 0) return argc === 1 ? 'cmd.AUTH.one' : 'cmd.AUTH.two'
  if (verb === 'QUIT' && state === 'TRANSACTION') return 'cmd.QUIT.update'
  // the event names a user only once USER was accepted (or the session is logged in)
  if (verb === 'PASS' && user === undefined) return 'cmd.PASS.noUser'
  return `cmd.${verb}` as MessageKey
}
