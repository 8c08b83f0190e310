/**
 * Turns an event into the plain-language lines shown under it in the log
 * (and in the "explanation" field of JSON lines). All words come from the
 * catalogue; this file only picks keys and parameters.
 */
import { COMMANDS, countOf, UNSUPPORTED, usageOf } from './commands.js'
import { isAdminEvent, type Pop3Event, type ServerEvent } from './events.js'
import { adminNotes } from './admin/explain.js'
import { formatParam, translator, type Message, type MessageKey, type Params, type Translator } from './i18n/index.js'

const SPECS = new Map(COMMANDS.map(c => [c.verb, c]))

/**
 * One line of an explanation, before it is put into words: a catalogue key,
 * its parameters (a parameter may itself be a message, whose words fill it),
 * and the RFC section shown after it. The JSON log gives tools these keys
 * beside the words.
 */
export interface Note extends Message {
  /** Where the protocol says it: an RFC's section, or a message naming one. */
  rfc?: string | Message
}

/** The explanation of an event, in words: in the language of `t`, or in the one its session chose with LANG. */
export function explain(event: ServerEvent, t: Translator): string[] {
  return explained(event, t).map(e => e.text)
}

/** The explanation of an event line by line, each line's words with the catalogue key they come from. */
export function explained(event: ServerEvent, t: Translator): { key: MessageKey; text: string }[] {
  if (isAdminEvent(event)) return adminNotes(event).map(n => ({ key: n.key, text: say(n, t) }))
  const tt = wordsFor(event, t)
  return notesOf(event).map(n => ({ key: n.key, text: say(n, tt) }))
}

/** The words an event is explained in: those of `t` (the log's), or of the language its session chose with LANG. */
export function wordsFor(event: Pop3Event, t: Translator): Translator {
  return event.lang ? translator(event.lang) : t
}

/** A note in the words of `t`. */
export function say(note: Note, t: Translator): string {
  const text = t(note.key, note.params)
  if (note.rfc === undefined) return text
  return `${text} (${formatParam(note.rfc, t.lang)})`
}

const note = (key: MessageKey, params?: Params): Note => ({ key, params })

/** What the log says under an event, as catalogue keys: the words are the renderer's (say). */
export function notesOf(event: Pop3Event): Note[] {
  switch (event.type) {
    case 'connect':
      return [event.tls ? note('ev.connect.tls', { remote: event.remote, protocol: event.protocol, cipher: event.cipher }) : note('ev.connect', { remote: event.remote })]
    case 'tlsError':
      return [note(event.stls ? 'ev.tlsError.stls' : 'ev.tlsError', { remote: event.remote, reason: event.reason })]
    case 'starttls':
      return [note('ev.starttls', { protocol: event.protocol, cipher: event.cipher })]
    case 'disconnect':
      return [note(`ev.disconnect.${event.reason}`, { seconds: event.seconds, reason: event.detail })]
    case 'login':
      if (event.ok) return [note('ev.login.ok', { user: event.user, method: event.method, count: event.count, octets: event.octets })]
      return [note(`ev.login.${event.code ?? 'AUTH'}`, { method: event.method })]
    case 'delay':
      return [note('ev.delay', { failures: event.failures, address: event.address, ms: event.ms })]
    case 'update':
      if (!event.ok) return [note(event.unfinished ? 'ev.update.unfinished' : 'ev.update.failed', { reason: event.reasonKey ? note(event.reasonKey, event.reasonParams) : event.reason })]
      return [event.deleted ? note(`ev.update.${event.kind}`, { deleted: event.deleted, left: event.left, path: event.path }) : note('ev.update.none')]
    case 'command': {
      // A line with credentials says how exposed they are (in clear, or base64, or inside TLS); any other
      // masked line, why it is masked. That it is masked is said only where it is shown masked
      // (not with --show-secrets, nor in the demo).
      if (event.response !== undefined && !event.masked) return [note('cmd.response.cancel')]
      const masked = event.masked && !event.clear ? [note('cmd.PASS.masked')] : []
      const base64 = exposed(event.clear?.decoded ?? event.decoded, event.tls)
      if (event.response !== undefined) return [note('cmd.response'), ...base64, ...masked]
      if (event.verb === 'PASS') return [...what(event), note(event.tls ? 'cmd.PASS.tls' : 'cmd.PASS.clear'), ...masked]
      if (event.verb === 'AUTH' && event.masked) return [...what(event), ...base64, ...masked]
      return [...what(event), ...(masked.length ? [note('cmd.masked')] : [])]
    }
    case 'reply': {
      const lines = [note(`${event.key}.explain` as MessageKey, event.params)]
      if (event.body) {
        const stuffed = event.body.stuffed ? note('log.stuffed', { count: event.body.stuffed }) : ''
        lines.push(note('log.multi', { lines: event.body.lines, octets: event.body.octets, stuffed }))
      }
      const meaning = note(`state.${event.next}`)
      lines.push(event.state === event.next ? note('log.state', { before: event.state, meaning }) : note('log.stateChange', { before: event.state, after: event.next, meaning }))
      return lines
    }
  }
}

/** That credentials in base64 are there for anyone to read (and, on a plain connection, anyone on the network). */
function exposed(decoded: string | undefined, tls: true | undefined): Note[] {
  if (decoded === undefined) return []
  return [note('cmd.base64', { decoded }), note(tls ? 'cmd.PASS.tls' : 'cmd.base64.clear')]
}

/** What a client line asks for, from the verb and arguments the event shows (masked ones included). */
function what(event: Extract<Pop3Event, { type: 'command' }>): Note[] {
  const spec = event.verb ? SPECS.get(event.verb) : undefined
  if (event.tooLong) return []
  if (event.verb === undefined) return [note(event.raw.trim() === '' ? 'cmd.blank' : event.raw.startsWith(' ') ? 'cmd.leadingSpace' : 'cmd.unreadable')]
  if (!spec) {
    const lacking = UNSUPPORTED.get(event.verb)
    return [note(lacking === 'removed' ? 'cmd.removed' : lacking ? 'cmd.unsupported' : 'cmd.unknown')]
  }
  const params = { user: event.user, ...Object.fromEntries(event.args.map((a, i) => [`a${i}`, a])) }
  const [min, max] = spec.args
  const wellFormed = event.args.length >= min && event.args.length <= max && !event.args.includes('')
  const said = wellFormed ? note(commandKey(event.verb, event.args, event.state, event.user), params) : note('cmd.usage', { verb: spec.verb, usage: usageOf(spec) })
  return [{ ...said, rfc: spec.rfc }]
}

function commandKey(verb: string, args: string[], state: string, user: string | undefined): MessageKey {
  const argc = args.length
  if ((verb === 'LIST' || verb === 'UIDL') && argc > 0) return `cmd.${verb}.one` as MessageKey
  if (verb === 'AUTH' && argc > 0) return argc === 1 ? 'cmd.AUTH.one' : 'cmd.AUTH.two'
  if (verb === 'LANG' && argc > 0) return args[0] === '*' ? 'cmd.LANG.any' : 'cmd.LANG.one'
  // TOP's count of lines as the server reads it: 0 asks for the headers alone (RFC 1939 §7)
  if (verb === 'TOP') {
    const lines = countOf(args[1])
    return lines === undefined ? 'cmd.TOP.notNumber' : lines === 0 ? 'cmd.TOP.headers' : 'cmd.TOP'
  }
  if (verb === 'QUIT' && state === 'TRANSACTION') return 'cmd.QUIT.update'
  // the event names a user only once USER was accepted (or the session is logged in)
  if (verb === 'PASS' && user === undefined) return 'cmd.PASS.noUser'
  return `cmd.${verb}` as MessageKey
}
