// The step checker, fed a live server's events one at a time (as the guide will), and the words `check` uses.
import t from 'tap'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LANGUAGES, selfSignedCertificate, startServer, type Pop3Event, type RunningServer, type ServerOptions } from '../dist/index.js'
import { ExerciseChecker, type Fed } from '../dist/check.js'
import { expectStatus, replyFits } from '../dist/expected.js'
import { findExercise, loadExercises, type Exercise } from '../dist/exercises.js'
import { RawClient, ROOT, runCli } from './helpers.js'

const all = await loadExercises(join(ROOT, 'exercises'))
const exercise = (n: number): Exercise => findExercise(all, String(n))!

/** A server on a fresh copy of the sample, its transcripts beside it, its events fed to `checker`. */
async function watched(checker?: ExerciseChecker, options: ServerOptions = {}): Promise<{ server: RunningServer; maillist: string; replies: Fed[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-check-'))
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(ROOT, name), join(dir, name), { recursive: true })
  const replies: Fed[] = []
  const maillist = join(dir, 'maillist')
  const server = await startServer({
    port: 0, maillist, transcripts: join(dir, 'transcripts'),
    onEvent: (e: Pop3Event) => {
      const fed = checker?.feed(e)
      if (fed && e.type === 'reply') replies.push(fed)
    },
    ...options,
  })
  return { server, maillist, replies }
}

/** Sends a line and returns what the checker made of its reply. */
async function say(c: RawClient, replies: Fed[], line: string): Promise<Fed> {
  const before = replies.length
  const status = await c.cmd(line)
  if (status.startsWith('+OK') && /^(LIST|UIDL|CAPA)$|^(RETR|TOP) /i.test(line)) await c.multi()
  for (let i = 0; replies.length === before; i++) {
    if (i > 200) throw new Error(`no reply event for ${line}`)
    await new Promise(r => setTimeout(r, 10))
  }
  return replies[replies.length - 1]!
}

async function connected(server: RunningServer, replies: Fed[], ca?: string): Promise<RawClient> {
  const before = replies.length
  const c = ca === undefined ? await RawClient.open(server.port) : await RawClient.openTls(server.tlsPort!, ca)
  await c.line()
  while (replies.length === before) await new Promise(r => setTimeout(r, 5))
  return c
}

t.test('exercise 2, one step at a time, with the mistakes a student makes', async t => {
  const checker = new ExerciseChecker(exercise(2))
  const { server, replies } = await watched(checker)
  t.teardown(() => server.close())
  const c = await connected(server, replies)
  t.equal(checker.current?.number, 1)

  let fed = await say(c, replies, 'STAT')
  t.same(fed.done, [])
  t.match(fed.miss, { step: 1, kind: 'other', sent: 'STAT', expected: { client: 'USER guest' }, advice: { key: 'check.try.line', params: { line: 'USER guest' } } })
  t.equal(fed.miss!.reply.key, 'state.needLogin', 'the server\'s reply comes with it, to explain what happened')

  t.same((await say(c, replies, 'user guest')).advanced, [1], 'the verb in any case')
  fed = await say(c, replies, 'PASS wrong')
  t.match(fed.miss, { step: 1, kind: 'reply', sent: 'PASS ********', answered: /^-ERR \[AUTH\] wrong password/, expected: { status: '+OK guest has 7 messages (6,242 octets)' } })
  t.equal((await say(c, replies, 'USER guest')).miss, undefined, 'USER again, as the server said: part of the step, not a miss')
  t.same((await say(c, replies, 'PASS visitor')).done, [1])
  t.equal(checker.current?.number, 2)
  t.same((await say(c, replies, 'STAT')).done, [2])

  fed = await say(c, replies, 'LSIT')
  t.match(fed.miss, { step: 3, kind: 'typo', advice: { key: 'check.try.typo', params: { verb: 'LSIT', line: 'LIST' } } })
  fed = await say(c, replies, 'LIST 1')
  t.match(fed.miss, { step: 3, kind: 'args', advice: { key: 'check.try.args' } })
  t.same((await say(c, replies, 'LIST')).done, [3])
  t.same((await say(c, replies, 'LIST 3')).advanced, [4])
  fed = await say(c, replies, 'LIST 8')
  t.match(fed.miss, { step: 4, kind: 'args', expected: { client: 'LIST 9' } }, 'another message number')
  t.same((await say(c, replies, 'LIST 9')).done, [4])
  t.same((await say(c, replies, 'QUIT')).done, [5])
  t.equal(checker.current, undefined, 'every step done')
  t.same(checker.goals().map(g => g.done), [true, true, true, true, true])
})

t.test('one step at a time: a later step done first does not count, a wrong state is named', async t => {
  const checker = new ExerciseChecker(exercise(6))
  const { server, replies } = await watched(checker)
  t.teardown(() => server.close())
  const c = await connected(server, replies)
  let fed = await say(c, replies, 'USER guest')
  t.same(fed.advanced, [], 'step 3 and 4 begin like this, but step 1 comes first')
  t.match(fed.miss, { step: 1, kind: 'other' })
  t.same((await say(c, replies, 'PASS visitor')).done, [])
  fed = await say(c, replies, 'STAT')
  t.match(fed.miss, { step: 1, kind: 'state', answered: '+OK 7 6242', advice: { key: 'check.try.beforeLogin', params: { line: 'STAT' } } })
  t.equal(checker.current?.number, 1)
  c.end()

  const d = await connected(server, replies)
  t.same((await say(d, replies, 'STAT')).done, [1], 'in a new connection, before logging in')
  t.same((await say(d, replies, 'PASS visitor')).done, [2])
  d.end()
})

t.test('a step the exercise shows inside TLS counts only when done over TLS', async t => {
  const cert = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-check-tls-')))
  const checker = new ExerciseChecker(exercise(16)) // step 1: USER, PASS, STLS refused, QUIT, all on the TLS port
  const { server, replies } = await watched(checker, { tls: cert, tlsPort: 0 })
  t.teardown(() => server.close())
  const plain = await connected(server, replies)
  let fed = await say(plain, replies, 'USER guest')
  t.same(fed.advanced, [], 'the same USER and the same reply, but in clear: no progress')
  t.same((await say(plain, replies, 'PASS visitor')).advanced, [])
  plain.end()

  const secure = await connected(server, replies, cert.cert)
  fed = await say(secure, replies, 'USER guest')
  t.same(fed.advanced, [1], 'over TLS it is step 1')
  t.same((await say(secure, replies, 'PASS visitor')).advanced, [1])
  t.match(await secure.cmd('STLS'), /^-ERR /)
  await new Promise(r => setTimeout(r, 50))
  t.same((await say(secure, replies, 'QUIT')).done, [1], 'done')
})

t.test('connections: a step in a second connection, and back in the first', async t => {
  const checker = new ExerciseChecker(exercise(10))
  const { server, replies } = await watched(checker)
  t.teardown(() => server.close())
  const a = await connected(server, replies)
  await say(a, replies, 'USER guest')
  t.same((await say(a, replies, 'PASS visitor')).done, [1])
  const fed = await say(a, replies, 'USER guest')
  t.match(fed.miss, { step: 2, kind: 'connection', advice: { key: 'check.try.newConnection' } }, 'step 2 is for window B')
  const b = await connected(server, replies)
  await say(b, replies, 'USER guest')
  t.same((await say(b, replies, 'PASS visitor')).done, [2], '-ERR [IN-USE] is what step 2 shows')
  t.same((await say(a, replies, 'QUIT')).done, [3])
  const c = await connected(server, replies)
  t.match((await say(c, replies, 'USER guest')).miss, { step: 4, kind: 'connection', advice: { key: 'check.try.sameConnection' } }, 'window B is still open: step 4 goes on there')
  c.end()
  await say(b, replies, 'USER guest')
  await say(b, replies, 'PASS visitor')
  t.same((await say(b, replies, 'QUIT')).done, [4])
  t.same(checker.goals().map(g => g.done), [true, true, true, true])
})

t.test('a step begun in a connection that closes starts over', async t => {
  const checker = new ExerciseChecker(exercise(2))
  const { server, replies } = await watched(checker)
  t.teardown(() => server.close())
  const a = await connected(server, replies)
  t.same((await say(a, replies, 'USER guest')).advanced, [1])
  const restarted: number[] = []
  const seen = new Promise<void>(resolve => server.on('event', (e: Pop3Event) => e.type === 'disconnect' && resolve()))
  const feed = checker.feed.bind(checker)
  checker.feed = (e, id) => {
    const fed = feed(e, id)
    restarted.push(...fed.restarted)
    return fed
  }
  a.end()
  await seen
  t.same(restarted, [1])
  const b = await connected(server, replies)
  t.same((await say(b, replies, 'PASS visitor')).done, [], 'PASS alone in the new connection does not finish it')
  await say(b, replies, 'USER guest')
  t.same((await say(b, replies, 'PASS visitor')).done, [1])
  b.end()
})

t.test('replies are judged by catalogue key and parameters, not by their words', async t => {
  const login = expectStatus('+OK guest has 7 messages (6242 octets)')
  t.match(login.readings, [{ key: 'login.ok', params: { user: 'guest', count: '7', octets: '6242' } }])
  const translated = { raw: '+OK guest té 7 missatges (6242 octets)', ok: true, key: 'login.ok', params: { user: 'guest', count: 7, octets: 6242 } }
  t.ok(replyFits(login, translated), 'the same key and parameters in other words')
  t.notOk(replyFits(login, { ...translated, params: { ...translated.params, count: 6 } }), 'another number')
  t.notOk(replyFits(login, { ...translated, key: 'rset.ok' }), 'another key')
  t.notOk(replyFits(login, { ...translated, ok: false }), '-ERR')
  t.ok(replyFits(login, { raw: '+OK guest has 7 messages (6242 octets)' }), 'a line alone is compared as text')

  const some = expectStatus('+OK busy has 35 messages (...)')
  t.ok(some.readings.some(r => r.key === 'login.ok' && r.params.octets === '...'), '"..." may cover a parameter and words after it')
  t.ok(replyFits(some, { raw: '', ok: true, key: 'login.ok', params: { user: 'busy', count: 35, octets: 13603 } }))
  const code = expectStatus('-ERR [AUTH] wrong password for "guest"; start again with USER, then PASS')
  t.notOk(replyFits(code, { raw: '', ok: false, key: 'pass.wrong', params: { user: 'guest' } }), 'the response code counts too')
  t.ok(replyFits(code, { raw: '', ok: false, code: 'AUTH', key: 'pass.wrong', params: { user: 'guest' } }))

  for (const lang of LANGUAGES) {
    // a translation's S: lines are read with its own language's catalogue
    for (const ex of (await loadExercises(join(ROOT, 'exercises'), lang)).filter(e => e.lang === lang)) {
      for (const step of ex.steps) {
        for (const x of step.blocks.flatMap(b => b.exchanges)) {
          if (x.status !== undefined) t.ok(expectStatus(x.status, lang).readings.length, `${lang} exercise ${ex.number} step ${step.number}: "${x.status}" is read as a catalogue key`)
        }
      }
    }
  }
})

t.test('check: a skipped step is named as missing, with what to type; the hint names the user checked', async t => {
  const { server, maillist } = await watched()
  t.teardown(() => server.close())
  // exercise 6 without step 2 (PASS before USER)
  const c = await RawClient.open(server.port)
  await c.line()
  for (const line of ['STAT', 'USER guest', 'PASS guessing', 'USER guest', 'PASS visitor', 'USER guest', 'RATR 1', 'RETR 99', 'RETR', 'QUIT']) await c.cmd(line)
  await c.closedByServer()
  await new Promise(r => setTimeout(r, 50))
  const cli = runCli(['check', '6', '--maillist', maillist])
  t.equal(await cli.exit, 1)
  t.match(cli.stdout(), /✘ Step 2: The password before the name\n\s+not done, though step 3 after it is; to do it, type: PASS visitor\n\s+✔ Step 3/)
  t.notMatch(cli.stdout(), /you sent/, 'no comparison with a reply that belongs to another step')
  t.match(cli.stdout(), /6 of 7 goals met/)
  const json = runCli(['check', '6', '--maillist', maillist, '--json'])
  t.equal(await json.exit, 1)
  t.match(JSON.parse(json.stdout()).goals[1], { step: 2, done: false, hint: { type: ['PASS visitor'], skippedBy: 3 } })

  const nobody = runCli(['check', '1', '--maillist', maillist, '--user', 'nobody'])
  t.equal(await nobody.exit, 1)
  t.match(nobody.stdout(), /✘ Step 2: Say who you are\n\s+type: USER nobody\n/)
  t.match(nobody.stdout(), /type: PASS …\n/, 'another user\'s password is not shown')
  t.notMatch(nobody.stdout(), /guest|visitor/)
})

t.test('check: a step done over TLS names the openssl command that makes its connection, not telnet', async t => {
  const cert = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-check-tls-')))
  const { server, maillist } = await watched(undefined, { tls: cert, tlsPort: 0 })
  t.teardown(() => server.close())
  const stls = runCli(['check', '15', '--maillist', maillist])
  t.equal(await stls.exit, 1)
  // step 1 is typed in telnet; step 2 needs TLS, and openssl sends STLS itself: the lines to type come after it
  t.match(stls.stdout(), /✘ Step 1: .*\n\s+type: CAPA {2}· {2}USER guest {2}· {2}PASS visitor {2}· {2}STLS {2}· {2}QUIT\n/)
  t.match(stls.stdout(), /✘ Step 2: .*\n\s+telnet cannot speak TLS: connect with openssl s_client -starttls pop3 .*, and type: USER guest {2}· {2}PASS visitor {2}· {2}QUIT\n/)
  t.notMatch(stls.stdout(), /telnet connection/)
  const json = runCli(['check', '15', '--maillist', maillist, '--json'])
  t.equal(await json.exit, 1)
  t.match(JSON.parse(json.stdout()).goals[1], { step: 2, hint: { tls: 'stls', type: ['USER guest', 'PASS visitor', 'QUIT'] } })

  const pop3s = runCli(['check', '16', '--maillist', maillist])
  t.equal(await pop3s.exit, 1)
  for (const step of [1, 2]) t.match(pop3s.stdout(), new RegExp(`✘ Step ${step}: .*\\n\\s+with TLS from the first byte, which telnet cannot do: connect to the TLS port with openssl s_client -connect `), `exercise 16 step ${step}: the TLS port, with openssl`)
  t.notMatch(pop3s.stdout(), /telnet connection/)

  for (const [lang, words] of [['es', /telnet no sabe hablar TLS: conéctate con openssl s_client -starttls pop3 .* y escribe: USER guest/], ['ca', /telnet no sap parlar TLS: connecta't amb openssl s_client -starttls pop3 .* i escriu: USER guest/]] as const) {
    const translated = runCli(['check', '15', '--maillist', maillist, '--lang', lang])
    t.equal(await translated.exit, 1)
    t.match(translated.stdout(), words, `${lang}: openssl, in ${lang}`)
    t.notMatch(translated.stdout(), /conexión telnet|connexió telnet/)
  }

  // done as the hint says: openssl's STLS, the handshake, then the lines typed
  const c = await RawClient.open(server.port)
  await c.line()
  t.equal(await c.cmd('STLS'), '+OK begin TLS negotiation')
  const secure = await c.upgrade(cert.cert)
  for (const line of ['USER guest', 'PASS visitor', 'QUIT']) await secure.cmd(line)
  await secure.closedByServer()
  await new Promise(r => setTimeout(r, 50))
  const done = runCli(['check', '15', '--maillist', maillist])
  t.equal(await done.exit, 1, 'step 1 is still to do')
  t.match(done.stdout(), /✔ Step 2: Start TLS with openssl\n/)

  // exercise 16's step 2 done (curl's lines, on the TLS port) before step 1: the step left out is done with openssl too
  const tls = await RawClient.openTls(server.tlsPort!, cert.cert)
  await tls.line()
  t.match(await tls.cmd('CAPA'), /^\+OK/)
  await tls.multi()
  t.equal(await tls.cmd('AUTH PLAIN'), '+ ')
  t.match(await tls.cmd(Buffer.from('\0guest\0visitor').toString('base64')), /^\+OK guest has/)
  t.match(await tls.cmd('RETR 1'), /^\+OK/)
  await tls.multi()
  await tls.cmd('QUIT')
  await tls.closedByServer()
  await new Promise(r => setTimeout(r, 50))
  const skipped = runCli(['check', '16', '--maillist', maillist])
  t.equal(await skipped.exit, 1)
  t.match(skipped.stdout(), /✘ Step 1: .*\n\s+not done, though step 2 after it is; to do it, connect with openssl as the exercise shows \(telnet cannot speak TLS\) and type: USER guest/)
  t.match(skipped.stdout(), /✔ Step 2: /)
})
