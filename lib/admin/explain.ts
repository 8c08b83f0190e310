/** The log's explanation of the admin port's events, as lib/explain.ts gives POP3's: words from the catalogue, by key. */
import type { AdminEvent } from '../events.js'
import type { MessageKey, Translator } from '../i18n/index.js'
import { adminCommand } from './commands.js'

export function explainAdmin(event: AdminEvent, t: Translator): string[] {
  switch (event.type) {
    case 'adminConnect':
      return [t('ev.admin.connect', { remote: event.remote })]
    case 'adminAuth':
      if (event.ok) return [t('ev.admin.auth.ok', { remote: event.remote })]
      return [t(event.ms === undefined ? 'ev.admin.auth.wrong' : 'ev.admin.auth.slowed', { remote: event.remote, failures: event.failures, ms: event.ms })]
    case 'adminDisconnect':
      return [t(`ev.admin.disconnect.${event.reason}` as MessageKey)]
    case 'broadcast':
      return [t('ev.broadcast', { text: event.text })]
    case 'adminReply': {
      const lines = [t(`${event.key}.explain` as MessageKey, event.params)]
      if (event.lines !== undefined) lines.push(t('log.adminMulti', { lines: event.lines }))
      return lines
    }
    case 'adminCommand': {
      if (event.tooLong) return []
      // no verb: a line that may be the secret typed on its own, masked whole
      if (event.verb === undefined) return [t(event.masked ? 'admin.cmd.hidden' : 'admin.cmd.unreadable')]
      const command = adminCommand(event.verb)
      if (!command) return [t('admin.cmd.unknown')]
      const what = `${t(`admin.cmd.${command.verb}` as MessageKey)} (${t('admin.cmd.section', { section: command.section })})`
      return event.masked ? [what, t('admin.cmd.masked')] : [what]
    }
  }
}
