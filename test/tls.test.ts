// TLS with the real tools (openssl s_client, curl, Python's poplib) in both modes: POP3S, implicit TLS on a
// second port, and STLS on the plain one; AUTH PLAIN; CAPA in every state and mode; --require-tls.
import t, { type Test } from 'tap'
import { createHash, X509Certificate } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { explain, selfSignedCertificate, translator, type Certificate } from '../dist/index.js'
import { eventOf, loggedIn, ROOT, run, runCli, testServer, unstuff, type TestServer } from './helpers.js'

const has = async (cmd: string): Promise<boolean> => (await run('sh', ['-c', `command -v ${cmd}`])).code === 0
const missing = async (cmd: string): Promise<string | false> => ((await has(cmd)) ? false : `${cmd} is not installed`)

const certDir = mkdtempSync(join(tmpdir(), 'smallpop3-tls-'))
const cert: Certificate = await selfSignedCertificate(certDir)

/** A server with a TLS listener beside the plain one, and message 1 as a plain-port client receives it (RETR's raw bytes). */
async function tlsServer(t: Test): Promise<{ server: TestServer; retr1: Buffer }> {
  const server = await testServer({ guest: join(ROOT, 'mbox.mail') }, { tlsPort: 0, tls: cert, loginDelay: { max: 0 } })
  t.teardown(() => server.close())
  const c = await loggedIn(server)
  const { raw } = await c.cmdMulti('RETR 1')
  await c.cmd('QUIT')
  c.end()
  return { server, retr1: raw }
}

t.test('the certificate kept in the state folder', async t => {
  t.equal(cert.generated, true)
  t.equal(statSync(cert.keyPath).mode & 0o777, 0o600, 'the key is private')
  const again = await selfSignedCertificate(certDir)
  t.equal(again.generated, false, 'made once, then read back')
  t.equal(again.cert, cert.cert)
  const sans = await run('openssl', ['x509', '-noout', '-ext', 'subjectAltName', '-in', cert.certPath])
  t.match(sans.stdout.toString(), /DNS:localhost/)
  t.match(sans.stdout.toString(), /IP Address:127\.0\.0\.1/)
})

t.test('openssl s_client -connect through a whole session', { skip: await missing('openssl') }, async t => {
  const { server, retr1 } = await tlsServer(t)
  t.type(server.tlsPort, 'number')
  t.not(server.tlsPort, server.port)
  const r = await run('openssl', ['s_client', '-connect', `127.0.0.1:${server.tlsPort}`, '-quiet', '-CAfile', cert.certPath], {
    input: 'USER guest\r\nPASS visitor\r\nSTAT\r\nRETR 1\r\nQUIT\r\n',
    timeout: 15000,
  })
  t.equal(r.code, 0, r.stderr)
  const out = r.stdout.toString('latin1')
  const lines = out.split('\r\n')
  t.match(lines[0], /^\+OK /, 'greeting')
  t.match(lines[1], /^\+OK /, 'USER')
  t.match(lines[2], /^\+OK guest has/, 'PASS')
  t.match(lines[3], /^\+OK \d+ \d+$/, 'STAT')
  t.match(lines[4], /^\+OK /, 'RETR')
  const start = lines.slice(0, 5).join('\r\n').length + 2
  t.ok(Buffer.from(out.slice(start), 'latin1').subarray(0, retr1.length).equals(retr1), "RETR 1's bytes are the plain port's")
  t.match(out.slice(start + retr1.length), /^\+OK goodbye/, 'QUIT')
  const connect = server.events.find(e => e.type === 'connect' && e.tls)
  t.ok(connect, 'the session is marked as TLS')
  if (connect?.type === 'connect') {
    t.match(connect.protocol, /^TLSv1\.[23]$/)
    t.ok(connect.cipher)
  }
  const pass = server.events.find(e => e.type === 'command' && e.verb === 'PASS' && e.tls)
  t.ok(pass, "the session's every event is marked as TLS")
  if (pass) t.match(explain(pass, translator('en')).join(' '), /encrypted/, 'PASS is not said to travel in clear')
  t.ok(server.events.some(e => e.type === 'command' && e.verb === 'PASS' && !e.tls), 'the plain-port session is not marked')
})

t.test("curl's pop3s:// trusting the certificate", { skip: await missing('curl') }, async t => {
  const { server, retr1 } = await tlsServer(t)
  const r = await run('curl', ['-sS', '--max-time', '10', '--cacert', cert.certPath, `pop3s://guest:visitor@127.0.0.1:${server.tlsPort}/1`])
  t.equal(r.code, 0, r.stderr)
  t.ok(r.stdout.equals(unstuff(retr1)), 'message 1 byte for byte')
  const untrusted = await run('curl', ['-sS', '--max-time', '10', `pop3s://guest:visitor@127.0.0.1:${server.tlsPort}/1`])
  t.not(untrusted.code, 0, 'without --cacert curl refuses the self-signed certificate')
})

t.test("Python's poplib.POP3_SSL", { skip: await missing('python3') }, async t => {
  const { server, retr1 } = await tlsServer(t)
  const script = `
import base64, json, poplib, ssl
ctx = ssl.create_default_context(cafile=${JSON.stringify(cert.certPath)})
p = poplib.POP3_SSL('127.0.0.1', ${server.tlsPort}, context=ctx, timeout=10)
p.user('guest'); p.pass_('visitor')
resp, lines, octets = p.retr(1)
print(json.dumps({'stat': list(p.stat()), 'msg': base64.b64encode(b''.join(l + b'\\r\\n' for l in lines)).decode(), 'quit': p.quit().decode()}))
`
  const r = await run('python3', ['-c', script])
  t.equal(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout.toString())
  t.ok(Buffer.from(out.msg, 'base64').equals(unstuff(retr1)), 'message 1 byte for byte')
  t.match(out.quit, /^\+OK/)
})

t.test('a plain-text client on the TLS port: one log event, and the server goes on', async t => {
  const { server } = await tlsServer(t)
  const s = connect(server.tlsPort!, '127.0.0.1')
  s.on('error', () => {})
  s.write('USER guest\r\n')
  await new Promise(resolve => s.on('close', resolve))
  const ev = await eventOf(server, 'tlsError')
  t.match(ev.remote, /^127\.0\.0\.1:\d+$/)
  t.ok(ev.reason)
  const c = await loggedIn(server)
  t.match(await c.cmd('STAT'), /^\+OK/, 'the plain port still serves')
  c.end()
  if (await has('openssl')) {
    const r = await run('openssl', ['s_client', '-connect', `127.0.0.1:${server.tlsPort}`, '-quiet'], { input: 'QUIT\r\n', timeout: 15000 })
    t.match(r.stdout.toString(), /^\+OK [^]*\+OK/, 'the TLS port still serves')
  }
})

t.test('close() does not wait for a connection stuck before its handshake', async t => {
  const server = await testServer(undefined, { tlsPort: 0, tls: cert })
  const s = connect(server.tlsPort!, '127.0.0.1')
  s.on('error', () => {})
  await new Promise(resolve => s.on('connect', resolve))
  const started = Date.now()
  await server.close()
  t.ok(Date.now() - started < 3000, 'closed at once')
  s.destroy()
})

t.test('smallpop3 --tls-port: the banner, the fingerprint, the same certificate after a restart', { skip: await missing('openssl') }, async t => {
  const home = mkdtempSync(join(tmpdir(), 'smallpop3-home-'))
  const start = async (): Promise<{ port: string; fingerprint: string; out: string }> => {
    const cli = runCli(['--port', '0', '--tls-port', '0'], { env: { SMALLPOP3_HOME: home } })
    t.teardown(() => void cli.child.kill('SIGKILL'))
    const [, port] = await cli.waitFor(/openssl s_client -connect localhost:(\d+)/)
    const [, fingerprint] = await cli.waitFor(/SHA-256 fingerprint ([0-9A-F:]+)/)
    const out = cli.stdout()
    cli.child.kill('SIGINT')
    t.equal(await cli.exit, 0)
    return { port: port!, fingerprint: fingerprint!, out }
  }
  const first = await start()
  const certPath = join(home, 'tls', 'cert.pem')
  const keyPath = join(home, 'tls', 'key.pem')
  t.match(first.out, /POP3S \(TLS from the first byte\) on 127\.0\.0\.1:\d+/)
  const openssl = await run('openssl', ['x509', '-noout', '-fingerprint', '-sha256', '-in', certPath])
  t.equal(openssl.stdout.toString().trim().split('=')[1], first.fingerprint, 'the banner shows what openssl computes')
  t.equal(statSync(keyPath).mode & 0o777, 0o600, 'the key file is private')
  const pem = readFileSync(certPath, 'utf8')
  const second = await start()
  t.equal(second.fingerprint, first.fingerprint, 'the same certificate after a restart')
  t.equal(readFileSync(certPath, 'utf8'), pem)
})

t.test('--cert and --key', async t => {
  const given = runCli(['--port', '0', '--tls-port', '0', '--cert', cert.certPath, '--key', cert.keyPath])
  t.teardown(() => void given.child.kill('SIGKILL'))
  const [, fingerprint] = await given.waitFor(/SHA-256 fingerprint ([0-9A-F:]+)/)
  const der = new X509Certificate(cert.cert).raw
  t.equal(fingerprint, createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)!.join(':'), 'the fingerprint of the given certificate')
  given.child.kill('SIGINT')
  t.equal(await given.exit, 0)

  const gone = runCli(['--port', '0', '--tls-port', '0', '--cert', join(certDir, 'nope.pem'), '--key', cert.keyPath])
  t.equal(await gone.exit, 1, 'a missing certificate file')
  t.equal(gone.stderr().trim().split('\n').length, 1, gone.stderr())
  t.match(gone.stderr(), /nope\.pem/)

  const notCert = runCli(['--port', '0', '--tls-port', '0', '--cert', cert.keyPath, '--key', cert.keyPath])
  t.equal(await notCert.exit, 1, 'a key given as the certificate')
  t.equal(notCert.stderr().trim().split('\n').length, 1, notCert.stderr())

  const alone = runCli(['--port', '0', '--cert', cert.certPath])
  t.equal(await alone.exit, 2, '--cert without --key and --tls-port')
  t.match(alone.stderr(), /--cert and --key go together/)
})

/** A line client whose connection may turn to TLS: a plain one that can send STLS, or one to the TLS port. */
class Lines {
  #buf = ''
  #wake: (() => void) | undefined
  closed = false
  constructor(public socket: Socket | TLSSocket) {
    this.#listen()
  }

  #listen(): void {
    this.socket.on('data', this.#data)
    this.socket.on('close', () => {
      this.closed = true
      this.#wake?.()
    })
    this.socket.on('error', () => {})
  }

  #data = (d: Buffer): void => {
    this.#buf += d.toString('latin1')
    this.#wake?.()
  }

  static async plain(port: number, ca = cert.cert): Promise<Lines> {
    const socket = connect(port, '127.0.0.1')
    await once(socket, 'connect')
    const lines = new Lines(socket)
    lines.ca = ca
    return lines
  }

  static async tls(port: number, ca = cert.cert): Promise<Lines> {
    const socket = tlsConnect({ port, host: '127.0.0.1', servername: 'localhost', ca })
    await once(socket, 'secureConnect')
    return new Lines(socket)
  }

  /** The certificate trusted (only it) at STLS. */
  ca = cert.cert

  /** The TLS handshake on this connection (after STLS's +OK). */
  async upgrade(): Promise<void> {
    this.socket.off('data', this.#data)
    const secure = tlsConnect({ socket: this.socket as Socket, servername: 'localhost', ca: this.ca })
    await once(secure, 'secureConnect')
    this.socket = secure
    this.#listen()
  }

  async line(ms = 5000): Promise<string> {
    const deadline = Date.now() + ms
    for (;;) {
      const nl = this.#buf.indexOf('\r\n')
      if (nl !== -1) {
        const line = this.#buf.slice(0, nl)
        this.#buf = this.#buf.slice(nl + 2)
        return line
      }
      if (this.closed || Date.now() > deadline) throw new Error(`no line; unread: ${JSON.stringify(this.#buf)}`)
      await new Promise<void>(resolve => {
        this.#wake = resolve
        setTimeout(resolve, 50)
      })
    }
  }

  async cmd(line: string): Promise<string> {
    this.socket.write(line + '\r\n')
    return this.line()
  }

  /** CAPA's list. */
  async capa(): Promise<string[]> {
    const status = await this.cmd('CAPA')
    if (!status.startsWith('+OK')) throw new Error(status)
    const lines: string[] = []
    for (let l = await this.line(); l !== '.'; l = await this.line()) lines.push(l)
    return lines
  }
}

const withoutImpl = (capa: string[]): string[] => capa.filter(c => !c.startsWith('IMPLEMENTATION '))
const BEFORE_LOGIN = ['TOP', 'UIDL', 'USER', 'SASL PLAIN', 'PIPELINING', 'RESP-CODES', 'AUTH-RESP-CODE', 'EXPIRE NEVER', 'LANG']

t.test('openssl s_client -starttls pop3, as a student types it, through a whole session', { skip: await missing('openssl') }, async t => {
  const { server, retr1 } = await tlsServer(t)
  // s_client reads the greeting and sends STLS itself; the rest is what the student types
  const r = await run('openssl', ['s_client', '-starttls', 'pop3', '-connect', `localhost:${server.port}`, '-quiet', '-CAfile', cert.certPath, '-verify_return_error'], {
    input: 'CAPA\r\nUSER guest\r\nPASS visitor\r\nSTAT\r\nRETR 1\r\nQUIT\r\n',
    timeout: 15000,
  })
  t.equal(r.code, 0, r.stderr)
  const out = r.stdout.toString('latin1')
  const capaEnd = out.indexOf('\r\n.\r\n') + 5
  const capa = out.slice(0, capaEnd).split('\r\n').slice(1, -2)
  t.same(withoutImpl(capa), BEFORE_LOGIN, 'CAPA after STLS: no STLS any more, USER and SASL still there')
  const lines = out.slice(capaEnd).split('\r\n')
  t.match(lines[0], /^\+OK /, 'USER')
  t.match(lines[1], /^\+OK guest has/, 'PASS')
  t.match(lines[2], /^\+OK \d+ \d+$/, 'STAT')
  t.match(lines[3], /^\+OK /, 'RETR')
  const start = capaEnd + lines.slice(0, 4).join('\r\n').length + 2
  t.ok(Buffer.from(out.slice(start), 'latin1').subarray(0, retr1.length).equals(retr1), "RETR 1's bytes are the plain port's")
  t.match(out.slice(start + retr1.length), /^\+OK goodbye/, 'QUIT')
  const starttls = await eventOf(server, 'starttls')
  t.match(starttls.protocol, /^TLSv1\.[23]$/)
  t.ok(server.events.some(e => e.type === 'login' && e.ok && e.tls && e.method === 'USER/PASS'), 'the login was encrypted')
  t.same(server.events.filter(e => e.type === 'command' && e.session === starttls.session && !e.tls).map(e => e.type === 'command' && e.verb), ['STLS'], 'only STLS in clear')
})

t.test("the certificate s_client is shown is the one whose fingerprint the server gives, in both modes", { skip: await missing('openssl') }, async t => {
  const { server } = await tlsServer(t)
  for (const args of [['-connect', `localhost:${server.tlsPort}`], ['-starttls', 'pop3', '-connect', `localhost:${server.port}`]]) {
    const s = await run('openssl', ['s_client', ...args], { input: 'QUIT\r\n', timeout: 15000 })
    const x509 = await run('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: s.stdout.toString() })
    t.equal(x509.code, 0, x509.stderr)
    t.equal(x509.stdout.toString().trim(), `sha256 Fingerprint=${server.fingerprint}`, args.join(' '))
  }
})

t.test("curl: pop3s:// and pop3:// with --ssl-reqd (STLS), trusting the certificate, RETR byte for byte", { skip: await missing('curl') }, async t => {
  const { server, retr1 } = await tlsServer(t)
  const curl = (url: string, ...more: string[]): ReturnType<typeof run> =>
    run('curl', ['-sS', '--max-time', '10', '--cacert', cert.certPath, '--resolve', `${new URL(url).hostname}:${new URL(url).port}:127.0.0.1`, ...more, url])
  const implicit = await curl(`pop3s://guest:visitor@localhost:${server.tlsPort}/1`)
  t.equal(implicit.code, 0, implicit.stderr)
  t.ok(implicit.stdout.equals(unstuff(retr1)), 'pop3s://: message 1 byte for byte')
  const stls = await curl(`pop3://guest:visitor@localhost:${server.port}/1`, '--ssl-reqd')
  t.equal(stls.code, 0, stls.stderr)
  t.ok(stls.stdout.equals(unstuff(retr1)), 'pop3:// --ssl-reqd: message 1 byte for byte')
  t.equal(server.events.filter(e => e.type === 'starttls').length, 1, 'curl sent STLS')
  // curl prefers SASL when CAPA lists it: "AUTH PLAIN", "+ ", then the credentials on a line of their own
  const logins = (): string[] => server.events.flatMap(e => (e.type === 'login' && e.ok && e.tls ? [e.method] : []))
  t.same(logins(), ['SASL PLAIN', 'SASL PLAIN'])
  t.ok(server.events.some(e => e.type === 'reply' && e.key === 'auth.continue' && e.raw === '+ '), 'the continuation line is "+ "')
  t.match(server.events.find(e => e.type === 'command' && e.response === 'AUTH'), { raw: '********', masked: true, decoded: '\\0guest\\0********' }, 'the response is masked in the event')
  // --sasl-ir: the credentials on the AUTH line itself (the initial response)
  const ir = await curl(`pop3://guest:visitor@localhost:${server.port}/1`, '--ssl-reqd', '--sasl-ir')
  t.equal(ir.code, 0, ir.stderr)
  t.ok(ir.stdout.equals(unstuff(retr1)), 'message 1 byte for byte')
  t.match(server.events.find(e => e.type === 'command' && e.verb === 'AUTH' && e.args.length === 2), { raw: 'AUTH PLAIN ********', masked: true, decoded: '\\0guest\\0********' }, 'the AUTH line is masked in the event')
  t.same(logins(), ['SASL PLAIN', 'SASL PLAIN', 'SASL PLAIN'])
  const forced = await curl(`pop3://localhost:${server.port}/1`, '--ssl-reqd', '--user', 'guest:visitor', '--login-options', 'AUTH=PLAIN')
  t.equal(forced.code, 0, forced.stderr)
  const wrong = await curl(`pop3://localhost:${server.port}/1`, '--ssl-reqd', '--user', 'guest:nope', '--login-options', 'AUTH=PLAIN')
  t.not(wrong.code, 0, 'a wrong password fails')
  t.ok(server.events.some(e => e.type === 'reply' && e.key === 'auth.wrong' && e.tls), 'with auth.wrong')
  const ip = await run('curl', ['-sS', '--max-time', '10', '--cacert', cert.certPath, '--ssl-reqd', `pop3://guest:visitor@127.0.0.1:${server.port}/1`])
  t.equal(ip.code, 0, `127.0.0.1 is in the certificate too (as an IP address): ${ip.stderr}`)
  const other = await curl(`pop3://guest:visitor@pop.example.test:${server.port}/1`, '--ssl-reqd')
  t.not(other.code, 0, 'curl checks the name: one the certificate does not hold is refused')
})

t.test("Python's poplib: stls() and capa() before and after, AUTH PLAIN both ways and cancelled", { skip: await missing('python3') }, async t => {
  const { server, retr1 } = await tlsServer(t)
  const script = `
import base64, json, poplib, ssl
ctx = ssl.create_default_context(cafile=${JSON.stringify(cert.certPath)})
out = {}
p = poplib.POP3('localhost', ${server.port}, timeout=10)
out['before'] = sorted(p.capa().keys())
out['stls'] = p.stls(ctx).decode()
out['after'] = sorted(p.capa().keys())
creds = base64.b64encode(b'\\0guest\\0visitor').decode()
# poplib has no AUTH: the raw commands, the reply line whether +OK, "+ " or -ERR. "+ " asks for the credentials; "*" cancels.
def raw(p, line):
    try:
        return p._shortcmd(line).decode()
    except poplib.error_proto as e:
        return e.args[0].decode()
out['cancel'] = [raw(p, 'AUTH PLAIN'), raw(p, '*')]
out['wrong'] = raw(p, 'AUTH PLAIN ' + base64.b64encode(b'\\0guest\\0nope').decode())
out['auth'] = [raw(p, 'AUTH PLAIN'), raw(p, creds)]
out['loggedIn'] = sorted(p.capa().keys())
resp, lines, octets = p.retr(1)
out['msg'] = base64.b64encode(b''.join(l + b'\\r\\n' for l in lines)).decode()
out['quit'] = p.quit().decode()
s = poplib.POP3_SSL('localhost', ${server.tlsPort}, context=ctx, timeout=10)
out['ssl'] = sorted(s.capa().keys())
out['ir'] = raw(s, 'AUTH PLAIN ' + creds)
s.quit()
print(json.dumps(out))
`
  const r = await run('python3', ['-c', script])
  t.equal(r.code, 0, r.stderr)
  const out = JSON.parse(r.stdout.toString())
  const caps = ['AUTH-RESP-CODE', 'EXPIRE', 'IMPLEMENTATION', 'LANG', 'PIPELINING', 'RESP-CODES', 'SASL', 'TOP', 'UIDL', 'USER']
  t.same(out.before, [...caps, 'STLS'].sort(), 'CAPA before STLS lists STLS')
  t.match(out.stls, /^\+OK begin TLS negotiation/)
  t.same(out.after, caps, 'after STLS: no STLS, USER and SASL still there')
  t.same(out.cancel, ['+ ', '-ERR AUTH cancelled; log in again when you are ready'], '"+ ", then * cancels')
  t.equal(out.wrong, '-ERR [AUTH] wrong name or password for "guest"')
  t.same(out.auth, ['+ ', '+OK guest has 7 messages (6,242 octets)'], 'AUTH PLAIN, then the credentials on their own line')
  // RFC 2449 §5: what AUTHORIZATION offers is announced in both states
  t.same(out.loggedIn, caps, 'logged in: the same, no STLS')
  t.ok(Buffer.from(out.msg, 'base64').equals(unstuff(retr1)), 'message 1 byte for byte')
  t.match(out.quit, /^\+OK goodbye/)
  t.same(out.ssl, caps, 'POP3S: CAPA has no STLS')
  t.equal(out.ir, '+OK guest has 7 messages (6,242 octets)', 'AUTH PLAIN with the initial response, on the TLS port')
  t.same(server.events.flatMap(e => (e.type === 'login' && e.ok && e.tls ? [e.method] : [])), ['SASL PLAIN', 'SASL PLAIN'])
})

t.test('a command pipelined behind STLS is thrown away, never executed', async t => {
  const { server } = await tlsServer(t)
  const c = await Lines.plain(server.port)
  await c.line()
  c.socket.write('STLS\r\nUSER guest\r\n')
  t.equal(await c.line(), '+OK begin TLS negotiation')
  await c.upgrade()
  const session = (await eventOf(server, 'starttls')).session
  t.match(await c.cmd('PASS visitor'), /^-ERR /, 'PASS: no USER is pending')
  t.notOk(server.events.some(e => e.type === 'command' && e.session === session && e.verb === 'USER'), 'the USER sent behind STLS never reached the server as a command')
  t.notOk(server.events.some(e => e.type === 'login' && e.session === session && e.ok), 'no login')
  t.match(await c.cmd('USER guest'), /^\+OK /, 'the session goes on, encrypted')
  t.match(await c.cmd('PASS visitor'), /^\+OK guest has/)
  t.ok(server.events.some(e => e.type === 'login' && e.session === session && e.ok && e.tls), 'logged in over TLS')
  c.socket.destroy()
})

t.test('smallpop3 --require-tls: CAPA in every state and mode, USER refused until STLS', async t => {
  const cli = runCli(['--port', '0', '--tls-port', '0', '--require-tls'])
  t.teardown(() => void cli.child.kill('SIGKILL'))
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const [, tlsPort] = await cli.waitFor(/POP3S \(TLS from the first byte\) on 127\.0\.0\.1:(\d+)/)
  const [, certPath] = await cli.waitFor(/Certificate (\S+)/)
  const ca = readFileSync(certPath!, 'utf8')
  const afterTls = BEFORE_LOGIN

  const c = await Lines.plain(Number(port), ca)
  await c.line()
  t.same(withoutImpl(await c.capa()), ['TOP', 'UIDL', 'STLS', 'PIPELINING', 'RESP-CODES', 'AUTH-RESP-CODE', 'EXPIRE NEVER', 'LANG'], 'plain, before STLS: STLS, and neither USER nor SASL')
  t.equal(await c.cmd('USER guest'), '-ERR USER needs an encrypted connection here: send STLS first, or connect to the TLS port')
  t.equal(await c.cmd('AUTH PLAIN AGd1ZXN0AHZpc2l0b3I='), '-ERR AUTH needs an encrypted connection here: send STLS first, or connect to the TLS port')
  t.equal(await c.cmd('STLS'), '+OK begin TLS negotiation')
  await c.upgrade()
  t.same(withoutImpl(await c.capa()), afterTls, 'after STLS: USER and SASL PLAIN, no STLS')
  t.match(await c.cmd('USER guest'), /^\+OK /)
  t.match(await c.cmd('PASS visitor'), /^\+OK guest has/)
  t.same(withoutImpl(await c.capa()), afterTls, 'logged in: no STLS')
  t.match(await c.cmd('STLS'), /^-ERR /, 'STLS after login is refused')
  t.match(await c.cmd('QUIT'), /^\+OK/)
  c.socket.destroy()

  const s = await Lines.tls(Number(tlsPort), ca)
  await s.line()
  t.same(withoutImpl(await s.capa()), afterTls, 'the TLS port: USER and SASL PLAIN, no STLS')
  t.equal(await s.cmd('STLS'), '-ERR this connection is already encrypted (TLS)')
  t.match(await s.cmd('AUTH PLAIN AGd1ZXN0AHZpc2l0b3I='), /^\+OK guest has/, 'AUTH PLAIN on the TLS port')
  t.same(withoutImpl(await s.capa()), afterTls, 'logged in on the TLS port: the same')
  t.match(await s.cmd('QUIT'), /^\+OK/)
  s.socket.destroy()
  cli.child.kill('SIGINT')
  t.equal(await cli.exit, 0)
})
