/** The programmatic API: `import { startServer } from 'smallpop3'`. */
export { startServer, ListenError, type ServerOptions, type RunningServer } from './server.js'
export type { Pop3Event, BodySummary, DisconnectReason } from './events.js'
export type { Account, State, Reply, RespCode } from './commands.js'
export { loadMaillist, MaillistError, type MaillistAccount } from './maillist.js'
export { openMaildrop, StoreError, type Maildrop, type MessageInfo } from './store/index.js'
export { translator, LANGUAGES, type Translator } from './i18n/index.js'
export { explain } from './explain.js'
export { VERSION } from './version.js'
