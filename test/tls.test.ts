// POP3S: implicit TLS on a second port, with the real tools (openssl s_client, curl pop3s://, Python's poplib.POP3_SSL).
import t, { type Test } from 'tap'
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { connect } from 'node:net'
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
