// The live state and the admin protocol (issue 12), over real sockets: a real server on port 0, raw
// admin and POP3 clients, and the real bin for `smallpop3 admin`. Everything on 127.0.0.1, bounded in time.
import t from 'tap'
import { createServer, connect, type Server } from 'node:net'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { LANGUAGES, type ServerEvent, type ServerOptions } from '../dist/index.js'
import { secretMatches } from '../dist/admin/server.js'
import { RawClient, ROOT, loggedIn, run, runCli, BIN, testServer, type TestServer } from './helpers.js'

const SECRET = 'correct horse battery'

interface AdminTestServer extends TestServer {
  /** Every event, POP3's and the admin port's, as a state subscriber sees them. */
  all: ServerEvent[]
}

async function adminServer(options: ServerOptions = {}, accounts?: Record<string, string>): Promise<AdminTestServer> {
  const server = (await testServer(accounts, { admin: { port: 0, secret: SECRET }, ...options })) as AdminTestServer
  server.all = []
  server.state.subscribe(e => void server.all.push(e))
  return server
}

/** An admin connection that has given the secret. */
async function admin(server: TestServer): Promise<RawClient> {
  const c = await RawClient.open(server.admin!.port)
  const greeting = await c.line()
  const auth = await c.cmd(`AUTH ${SECRET}`)
  if (!greeting.startsWith('+OK ') || auth !== '+OK welcome, administrator') throw new Error(`admin login: ${greeting} / ${auth}`)
  return c
}

/** A multi-line admin reply's lines read as name=value records. */
async function records(c: RawClient, line: string): Promise<Record<string, string>[]> {
  const { status, lines } = await c.cmdMulti(line)
  if (!status.startsWith('+OK')) throw new Error(`${line}: ${status}`)
  return lines.map(l => Object.fromEntries([...l.matchAll(/([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g)].map(m => [m[1], m[2]!.startsWith('"') ? JSON.parse(m[2]!) : m[2]])))
}

/** STATS as one flat record. */
async function stats(c: RawClient): Promise<Record<string, string>> {
  return Object.assign({}, ...(await records(c, 'STATS')))
}

async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`)
    await sleep(10)
  }
}

t.test('statistics and sessions are what the POP3 clients did, to the byte', async t => {
  const server = await adminServer({}, { guest: join(ROOT, 'mbox.mail'), sam: join(ROOT, 'mbox.mail') })
  t.teardown(() => server.close())
  const a = await loggedIn(server)
  t.match(await a.cmd('STAT'), /^\+OK 7 /)
  await a.cmdMulti('LIST')
  await a.cmdMulti('RETR 1')
  const b = await RawClient.open(server.port)
  await b.line()
  await b.cmd('USER sam')
  t.match(await b.cmd('PASS wrong'), /^-ERR \[AUTH\]/)
  t.match(await b.cmd('STTA'), /^-ERR /)
  await b.cmd('QUIT')
  await b.closedByServer()
  await until(() => server.all.some(e => e.type === 'disconnect'), 'the second session ended')

  const c = await admin(server)
  const s = await stats(c)
  t.equal(s['connections.now'], '1')
  t.equal(s['connections.total'], '2')
  t.equal(s['logins.ok'], '1')
  t.equal(s['logins.failed'], '1')
  t.equal(s['commands.USER'], '2')
  t.equal(s['commands.PASS'], '2')
  t.equal(s['commands.STAT'], '1')
  t.equal(s['commands.LIST'], '1')
  t.equal(s['commands.RETR'], '1')
  t.equal(s['commands.QUIT'], '1')
  t.equal(s['commands.other'], '1', 'a line with no known verb')
  t.equal(s['errors.pass.wrong'], '1')
  t.equal(s['errors.verb.unknownGuess'], '1')
  t.equal(s['disconnects.quit'], '1')
  // what the server counted is what the clients' sockets sent and received
  t.equal(Number(s['bytes.in']), a.socket.bytesWritten + b.socket.bytesWritten)
  t.equal(Number(s['bytes.out']), a.socket.bytesRead + b.socket.bytesRead)
  t.equal(s['settings.timeout'], '600')
  t.match(s.uptime, /^\d+$/)

  const sessions = await records(c, 'SESSIONS')
  t.equal(sessions.length, 1, 'the session that left is gone')
  t.match(sessions[0], {
    user: 'guest', state: 'TRANSACTION', tls: 'false', remote: `127.0.0.1:${a.socket.localPort}`,
    in: String(a.socket.bytesWritten), out: String(a.socket.bytesRead), commands: '5', last: 'RETR 1',
  })
  t.match(sessions[0]!.idle, /^\d+$/)

  // the same, read in code: the snapshot the browser view will read
  const snap = server.state.snapshot()
  t.equal(snap.sessions.length, 1)
  t.equal(snap.sessions[0]!.bytesOut, a.socket.bytesRead)
  t.equal(snap.statistics.logins.ok, 1)
  t.same(snap.accounts.map(x => [x.user, x.sessions]), [['guest', 1], ['sam', 0]])
  t.notOk(JSON.stringify(snap).includes('visitor'), 'no password in the snapshot')
  a.end()
  c.end()
})

t.test('accounts added, reset and removed live; the maillist keeps its comments and order', async t => {
  const server = await adminServer({}, { guest: join(ROOT, 'mbox.mail'), sam: join(ROOT, 'mbox.mail') })
  t.teardown(() => server.close())
  const maillist = join(server.dir, 'maillist')
  const before = '# class of 2026\r\nguest visitor guest.mbox\r\n\r\n# the teacher, with tabs\r\nsam\tsam-pw\tsam.mbox   \r\n'
  writeFileSync(maillist, before)
  const c = await admin(server)
  t.match(await c.cmd('RELOAD'), /^\+OK maillist read again: 2 accounts, 0 added, 0 removed, 0 changed/)

  t.equal(await c.cmd('ADDUSER newbie tulip-42'), '+OK account newbie added, with a new empty maildrop newbie.mbox')
  t.equal(readFileSync(maillist, 'utf8'), before + 'newbie\ttulip-42\tnewbie.mbox\r\n', 'appended like its neighbours')
  t.equal(statSync(join(server.dir, 'newbie.mbox')).size, 0)
  const n = await loggedIn(server, 'newbie', 'tulip-42')
  t.equal(await n.cmd('STAT'), '+OK 0 0')
  n.end()

  t.match(await c.cmd('ADDUSER newbie other'), /^-ERR there is already an account "newbie"/)
  t.match(await c.cmd('ADDUSER #x pw'), /^-ERR "#x" cannot be a user name/)

  t.equal(await c.cmd('PASSWD sam rose-7'), '+OK password of sam changed')
  const afterPasswd = before.replace('sam\tsam-pw\tsam.mbox', 'sam\trose-7\tsam.mbox') + 'newbie\ttulip-42\tnewbie.mbox\r\n'
  t.equal(readFileSync(maillist, 'utf8'), afterPasswd, 'only the password changed')
  await t.rejects(loggedIn(server, 'sam', 'sam-pw'), /login failed/)
  ;(await loggedIn(server, 'sam', 'rose-7')).end()

  const users = await records(c, 'USERS')
  t.same(users.map(u => u.user), ['guest', 'sam', 'newbie'])
  t.notOk(JSON.stringify(users).includes('rose-7'), 'USERS never shows a password')

  t.equal(await c.cmd('DELUSER newbie'), '+OK account newbie removed; its maildrop stays on disk')
  t.equal(readFileSync(maillist, 'utf8'), before.replace('sam\tsam-pw\tsam.mbox', 'sam\trose-7\tsam.mbox'))
  t.ok(existsSync(join(server.dir, 'newbie.mbox')), 'the mail is kept')
  const gone = await RawClient.open(server.port)
  await gone.line()
  t.match(await gone.cmd('USER newbie'), /^-ERR \[AUTH\]/)
  gone.end()

  // a maildir named with a final /
  t.match(await c.cmd('ADDUSER md pw-md drops/md/'), /^\+OK account md added, with a new empty maildrop drops\/md/)
  for (const sub of ['cur', 'new', 'tmp']) t.ok(statSync(join(server.dir, 'drops', 'md', sub)).isDirectory())
  ;(await loggedIn(server, 'md', 'pw-md')).end()

  // edited by hand, then RELOAD; a broken file is refused and the accounts stay
  writeFileSync(maillist, readFileSync(maillist, 'utf8') + 'late late-pw guest.mbox\n')
  t.match(await c.cmd('RELOAD'), /^\+OK maillist read again: 4 accounts, 1 added, 0 removed, 0 changed/)
  writeFileSync(maillist, readFileSync(maillist, 'utf8') + 'broken line\n')
  t.match(await c.cmd('RELOAD'), /^-ERR .*maillist:\d+: expected 3 fields/)
  ;(await loggedIn(server, 'late', 'late-pw')).end()

  // no password, and not the secret, in any event
  const log = JSON.stringify(server.all)
  for (const secret of ['tulip-42', 'rose-7', 'pw-md', SECRET]) t.notOk(log.includes(secret), `${secret} is not in the events`)
  t.ok(server.all.some(e => e.type === 'adminCommand' && e.raw === 'ADDUSER newbie ********'))
  c.end()
})

t.test('a session kicked: disconnected, nothing deleted', async t => {
  const server = await adminServer()
  t.teardown(() => server.close())
  const before = server.snapshot('guest')
  const a = await loggedIn(server)
  t.equal(await a.cmd('DELE 1'), '+OK message 1 deleted')
  const c = await admin(server)
  const [session] = await records(c, 'SESSIONS')
  t.equal(await c.cmd(`KICK ${session!.id}`), `+OK session ${session!.id} (guest) disconnected; nothing was deleted`)
  await a.closedByServer()
  await until(() => server.state.sessions().length === 0, 'the session ended')
  t.equal(server.snapshot('guest'), before, 'message 1 is still there')
  const again = await loggedIn(server)
  t.match(await again.cmd('STAT'), /^\+OK 7 /)
  again.end()
  t.ok(server.events.some(e => e.type === 'disconnect' && e.reason === 'kicked'))
  t.match(await c.cmd('KICK 999'), /^-ERR there is no open session 999/)
  t.match(await c.cmd('KICK abc'), /^-ERR there is no open session abc/)
  c.end()
})

t.test('the wrong secret is refused, slowed and logged; the secret is compared over hashes', async t => {
  const server = await adminServer()
  t.teardown(() => server.close())
  const c = await RawClient.open(server.admin!.port)
  await c.line()
  t.match(await c.cmd('STATS'), /^-ERR STATS needs the secret first/)
  const start = Date.now()
  t.equal(await c.cmd('AUTH guess'), '-ERR wrong secret')
  t.ok(Date.now() - start >= 90, 'the answer waited')
  const second = Date.now()
  t.equal(await c.cmd('AUTH guess again'), '-ERR wrong secret')
  t.ok(Date.now() - second >= 180, 'longer the second time')
  t.match(await c.cmd('SESSIONS'), /^-ERR /, 'still not allowed')
  const wrong = server.all.filter(e => e.type === 'adminAuth' && !e.ok)
  t.equal(wrong.length, 2)
  t.match(wrong[1], { failures: 2 })
  t.notOk(JSON.stringify(server.all).includes('guess'), 'wrong secrets are masked too')
  // a line that is no command, before AUTH, may be the secret typed alone: masked whole
  t.match(await c.cmd(SECRET), /^-ERR unknown command/)
  t.notOk(JSON.stringify(server.all).includes('horse'))
  t.equal(await c.cmd(`AUTH ${SECRET}`), '+OK welcome, administrator')
  t.equal((await stats(c))['admin.wrongSecrets'], '2')
  c.end()
  t.ok(secretMatches('abc', 'abc'))
  t.notOk(secretMatches('abc', 'abcd'))
  t.notOk(secretMatches('', 'abc'))
})

t.test('the admin port listens on 127.0.0.1 only, even when POP3 is open to the network', async t => {
  const server = await adminServer({ host: '0.0.0.0' })
  t.teardown(() => server.close())
  t.equal(server.admin!.host, '127.0.0.1')
  const lan = Object.values(networkInterfaces()).flat().find(a => a && !a.internal && a.family === 'IPv4')?.address
  if (!lan) {
    t.comment('no network address on this machine: only the listening address is checked')
    return
  }
  const pop = await RawClient.open(server.port, lan)
  t.match(await pop.line(), /^\+OK/, 'POP3 answers on the lab address')
  pop.end()
  const refused = connect(server.admin!.port, lan)
  const [err] = (await once(refused, 'error')) as [NodeJS.ErrnoException]
  t.equal(err.code, 'ECONNREFUSED', 'the admin port does not')
})

t.test('a listener that throws hurts neither the server nor the other listeners', async t => {
  const server = await adminServer()
  t.teardown(() => server.close())
  const warnings: string[] = []
  const onWarning = (w: Error): void => void warnings.push(w.message)
  process.on('warning', onWarning)
  t.teardown(() => void process.off('warning', onWarning))
  server.state.subscribe(() => {
    throw new Error('boom')
  })
  server.state.subscribe(async () => {
    throw new Error('async boom')
  })
  server.on('event', () => {
    throw new Error('emitter boom')
  })
  const seen: string[] = []
  server.on('event', e => void seen.push(e.type))
  const before = server.all.length
  const a = await loggedIn(server)
  t.match(await a.cmd('STAT'), /^\+OK 7 /)
  t.match(await a.cmd('QUIT'), /^\+OK/)
  await a.closedByServer()
  await until(() => seen.includes('disconnect'), 'the disconnect reached the listener after the throwing one')
  t.ok(server.all.length - before >= 9, 'the listener before the throwing ones saw everything')
  t.ok(seen.includes('update'))
  const s = server.state.statistics()
  t.ok(s.listenerErrors >= 3 * 9, 'every failure counted')
  t.equal(s.logins.ok, 1)
  await until(() => warnings.length >= 3, 'each failing listener named once')
  t.equal(warnings.filter(w => w.includes('boom')).length, 3, 'once per listener, not once per event')
})

t.test('bad commands and arguments get -ERR and the connection stays usable', async t => {
  const server = await adminServer()
  t.teardown(() => server.close())
  const c = await admin(server)
  const bad: [string, RegExp][] = [
    ['', /^-ERR empty line/],
    ['FOO', /^-ERR unknown command "FOO"; HELP/],
    ['STAST', /did you mean STATS\?/],
    [' STATS', /^-ERR the line starts with a space/],
    ['STATS\x1b[A', /control character/],
    ['KICK', /^-ERR missing argument: KICK session/],
    ['STATS now', /^-ERR too many arguments: STATS/],
    ['SET maxconn lots', /^-ERR maxconn needs a whole number from 1 to 1000000/],
    ['SET colour blue', /^-ERR there is no setting "colour"/],
    ['SET maxconn 0', /^-ERR maxconn needs/],
    ['DELUSER nobody', /^-ERR there is no account "nobody"/],
    ['PASSWD guest two words', /^-ERR too many arguments/],
    ['PROGRESS nobody', /^-ERR /],
    ['AUTH again', /^-ERR this connection has already given the secret/],
    ['x'.repeat(600), /^-ERR line too long \(602 octets; at most 512\)/],
  ]
  for (const [line, reply] of bad) t.match(await c.cmd(line), reply, JSON.stringify(line.slice(0, 20)))
  t.match(await c.cmd(`PASSWD guest ${'y'.repeat(600)}`), /^-ERR line too long/)
  const logged = JSON.stringify(server.all)
  t.notOk(/two words|words"|yyyy/.test(logged), 'a password is masked also in a line that is wrong or too long')
  t.match(await c.cmd('SET timeout 42'), /^\+OK auto-logout timeout 600 → 42 seconds/)
  t.match((await stats(c))['settings.timeout'], '42', 'still usable, and the setting took')
  const help = await c.cmdMulti('HELP')
  t.ok(help.lines.some(l => l.startsWith('KICK session')))
  t.equal((await c.cmdMulti('HELP kick')).lines[0], 'KICK session')
  t.equal(await c.cmd('QUIT'), '+OK bye')
  await c.closedByServer()
})

t.test('live settings: maxconn refuses the next connection, timeout holds for every one at once', async t => {
  const server = await adminServer()
  t.teardown(() => server.close())
  const c = await admin(server)
  const a = await loggedIn(server)
  t.match(await c.cmd('SET maxconn 1'), /^\+OK maximum connections \S+ → 1/)
  const b = await RawClient.open(server.port)
  t.match(await b.line(), /^-ERR \[SYS\/TEMP\]/)
  await b.closedByServer()
  t.match(await a.cmd('NOOP'), /^\+OK/, 'the open session goes on')
  t.match(await c.cmd('SET maxconn 10'), /^\+OK/)
  t.match(await c.cmd('SET timeout 1'), /^\+OK/)
  const d = await RawClient.open(server.port)
  await d.line()
  const start = Date.now()
  await d.closedByServer(4000)
  t.ok(Date.now() - start < 3000, 'a new connection: logged out after a second')
  await a.closedByServer(4000)
  t.ok(Date.now() - start < 3000, 'and the session that was open already')
  await until(() => server.events.filter(e => e.type === 'disconnect' && e.reason === 'timeout').length === 2, 'both timed out')
  t.ok(server.events.every(e => e.type !== 'disconnect' || e.reason !== 'timeout' || e.seconds === 1), 'the log says how long')
  t.match((await stats(c))['connections.refused'], '1')
  c.end()
})

t.test('BROADCAST reaches the log; admin connections are limited and time out', async t => {
  const server = await adminServer({ admin: { port: 0, secret: SECRET, maxConnections: 1, timeout: 1 } })
  t.teardown(() => server.close())
  const c = await admin(server)
  t.equal(await c.cmd('BROADCAST lunch break: back at 13:00'), '+OK message written to the log')
  t.ok(server.all.some(e => e.type === 'broadcast' && e.text === 'lunch break: back at 13:00'))
  const second = await RawClient.open(server.admin!.port)
  t.match(await second.line(), /^-ERR too many admin connections \(1 at most\)/)
  await second.closedByServer()
  await c.closedByServer(4000)
  await until(() => server.all.some(e => e.type === 'adminDisconnect' && e.reason === 'timeout'), 'the idle admin connection timed out')
})

t.test('PROGRESS: exercises done, the step each student is on, and who is stuck', async t => {
  const transcripts = mkdtempSync(join(tmpdir(), 'smallpop3-transcripts-'))
  const recorded = await adminServer({ transcripts }, { guest: join(ROOT, 'mbox.mail'), sam: join(ROOT, 'mbox.mail') })
  t.teardown(() => recorded.close())
  const g = await loggedIn(recorded)
  t.match(await g.cmd('QUIT'), /^\+OK goodbye/)
  await g.closedByServer()
  const s = await loggedIn(recorded, 'sam', 'sam-pw')
  for (const line of ['RETR 99', 'DELE x', 'TOPP 1']) t.match(await s.cmd(line), /^-ERR/)
  const c = await admin(recorded)
  let rows: Record<string, string>[] = []
  await until(async () => {
    rows = await records(c, 'PROGRESS')
    return rows.find(r => r.user === 'guest')?.done === '1' && rows.find(r => r.user === 'sam')?.errors === '3'
  }, 'the transcripts were read')
  t.match(rows.find(r => r.user === 'guest'), { done: '1', exercise: '2', stuck: 'false', sessions: '1' })
  t.match(rows.find(r => r.user === 'sam'), { stuck: 'true', errors: '3' })
  const one = await records(c, 'PROGRESS sam')
  t.equal(one.length, 1)
  s.end()
  c.end()
})

t.test('smallpop3 admin: tables, --json, and exit statuses', async t => {
  const cli = runCli(['--port', '0', '--admin-port', '0'])
  t.teardown(() => void cli.child.kill())
  const [, popPort] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const [, adminPort, secret] = await cli.waitFor(/Admin port 127\.0\.0\.1:(\d+), secret (\S+) /)
  const a = await loggedIn(Number(popPort))
  const env = { SMALLPOP3_ADMIN_SECRET: secret!, SMALLPOP3_ADMIN_PORT: adminPort! }

  const table = await run(process.execPath, [BIN, 'admin', 'sessions'], { env })
  t.equal(table.code, 0, table.stderr)
  const out = table.stdout.toString().split('\n')
  t.equal(out[0], '1 session open')
  t.match(out[1], /^ID\s+USER\s+REMOTE\s+STATE/)
  t.match(out[2], /^1\s+guest\s+127\.0\.0\.1:\d+\s+TRANSACTION\s+\d+\s+no\s/, 'true and false as yes and no')

  const json = await run(process.execPath, [BIN, 'admin', 'stats', '--json'], { env })
  t.equal(json.code, 0)
  const parsed = JSON.parse(json.stdout.toString())
  t.match(parsed, { ok: true, data: { connections: { now: 1, total: 1 }, logins: { ok: 1 }, commands: { USER: 1, PASS: 1 } } })

  const users = JSON.parse((await run(process.execPath, [BIN, 'admin', 'users', '--json'], { env })).stdout.toString())
  t.same(users.data.map((u: { user: string }) => u.user), ['guest', 'maria', 'sam', 'empty', 'busy'])

  const refused = await run(process.execPath, [BIN, 'admin', 'stats', '--secret', 'not the secret'], { env: { SMALLPOP3_ADMIN_PORT: adminPort! } })
  t.equal(refused.code, 1, 'a wrong secret: the server refuses')
  t.match(refused.stderr, /the server refused: wrong secret/)
  const kickNone = await run(process.execPath, [BIN, 'admin', 'kick', '99', '--json'], { env })
  t.equal(kickNone.code, 1)
  t.match(JSON.parse(kickNone.stdout.toString()), { ok: false, text: /no open session 99/ })

  t.equal((await run(process.execPath, [BIN, 'admin'], { env })).code, 2, 'no command')
  t.equal((await run(process.execPath, [BIN, 'admin', 'frobnicate'], { env })).code, 2, 'an unknown command')
  t.equal((await run(process.execPath, [BIN, 'admin', 'stats'], { env: { SMALLPOP3_ADMIN_SECRET: secret! } })).code, 2, 'no port')

  // the server's log explains the admin lines, the secret masked
  await cli.waitFor(/A\d+\s+admin\s+C: AUTH \*{8}/)
  t.notOk(cli.stdout().includes(`AUTH ${secret}`))
  a.end()
})

t.test('smallpop3 admin in Spanish and Catalan: HELP\'s usage words, argument errors and the tables\' headers', async t => {
  // written out: the words an instructor reads
  const WORDS = {
    es: {
      env: 'es_ES.UTF-8', adduser: 'ADDUSER usuario contraseña [buzón]', kick: '-ERR falta un argumento: KICK sesión',
      users: /^USUARIO\s+BUZÓN\s+SESIONES$/, sessions: /^ID\s+USUARIO\s+DIRECCIÓN\s+ESTADO\s+INACTIVO\s+TLS\s+ENTRADA\s+SALIDA\s+COMANDOS\s+ÚLTIMO$/,
    },
    ca: {
      env: 'ca_ES.UTF-8', adduser: 'ADDUSER usuari contrasenya [bústia]', kick: '-ERR hi falta un argument: KICK sessió',
      users: /^USUARI\s+BÚSTIA\s+SESSIONS$/, sessions: /^ID\s+USUARI\s+ADREÇA\s+ESTAT\s+INACTIU\s+TLS\s+ENTRADA\s+SORTIDA\s+ORDRES\s+ÚLTIM$/,
    },
  }
  for (const [lang, words] of Object.entries(WORDS)) {
    if (!LANGUAGES.includes(lang)) continue
    const server = await adminServer({ lang })
    t.teardown(() => server.close())
    const pop = await loggedIn(server)
    t.teardown(() => pop.end())
    const env = { SMALLPOP3_ADMIN_SECRET: SECRET, SMALLPOP3_ADMIN_PORT: String(server.admin!.port), LANG: words.env }

    // the server's replies: HELP and the argument errors in its language
    const c = await RawClient.open(server.admin!.port)
    t.teardown(() => c.end())
    await c.line()
    t.match(await c.cmd(`AUTH ${SECRET}`), /^\+OK /)
    const help = await c.cmdMulti('HELP')
    t.ok(help.lines.some(l => l.startsWith(`${words.adduser}  `)), `${lang}: HELP shows ${words.adduser}`)
    t.equal((await c.cmdMulti('HELP adduser')).lines[0], words.adduser, `${lang}: HELP ADDUSER too`)
    t.equal(await c.cmd('KICK'), words.kick, `${lang}: a missing argument`)

    // the client's tables: headers in the client's language, values as the wire has them
    const cli = await run(process.execPath, [BIN, 'admin', 'help'], { env })
    t.equal(cli.code, 0, cli.stderr)
    t.match(cli.stdout.toString(), words.adduser, `${lang}: smallpop3 admin help`)
    const users = (await run(process.execPath, [BIN, 'admin', 'users'], { env })).stdout.toString().split('\n')
    t.match(users[1], words.users, `${lang}: USERS' headers`)
    t.match(users[2], /^guest\s/)
    const sessions = (await run(process.execPath, [BIN, 'admin', 'sessions'], { env })).stdout.toString().split('\n')
    t.match(sessions[1], words.sessions, `${lang}: SESSIONS' headers`)
    t.match(sessions[2], /^1\s+guest\s+127\.0\.0\.1:\d+\s+TRANSACTION\s+\d+\s+no\s/, 'the values as they are, but for the language\'s no (TLS)')
    const english = (await run(process.execPath, [BIN, 'admin', 'users'], { env: { ...env, LANG: 'C' } })).stdout.toString().split('\n')
    t.match(english[1], /^USER\s+MAILBOX\s+SESSIONS$/, `a client in English: English headers, whatever the server's language`)
    const json = JSON.parse((await run(process.execPath, [BIN, 'admin', 'users', '--json'], { env })).stdout.toString())
    t.same(Object.keys(json.data[0]), ['user', 'mailbox', 'sessions'], `${lang}: --json keeps the wire's field names`)

    // smallpop3 help admin lists the commands as the language writes them
    const usage = await run(process.execPath, [BIN, 'help', 'admin'], { env })
    t.match(usage.stdout.toString(), `  ${words.adduser}\n`, `${lang}: smallpop3 help admin`)
  }
})

t.test('smallpop3 admin: a server that is not there, or does not answer, is an error within seconds', async t => {
  // a port just closed: nothing listens there
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const closedPort = (probe.address() as { port: number }).port
  await new Promise(resolve => probe.close(resolve))
  let start = Date.now()
  const absent = await run(process.execPath, [BIN, 'admin', 'stats', '--port', String(closedPort), '--secret', 'whatever-secret'], { timeout: 15000 })
  t.equal(absent.code, 3)
  t.match(absent.stderr, /nothing is listening on 127\.0\.0\.1 port \d+/)
  t.ok(Date.now() - start < 5000)

  // a server that accepts and never says a word
  const mute: Server = createServer(socket => socket.on('error', () => {})).listen(0, '127.0.0.1')
  await once(mute, 'listening')
  t.teardown(() => void mute.close())
  start = Date.now()
  const silent = await run(process.execPath, [BIN, 'admin', 'stats', '--port', String((mute.address() as { port: number }).port), '--secret', 'whatever-secret'], { timeout: 15000 })
  t.equal(silent.code, 3)
  t.match(silent.stderr, /no answer from 127\.0\.0\.1 port \d+ within 3 seconds/)
  t.ok(Date.now() - start < 6000, 'within seconds, not a hang')
})

t.test('serve: --admin-host and --admin-secret need --admin-port; a short secret is refused', async t => {
  const lone = runCli(['--port', '0', '--admin-secret', 'long enough secret'])
  t.equal(await lone.exit, 2)
  t.match(lone.stderr(), /go with --admin-port/)
  const short = runCli(['--port', '0', '--admin-port', '0', '--admin-secret', 'short'])
  t.equal(await short.exit, 2)
  t.match(short.stderr(), /8 to 200 characters/)
  const given = runCli(['--port', '0', '--admin-port', '0'], { env: { SMALLPOP3_ADMIN_SECRET: 'from the environment' } })
  t.teardown(() => void given.child.kill())
  await given.waitFor(/Admin port 127\.0\.0\.1:\d+, behind the secret/)
  t.notOk(given.stdout().includes('from the environment'), 'a secret the instructor chose is not printed')
})
