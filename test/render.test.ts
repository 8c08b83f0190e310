// The log and the banner on an 80-column terminal: lines wrap at spaces, never inside a word (issue 8).
import t, { type Test } from 'tap'
import { Chalk } from 'chalk'
import { LANGUAGES, translator, type Pop3Event, type RunningServer } from '../dist/index.js'
import { explained } from '../dist/explain.js'
import { renderBanner } from '../dist/render/banner.js'
import { terminalRenderer } from '../dist/render/terminal.js'
import { wrap } from '../dist/render/wrap.js'
import { loggedIn, testServer } from './helpers.js'

const en = translator('en')
const plain = new Chalk({ level: 0 })
const WIDTH = 80

/** Rendered text's lines, checked to fit `WIDTH`; and every word of `texts` found whole in one line. */
function fits(t: Test, out: string, texts: string[]): string[] {
  const lines = out.replace(/\n$/, '').split('\n')
  for (const line of lines) t.ok(line.length <= WIDTH, `${line.length} columns: ${JSON.stringify(line)}`)
  const words = new Set(lines.flatMap(l => l.split(/\s+/)))
  for (const text of texts) {
    const split = text.split(/\s+/).filter(w => w && !words.has(w))
    t.same(split, [], `no word of "${text.slice(0, 40)}…" is split`)
  }
  return lines
}

function log(events: Pop3Event[], verbose = false): string {
  let out = ''
  const render = terminalRenderer({ write: s => (out += s), chalk: plain, t: en, width: WIDTH, verbose })
  events.forEach(render)
  return out
}

const base = { time: '2026-09-07T09:00:05.000Z', session: 1, user: 'guest' }

t.test('a long command line and a long reply wrap under their own start', async t => {
  const command = 'NOOP ' + Array.from({ length: 30 }, (_, i) => `argument${i}`).join(' ')
  const reply = '-ERR [SYS/PERM] cannot open the maildrop of "guest": the maildrop /var/mail/networks-course/guest.mbox is missing (ENOENT), ask the teacher'
  const out = log([
    { ...base, type: 'command', raw: command, verb: 'NOOP', args: command.split(' ').slice(1), masked: false, octets: command.length + 2, state: 'TRANSACTION' },
    { ...base, type: 'reply', raw: reply, ok: false, code: 'SYS/PERM', key: 'login.failed', params: { user: 'guest', reason: 'the maildrop is missing' }, state: 'AUTHORIZATION', next: 'AUTHORIZATION' },
  ])
  const lines = fits(t, out, [command, reply])
  t.match(lines[0], /^09:00:05 #1 {3}guest {7}C: NOOP argument0 /, 'the first row is the entry\'s head')
  const rows = (from: number, marker: string): string[] => {
    const rest = lines.slice(from + 1)
    const more = rest.findIndex(l => !l.startsWith(' '.repeat(32)) || l[32] === ' ')
    return [lines[from]!.split(`${marker} `)[1]!, ...rest.slice(0, more === -1 ? rest.length : more).map(l => l.slice(32))]
  }
  t.equal(rows(0, 'C:').join(' '), command, 'the command line is whole, continued at column 33')
  const s = lines.findIndex(l => l.includes('S: -ERR'))
  t.equal(rows(s, 'S:').join(' '), reply, 'the reply is whole, continued at column 33')
})

t.test('the body lines of --verbose, the UPDATE and the disconnect lines fit too', async t => {
  const body = 'This is a body line of a message that a student reads with RETR, long enough to need two rows'
  const out = log([
    { ...base, type: 'reply', raw: '+OK 120 octets', ok: true, key: 'retr.ok', params: { n: 1, size: 120 }, state: 'TRANSACTION', next: 'TRANSACTION', body: { lines: 1, octets: 120, stuffed: 0, text: [body] } },
    { ...base, type: 'update', ok: true, kind: 'mbox', path: '/home/student/.local/state/smallpop3/sample/mbox.mail', deleted: 2, left: 5 },
    { ...base, type: 'disconnect', reason: 'timeout', seconds: 600 },
  ], true)
  fits(t, out, [body, en('ev.disconnect.timeout', { seconds: 600 })])
  t.match(out, /^ {29}S: This is a body line/m)
})

t.test('spaces a student typed are shown as typed; an empty line still shows its C:', async t => {
  const out = log([
    { ...base, type: 'command', raw: 'LIST  1', verb: 'LIST', args: ['', '1'], masked: false, octets: 9, state: 'TRANSACTION' },
    { ...base, type: 'command', raw: '   ', args: [], masked: false, octets: 5, state: 'TRANSACTION' },
    { ...base, type: 'command', raw: '', args: [], masked: false, octets: 2, state: 'TRANSACTION' },
  ])
  t.match(out, /C: LIST {2}1\n/)
  t.match(out, /C: {4}\n/)
  t.match(out, /C: \n/)
})

t.test('an encrypted session: every line marked with a lock in the columns of the two spaces, STLS and base64 explained', async t => {
  const tls = { ...base, tls: true as const }
  const out = log([
    { ...base, user: undefined, type: 'reply', raw: '+OK begin TLS negotiation', ok: true, key: 'stls.ok', params: {}, state: 'AUTHORIZATION', next: 'AUTHORIZATION' },
    { ...tls, user: undefined, type: 'starttls', protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' },
    { ...tls, user: undefined, type: 'command', raw: 'AUTH PLAIN ********', verb: 'AUTH', args: ['PLAIN', '********'], masked: true, decoded: '\\0guest\\0********', octets: 33, state: 'AUTHORIZATION' },
    { ...tls, type: 'reply', raw: '+OK guest has 7 messages (6242 octets)', ok: true, key: 'login.ok', params: { user: 'guest', count: 7, octets: 6242 }, state: 'AUTHORIZATION', next: 'TRANSACTION' },
  ])
  const lines = fits(t, out, [en('ev.starttls', { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' })])
  t.match(lines[0], /^09:00:05 #1 {15}S: \+OK begin TLS negotiation$/, 'STLS and its +OK went in clear: no lock')
  const heads = lines.filter(l => /^\d\d:\d\d:\d\d #/.test(l))
  t.equal(heads.length, 4)
  for (const head of heads.slice(1)) t.match(head, /^09:00:05 #1 {3}.{10}🔒(C:|S:|──) /, 'the lock takes the two columns before C:, S: or ──')
  const said = out.replace(/\s+/g, ' ')
  t.match(said, /Base64 is an encoding, not encryption: anyone who sees this line reads it as \\0guest\\0\*{8}/)
  t.match(said, /This session is encrypted \(TLS\)/, 'and that TLS hides it from the network')
  t.notMatch(out, /visitor|AGd1ZXN0/, 'nothing of the password')
})

t.test('wrap: at spaces only; a word longer than the width is cut', async t => {
  t.same(wrap('one two three', 7), ['one two', 'three'])
  t.same(wrap('', 10), [])
  t.same(wrap('x'.repeat(25), 10), ['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)])
  t.same(wrap('a  b', 10), ['a  b'])
  t.same(wrap('abc', -3), ['a', 'b', 'c'], 'no width left: one character a row, and no endless loop')
})

const server = (accounts: { user: string; password: string }[]): RunningServer =>
  ({ host: '127.0.0.1', port: 65000, accounts: accounts.map(a => ({ ...a, mailbox: '/m' })) }) as unknown as RunningServer

t.test('the banner fits 80 columns, with a long path, words whole', async t => {
  const dir = '/home/a-student-with-a-long-login-name/.local/state/smallpop3/sample'
  const sample = [['guest', 'visitor'], ['maria', 'maildir'], ['sam', 'secret'], ['empty', 'nothing'], ['busy', 'busy']].map(([user, password]) => ({ user: user!, password: password! }))
  const out = renderBanner({ server: server(sample), source: { sample: true, dir, maillist: `${dir}/maillist` }, network: [], t: en, chalk: plain, width: WIDTH })
  const lines = fits(t, out, [dir, en('banner.accounts', { list: sample.map(a => `${a.user} (password ${a.password})`).join(', ') })])
  t.ok(lines.some(l => l.trim() === dir), 'the path on a row of its own, whole')
  t.match(out, /^ {4}USER guest {3}PASS visitor {3}STAT {3}LIST {3}RETR 1 {3}QUIT$/m, 'the lines to type, together on one row')

  const deep = '/srv/lab/' + 'a-very-long-folder-name/'.repeat(5) + 'maillist'
  const long = renderBanner({ server: server(sample), source: { sample: false, maillist: deep }, network: [], t: en, chalk: plain, width: WIDTH })
  for (const line of long.split('\n')) t.ok(line.length <= WIDTH, `${line.length} columns`)
  t.match(long.replace(/\n {4}/g, ''), deep, 'a path wider than the terminal is cut, nowhere else')

  const wide = renderBanner({ server: server(sample), source: { sample: true, dir, maillist: `${dir}/maillist` }, network: [], t: en, chalk: plain })
  t.match(wide, `scratch copy in ${dir}\n`, 'not a terminal (no width): lines are left whole')
})

t.test('the banner on a lab network: each address with the plain port and the TLS port beside it', async t => {
  const tls = ({ ...server([{ user: 'guest', password: 'visitor' }]), host: '::', tlsPort: 65001, fingerprint: 'AB:CD' }) as unknown as RunningServer
  const source = { sample: true, dir: '/tmp/sample', maillist: '/tmp/sample/maillist' }
  const banner = (s: RunningServer, network: string[], width?: number): string =>
    renderBanner({ server: s, source, network, t: en, chalk: plain, width })

  // side by side where they fit (no terminal: no width)
  const wide = banner(tls, ['192.168.1.20', '2001:db8::5']).split('\n')
  t.ok(wide.includes('    telnet 192.168.1.20 65000   openssl s_client -connect 192.168.1.20:65001 -ign_eof'), wide.join('\n'))
  t.ok(wide.includes('    telnet 2001:db8::5 65000    openssl s_client -connect [2001:db8::5]:65001 -ign_eof'), 'IPv6: plain for telnet, in brackets before a port; the columns aligned')
  const out = banner(tls, ['192.168.1.20', '2001:db8::5'], WIDTH)
  fits(t, out, [])
  t.match(out, /^ {2}From another terminal, connect with: {2}telnet localhost 65000$/m)
  // -ign_eof: without it, s_client takes a line starting with R (RETR) or Q (QUIT) as its own command
  t.match(out, /^ {2}Over TLS: {2}openssl s_client -connect localhost:65001 -ign_eof$/m)
  t.match(out, /^ {2}With STLS: {2}openssl s_client -starttls pop3 -connect localhost:65000 -ign_eof$/m, 'STLS, on the plain port')

  // the longest addresses: too wide side by side on 80 columns, so one command a row, each whole
  const long = ['255.255.255.255', '2001:db8:1234:5678:9abc:def0:1234:5678']
  const narrow = fits(t, banner(tls, long, WIDTH), [])
  for (const address of long) {
    const where = address.includes(':') ? `[${address}]` : address
    t.ok(narrow.includes(`    telnet ${address} 65000`), `telnet ${address} on a row of its own`)
    // its TLS command on the next rows, no word cut (the longest IPv6 address makes it wider than 80 columns)
    const at = narrow.findIndex(l => l.startsWith(`      openssl s_client -connect ${where}:65001`))
    t.ok(at > 0 && narrow[at - 1] === `    telnet ${address} 65000`, `its TLS command on the next row`)
    t.ok(narrow.slice(at, at + 2).map(l => l.trim()).join(' ').startsWith(`openssl s_client -connect ${where}:65001 -ign_eof`), 'whole')
  }
  t.ok(banner(tls, long).includes(`    telnet ${long[1]} 65000   openssl s_client -connect [${long[1]}]:65001 -ign_eof\n`), 'no terminal: side by side')

  const plainOnly = banner({ ...server([{ user: 'guest', password: 'visitor' }]), host: '0.0.0.0' } as unknown as RunningServer, ['192.168.1.20'], WIDTH)
  t.match(plainOnly, /^ {2}From other machines on the network:\n {4}telnet 192\.168\.1\.20 65000\n/m, 'no TLS listener: telnet alone')
  t.notMatch(plainOnly, /openssl|STLS/, 'no certificate: no TLS commands')
  t.notMatch(banner(tls, [], WIDTH), /other machines/, 'no network address: no heading either')
})

t.test('the banner for --host ::1, and STLS without a TLS port', async t => {
  const v6 = ({ ...server([{ user: 'guest', password: 'visitor' }]), host: '::1', tlsPort: 65001, fingerprint: 'AB:CD' }) as unknown as RunningServer
  const bold = new Chalk({ level: 1 })
  const out = renderBanner({ server: v6, source: { sample: false, maillist: '/m' }, network: [], t: en, chalk: bold, width: WIDTH })
  t.match(out, 'Listening on [::1]:65000')
  t.match(out, 'POP3S (TLS from the first byte) on [::1]:65001')
  t.match(out, bold.bold('  From another terminal, connect with:  telnet ::1 65000'))
  t.match(out, bold.bold('  Over TLS:  openssl s_client -connect [::1]:65001 -ign_eof'))
  t.match(out, bold.bold('  With STLS:  openssl s_client -starttls pop3 -connect [::1]:65000 -ign_eof'), 'bold, as the other ways to connect')

  // the CLI will always have a certificate: STLS is shown with it, a TLS port or not
  const stlsOnly = ({ ...server([{ user: 'guest', password: 'visitor' }]), fingerprint: 'AB:CD' }) as unknown as RunningServer
  const stls = renderBanner({ server: stlsOnly, source: { sample: false, maillist: '/m' }, network: [], t: en, chalk: plain, width: WIDTH })
  t.match(stls, /^ {2}With STLS: {2}openssl s_client -starttls pop3 -connect localhost:65000 -ign_eof$/m)
  t.notMatch(stls, /POP3S|Over TLS/)
})

t.test('a real server\'s TOP and a message marked with DELE, explained as they are, in each language', async t => {
  const server = await testServer()
  t.teardown(() => server.close())
  const c = await loggedIn(server)
  for (const lang of LANGUAGES) {
    await c.cmd(`LANG ${lang}`)
    for (const line of ['TOP 2 0', 'TOP 2 1', 'TOP 2 3']) {
      t.match(await c.cmd(line), /^\+OK /)
      await c.multi()
    }
    await c.cmd('TOP 2 x')
    if (lang === LANGUAGES[0]) t.equal(await c.cmd('DELE 1'), '+OK message 1 deleted')
    for (const line of ['LIST 1', 'RETR 1', 'TOP 1 0', 'UIDL 1', 'DELE 1']) t.match(await c.cmd(line), /^-ERR /, `${lang}: ${line} of a message marked with DELE stays -ERR`)
  }
  await c.cmd('RSET')
  await c.cmd('QUIT')
  await c.closedByServer()

  const en = translator('en')
  /** What the log says under the last command `line` sent in `lang`, and under its reply: each line's key and words. */
  const said = (lang: string, line: string): { key: string; text: string }[][] => {
    const switched = (e: Pop3Event): boolean => e.type === 'reply' && e.key === 'lang.ok'
    const start = server.events.findIndex(e => switched(e) && e.lang === lang)
    const end = server.events.findIndex((e, k) => k > start && switched(e))
    const mine = server.events.slice(start, end === -1 ? undefined : end)
    const i = start + mine.map(e => e.type === 'command' && e.raw === line).lastIndexOf(true)
    const reply = server.events.slice(i + 1).find(e => e.type === 'reply')!
    return [explained(server.events[i]!, en), explained(reply, en)]
  }
  const words = {
    en: { one: /up to 1 line of the start/, three: /up to 3 lines of the start/, old: /can(not| no longer) be read/ },
    es: { one: /hasta 1 línea del principio/, three: /hasta 3 líneas del principio/, old: /ya no se puede leer/ },
    ca: { one: /fins a 1 línia del principi/, three: /fins a 3 línies del principi/, old: /ja no es pot llegir/ },
  } as const
  for (const lang of LANGUAGES) {
    const w = words[lang as keyof typeof words]
    const tr = translator(lang)

    // TOP n 0: the headers and the blank line after them, nothing of the body (RFC 1939 §7); as the reply says
    const [headers, headersReply] = said(lang, 'TOP 2 0')
    t.equal(headers[0]!.key, 'cmd.TOP.headers', `${lang}: TOP 2 0 asks for the headers alone`)
    t.equal(headers[0]!.text, `${tr('cmd.TOP.headers', { a0: '2' })} (RFC 1939 §7)`)
    t.notMatch(headers[0]!.text, /\b0\b/, `${lang}: no "up to 0 lines"`)
    t.equal(headersReply[0]!.key, 'top.headers.explain', 'the reply agrees')
    const [one] = said(lang, 'TOP 2 1')
    t.match(one[0]!.text, w.one, `${lang}: one line, singular`)
    const [three] = said(lang, 'TOP 2 3')
    t.match(three[0]!.text, w.three, `${lang}: three lines, plural`)
    const [bad] = said(lang, 'TOP 2 x')
    t.equal(bad[0]!.key, 'cmd.TOP.notNumber', `${lang}: a count that is not a number`)
    t.notMatch(bad[0]!.text, /NaN/)

    // a message marked with DELE: each command says what the mark means for it, and that RSET takes it back before QUIT
    for (const [line, key, verb] of [['LIST 1', 'msg.deleted.list', 'LIST'], ['RETR 1', 'msg.deleted', 'RETR'], ['TOP 1 0', 'msg.deleted.top', 'TOP'], ['UIDL 1', 'msg.deleted.uidl', 'UIDL'], ['DELE 1', 'dele.already', 'DELE']] as const) {
      const [, reply] = said(lang, line)
      t.equal(reply[0]!.key, `${key}.explain`, `${lang}: ${line} is explained by its own key`)
      t.match(reply[0]!.text, new RegExp(`${verb}.*RSET|RSET.*${verb}`), `${lang}: ${line}: what the mark means for ${verb}, and RSET`)
      t.match(reply[0]!.text, /QUIT/, `${lang}: ${line}: the message is only removed after QUIT`)
      t.notMatch(reply[0]!.text, w.old, `${lang}: ${line}: not "can no longer be read"`)
    }
  }
})
