// Passwords never reach a transcript, and reach the logs only with --show-secrets,
// however a student types them; transcripts are private and bounded (issue 7, items 6 and 7).
import t from 'tap'
import { connect } from 'node:net'
import { once } from 'node:events'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RawClient, ROOT, loggedIn, maildropDir, runCli, type Cli } from './helpers.js'
import { startServer, type Pop3Event } from '../dist/index.js'
import { readTranscripts, TRANSCRIPT_LIMIT } from '../dist/transcripts.js'

const RIGHT = 's3cr3t-Zebra'
const WRONG = 'Wr0ng-Okapi7'
/** Either password, in any case: a reply echoing an unknown verb would write it in capitals. */
const ANY_PASSWORD = /s3cr3t-zebra|wr0ng-okapi7/i

/** A maildrop with one account whose password cannot turn up by chance. */
function zebraDrop(): { dir: string; maillist: string } {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-secrets-'))
  copyFileSync(join(ROOT, 'mbox.mail'), join(dir, 'zebra.mbox'))
  writeFileSync(join(dir, 'maillist'), `zebra\t${RIGHT}\tzebra.mbox\n`)
  return { dir, maillist: join(dir, 'maillist') }
}

interface Variant {
  name: string
  /** What the client sends after the greeting (a QUIT follows). */
  lines: (pw: string) => string[]
  /** The last line as the events show it. */
  raw: string
  verb?: string
  args: string[]
}

/** Every way a password was seen to leak, and the exact PASS line. */
const VARIANTS: Variant[] = [
  { name: 'PASS password', lines: pw => ['USER zebra', `PASS ${pw}`], raw: 'PASS ********', verb: 'PASS', args: ['********'] },
  { name: 'PASS<TAB>password', lines: pw => ['USER zebra', `PASS\t${pw}`], raw: 'PASS^I********', args: [] },
  { name: 'a leading space', lines: pw => ['USER zebra', ` PASS ${pw}`], raw: ' PASS ********', args: [] }, // no verb: the line starts with a space
  { name: 'PAS', lines: pw => ['USER zebra', `PAS ${pw}`], raw: 'PAS ********', verb: 'PAS', args: [] },
  { name: 'PASSS', lines: pw => ['USER zebra', `PASSS ${pw}`], raw: 'PASSS ********', verb: 'PASSS', args: [] },
  { name: 'PASS:password', lines: pw => ['USER zebra', `PASS:${pw}`], raw: 'PASS********', verb: 'PASS********', args: [] },
  { name: 'PASSpassword', lines: pw => ['USER zebra', `PASS${pw}`], raw: 'PASS********', verb: 'PASS********', args: [] },
  { name: 'lower case', lines: pw => ['USER zebra', `pass ${pw}`], raw: 'pass ********', verb: 'PASS', args: ['********'] },
  { name: 'mixed case', lines: pw => ['USER zebra', `PaSs ${pw}`], raw: 'PaSs ********', verb: 'PASS', args: ['********'] },
  { name: 'the password alone after USER', lines: pw => ['USER zebra', pw], raw: '********', verb: '********', args: [] },
  { name: 'the password after USER and a blank line', lines: pw => ['USER zebra', '', pw], raw: '********', verb: '********', args: [] },
  { name: 'USER name password', lines: pw => [`USER zebra ${pw}`], raw: 'USER zebra ********', verb: 'USER', args: ['zebra', '********'] },
  { name: 'USERS name password', lines: pw => [`USERS zebra ${pw}`], raw: 'USERS zebra ********', verb: 'USERS', args: [] },
  { name: 'a 300-octet PASS line', lines: pw => ['USER zebra', `PASS ${pw}`.padEnd(300, 'x')], raw: 'PASS ********…', args: [] },
  { name: 'a backspace in the password', lines: pw => ['USER zebra', `PASS x\b${pw}`], raw: 'PASS ********', args: [] },
  { name: 'a backspace in the verb', lines: pw => ['USER zebra', `PAX\bSS ${pw}`], raw: '********', args: [] }, // after USER: masked whole
  { name: 'the password where APOP wants its digest', lines: pw => [`APOP zebra ${pw}`], raw: 'APOP zebra ********', verb: 'APOP', args: ['zebra', '********'] },
]

const b64 = (text: string): string => Buffer.from(text).toString('base64')
/** AUTH PLAIN's credentials for zebra with `pw`: the base64 reveals the password as surely as the password itself. */
const plainOf = (pw: string): string => b64(`\0zebra\0${pw}`)
/** The base64 of either password's credentials, unpadded (a variant may drop the padding). */
const ANY_BASE64 = new RegExp([RIGHT, WRONG].flatMap(pw => [plainOf(pw), b64(`zebra\0zebra\0${pw}`)]).map(s => s.replace(/=+$/, '').replace(/[+/]/g, '\\$&')).join('|'))

/** Every way AUTH PLAIN's credentials were typed, right and wrong. */
const SASL_VARIANTS: { name: string; lines: (pw: string) => string[] }[] = [
  { name: 'AUTH PLAIN with an initial response', lines: pw => [`AUTH PLAIN ${plainOf(pw)}`] },
  { name: 'AUTH PLAIN, then the response after "+ "', lines: pw => ['AUTH PLAIN', plainOf(pw)] },
  { name: 'an authzid', lines: pw => [`AUTH PLAIN ${b64(`zebra\0zebra\0${pw}`)}`] },
  { name: 'AUT PLAIN', lines: pw => [`AUT PLAIN ${plainOf(pw)}`] },
  { name: 'auth plain', lines: pw => [`auth plain ${plainOf(pw)}`] },
  { name: 'AUTH PLAIN and two spaces', lines: pw => [`AUTH PLAIN  ${plainOf(pw)}`] },
  { name: 'the mechanism left out', lines: pw => [`AUTH ${plainOf(pw)}`] },
  { name: 'the padding left out', lines: pw => [`AUTH PLAIN ${plainOf(pw).replace(/=+$/, '')}`] },
  { name: 'a response with the padding left out', lines: pw => ['AUTH PLAIN', plainOf(pw).replace(/=+$/, '')] },
  { name: 'a response with a space in front', lines: pw => ['AUTH PLAIN', ' ' + plainOf(pw)] },
  { name: 'a response with a space inside', lines: pw => ['AUTH PLAIN', plainOf(pw).replace(/^(.{8})/, '$1 ')] },
]

/** Plays one variant in a session of its own and ends it with QUIT. */
async function play(port: number, lines: string[]): Promise<string[]> {
  const c = await RawClient.open(port)
  await c.line()
  const replies: string[] = []
  for (const line of lines) replies.push(await c.cmd(line))
  replies.push(await c.cmd('QUIT'))
  await c.closedByServer()
  return replies
}

t.test('the events mask every variant, and keep the line in clear only with showSecrets', async t => {
  for (const showSecrets of [false, true]) {
    const { maillist } = zebraDrop()
    const events: Pop3Event[] = []
    const server = await startServer({ port: 0, maillist, showSecrets, onEvent: e => events.push(e) })
    t.teardown(() => server.close())
    for (const v of VARIANTS) {
      for (const pw of [RIGHT, WRONG]) {
        events.length = 0
        const replies = await play(server.port, v.lines(pw))
        const commands = events.filter(e => e.type === 'command')
        const last = commands[commands.length - 2]! // before QUIT
        t.match(last, { raw: v.raw, verb: v.verb, args: v.args, masked: true }, `${v.name} (${pw === RIGHT ? 'right' : 'wrong'} password)`)
        if (showSecrets) t.match(last.clear?.raw, pw, 'the line in clear, for the log')
        else t.equal(last.clear, undefined, 'no line in clear without --show-secrets')
        const seen = JSON.stringify(events.map(e => (e.type === 'command' ? { ...e, clear: undefined } : e)))
        t.notMatch(seen, ANY_PASSWORD, 'nothing but `clear` holds the password')
        t.notMatch(replies.join('\n'), ANY_PASSWORD, 'no reply echoes it')
      }
    }
    await server.close()
  }
})

t.test('AUTH PLAIN: neither the password nor its base64 in any event but `clear`, nor in a reply', async t => {
  for (const showSecrets of [false, true]) {
    const { maillist } = zebraDrop()
    const events: Pop3Event[] = []
    const server = await startServer({ port: 0, maillist, showSecrets, loginDelay: { max: 0 }, onEvent: e => events.push(e) })
    t.teardown(() => server.close())
    for (const v of SASL_VARIANTS) {
      for (const pw of [RIGHT, WRONG]) {
        events.length = 0
        const replies = await play(server.port, v.lines(pw))
        const what = `${v.name} (${pw === RIGHT ? 'right' : 'wrong'} password${showSecrets ? ', showSecrets' : ''})`
        const seen = JSON.stringify(events.map(e => (e.type === 'command' ? { ...e, clear: undefined } : e)))
        t.notMatch(seen, ANY_PASSWORD, `${what}: no password`)
        t.notMatch(seen, ANY_BASE64, `${what}: no base64`)
        t.notMatch(replies.join('\n'), ANY_BASE64, `${what}: no reply echoes the base64`)
        const secret = events.find(e => e.type === 'command' && e.masked)
        t.ok(secret, `${what}: the line is masked`)
        if (showSecrets && secret?.type === 'command') t.match(secret.clear?.raw, v.lines(pw).at(-1)!.trim(), 'in clear only in `clear`')
      }
    }
    await server.close()
  }
})

t.test('what is masked and what is not, line by line', async t => {
  const { maillist } = zebraDrop()
  const events: Pop3Event[] = []
  const server = await startServer({ port: 0, maillist, onEvent: e => events.push(e) })
  t.teardown(() => server.close())
  await play(server.port, [`PAX\bSS ${RIGHT}`, 'USER zebra', 'STAT', 'PASS', 'LAST 1', 'PASSWORD', 'USER zebra', 'NOOP', 'USER', 'user zebra ', 'APOP zebra c4c9334bac560ecc979e58001b3e22fb'])
  const shown = events.flatMap(e => (e.type === 'command' ? [[e.raw, e.masked]] : []))
  t.same(shown, [
    ['PAX********', true], // backspace-edited into PASS: nothing after the first edit is shown
    ['USER zebra', false],
    ['STAT', false], // a command after USER is a command, not a password
    ['PASS', false],
    ['LAST 1', false], // a real verb, though near PASS
    ['PASS********', true], // PASS with something glued to it
    ['USER zebra', false],
    ['NOOP', false],
    ['USER', false],
    ['user zebra ', false],
    ['APOP zebra c4c9334bac560ecc979e58001b3e22fb', false], // a digest is no password (exercise 12 shows it)
    ['QUIT', false],
  ])
})

const stop = async (cli: Cli): Promise<void> => {
  cli.child.kill('SIGINT')
  await cli.exit
}

/** Waits until the server's output holds `text` `n` times. */
async function seen(cli: Cli, text: string, n: number, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms
  while (cli.stdout().split(text).length - 1 < n) {
    if (Date.now() > deadline) throw new Error(`"${text}" not seen ${n} times; stdout: ${cli.stdout()}`)
    await new Promise(r => setTimeout(r, 20))
  }
}

for (const log of ['text', 'json']) {
  for (const show of [false, true]) {
    t.test(`the real server, --log ${log}${show ? ' --show-secrets' : ''}: the password in the log ${show ? 'only' : 'never'}, in transcripts never`, async t => {
      const { dir, maillist } = zebraDrop()
      const transcripts = join(dir, 'transcripts')
      const args = ['--port', '0', '--maillist', maillist, '--transcripts', transcripts, '--log', log, ...(show ? ['--show-secrets'] : [])]
      const cli = runCli(args, { cwd: dir })
      t.teardown(() => cli.child.kill('SIGKILL'))
      const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
      let sessions = 0
      for (const v of [...VARIANTS, ...SASL_VARIANTS]) {
        for (const pw of [RIGHT, WRONG]) {
          await play(Number(port), v.lines(pw))
          sessions++
        }
      }
      await seen(cli, log === 'json' ? '"type":"disconnect"' : 'ended with QUIT', sessions)
      await stop(cli)
      const out = cli.stdout()

      if (show) {
        for (const pw of [RIGHT, WRONG]) {
          const times = out.split(pw).length - 1
          t.ok(times >= VARIANTS.length, `--show-secrets shows ${pw} in every variant (${times} times)`)
        }
        t.match(out, log === 'json' ? /"clear":\{"raw":"PASS:s3cr3t-Zebra"/ : /C: PASS:s3cr3t-Zebra\n/)
      } else {
        t.notMatch(out, ANY_PASSWORD, 'the log never shows a password')
        t.notMatch(out, ANY_BASE64, 'nor the base64 of one')
        t.match(out, log === 'json' ? /"raw":"PASS\*{8}"/ : /C: PASS\*{8}\n/)
      }
      t.match(out, /travels in clear text/, 'the log still says that PASS travels in clear text')
      if (show) t.notMatch(out, /password is masked here/, 'and does not claim to mask what it shows')
      else t.match(out, /password is masked here/, 'and that it is masked')
      t.notMatch(cli.stderr(), ANY_PASSWORD)
      t.notMatch(cli.stderr(), ANY_BASE64)

      const files = readdirSync(transcripts)
      t.equal(files.length, 1, 'one journal for the server')
      t.equal((await readTranscripts(transcripts)).length, sessions, 'read back as one transcript per session')
      t.equal(statSync(transcripts).mode & 0o777, 0o700, 'the folder is its owner\'s only')
      for (const f of files) {
        t.equal(statSync(join(transcripts, f)).mode & 0o777, 0o600, `${f} is its owner's only`)
        const text = readFileSync(join(transcripts, f), 'utf8')
        if (ANY_PASSWORD.test(text)) t.fail(`a password in ${f}: ${text}`)
        if (ANY_BASE64.test(text)) t.fail(`a password's base64 in ${f}: ${text}`)
        if (text.includes('"clear"')) t.fail(`the line in clear in ${f}`)
      }
      t.match(files.map(f => readFileSync(join(transcripts, f), 'utf8')).join(''), /"raw":"PASS \*{8}","verb":"PASS","args":\["\*{8}"\],"masked":true/)
    })
  }
}

t.test('a transcripts folder that existed is made private; other files in it are left alone', async t => {
  const drop = maildropDir()
  const transcripts = join(drop.dir, 'transcripts')
  mkdirSync(transcripts, { mode: 0o755 })
  chmodSync(transcripts, 0o755)
  writeFileSync(join(transcripts, 'notes.txt'), 'mine\n', { mode: 0o644 })
  const server = await startServer({ port: 0, maillist: drop.maillist, transcripts })
  t.teardown(() => server.close())
  t.equal(statSync(transcripts).mode & 0o777, 0o700)
  t.equal(statSync(join(transcripts, 'notes.txt')).mode & 0o777, 0o644)
})

t.test('a flood of NOOPs: the transcript stops at its limit with a marker, the disconnect is kept, every NOOP is answered', async t => {
  const drop = maildropDir()
  const transcripts = join(drop.dir, 'transcripts')
  const server = await startServer({ port: 0, maillist: drop.maillist, transcripts })
  t.teardown(() => server.close())
  const c = await loggedIn(server)
  const BATCH = 500
  let answered = 0
  for (let i = 0; i < 8; i++) {
    c.send('NOOP\r\n'.repeat(BATCH))
    for (let k = 0; k < BATCH; k++) if ((await c.line()) === '+OK') answered++
  }
  t.equal(answered, 8 * BATCH, 'every NOOP answered')
  t.equal(await c.cmd('QUIT'), '+OK goodbye: nothing deleted, 7 messages left', 'QUIT after the cut still works')
  await c.closedByServer()
  await server.close()

  const [file, ...others] = readdirSync(transcripts)
  t.same(others, [])
  const size = statSync(join(transcripts, file!)).size
  t.ok(size <= TRANSCRIPT_LIMIT, `${size} octets, at most ${TRANSCRIPT_LIMIT}`)
  t.ok(size > TRANSCRIPT_LIMIT - 16384, 'and not much less: the limit was reached')
  const lines = readFileSync(join(transcripts, file!), 'utf8').trim().split('\n').map(l => JSON.parse(l))
  t.match(lines.slice(-2), [{ type: 'cut', key: 'transcript.cut', limit: TRANSCRIPT_LIMIT, user: 'guest', session: 1 }, { type: 'disconnect', reason: 'quit' }])
  t.equal(lines.filter(l => l.type === 'cut').length, 1, 'one marker')
  t.match(lines.slice(0, 7).map(l => l.type), ['connect', 'reply', 'command', 'reply', 'command', 'login', 'reply'], 'the start is there')

  const [read] = await readTranscripts(transcripts)
  t.match(read, { cut: true, user: 'guest' })
  t.equal(read!.events.length, lines.length)

  // check reads the cut transcript: the login is there, the QUIT is not, and it says why
  const check = runCli(['check', '1', '--transcripts', transcripts, '--maillist', drop.maillist])
  t.equal(await check.exit, 1)
  t.match(check.stdout(), /✔ Step 3: Give the password/)
  t.match(check.stdout(), /✘ Step 4: Leave/)
  t.match(check.stdout(), /1 session wrote more than a transcript keeps \(1,048,576 octets\)/)
  const json = runCli(['check', '1', '--json', '--transcripts', transcripts, '--maillist', drop.maillist])
  t.equal(await json.exit, 1)
  t.match(JSON.parse(json.stdout()), { sessions: 1, cut: 1 })
})

// 256 KiB of blank lines would write some 55 MB of transcript unbounded (each line
// is a command and a reply of about 450 octets), fifty times the limit: enough to
// show the bound, which does not depend on the size of the flood, in a few seconds.
t.test('a flood of blank lines writes no more than the limit to the transcript', async t => {
  const drop = maildropDir()
  const transcripts = join(drop.dir, 'transcripts')
  const server = await startServer({ port: 0, maillist: drop.maillist, transcripts })
  t.teardown(() => server.close())
  const socket = connect(server.port, '127.0.0.1')
  await once(socket, 'connect')
  const LINES = 128 * 1024
  const CHUNK = 16 * 1024
  let replies = -1 // the greeting
  const done = new Promise<void>(resolve => {
    socket.on('data', (d: Buffer) => {
      for (let i = d.indexOf(0x0a); i !== -1; i = d.indexOf(0x0a, i + 1)) replies++
      if (replies === LINES) resolve()
    })
  })
  const chunk = Buffer.from('\r\n'.repeat(CHUNK))
  for (let sent = 0; sent < LINES; sent += CHUNK) {
    if (!socket.write(chunk)) await once(socket, 'drain')
  }
  await done
  t.equal(replies, LINES, 'every blank line answered')
  socket.end()
  await once(socket, 'close')
  await server.close()
  const [file] = readdirSync(transcripts)
  const size = statSync(join(transcripts, file!)).size
  t.ok(size <= TRANSCRIPT_LIMIT, `${size} octets, at most ${TRANSCRIPT_LIMIT}`)
  t.match(readFileSync(join(transcripts, file!), 'utf8').trim().split('\n').slice(-2).map(l => JSON.parse(l).type), ['cut', 'disconnect'])
})
