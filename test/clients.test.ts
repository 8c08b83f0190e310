// Real POP3 clients download the awkward fixture and get every message byte for byte: in clear from a
// server without a certificate, and over TLS (STLS on the plain port, and the POP3S port) as they default to.
import t, { type Test } from 'tap'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LANGUAGES, selfSignedCertificate, translator } from '../dist/index.js'
import { AWKWARD, AWKWARD_DELIVERED, run, testServer, type TestServer } from './helpers.js'

const has = async (cmd: string): Promise<boolean> => (await run('sh', ['-c', `command -v ${cmd}`])).code === 0
const missing = async (cmd: string): Promise<string | false> => ((await has(cmd)) ? false : `${cmd} is not installed (.ci/run installs it)`)
const lf = (s: string): string => s.replace(/\r\n/g, '\n')

// Real clients read only +OK and -ERR (RFC 1939 §3): a server in any language serves them alike.
for (const lang of LANGUAGES) {
  t.test(`Python's poplib, ${lang} server`, { skip: await missing('python3') }, async t => {
    const server = await testServer({ guest: AWKWARD }, { lang })
    t.teardown(() => server.close())
    const script = `
import base64, json, poplib, sys
p = poplib.POP3('127.0.0.1', ${server.port}, timeout=10)
out = {'welcome': p.getwelcome().decode()}
out['capa'] = sorted(p.capa().keys())
p.user('guest'); p.pass_('visitor')
out['stat'] = list(p.stat())
out['list'] = [l.decode() for l in p.list()[1]]
out['msgs'] = []
for i in range(1, out['stat'][0] + 1):
    resp, lines, octets = p.retr(i)
    out['msgs'].append(base64.b64encode(b''.join(l + b'\\r\\n' for l in lines)).decode())
out['uidl'] = [l.decode() for l in p.uidl()[1]]
out['top'] = [l.decode() for l in p.top(1, 0)[1]]
p.dele(1)
out['quit'] = p.quit().decode()
print(json.dumps(out))
`
    const r = await run('python3', ['-c', script])
    t.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout.toString())
    t.match(out.welcome, /^\+OK /)
    t.same(out.capa, ['AUTH-RESP-CODE', 'EXPIRE', 'IMPLEMENTATION', 'LANG', 'PIPELINING', 'RESP-CODES', 'SASL', 'TOP', 'UIDL', 'USER'])
    t.same(out.stat, [AWKWARD_DELIVERED.length, AWKWARD_DELIVERED.reduce((n, m) => n + Buffer.byteLength(m), 0)])
    out.msgs.forEach((m: string, i: number) => t.equal(Buffer.from(m, 'base64').toString(), AWKWARD_DELIVERED[i], `message ${i + 1}`))
    t.equal(out.uidl.length, AWKWARD_DELIVERED.length)
    t.same(out.top, ['Subject: dots', ''])
    t.equal(out.quit, `+OK ${translator(lang)('quit.done', { deleted: 1, left: AWKWARD_DELIVERED.length - 1 })}`)
  })

  t.test(`curl's pop3://, ${lang} server`, { skip: await missing('curl') }, async t => {
    const server = await testServer({ guest: AWKWARD }, { lang })
    t.teardown(() => server.close())
    const url = `pop3://127.0.0.1:${server.port}`
    const list = await run('curl', ['-sS', '--max-time', '10', '--user', 'guest:visitor', `${url}/`])
    t.equal(list.code, 0, list.stderr)
    t.same(lf(list.stdout.toString()).trim().split('\n'), AWKWARD_DELIVERED.map((m, i) => `${i + 1} ${Buffer.byteLength(m)}`), 'LIST')
    for (let i = 0; i < AWKWARD_DELIVERED.length; i++) {
      const r = await run('curl', ['-sS', '--max-time', '10', '--user', 'guest:visitor', `${url}/${i + 1}`])
      t.equal(r.code, 0, r.stderr)
      t.equal(r.stdout.toString(), AWKWARD_DELIVERED[i], `RETR ${i + 1}`)
    }
    const wrong = await run('curl', ['-sS', '--max-time', '10', '--user', 'guest:nope', `${url}/1`])
    t.not(wrong.code, 0, 'a wrong password fails')
  })

  t.test(`mpop, ${lang} server`, { skip: await missing('mpop') }, async t => {
    const server = await testServer({ guest: AWKWARD }, { lang })
    t.teardown(() => server.close())
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-mpop-'))
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'md', sub), { recursive: true })
    const r = await run('mpop', [
      '--host=127.0.0.1', `--port=${server.port}`, '--user=guest', '--passwordeval=echo visitor', '--auth=user',
      '--tls=off', '--keep=on', '--received-header=off', `--uidls-file=${join(dir, 'uidls')}`, `--delivery=maildir,${join(dir, 'md')}`, '--quiet',
    ], { env: { HOME: dir } })
    t.equal(r.code, 0, r.stderr)
    const files = readdirSync(join(dir, 'md', 'new')).sort((a, b) => Number(/Q(\d+)/.exec(a)![1]) - Number(/Q(\d+)/.exec(b)![1]))
    t.equal(files.length, AWKWARD_DELIVERED.length)
    files.forEach((f, i) => t.equal(readFileSync(join(dir, 'md', 'new', f), 'utf8'), lf(AWKWARD_DELIVERED[i]!), `message ${i + 1}`))
    // a second run downloads nothing: mpop trusts our UIDs
    const again = await run('mpop', [
      '--host=127.0.0.1', `--port=${server.port}`, '--user=guest', '--passwordeval=echo visitor', '--auth=user',
      '--tls=off', '--keep=on', `--uidls-file=${join(dir, 'uidls')}`, `--delivery=maildir,${join(dir, 'md')}`, '--quiet',
    ], { env: { HOME: dir } })
    t.equal(again.code, 0, again.stderr)
    t.equal(readdirSync(join(dir, 'md', 'new')).length, AWKWARD_DELIVERED.length, 'nothing downloaded twice')
  })

  t.test(`fetchmail, ${lang} server`, { skip: await missing('fetchmail') }, async t => {
    const server = await testServer({ guest: AWKWARD }, { lang })
    t.teardown(() => server.close())
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-fetchmail-'))
    const rc = join(dir, 'fetchmailrc')
    const poll = (options: string): void => {
      writeFileSync(rc, `poll 127.0.0.1 protocol pop3 service ${server.port} user "guest" there with password "visitor" is "nobody" here keep no rewrite ${options}mda "/bin/sh -c 'cat > ${dir}/msg.$(ls ${dir} | wc -l)'"\n`)
      chmodSync(rc, 0o600)
    }
    const fetch = (): ReturnType<typeof run> => run('fetchmail', ['-f', rc, '--invisible', '--nodetach', '--pidfile', join(dir, 'pid')], { env: { HOME: dir, FETCHMAILHOME: dir } })
    // a server without a certificate offers no STLS; fetchmail 6.4 asks for it all the same and, refused,
    // gives up before sending the password
    poll('')
    const refused = await fetch()
    t.not(refused.code, 0, 'fetchmail will not log in without TLS')
    t.ok(server.events.some(e => e.type === 'reply' && e.key === 'stls.unavailable'), 'it sent STLS although CAPA did not offer it')
    t.notOk(server.events.some(e => e.type === 'command' && (e.verb === 'PASS' || e.verb === 'USER')), 'no name, no password in clear')
    // sslproto '' lets it go on in clear
    poll("sslproto '' ")
    const r = await fetch()
    t.equal(r.code, 0, r.stderr)
    const files = readdirSync(dir).filter(f => f.startsWith('msg.')).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
    t.equal(files.length, AWKWARD_DELIVERED.length)
    // fetchmail ends a message that has no body with an empty line; the rest must match exactly
    files.forEach((f, i) => t.equal(readFileSync(join(dir, f), 'utf8').replace(/\n\n$/, '\n'), lf(AWKWARD_DELIVERED[i]!).replace(/\n\n$/, '\n'), `message ${i + 1}`))
  })
}

// Over TLS. The generated certificate names localhost (and 127.0.0.1, which fetchmail does not check:
// it matches only DNS names), so the clients connect to localhost and trust cert.pem, nothing turned off.
const cert = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-clients-tls-')))

async function tlsServer(t: Test, requireTls = false): Promise<TestServer> {
  const server = await testServer({ guest: AWKWARD }, { tls: cert, tlsPort: 0, requireTls, loginDelay: { max: 0 } })
  t.teardown(() => server.close())
  return server
}

/** The session's TLS facts from the server's events: STLS's handshakes, TLS-port connections, the logins' methods. */
function tlsFacts(server: TestServer): { starttls: number; tlsConnects: number; logins: string[]; plainCommands: string[] } {
  const ev = server.events
  return {
    starttls: ev.filter(e => e.type === 'starttls').length,
    tlsConnects: ev.filter(e => e.type === 'connect' && e.tls).length,
    logins: ev.flatMap(e => (e.type === 'login' && e.ok ? [`${e.method}${e.tls ? ' over TLS' : ' in clear'}`] : [])),
    // what the client said before it was encrypted
    plainCommands: ev.flatMap(e => (e.type === 'command' && !e.tls ? [e.verb ?? e.raw] : [])),
  }
}

/** The client came to the TLS port, or said only CAPA and STLS before its handshake. */
function encrypted(t: Test, facts: ReturnType<typeof tlsFacts>, mode: string): void {
  if (mode === 'POP3S') {
    t.equal(facts.tlsConnects, 1, 'it came to the TLS port')
    t.same(facts.plainCommands, [], 'nothing in clear')
  } else {
    t.equal(facts.starttls, 1, 'it sent STLS')
    t.same(facts.plainCommands, ['CAPA', 'STLS'], 'only CAPA and STLS in clear')
  }
}

const byQ = (a: string, b: string): number => Number(/Q(\d+)/.exec(a)![1]) - Number(/Q(\d+)/.exec(b)![1])

for (const mode of ['STLS', 'POP3S', 'STLS, --require-tls'] as const) {
  t.test(`mpop over TLS (${mode}), as it defaults to`, { skip: await missing('mpop') }, async t => {
    const server = await tlsServer(t, mode.includes('require'))
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-mpop-tls-'))
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'md', sub), { recursive: true })
    const rc = join(dir, 'mpoprc')
    // tls_starttls on and auth on (it picks from CAPA) are mpop's defaults; tls is off unless set
    writeFileSync(rc, [
      'account default', 'host localhost', `port ${mode === 'POP3S' ? server.tlsPort : server.port}`, 'user guest', 'passwordeval echo visitor',
      'tls on', `tls_trust_file ${cert.certPath}`, ...(mode === 'POP3S' ? ['tls_starttls off'] : []),
      'keep on', 'received_header off', `uidls_file ${join(dir, 'uidls')}`, `delivery maildir ${join(dir, 'md')}`, '',
    ].join('\n'))
    chmodSync(rc, 0o600)
    const r = await run('mpop', ['-C', rc, '-q'], { env: { HOME: dir } })
    t.equal(r.code, 0, r.stderr)
    const files = readdirSync(join(dir, 'md', 'new')).sort(byQ)
    t.equal(files.length, AWKWARD_DELIVERED.length)
    files.forEach((f, i) => t.equal(readFileSync(join(dir, 'md', 'new', f), 'utf8'), lf(AWKWARD_DELIVERED[i]!), `message ${i + 1}`))
    const facts = tlsFacts(server)
    encrypted(t, facts, mode)
    // mpop's auth "choose" takes the best mechanism CAPA lists: SASL PLAIN, sent after "AUTH PLAIN" and "+ "
    t.same(facts.logins, ['SASL PLAIN over TLS'], 'it logged in with AUTH PLAIN, encrypted')
  })

  t.test(`fetchmail over TLS (${mode}), as it defaults to`, { skip: await missing('fetchmail') }, async t => {
    const server = await tlsServer(t, mode.includes('require'))
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-fetchmail-tls-'))
    const rc = join(dir, 'fetchmailrc')
    // fetchmail 6.4 starts TLS by itself (STLS) when CAPA offers it; "ssl" is TLS from the first byte.
    // sslcertck (check the certificate, the default) against the certificate we trust, and nothing turned off.
    const port = mode === 'POP3S' ? server.tlsPort : server.port
    writeFileSync(rc, `poll localhost protocol pop3 port ${port} user "guest" there with password "visitor" is "nobody" here keep no rewrite ${mode === 'POP3S' ? 'ssl ' : ''}sslcertfile "${cert.certPath}" sslcertck mda "/bin/sh -c 'cat > ${dir}/msg.$(ls ${dir} | wc -l)'"\n`)
    chmodSync(rc, 0o600)
    const r = await run('fetchmail', ['-f', rc, '--invisible', '--nodetach', '--nosyslog', '-v', '--pidfile', join(dir, 'pid')], { env: { HOME: dir, FETCHMAILHOME: dir } })
    t.equal(r.code, 0, r.stderr + r.stdout.toString())
    const files = readdirSync(dir).filter(f => f.startsWith('msg.')).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
    t.equal(files.length, AWKWARD_DELIVERED.length)
    files.forEach((f, i) => t.equal(readFileSync(join(dir, f), 'utf8').replace(/\n\n$/, '\n'), lf(AWKWARD_DELIVERED[i]!).replace(/\n\n$/, '\n'), `message ${i + 1}`))
    const facts = tlsFacts(server)
    encrypted(t, facts, mode)
    // fetchmail's "auth any" does not use SASL PLAIN in POP3: it falls back to USER and PASS
    t.same(facts.logins, ['USER/PASS over TLS'], 'it logged in with USER and PASS, encrypted')
  })
}
