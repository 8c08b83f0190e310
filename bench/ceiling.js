// The ceiling of the session step on this machine: a POP3 responder that does nothing a server must
// do (no lock, no file, no log, no check of the password), answering the bench's session workload
// from memory. `npm run bench -- --steps sessions --compare 'node bench/ceiling.js'` then shows
// what this generator reaches against a server doing no work (on 2 cores it is then the generator
// that runs out of CPU): a server that does the work should not expect more. It is a measuring stick, not a server:
// every account's STAT and LIST are those of the first mbox of the maillist (the bench gives every
// account the same messages), and RETR, TOP and the rest are refused.
import { createServer } from 'node:net'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const maillist = process.env.POP3_MAILLIST
const port = Number(process.env.POP3_PORT)
if (!maillist || !port) {
  console.error('ceiling.js: set POP3_MAILLIST and POP3_PORT (npm run bench -- --compare "node bench/ceiling.js")')
  process.exit(2)
}
const first = readFileSync(maillist, 'utf8').split('\n').find(l => l.trim() && !l.startsWith('#'))
const mbox = readFileSync(join(dirname(maillist), first.trim().split(/\s+/)[2]), 'latin1')
// each message follows its From_ line and ends with a blank line (RFC 4155), which is not its own;
// its size is as RFC 1939 counts it: CRLF line ends, mboxrd's quoted From lines unquoted
const sizes = mbox
  .split(/^From .*\n/m)
  .slice(1)
  .map(m => m.replace(/\n$/, '').replace(/^>(>*From )/gm, '$1'))
  .map(m => Buffer.byteLength(m, 'latin1') + (m.match(/\n/g)?.length ?? 0))
const stat = `+OK ${sizes.length} ${sizes.reduce((a, b) => a + b, 0)}\r\n`
const list = `+OK\r\n${sizes.map((s, i) => `${i + 1} ${s}\r\n`).join('')}.\r\n`

createServer(socket => {
  socket.setNoDelay(true)
  socket.on('error', () => {})
  socket.write('+OK ceiling ready\r\n')
  let pending = ''
  socket.on('data', chunk => {
    pending += chunk.toString('latin1')
    for (let end = pending.indexOf('\r\n'); end !== -1; end = pending.indexOf('\r\n')) {
      const verb = pending.slice(0, end).split(' ')[0].toUpperCase()
      pending = pending.slice(end + 2)
      if (verb === 'USER' || verb === 'PASS' || verb === 'NOOP') socket.write('+OK\r\n')
      else if (verb === 'STAT') socket.write(stat)
      else if (verb === 'LIST') socket.write(list)
      else if (verb === 'QUIT') socket.end('+OK\r\n')
      else socket.write('-ERR not here: this is the bench ceiling, not a server\r\n')
    }
    if (pending.length > 4096) socket.destroy()
  })
}).listen(port, '127.0.0.1')
process.on('SIGTERM', () => process.exit(0))
