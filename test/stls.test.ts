// STLS (RFC 2595 §4) over raw sockets: node:net for the plain part, node:tls over the same socket for the rest.
import t, { type Test } from 'tap'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { connect as tcpConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { selfSignedCertificate, translator, type Certificate, type ServerOptions } from '../dist/index.js'
import { eventOf, RawClient, testServer, type TestServer } from './helpers.js'

const en = translator('en')
const cert: Certificate = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-stls-')))

async function server(t: Test, options: ServerOptions = {}): Promise<TestServer> {
  const s = await testServer(undefined, { tls: cert, loginDelay: { max: 0 }, ...options })
  t.teardown(() => s.close())
  return s
}

/** The client's side of the handshake over `c`'s socket, trusting the test certificate. */
function handshake(c: RawClient): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({ socket: c.socket, ca: cert.cert, servername: 'localhost' })
    secure.once('secureConnect', () => resolve(secure))
    secure.once('error', reject)
  })
}

const upgrade = (c: RawClient): Promise<RawClient> => c.upgrade(cert.cert)

async function greeted(s: TestServer): Promise<RawClient> {
  const c = await RawClient.open(s.port)
  const greeting = await c.line()
  if (!greeting.startsWith('+OK ')) throw new Error(`greeting: ${greeting}`)
  return c
}

const commands = (s: TestServer, verb: string) => s.events.filter(e => e.type === 'command' && e.verb === verb)

t.test('STLS: offered, +OK, the handshake, then no STLS in CAPA and STLS again refused', async t => {
  const s = await server(t)
  const c = await greeted(s)
  const before = await c.cmdMulti('CAPA')
  t.ok(before.lines.includes('STLS'), 'CAPA lists STLS on a plain connection')
  t.equal(await c.cmd('STLS'), `+OK ${en('stls.ok')}`)
  const secure = await upgrade(c)
  const after = await secure.cmdMulti('CAPA')
  t.equal(after.status, `+OK ${en('capa.ok')}`)
  t.notOk(after.lines.includes('STLS'), 'no STLS once encrypted')
  t.ok(after.lines.includes('USER'))
  t.equal(await secure.cmd('STLS'), `-ERR ${en('stls.already')}`)
  t.equal(await secure.cmd('USER guest'), `+OK ${en('user.ok', { user: 'guest' })}`)
  t.match(await secure.cmd('PASS visitor'), /^\+OK guest has \d+ messages/)
  t.match(await secure.cmd('STAT'), /^\+OK \d+ \d+$/)
  t.match(await secure.cmd('QUIT'), /^\+OK/)
  const started = await eventOf(s, 'starttls')
  t.match(started, { tls: true, protocol: /^TLSv1\.[23]$/, cipher: /./ })
  t.ok(s.events.filter(e => e.type === 'command' && e.verb === 'PASS').every(e => e.tls), 'the login is marked as encrypted')
  t.notOk(commands(s, 'STLS')[0]?.tls, 'the STLS line itself came in clear')
  t.ok(commands(s, 'STLS')[1]?.tls, 'the second one came encrypted')
  secure.end()
})

t.test('STLS after login on a plain connection is refused, and the session goes on', async t => {
  const s = await server(t)
  const c = await greeted(s)
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  t.equal(await c.cmd('STLS'), `-ERR ${en('stls.loggedIn')}`)
  t.match(await c.cmd('STAT'), /^\+OK \d+ \d+$/, 'still in TRANSACTION, still plain')
  t.notOk((await c.cmdMulti('CAPA')).lines.includes('STLS'), 'CAPA after login offers no STLS')
  t.notOk(s.events.some(e => e.type === 'starttls'))
  c.end()
})

t.test('a server without a certificate: STLS unavailable, not in CAPA', async t => {
  const s = await testServer(undefined, { loginDelay: { max: 0 } })
  t.teardown(() => s.close())
  const c = await greeted(s)
  t.notOk((await c.cmdMulti('CAPA')).lines.includes('STLS'))
  t.equal(await c.cmd('STLS'), `-ERR ${en('stls.unavailable')}`)
  t.match(await c.cmd('USER guest'), /^\+OK/, 'the session goes on in clear')
  c.end()
})

t.test('a USER given before STLS is forgotten', async t => {
  const s = await server(t)
  const c = await greeted(s)
  t.match(await c.cmd('USER guest'), /^\+OK/)
  t.match(await c.cmd('STLS'), /^\+OK/)
  const secure = await upgrade(c)
  t.equal(await secure.cmd('PASS visitor'), `-ERR ${en('pass.noUser')}`)
  t.notOk(s.events.some(e => e.type === 'login'), 'no login')
  secure.end()
})

t.test('commands pipelined behind STLS in the same write are never run', async t => {
  const s = await server(t)
  const c = await greeted(s)
  c.send('STLS\r\nUSER guest\r\nPASS visitor\r\nDELE 1\r\n')
  t.equal(await c.line(), `+OK ${en('stls.ok')}`)
  const secure = await upgrade(c)
  t.equal(await secure.cmd('PASS visitor'), `-ERR ${en('pass.noUser')}`, 'the USER sent in clear was never read')
  t.match(await secure.cmd('STAT'), /^-ERR /, 'not logged in')
  t.equal(commands(s, 'USER').length, 0, 'no command event for the injected USER')
  t.equal(commands(s, 'PASS').length, 1, 'only the PASS sent over TLS')
  t.equal(commands(s, 'DELE').length, 0)
  t.notOk(s.events.some(e => e.type === 'login'))
  secure.end()
})

t.test('a command in a separate write before the handshake is never run', async t => {
  const s = await server(t)
  const c = await greeted(s)
  c.socket.setNoDelay(true)
  c.send('STLS\r\n')
  c.send('USER guest\r\n')
  t.equal(await c.line(), `+OK ${en('stls.ok')}`)
  // The second write is either already in the server's buffer (dropped) or
  // arrives after the server began TLS (a failed handshake): never a command.
  const secure = await handshake(c).catch(() => undefined)
  if (secure) {
    const sc = RawClient.over(secure)
    t.equal(await sc.cmd('PASS visitor'), `-ERR ${en('pass.noUser')}`)
    sc.end()
  } else t.ok(await eventOf(s, 'tlsError'))
  t.equal(commands(s, 'USER').length, 0, 'no command event for USER')
})

t.test('plain text after STLS: a tlsError, the connection closed, the server fine', async t => {
  const s = await server(t)
  const c = await greeted(s)
  t.match(await c.cmd('STLS'), /^\+OK/)
  c.send('USER guest\r\n')
  await c.closedByServer()
  const failed = await eventOf(s, 'tlsError')
  t.match(failed, { stls: true, remote: /^127\.0\.0\.1:\d+$/, reason: /./ })
  t.equal(commands(s, 'USER').length, 0)
  const d = await eventOf(s, 'disconnect')
  t.equal(d.reason, 'error')
  const next = await greeted(s)
  t.match(await next.cmd('USER guest'), /^\+OK/, 'the next client is served')
  next.end()
})

t.test('a handshake that never comes times out', async t => {
  const s = await server(t, { timeout: 0.5 })
  const c = await greeted(s)
  t.match(await c.cmd('STLS'), /^\+OK/)
  const started = Date.now()
  await c.closedByServer(3000)
  t.ok(Date.now() - started < 2500, 'closed after about the timeout')
  t.match(await eventOf(s, 'tlsError'), { stls: true, reason: 'ETIMEDOUT' })
})

t.test('close() during a handshake returns promptly', async t => {
  for (const where of ['stls', 'port'] as const) {
    const s = await testServer(undefined, { tls: cert, tlsPort: 0 })
    const c = where === 'stls' ? await greeted(s) : await RawClient.open(s.tlsPort!)
    if (where === 'stls') t.match(await c.cmd('STLS'), /^\+OK/)
    else await new Promise(r => setTimeout(r, 50)) // the server has the connection, in its handshake
    const started = Date.now()
    await s.close()
    t.ok(Date.now() - started < 1000, `close() with a ${where} handshake pending took ${Date.now() - started} ms`)
    await c.closedByServer()
    t.notOk(s.events.some(e => e.type === 'tlsError'), 'a shutdown is no failed handshake')
  }
})

t.test('the connection limit counts a connection still in its handshake on the TLS port', async t => {
  const s = await server(t, { tlsPort: 0, maxConnections: 1 })
  const pending = tcpConnect(s.tlsPort!, '127.0.0.1') // TCP only: its handshake never starts
  pending.on('error', () => {})
  await once(pending, 'connect')
  await new Promise(r => setTimeout(r, 50))
  t.equal(s.sessions, 1, 'the pending handshake holds the one slot')
  // the next one on the TLS port is refused, encrypted, after its own handshake
  const secure = RawClient.over(await new Promise<TLSSocket>((resolve, reject) => {
    const sock = tlsConnect({ port: s.tlsPort!, host: '127.0.0.1', ca: cert.cert, servername: 'localhost' })
    sock.once('secureConnect', () => resolve(sock))
    sock.once('error', reject)
  }))
  t.match(await secure.line(), /^-ERR \[SYS\/TEMP\] the server is full/)
  await secure.closedByServer()
  // and on the plain port, in clear
  const plain = await RawClient.open(s.port)
  t.match(await plain.line(), /^-ERR \[SYS\/TEMP\] /)
  await plain.closedByServer()
  pending.destroy()
  for (let i = 0; i < 100 && s.sessions > 0; i++) await new Promise(r => setTimeout(r, 20))
  t.equal(s.sessions, 0, 'a pending handshake that gives up frees its slot')
  const next = await greeted(s)
  t.match(await next.cmd('CAPA'), /^\+OK/, 'then a client is served')
  next.end()
})
