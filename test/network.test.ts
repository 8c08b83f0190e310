// --host on a lab network (issue 9): both address families on the plain and the TLS port, and the banner's commands for them.
import t, { type Test } from 'tap'
import { once } from 'node:events'
import { connect as tcpConnect } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { RawClient, run, runCli, type Cli } from './helpers.js'

/** The first line a POP3S server sends, read over TLS (the certificate is self-signed: not checked here). */
async function tlsGreeting(port: number, host: string): Promise<string> {
  const s = tlsConnect({ port, host, rejectUnauthorized: false, servername: 'localhost' })
  s.on('error', () => {})
  let text = ''
  try {
    for await (const chunk of s) {
      text += chunk
      if (text.includes('\r\n')) return text.split('\r\n')[0]!
    }
    throw new Error(`closed before the greeting: ${JSON.stringify(text)}`)
  } finally {
    s.destroy()
  }
}

async function plainGreeting(port: number, host: string): Promise<string> {
  const c = await RawClient.open(port, host)
  try {
    return await c.line()
  } finally {
    c.end()
  }
}

/** The error code of a TCP connection attempt (none: it was accepted). */
async function refused(port: number, host: string): Promise<string | undefined> {
  const s = tcpConnect(port, host)
  try {
    const [err] = await Promise.race([once(s, 'error'), once(s, 'connect')])
    return (err as NodeJS.ErrnoException | undefined)?.code
  } finally {
    s.destroy()
  }
}

/** The real CLI with `--port 0 --tls-port 0` and `args`, its two ports read from the banner; stopped at the test's end. */
async function serve(t: Test, host: string): Promise<{ cli: Cli; port: number; tlsPort: number; banner: string }> {
  const cli = runCli(['--port', '0', '--tls-port', '0', '--host', host])
  t.teardown(() => void cli.child.kill('SIGKILL'))
  const [, port] = await cli.waitFor(/Listening on \S+:(\d+)/)
  const [, tlsPort] = await cli.waitFor(/POP3S \(TLS from the first byte\) on \S+:(\d+)/)
  await cli.waitFor(/Press Ctrl-C to stop/)
  return { cli, port: Number(port), tlsPort: Number(tlsPort), banner: cli.stdout() }
}

const stopped = async (cli: Cli): Promise<number | null> => {
  cli.child.kill('SIGINT')
  return cli.exit
}

t.test('--host :: serves IPv4 and IPv6 clients on the plain port and on the TLS port', async t => {
  const { cli, port, tlsPort, banner } = await serve(t, '::')
  t.match(banner, `Listening on [::]:${port}`)
  t.match(banner, `POP3S (TLS from the first byte) on [::]:${tlsPort}`)
  for (const host of ['127.0.0.1', '::1']) {
    t.match(await plainGreeting(port, host), /^\+OK smallpop3 POP3 server ready/, `plain port over ${host}`)
    t.match(await tlsGreeting(tlsPort, host), /^\+OK smallpop3 POP3 server ready/, `TLS port over ${host}`)
  }

  // every address the banner offers answers on both ports, as the banner writes them
  const rows = [...banner.matchAll(/^ {4}telnet (\S+) (\d+)\s+openssl s_client -connect (\S+):(\d+) -ign_eof$/gm)]
  t.ok(rows.length <= 4, 'at most four addresses')
  t.equal(rows.length > 0, banner.includes('From other machines on the network:'), 'under the heading, rows of two commands')
  for (const [, address, plainPort, where, tls] of rows) {
    t.notMatch(address, /^fe[89ab]/i, 'no link-local address')
    t.equal(Number(plainPort), port)
    t.equal(Number(tls), tlsPort)
    t.equal(where, address!.includes(':') ? `[${address}]` : address, 'an IPv6 address in brackets before its port')
    t.match(await plainGreeting(port, address!), /^\+OK/, `plain port over ${address}`)
    t.match(await tlsGreeting(tlsPort, address!), /^\+OK/, `TLS port over ${address}`)
  }
  t.equal(await stopped(cli), 0)
})

t.test('--host ::1: both ports on ::1 only', async t => {
  const { cli, port, tlsPort, banner } = await serve(t, '::1')
  t.match(await plainGreeting(port, '::1'), /^\+OK/, 'plain port')
  t.match(await tlsGreeting(tlsPort, '::1'), /^\+OK/, 'TLS port')
  t.equal(await refused(port, '127.0.0.1'), 'ECONNREFUSED', 'not the plain port over IPv4')
  t.equal(await refused(tlsPort, '127.0.0.1'), 'ECONNREFUSED', 'not the TLS port over IPv4: it follows --host')
  t.match(banner, `telnet ::1 ${port}`)
  t.match(banner, `openssl s_client -connect [::1]:${tlsPort}`)
  t.match(banner, `openssl s_client -starttls pop3 -connect [::1]:${port}`)
  t.notMatch(banner, /other machines/, 'no network addresses: no one else can reach ::1')
  t.equal(await stopped(cli), 0)
})

t.test('--host 127.0.0.1: the TLS port is not open over IPv6 either', async t => {
  const { cli, port, tlsPort } = await serve(t, '127.0.0.1')
  t.match(await tlsGreeting(tlsPort, '127.0.0.1'), /^\+OK/)
  t.equal(await refused(port, '::1'), 'ECONNREFUSED')
  t.equal(await refused(tlsPort, '::1'), 'ECONNREFUSED')
  t.equal(await stopped(cli), 0)
})

t.test("the banner's openssl command for ::1 works as printed", { skip: (await run('sh', ['-c', 'command -v openssl'])).code === 0 ? false : 'openssl is not installed' }, async t => {
  const { cli, banner } = await serve(t, '::1')
  const [command] = /openssl s_client -connect .*/.exec(banner)!
  const [cmd, ...args] = command.trim().split(' ')
  // as a student types it: RETR and QUIT reach the server (without -ign_eof, s_client would take them as its own R and Q commands)
  const r = await run(cmd!, args, { input: 'USER guest\r\nPASS visitor\r\nRETR 1\r\nQUIT\r\n', timeout: 15000 })
  t.match(r.stdout.toString(), /\+OK smallpop3 POP3 server ready[^]*\+OK \d+ octets[^]*\+OK goodbye/, r.stderr)
  t.equal(await stopped(cli), 0)
})
