/** The log's explanation of the admin port's events, as lib/explain.ts gives POP3's: catalogue keys, put into words by the renderer. */
import type { AdminEvent } from '../events.js'
import type { Note } from '../explain.js'
import type { MessageKey } from '../i18n/index.js'
import { adminCommand } from './commands.js'

export function adminNotes(event: AdminEvent): Note[] {
  switch (event.type) {
    case 'adminConnect':
      return [{ key: 'ev.admin.connect', params: { remote: event.remote } }]
    case 'adminAuth':
      if (event.ok) return [{ key: 'ev.admin.auth.ok', params: { remote: event.remote } }]
      return [{ key: event.ms === undefined ? 'ev.admin.auth.wrong' : 'ev.admin.auth.slowed', params: { remote: event.remote, failures: event.failures, ms: event.ms } }]
    case 'adminDisconnect':
      return [{ key: `ev.admin.disconnect.${event.reason}` as MessageKey }]
    case 'broadcast':
      return [{ key: 'ev.broadcast', params: { text: event.text } }]
    case 'adminReply': {
      const notes: Note[] = [{ key: `${event.key}.explain` as MessageKey, params: event.params }]
      if (event.lines !== undefined) notes.push({ key: 'log.adminMulti', params: { lines: event.lines } })
      return notes
    }
    case 'adminCommand': {
      if (event.tooLong) return []
      // no verb: a line that may be the secret typed on its own, masked whole
      if (event.verb === undefined) return [{ key: event.masked ? 'admin.cmd.hidden' : 'admin.cmd.unreadable' }]
      const command = adminCommand(event.verb)
      if (!command) return [{ key: 'admin.cmd.unknown' }]
      const what: Note = { key: `admin.cmd.${command.verb}` as MessageKey, rfc: { key: 'admin.cmd.section', params: { section: command.section } } }
      return event.masked ? [what, { key: 'admin.cmd.masked' }] : [what]
    }
  }
}
