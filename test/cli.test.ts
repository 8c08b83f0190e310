// The real bin/smallpop3.js, as a student and an instructor run it.
import t from 'tap'
import { createServer } from 'node:net'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWKWARD, RawClient, loggedIn, ROOT, runCli, maildropDir } from './helpers.js'

const emptyDir = (): string => mkdtempSync(join(tmpdir(), 'smallpop3-cwd-'))
const stop = async (cli: ReturnType<typeof runCli>): Promise<number | null> => {
  cli.child.kill('SIGINT')
  return cli.exit
}

t.test('npx smallpop3 in an empty folder: banner, sample scratch copy, Ctrl-C', async t => {
  const home = mkdtempSync(join(tmpdir(), 'smallpop3-home-'))
  const cli = runCli(['--port', '0'], { cwd: emptyDir(), env: { SMALLPOP3_HOME: home } })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  t.match(cli.stdout(), /telnet localhost \d+/, 'says how to connect')
  t.match(cli.stdout(), /USER guest\s+PASS visitor/, 'says which user and password')
  t.match(cli.stdout(), new RegExp(`scratch copy in ${join(home, 'sample')}`), 'says where the copy is')

  const c = await RawClient.open(Number(port))
  t.match(await c.line(), /^\+OK smallpop3 POP3 server ready/)
  t.match(await c.cmd('USER guest'), /^\+OK/)
  t.match(await c.cmd('PASS visitor'), /^\+OK guest has 7 messages/)
  t.equal(await c.cmd('DELE 1'), '+OK message 1 deleted')
  t.equal(await c.cmd('QUIT'), '+OK goodbye: 1 deleted, 6 left')
  await c.closedByServer()

  t.same(readFileSync(join(ROOT, 'mbox.mail')), readFileSync(join(ROOT, 'mbox.mail')), '')
  t.not(readFileSync(join(home, 'sample', 'mbox.mail')).length, readFileSync(join(ROOT, 'mbox.mail')).length, 'the copy changed')
  t.equal((readFileSync(join(ROOT, 'mbox.mail'), 'utf8').match(/^From /gm) ?? []).length, 7, 'the package mailbox did not')
  await cli.waitFor(/C: QUIT[\s\S]*UPDATE: 1 message removed/)
  t.equal(await stop(cli), 0, 'Ctrl-C exits 0')
  t.match(cli.stdout(), /Stopping/)
})

t.test('started in the package folder, the bundled files are still not touched', async t => {
  const home = mkdtempSync(join(tmpdir(), 'smallpop3-home-'))
  const before = readFileSync(join(ROOT, 'mbox.mail'))
  const cli = runCli(['--port', '0'], { cwd: ROOT, env: { SMALLPOP3_HOME: home } })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  t.match(cli.stdout(), /scratch copy/)
  const c = await loggedIn(port)
  await c.cmd('DELE 1')
  await c.cmd('DELE 2')
  t.equal(await c.cmd('QUIT'), '+OK goodbye: 2 deleted, 5 left')
  t.same(readFileSync(join(ROOT, 'mbox.mail')), before)
  t.equal(await stop(cli), 0)

  // reset brings the messages back
  const reset = runCli(['reset'], { env: { SMALLPOP3_HOME: home } })
  t.equal(await reset.exit, 0)
  t.match(reset.stdout(), /restored/)
  t.same(readFileSync(join(home, 'sample', 'mbox.mail')), before)
})

t.test('a maillist in the working folder is served in place', async t => {
  const drop = maildropDir({ alice: AWKWARD })
  const cli = runCli(['--port', '0'], { cwd: drop.dir })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  t.match(cli.stdout(), /Serving the accounts in .*maillist/)
  t.notMatch(cli.stdout(), /alice-pw/, 'an instructor\'s passwords are not printed')
  const c = await loggedIn(port, 'alice', 'alice-pw')
  t.match(await c.cmd('STAT'), /^\+OK 9 /, 'alice has 9 messages')
  await c.cmd('DELE 9')
  await c.cmd('QUIT')
  await c.closedByServer()
  t.equal((readFileSync(drop.path('alice'), 'utf8').match(/^From /gm) ?? []).length, 8, 'changed in place')
  t.equal(await stop(cli), 0)
})

t.test('--maillist and --log json', async t => {
  const drop = maildropDir({ guest: AWKWARD })
  const cli = runCli(['--port', '0', '--maillist', drop.maillist, '--log', 'json'], { cwd: emptyDir() })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  t.equal(cli.stdout(), '', 'the banner goes to stderr, stdout holds only JSON')
  const c = await loggedIn(port)
  await c.cmd('STAT')
  await c.cmd('QUIT')
  await c.closedByServer()
  await cli.waitFor(/"type":"disconnect"/)
  t.equal(await stop(cli), 0)
  const events = cli.stdout().trim().split('\n').map(l => JSON.parse(l))
  t.same(events.map(e => e.type), ['connect', 'reply', 'command', 'reply', 'command', 'login', 'reply', 'command', 'reply', 'command', 'update', 'reply', 'disconnect'])
  const pass = events.find(e => e.type === 'command' && e.verb === 'PASS')
  t.equal(pass.raw, 'PASS ********', 'the password is masked')
  t.match(pass.explanation, /clear text/)
  const stat = events.find(e => e.type === 'reply' && e.key === 'stat.ok')
  t.match(stat, { raw: '+OK 9 454', ok: true, state: 'TRANSACTION', next: 'TRANSACTION', params: { count: 9, octets: 454 } })
  t.match(stat.explanation, /9 messages, 454 octets in all/)
  for (const e of events) t.match(e, { time: String, session: 1 })
})

t.test('the text log: explanations, masking, --show-secrets, --verbose, colour', async t => {
  const drop = maildropDir({ guest: AWKWARD })
  const session = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> => {
    const cli = runCli(['--port', '0', '--maillist', drop.maillist, ...args], { cwd: emptyDir(), env })
    const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
    const c = await loggedIn(port)
    await c.cmd('STAT')
    await c.cmdMulti('RETR 1')
    await c.cmd('RETR 99')
    await c.cmd('QUIT')
    await cli.waitFor(/ended with QUIT/)
    await stop(cli)
    return cli.stdout()
  }
  const plain = await session([])
  t.notMatch(plain, /\x1b\[/, 'no colour when stdout is not a terminal')
  t.match(plain, /#1\s+guest\s+C: PASS \*{8}/, 'password masked')
  t.notMatch(plain, /visitor/)
  t.match(plain, /C: STAT\n\s+Asks how many messages there are and their total size\. \(RFC 1939 §5\)/)
  t.match(plain, /S: \+OK 9 454\n\s+9 messages, 454 octets in all/)
  t.match(plain, /state AUTHORIZATION → TRANSACTION \(logged in: reading and marking\s+messages\)/)
  t.match(plain, /multi-line: 6 lines, 38 octets, 3 dot-stuffed/, 'RETR summarised')
  t.notMatch(plain, /S: \.\.hidden/, 'the body is not shown without --verbose')
  t.match(plain, /S: -ERR no message 99: the maildrop has 9 messages\n\s+Messages are numbered from 1 to 9/)

  const verbose = await session(['--verbose', '--show-secrets'])
  t.match(verbose, /C: PASS visitor/, '--show-secrets shows it')
  t.match(verbose, /S: \.\.hidden\n/, '--verbose shows the body as sent')

  const coloured = await session([], { FORCE_COLOR: '1' })
  t.match(coloured, /\x1b\[31m/, 'FORCE_COLOR: errors in red')
  const off = await session([], { FORCE_COLOR: '1', NO_COLOR: '1' })
  t.notMatch(off, /\x1b\[/, 'NO_COLOR wins')
})

t.test('command-line errors: one clear line and a non-zero exit', async t => {
  const cases: [string[], RegExp, number][] = [
    [['--bogus'], /^smallpop3: unknown option --bogus; "smallpop3 --help" lists the options\n$/, 2],
    [['--port', 'http'], /^smallpop3: option --port needs a whole number from 0 to 65535, not "http"\n$/, 2],
    [['--port'], /^smallpop3: option --port needs a value\n$/, 2],
    [['-p', '-1'], /^smallpop3: option --port needs a whole number from 0 to 65535, not "-1"\n$/, 2],
    [['--timeout', '-5'], /^smallpop3: option --timeout needs a number of seconds from 1 to 86400 \(like 600 or 10m\), not "-5"\n$/, 2],
    [['--timeout', '0'], /^smallpop3: option --timeout needs a number of seconds/, 2],
    [['--log', 'xml'], /^smallpop3: option --log must be "text" or "json"/, 2],
    [['frobnicate'], /^smallpop3: unknown command "frobnicate"; the commands are: serve, reset, exercises, check, guide, demo, admin, class, help\n$/, 2],
    [['check', '1', '--port', '65000'], /^smallpop3: unknown option --port for "smallpop3 check"; "smallpop3 help check" lists its options\n$/, 2],
    [['--maillist', '/nonexistent/maillist'], /^smallpop3: \/nonexistent\/maillist: cannot read the maillist \(no such file\)\n$/, 1],
    [['--host', '10.255.255.1', '--port', '0'], /^smallpop3: cannot listen on 10\.255\.255\.1: this machine has no such address/, 1],
  ]
  for (const [args, re, status] of cases) {
    const cli = runCli(args, { cwd: emptyDir() })
    t.equal(await cli.exit, status, args.join(' '))
    t.match(cli.stderr(), re)
  }
})

t.test('a state folder that cannot be made: one line, or a fallback when there is no usable home', async t => {
  const told = runCli(['--port', '0'], { cwd: emptyDir(), env: { SMALLPOP3_HOME: '/etc/passwd/x' } })
  t.equal(await told.exit, 1)
  t.equal(told.stderr(), 'smallpop3: cannot use /etc/passwd/x (ENOTDIR: not a directory); check that it exists and that you may read and write it\n')
  const homeless = runCli(['--port', '0'], { cwd: emptyDir(), env: { SMALLPOP3_HOME: '', XDG_STATE_HOME: '', HOME: '/etc/passwd' } })
  await homeless.waitFor(/scratch copy in .*smallpop3-[^/]+\/sample/)
  t.equal(await stop(homeless), 0, 'served from the temporary folder')
})

t.test('a transcripts folder that cannot be made is a warning, not a stop', async t => {
  const cli = runCli(['--port', '0', '--transcripts', '/etc/passwd/t'], { cwd: emptyDir() })
  await cli.waitFor(/Listening on/)
  t.match(cli.stderr(), /^smallpop3: warning: cannot record sessions in \/etc\/passwd\/t \(ENOTDIR\)/)
  t.equal(await stop(cli), 0)
  // a folder the kernel refuses with ENOENT though its parent is there, where Node's own mkdir -p spins for ever
  const proc = runCli(['--port', '0', '--transcripts', '/proc/smallpop3-t'], { cwd: emptyDir(), env: { SMALLPOP3_HOME: '', XDG_STATE_HOME: '/proc/smallpop3-state' } })
  await proc.waitFor(/Listening on/)
  t.match(proc.stderr(), /^smallpop3: warning: cannot record sessions in \/proc\/smallpop3-t \(ENOENT\)/)
  t.match(proc.stdout(), /scratch copy in .*smallpop3-[^/]+\/sample/, 'a state folder that cannot be made under /proc: the temporary folder')
  t.equal(await stop(proc), 0)
})

t.test('maillist problems stop start-up with the file and line', async t => {
  const dir = emptyDir()
  copyFileSync(AWKWARD, join(dir, 'a.mbox'))
  const cases: [string, RegExp][] = [
    ['alice pw a.mbox\nbob pw\n', /maillist:2: expected 3 fields "user password mailbox", found 2: "bob pw"/],
    ['# comment\n\nalice pw a.mbox\nalice other a.mbox\n', /maillist:4: user "alice" is already defined on line 3/],
    ['alice pw missing.mbox\n', /maillist:1: mailbox "missing.mbox" of user "alice" not found \(looked for .*missing\.mbox\)/],
    ['# nobody\n', /maillist: no accounts/],
  ]
  for (const [text, re] of cases) {
    writeFileSync(join(dir, 'maillist'), text)
    const cli = runCli(['--port', '0'], { cwd: dir })
    t.equal(await cli.exit, 1)
    t.match(cli.stderr(), re)
    t.equal(cli.stderr().trim().split('\n').length, 1, 'one line')
  }
})

t.test('a port in use', async t => {
  const blocker = createServer()
  await new Promise<void>(r => blocker.listen(0, '127.0.0.1', () => r()))
  t.teardown(() => blocker.close())
  const port = (blocker.address() as { port: number }).port
  const cli = runCli(['--port', String(port)], { cwd: emptyDir() })
  t.equal(await cli.exit, 1)
  t.equal(cli.stderr(), `smallpop3: port ${port} on 127.0.0.1 is already in use (is another smallpop3 running?); stop it or choose another port with --port ${port + 1}\n`)

  const tls = runCli(['--port', '0', '--tls-port', String(port)], { cwd: emptyDir() })
  t.equal(await tls.exit, 1)
  t.equal(tls.stderr(), `smallpop3: port ${port} on 127.0.0.1 is already in use (is another smallpop3 running?); stop it or choose another port with --tls-port ${port + 1}\n`, 'the TLS port: the option that chose it')
})

t.test('every command the unknown-command error lists is in --help', async t => {
  const unknown = runCli(['frobnicate'], { cwd: emptyDir() })
  t.equal(await unknown.exit, 2)
  const listed = /the commands are: (.*)$/m.exec(unknown.stderr())![1]!.split(', ')
  const help = runCli(['--help'])
  t.equal(await help.exit, 0)
  for (const command of listed) t.match(help.stdout(), new RegExp(`^  smallpop3 ${command}\\b`, 'm'), `${command} is in --help`)
  const serve = runCli(['serve', '--port', '0'], { cwd: emptyDir() })
  await serve.waitFor(/Listening on/)
  t.equal(await stop(serve), 0, 'smallpop3 serve runs the server')
})

t.test('the JSON log explains every login: who, how, what the maildrop holds, or why it failed', async t => {
  const drop = maildropDir({ guest: AWKWARD })
  const cli = runCli(['--port', '0', '--maillist', drop.maillist, '--log', 'json'], { cwd: emptyDir() })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const c = await RawClient.open(Number(port))
  await c.line()
  await c.cmd('USER guest')
  await c.cmd('PASS wrong')
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  const other = await RawClient.open(Number(port))
  await other.line()
  await other.cmd('USER guest')
  await other.cmd('PASS visitor')
  await cli.waitFor(/"type":"login"[^\n]*\n[\s\S]*"type":"login"[^\n]*\n[\s\S]*"type":"login"/)
  c.end()
  other.end()
  t.equal(await stop(cli), 0)
  const logins = cli.stdout().trim().split('\n').map(l => JSON.parse(l)).filter(e => e.type === 'login')
  t.same(logins.map(e => e.explanation), [
    'A login with USER/PASS failed: the name or the password is wrong ([AUTH]). The session stays in AUTHORIZATION.',
    'guest logged in with USER/PASS. The maildrop holds 9 messages, 454 octets in all, and is locked for this session.',
    'A login with USER/PASS failed: the password was right, but another session has the maildrop open ([IN-USE]).',
  ])
})

t.test('the text log: PASS before USER is explained as a mistake', async t => {
  const cli = runCli(['--port', '0'], { cwd: emptyDir() })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const c = await RawClient.open(Number(port))
  await c.line()
  t.equal(await c.cmd('PASS visitor'), '-ERR send USER with your name first, then PASS')
  await cli.waitFor(/S: -ERR send USER/)
  c.end()
  t.equal(await stop(cli), 0)
  t.match(cli.stdout(), /C: PASS \*{8}\n\s+A password, but no USER was accepted before\s+it: USER and the name must\s+come first, then PASS\./)
  t.notMatch(cli.stdout(), /the user named by USER/)
})

t.test('--help, --version, help reset', async t => {
  const help = runCli(['--help'])
  t.equal(await help.exit, 0)
  for (const opt of ['--port', '--host', '--maillist', '--timeout', '--verbose', '--log', '--show-secrets', 'reset', 'demo']) t.match(help.stdout(), opt)
  const version = runCli(['--version'])
  t.equal(await version.exit, 0)
  t.equal(version.stdout().trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
  const reset = runCli(['help', 'reset'])
  t.equal(await reset.exit, 0)
  t.match(reset.stdout(), /restore the sample mailbox/)
})

t.test('listens on 127.0.0.1 by default, and on IPv6 and all addresses when told', async t => {
  const local = runCli(['--port', '0'], { cwd: emptyDir() })
  await local.waitFor(/Listening on 127\.0\.0\.1:\d+/)
  await stop(local)
  const v6 = runCli(['--port', '0', '--host', '::1'], { cwd: emptyDir() })
  const [, port6] = await v6.waitFor(/Listening on \[::1\]:(\d+)/)
  const c6 = await RawClient.open(Number(port6), '::1')
  t.match(await c6.line(), /^\+OK/, 'IPv6')
  c6.end()
  t.equal(await stop(v6), 0)
  const all = runCli(['--port', '0', '--host', '::'], { cwd: emptyDir() })
  const [, portAll] = await all.waitFor(/Listening on \[::\]:(\d+)/)
  const c4 = await RawClient.open(Number(portAll), '127.0.0.1')
  t.match(await c4.line(), /^\+OK/, ':: accepts IPv4 too')
  c4.end()
  t.equal(await stop(all), 0)
})

t.test('Ctrl-C with a session open: closed without UPDATE', async t => {
  const drop = maildropDir({ guest: AWKWARD })
  const before = readFileSync(drop.path('guest'))
  const cli = runCli(['--port', '0', '--maillist', drop.maillist], { cwd: emptyDir() })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const c = await loggedIn(port)
  await c.cmd('DELE 1')
  t.equal(await stop(cli), 0)
  await c.closedByServer()
  t.same(readFileSync(drop.path('guest')), before, 'nothing deleted')
  t.match(cli.stdout(), /server is stopping: the connection was closed without UPDATE/)
})
