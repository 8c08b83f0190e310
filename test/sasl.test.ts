// AUTH PLAIN (RFC 5034, RFC 4616), --require-tls, and CAPA in every state and mode (RFC 2449), over raw sockets.
import t, { type Test } from 'tap'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { selfSignedCertificate, translator, VERSION, type Certificate, type ServerOptions } from '../dist/index.js'
import { eventOf, loggedIn, RawClient, testServer, type TestServer } from './helpers.js'

const en = translator('en')
const cert: Certificate = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-sasl-')))
const b64 = (text: string): string => Buffer.from(text).toString('base64')
const GOOD = b64('\0guest\0visitor')
const LOGIN_OK = /^\+OK guest has \d+ messages \([\d,]+ octets\)$/

async function server(t: Test, options: ServerOptions = {}): Promise<TestServer> {
  const s = await testServer(undefined, { tls: cert, loginDelay: { max: 0 }, ...options })
  t.teardown(() => s.close())
  return s
}

async function greeted(port: number): Promise<RawClient> {
  const c = await RawClient.open(port)
  const greeting = await c.line()
  if (!greeting.startsWith('+OK ')) throw new Error(`greeting: ${greeting}`)
  return c
}

t.test('AUTH alone lists the mechanisms, multi-line', async t => {
  const s = await server(t)
  const c = await greeted(s.port)
  const r = await c.cmdMulti('AUTH')
  t.equal(r.status, `+OK ${en('auth.list', { list: 'PLAIN' })}`)
  t.same(r.lines, ['PLAIN'])
  t.match(await c.cmd('NOOP'), /^-ERR /, 'still in AUTHORIZATION, and the next line is read as a command')
  c.end()
})

t.test('AUTH PLAIN with an initial response logs in; the event says SASL PLAIN', async t => {
  const s = await server(t)
  const c = await greeted(s.port)
  t.match(await c.cmd(`AUTH PLAIN ${GOOD}`), LOGIN_OK)
  t.match(await c.cmd('STAT'), /^\+OK \d+ \d+$/)
  t.match(await eventOf(s, 'login'), { ok: true, method: 'SASL PLAIN', user: 'guest' })
  t.match(await c.cmd('AUTH PLAIN ' + GOOD), new RegExp(`^-ERR ${en('state.loggedIn', { verb: 'AUTH' })}`), 'AUTH in TRANSACTION is refused')
  t.match(await c.cmd('STAT'), /^\+OK/, 'and the session goes on')
  c.end()
})

t.test('AUTH PLAIN, then the response on its own line after "+ "; lower case too; the authzid may be the user', async t => {
  const s = await server(t)
  for (const [line, response] of [['AUTH PLAIN', GOOD], ['auth plain', GOOD], ['AUTH PLAIN', b64('guest\0guest\0visitor')]]) {
    const c = await greeted(s.port)
    c.send(line + '\r\n')
    t.equal(await c.line(), '+ ', 'the continuation is "+" and a space')
    t.match(await c.cmd(response!), LOGIN_OK, `${line}, then ${response}`)
    t.match(await c.cmd('QUIT'), /^\+OK/)
    await c.closedByServer()
  }
})

t.test('* cancels; the session goes on and a login works after it', async t => {
  const s = await server(t)
  const c = await greeted(s.port)
  t.equal(await c.cmd('AUTH PLAIN'), '+ ')
  t.equal(await c.cmd('*'), `-ERR ${en('auth.cancelled')}`)
  t.equal(await c.cmd('AUTH PLAIN'), '+ ')
  t.match(await c.cmd(GOOD), LOGIN_OK)
  c.end()
})

t.test('bad responses: each an -ERR that teaches, the session usable after each', async t => {
  const s = await server(t)
  const c = await greeted(s.port)
  const cases: [string, string][] = [
    [`AUTH PLAIN =`, en('auth.notPlain')], // the empty response (RFC 5034 §4)
    [`AUTH PLAIN !!!`, en('auth.notBase64')],
    [`AUTH PLAIN ${GOOD.slice(0, -1)}`, en('auth.notBase64')], // padding missing
    [`AUTH PLAIN ${GOOD}=`, en('auth.notBase64')], // padding too much
    [`AUTH PLAIN ${b64('guest\0visitor')}`, en('auth.notPlain')], // two parts
    [`AUTH PLAIN ${b64('\0guest\0')}`, en('auth.notPlain')], // an empty password
    [`AUTH PLAIN ${b64('\0\0visitor')}`, en('auth.notPlain')], // an empty user
    [`AUTH PLAIN ${b64('\0guest\0visitor\0x')}`, en('auth.notPlain')], // four parts
    [`AUTH PLAIN ${b64('root\0guest\0visitor')}`, en('auth.authzid', { user: 'guest', authzid: 'root' })],
    [`AUTH PLAIN ${b64('root\0guest\0wrong')}`, en('auth.authzid', { user: 'guest', authzid: 'root' })], // decided before the password
    [`AUTH LOGIN`, en('auth.unknown', { mechanism: 'LOGIN', list: 'PLAIN' })],
    [`AUTH CRAM-MD5`, en('auth.unknown', { mechanism: 'CRAM-MD5', list: 'PLAIN' })],
    [`AUTH ${GOOD}`, en('auth.noMechanism')], // credentials where the mechanism goes: not echoed
  ]
  for (const [line, text] of cases) t.equal(await c.cmd(line), `-ERR ${text}`, line)
  t.match(await c.cmd(`AUTH PLAIN ${GOOD.slice(0, 8)} ${GOOD.slice(8)}`), /^-ERR /, 'base64 with a space in it')
  // the same mistakes as a response after "+ "
  for (const response of ['!!!', GOOD.slice(0, -1), `${GOOD.slice(0, 8)} ${GOOD.slice(8)}`, ' ' + GOOD]) {
    t.equal(await c.cmd('AUTH PLAIN'), '+ ')
    t.equal(await c.cmd(response), `-ERR ${en('auth.notBase64')}`, JSON.stringify(response))
  }
  t.notOk(s.events.some(e => e.type === 'login'), 'none of them was a login attempt')
  t.match(await c.cmd(`AUTH PLAIN ${GOOD}`), LOGIN_OK, 'after all that, a login works')
  c.end()
})

t.test('a wrong password: -ERR [AUTH], and the brake on guessing applies', async t => {
  const s = await server(t, { loginDelay: { first: 300, max: 300 } })
  const c = await greeted(s.port)
  let t0 = Date.now()
  t.equal(await c.cmd(`AUTH PLAIN ${b64('\0guest\0wrong')}`), `-ERR [AUTH] ${en('auth.wrong', { user: 'guest' })}`)
  t.ok(Date.now() - t0 >= 280, `the answer waited ${Date.now() - t0} ms`)
  t.equal(await c.cmd('AUTH PLAIN'), '+ ')
  t0 = Date.now()
  t.equal(await c.cmd(b64('\0nobody\0wrong')), `-ERR [AUTH] ${en('auth.wrong', { user: 'nobody' })}`, 'an unknown user: the same answer')
  t.ok(Date.now() - t0 >= 280, 'waited too')
  const logins = s.events.filter(e => e.type === 'login')
  t.match(logins, [{ ok: false, method: 'SASL PLAIN', user: 'guest' }, { ok: false, method: 'SASL PLAIN', user: 'nobody' }])
  t.equal(s.events.filter(e => e.type === 'delay').length, 2)
  c.end()
})

t.test('after "+ ", a command word is the response, not a command; a too-long response is refused', async t => {
  const s = await server(t)
  const c = await greeted(s.port)
  t.equal(await c.cmd('AUTH PLAIN'), '+ ')
  t.match(await c.cmd('QUIT'), /^-ERR /, 'QUIT read as (bad) credentials')
  t.notOk(c.closed, 'the connection stays open')
  t.notOk(s.events.some(e => e.type === 'command' && e.verb === 'QUIT'), 'no QUIT command event')
  t.match(await c.cmd('CAPA'), /^\+OK/, 'the next line is a command again')
  await c.multi()
  t.equal(await c.cmd('AUTH PLAIN'), '+ ')
  t.match(await c.cmd('A'.repeat(400)), /^-ERR line too long \(402 octets\)/)
  t.match(await c.cmd(`AUTH PLAIN ${GOOD}`), LOGIN_OK, 'then a login works')
  c.end()
})

t.test('[IN-USE] when another session holds the maildrop', async t => {
  const s = await server(t)
  const holder = await loggedIn(s)
  const c = await greeted(s.port)
  t.equal(await c.cmd(`AUTH PLAIN ${GOOD}`), `-ERR [IN-USE] ${en('login.inUse', { user: 'guest' })}`)
  await holder.cmd('QUIT')
  await holder.closedByServer()
  t.match(await c.cmd(`AUTH PLAIN ${GOOD}`), LOGIN_OK, 'once it is let go, the login works')
  c.end()
})

t.test('--require-tls: credentials refused in clear, taken after STLS and on the TLS port', async t => {
  const s = await server(t, { requireTls: true, tlsPort: 0 })
  const c = await greeted(s.port)
  for (const line of ['USER guest', 'PASS visitor', 'APOP guest 0123456789abcdef0123456789abcdef', 'AUTH', `AUTH PLAIN ${GOOD}`, 'AUTH PLAIN']) {
    const verb = line.split(' ')[0]!
    t.equal(await c.cmd(line), `-ERR ${en('tls.required', { verb })}`, line)
  }
  t.notOk(s.events.some(e => e.type === 'login'), 'nothing was checked')
  t.match(await c.cmd('STLS'), /^\+OK/)
  const secure = await c.upgrade(cert.cert)
  t.match(await secure.cmd('USER guest'), /^\+OK/)
  t.match(await secure.cmd('PASS visitor'), LOGIN_OK)
  await secure.cmd('QUIT')
  const pop3s = await RawClient.openTls(s.tlsPort!, cert.cert)
  t.match(await pop3s.line(), /^\+OK /)
  t.match(await pop3s.cmd(`AUTH PLAIN ${GOOD}`), LOGIN_OK)
  pop3s.end()
})

t.test('CAPA in every state and mode is exactly what the connection can do', async t => {
  const tail = ['PIPELINING', 'RESP-CODES', 'AUTH-RESP-CODE', 'EXPIRE NEVER', 'LANG', `IMPLEMENTATION smallpop3-${VERSION}`]
  const expected = (login: boolean, stls: boolean): string[] => ['TOP', 'UIDL', ...(login ? ['USER', 'SASL PLAIN'] : []), ...(stls ? ['STLS'] : []), ...tail]
  for (const requireTls of [false, true]) {
    const s = await server(t, { requireTls, tlsPort: 0 })
    for (const mode of ['plain', 'STLS', 'POP3S'] as const) {
      for (const phase of ['before login', 'after login'] as const) {
        if (requireTls && mode === 'plain' && phase === 'after login') continue // cannot log in
        const what = `${mode}, ${phase}, requireTls ${requireTls}`
        let c: RawClient
        if (mode === 'POP3S') {
          c = await RawClient.openTls(s.tlsPort!, cert.cert)
          await c.line()
        } else {
          c = await greeted(s.port)
          if (mode === 'STLS') {
            await c.cmd('STLS')
            c = await c.upgrade(cert.cert)
          }
        }
        if (phase === 'after login') t.match(await c.cmd(`AUTH PLAIN ${GOOD}`), LOGIN_OK, what)
        const { status, lines } = await c.cmdMulti('CAPA')
        t.equal(status, `+OK ${en('capa.ok')}`)
        const plainBefore = mode === 'plain' && phase === 'before login'
        t.same(lines, expected(!(requireTls && mode === 'plain'), plainBefore), what)
        await c.cmd('QUIT')
        await c.closedByServer()
      }
    }
    await s.close()
  }
  const bare = await testServer(undefined, {})
  t.teardown(() => bare.close())
  const c = await greeted(bare.port)
  t.same((await c.cmdMulti('CAPA')).lines, expected(true, false), 'no certificate: no STLS')
  c.end()
})
