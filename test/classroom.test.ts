// smallpop3 class: a lab generated, served to 30 students at once, every exercise played and checked on a generated account.
import t from 'tap'
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { selfSignedCertificate, startServer, type RunningServer } from '../dist/index.js'
import { makeClass, restoreMaildrops, type Classroom } from '../dist/classroom.js'
import { ExerciseChecker } from '../dist/check.js'
import { expectStatus, replyFits } from '../dist/expected.js'
import { loadExercises, type Exercise, type Step } from '../dist/exercises.js'
import { loadMaillist } from '../dist/maillist.js'
import { openMaildrop } from '../dist/store/index.js'
import { Player } from '../dist/player.js'
import { readPlain } from '../dist/sasl.js'
import { RawClient, ROOT, runCli } from './helpers.js'

const tmp = (): string => mkdtempSync(join(tmpdir(), 'smallpop3-class-'))
const exercises = await loadExercises(join(ROOT, 'exercises'))
const samplePasswords = new Map((await loadMaillist(join(ROOT, 'maillist'))).map(a => [a.user, a.password]))

/** Logs in and returns STAT's reply and the UIDL list, then QUIT. */
async function look(port: number, user: string, password: string): Promise<{ stat: string; uids: string[] }> {
  const c = await RawClient.open(port)
  try {
    await c.line()
    await c.cmd(`USER ${user}`)
    const pass = await c.cmd(`PASS ${password}`)
    if (!pass.startsWith('+OK')) throw new Error(`${user}: ${pass}`)
    const stat = await c.cmd('STAT')
    const uidl = await c.cmdMulti('UIDL')
    await c.cmd('QUIT')
    return { stat, uids: uidl.lines.map(l => l.split(' ')[1]!) }
  } finally {
    c.end()
  }
}

const mailOf = (room: Classroom): Record<string, string> =>
  Object.fromEntries(room.students.map(s => [s.user, readFileSync(join(room.dir, s.mailbox), 'latin1')]))

t.test('a class of 30: the maillist is served, 30 students log in at once, each sees only their own maildrop', async t => {
  const room = await makeClass({ out: join(tmp(), 'lab'), students: 30, seed: 'autumn', host: '127.0.0.1' })
  t.same(room.students.map(s => s.user), Array.from({ length: 30 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`), 's01 … s30, zero-padded')
  for (const s of room.students) t.match(s.password, /^[a-z]{3,6}-[a-z]{3,6}-\d{3}$/, `${s.user}: a readable password`)
  t.equal(new Set(room.students.map(s => s.password)).size, 30, 'every password different')
  for (const name of ['maillist', 'handout.md', 'handout.csv']) t.equal(statSync(join(room.dir, name)).mode & 0o777, 0o600, `${name} is private (0600)`)
  t.same(readdirSync(room.dir).sort(), ['class.json', 'handout.csv', 'handout.md', 'mail', 'maillist'], 'no temporary files left')
  t.same(Object.keys(JSON.parse(readFileSync(join(room.dir, 'class.json'), 'utf8'))), ['seed', 'from', 'lang'], 'class.json: how the maildrops were made, no password')

  const server = await startServer({ port: 0, host: '127.0.0.1', maillist: room.maillist })
  t.teardown(() => server.close())
  t.equal(server.accounts.length, 30, 'the generated maillist is accepted')

  const seen = await Promise.all(room.students.map(s => look(server.port, s.user, s.password)))
  const stats = new Map<string, string>()
  for (const [i, s] of room.students.entries()) {
    const own = await openMaildrop(join(room.dir, s.mailbox)) // read as a login reads it, after the QUIT
    const count = own.messages.length
    t.equal(seen[i]!.stat, `+OK ${count} ${own.messages.reduce((sum, m) => sum + m.size, 0)}`, `${s.user} sees the ${count} messages of their own mbox`)
    await own.release()
    t.ok(count >= 6 && count <= 8, `${s.user}: one message more or less than the sample's 7 at most`)
    stats.set(s.user, seen[i]!.stat)
  }
  t.ok(new Set(stats.values()).size >= 20, `STAT differs between students (${new Set(stats.values()).size} different replies among 30)`)
  const owners = new Map<string, string>()
  for (const [i, s] of room.students.entries()) {
    for (const uid of seen[i]!.uids) {
      t.notOk(owners.has(uid), `uid ${uid} of ${s.user} is nobody else's`)
      owners.set(uid, s.user)
    }
  }
  const wrong = await RawClient.open(server.port)
  await wrong.line()
  await wrong.cmd('USER s01')
  t.match(await wrong.cmd(`PASS ${room.students[1]!.password}`), /^-ERR \[AUTH\]/, "another student's password does not open s01")
  wrong.end()
})

t.test('the seed decides the maildrops; the passwords are random whatever the seed', async t => {
  const a = await makeClass({ out: join(tmp(), 'a'), students: 12, seed: 'same' })
  const b = await makeClass({ out: join(tmp(), 'b'), students: 12, seed: 'same' })
  const c = await makeClass({ out: join(tmp(), 'c'), students: 12, seed: 'other' })
  t.same(mailOf(a), mailOf(b), 'the same seed makes the same maildrops, byte for byte')
  const [ma, mc] = [mailOf(a), mailOf(c)]
  t.ok(Object.keys(ma).every(user => ma[user] !== mc[user]), 'another seed makes other maildrops for every student')
  t.notSame(a.students.map(s => s.password), b.students.map(s => s.password), 'the passwords are not made from the seed')

  for (const [user, mbox] of Object.entries(ma)) {
    const messages = mbox.split(/^(?=From )/m)
    t.match(messages[2], /^\.$/m, `${user}: message 3 still has a line that is just a dot (exercise 8)`)
    t.match(messages[4], /multipart\/mixed; boundary="==cheat-sheet=="/, `${user}: message 5 is still the MIME attachment (exercise 9)`)
    t.match(messages[5], /^Subject: .*=\?utf-8\?b\?/m, `${user}: message 6 still has an encoded-word subject`)
  }
  const subjects = (mbox: string): string => mbox.match(/^Subject: .*$/gm)!.join('\n')
  t.ok(new Set(Object.values(ma).map(subjects)).size === 12, 'each student has other subjects')
  const sample = readFileSync(join(ROOT, 'mbox.mail'), 'latin1')
  t.match(sample.split(/^(?=From )/m)[0], /Welcome/, 'the sample itself is untouched')
})

/** An exercise's lines as a student types them: their user and password where the exercise names its account's. */
function asStudent(ex: Exercise, user: string, password: string): Step[] {
  const theirs = samplePasswords.get(ex.account)!
  const line = (l: string): string => {
    if (/^PASS /i.test(l)) return l.slice(5) === theirs ? `PASS ${password}` : l
    const plain = /^(AUTH PLAIN )?([A-Za-z0-9+/]+=*)$/i.exec(l)
    const creds = plain && readPlain(plain[2]!)
    if (creds?.ok && creds.user === ex.account) return `${plain![1] ?? ''}${Buffer.from(`\0${user}\0${password}`).toString('base64')}`
    return l.split(' ').map(w => (w === ex.account ? user : w)).join(' ')
  }
  return ex.steps.map(step => ({ ...step, blocks: step.blocks.map(b => ({ ...b, exchanges: b.exchanges.map(x => (x.client === undefined ? x : { ...x, client: line(x.client) })) })) }))
}

/** Plays an exercise as `user` against the server, feeding the server's events to a checker for that user; the checker's goals. */
async function playAs(server: RunningServer, ca: string, ex: Exercise, user: string, password: string): Promise<{ goals: ReturnType<ExerciseChecker['goals']>; stats: string[] }> {
  const checker = new ExerciseChecker(ex, { user, skips: true })
  const stats: string[] = []
  const listen = (e: Parameters<ExerciseChecker['feed']>[0]): void => void checker.feed(e)
  server.on('event', listen)
  const player = new Player({ port: server.port, events: server, accounts: server.accounts, tls: { port: server.tlsPort, ca } })
  try {
    for await (const x of player.play(asStudent(ex, user, password))) {
      if (x.reply?.key === 'login.ok') stats.push(x.status)
    }
  } finally {
    await player.close()
    server.off('event', listen)
  }
  return { goals: checker.goals(), stats }
}

/** The order the handout gives: the exercises that delete mail for good last, so the messages the others read are still there. */
const handoutOrder = [...exercises.filter(ex => ![4, 5, 11].includes(ex.number)), ...[4, 5, 11].map(n => exercises.find(ex => ex.number === n)!)]

t.test('every exercise, played on one generated account in the handout\'s order, is checked done; two students see different numbers', async t => {
  const room = await makeClass({ out: join(tmp(), 'lab'), students: 2, seed: 'seed-3' })
  const cert = await selfSignedCertificate(tmp())
  const server = await startServer({ port: 0, maillist: room.maillist, transcripts: join(room.dir, 'transcripts'), tls: cert, tlsPort: 0 })
  t.teardown(() => server.close())
  const [s01, s02] = room.students as [Classroom['students'][0], Classroom['students'][0]]
  t.same([s01.user, s02.user], ['s1', 's2'], 'a class of 2 needs one digit')
  const first = await look(server.port, s01.user, s01.password)
  const second = await look(server.port, s02.user, s02.password)
  t.not(first.stat, second.stat, `the two maildrops differ: ${first.stat} and ${second.stat}`)

  t.equal(first.stat.split(' ')[1], '6', 'this seed gives s01 the fewest messages a class has: 6')
  for (const ex of handoutOrder) {
    const { goals } = await playAs(server, cert.cert, ex, s01.user, s01.password)
    t.ok(goals.length > 0 && goals.every(g => g.done), `exercise ${ex.number} (${ex.id}, written for ${ex.account}): every goal met as ${s01.user}`, { missing: goals.filter(g => !g.done) })
    if (![2, 4, 9].includes(ex.number)) continue
    // the recorded sessions say the same to `smallpop3 check` (a session's lines are written at most 100 ms late)
    await new Promise(r => setTimeout(r, 300))
    const cli = runCli(['check', String(ex.number), '--user', s01.user, '--maillist', room.maillist, '--json'])
    t.equal(await cli.exit, 0, `smallpop3 check ${ex.number} --user ${s01.user}: done`, { stdout: cli.stdout() })
    t.ok(JSON.parse(cli.stdout()).goals.every((g: { done: boolean }) => g.done))
  }
  // the other student, with other numbers, is judged on their own
  const ex2 = exercises.find(e => e.number === 2)!
  const other = await playAs(server, cert.cert, ex2, s02.user, s02.password)
  t.ok(other.goals.every(g => g.done), `exercise 2 as ${s02.user}: done too`)
  t.notSame(other.stats, [first.stat], 'with numbers of their own')
})

t.test('a student\'s own numbers must agree with each other: a step is not done with numbers the exercise says are the same but are not', async t => {
  const login = expectStatus('+OK guest has 7 messages (6242 octets)')
  const stat = expectStatus('+OK 7 6242')
  const own = new Map<string, string>()
  t.ok(replyFits(login, { raw: '', ok: true, key: 'login.ok', params: { user: 'guest', count: 9, octets: 7001 } }, own), 'another count fits: it is learnt')
  t.same(Object.fromEntries(own), { 'messages:7': '9', 'octets:6242': '7001' })
  t.ok(replyFits(stat, { raw: '', ok: true, key: 'stat.ok', params: { count: 9, octets: 7001 } }, own), 'the same numbers again fit')
  t.notOk(replyFits(stat, { raw: '', ok: true, key: 'stat.ok', params: { count: 8, octets: 7001 } }, own), 'another count where the exercise shows the same 7 does not')
  t.notOk(replyFits(stat, { raw: '', ok: true, key: 'stat.ok', params: { count: 9, octets: 7001 } }), 'without own values, the exercise\'s numbers are wanted')
  const dele = expectStatus('+OK message 1 deleted')
  t.notOk(replyFits(dele, { raw: '', ok: true, key: 'dele.ok', params: { n: 2 } }, new Map()), 'a message number is what the student typed, never their own')

  // an exercise step skipped on a generated account is still missing
  const room = await makeClass({ out: join(tmp(), 'lab'), students: 1, seed: 's' })
  const server = await startServer({ port: 0, maillist: room.maillist })
  t.teardown(() => server.close())
  const ex2 = exercises.find(e => e.number === 2)!
  const { user, password } = room.students[0]!
  const skipped = ex2.steps.find(s => s.blocks.some(b => b.exchanges.some(x => x.client === 'LIST')))!
  const partial = { ...ex2, steps: ex2.steps.filter(s => s !== skipped) }
  const checker = new ExerciseChecker(ex2, { user, skips: true })
  server.on('event', e => void checker.feed(e))
  const player = new Player({ port: server.port, events: server, accounts: server.accounts })
  for await (const _ of player.play(asStudent(partial, user, password))) void _
  await player.close()
  t.same(checker.goals().filter(g => !g.done).map(g => g.step), [skipped.number], 'only the step left out is missing')
})

t.test('a maildir sample makes maildirs, which are served and play exercise 11', async t => {
  const room = await makeClass({ out: join(tmp(), 'lab'), students: 3, from: join(ROOT, 'mailboxes', 'maria'), seed: 'm' })
  t.equal(room.kind, 'maildir')
  for (const s of room.students) {
    t.same(readdirSync(join(room.dir, s.mailbox)).sort(), ['cur', 'new', 'tmp'], `${s.user}: a maildir`)
    const files = readdirSync(join(room.dir, s.mailbox, 'new'))
    t.ok(files.length >= 4 && files.length <= 5, `${s.user}: ${files.length} messages (the sample's 4, or one more)`)
  }
  const cert = await selfSignedCertificate(tmp())
  const server = await startServer({ port: 0, maillist: room.maillist, tls: cert, tlsPort: 0 })
  t.teardown(() => server.close())
  const uids = await Promise.all(room.students.map(s => look(server.port, s.user, s.password).then(r => r.uids)))
  t.equal(new Set(uids.flat()).size, uids.flat().length, 'unique ids differ from student to student')
  const ex11 = exercises.find(e => e.number === 11)!
  const first = room.students[0]!
  const made = readdirSync(join(room.dir, first.mailbox, 'new')).sort()
  const { goals } = await playAs(server, cert.cert, ex11, first.user, first.password)
  t.ok(goals.every(g => g.done), 'exercise 11 done on a generated maildir')
  const left = [...readdirSync(join(room.dir, first.mailbox, 'new')), ...readdirSync(join(room.dir, first.mailbox, 'cur'))]
  t.equal(left.length, made.length - 1, 'its DELE 4 deleted a message for good')
  t.same(await restoreMaildrops(room.dir, [first.user]), [{ user: first.user, messages: made.length }])
  t.same(readdirSync(join(room.dir, first.mailbox, 'new')).sort(), made, 'restored: the same files as made')
  t.same(readdirSync(join(room.dir, first.mailbox, 'cur')), [])
})

t.test('--restore makes a student\'s maildrop again as it was made, the password kept, not under an open session', async t => {
  const out = join(tmp(), 'lab')
  const room = await makeClass({ out, students: 3, seed: 'again' })
  const [s1, s2] = room.students as [Classroom['students'][0], Classroom['students'][0]]
  const made = readFileSync(join(out, s1.mailbox))
  const other = readFileSync(join(out, s2.mailbox))
  const server = await startServer({ port: 0, maillist: room.maillist })
  t.teardown(() => server.close())
  const before = (await look(server.port, s1.user, s1.password)).stat
  const c = await RawClient.open(server.port)
  await c.line()
  await c.cmd(`USER ${s1.user}`)
  await c.cmd(`PASS ${s1.password}`)
  await c.cmd('DELE 1')
  await c.cmd('DELE 2')
  const busy = runCli(['class', '--out', out, '--restore', s1.user])
  t.equal(await busy.exit, 1, 'refused while the student has a session open')
  t.match(busy.stderr(), new RegExp(`^smallpop3: cannot replace the class in .* a session of "${s1.user}" has its maildrop open`))
  await c.cmd('QUIT')
  await c.closedByServer()
  t.not((await look(server.port, s1.user, s1.password)).stat, before, 'two messages deleted for good')

  const restore = runCli(['class', '--out', out, '--restore', s1.user])
  t.equal(await restore.exit, 0)
  t.match(restore.stdout(), new RegExp(`^${s1.user}: the maildrop is back as it was made, \\d+ messages \\(the password is unchanged\\)\n$`))
  t.same(readFileSync(join(out, s1.mailbox)), made, 'byte for byte as made')
  t.same(readFileSync(join(out, s2.mailbox)), other, 'the others untouched')
  t.equal((await look(server.port, s1.user, s1.password)).stat, before, 'served as before, with the same password')

  const nobody = runCli(['class', '--out', out, '--restore', 'nobody'])
  t.equal(await nobody.exit, 1)
  t.match(nobody.stderr(), /^smallpop3: there is no student "nobody" in .*lab\/maillist\n$/)
  const elsewhere = runCli(['class', '--out', tmp(), '--restore', s1.user])
  t.equal(await elsewhere.exit, 1)
  t.match(elsewhere.stderr(), /holds no class made by "smallpop3 class"/)
})

t.test('a roster: user names from the names, the names in the handout', async t => {
  const dir = tmp()
  const roster = join(dir, 'roster.csv')
  writeFileSync(roster, '\uFEFFName,email\r\nNúria Puig i Soler,n@x\r\n"Smith, Jo",j@x\r\nJo Smith,k@x\r\n\r\nØyvind Åsen,o@x\r\n王伟,w@x\r\n=cmd|calc,e@x\r\n')
  const room = await makeClass({ out: join(dir, 'lab'), roster, seed: 'r', host: 'pop.lab.example', port: 1100 })
  t.same(room.students.map(s => [s.user, s.name]), [
    ['nuria.soler', 'Núria Puig i Soler'],
    ['smith.jo', 'Smith, Jo'],
    ['jo.smith', 'Jo Smith'],
    ['oyvind.asen', 'Øyvind Åsen'],
    ['student', '王伟'],
    ['cmd.calc', '=cmd|calc'],
  ])
  const md = readFileSync(room.handout.markdown, 'utf8')
  const csv = readFileSync(room.handout.csv, 'utf8')
  for (const s of room.students) {
    t.match(md, `\`PASS ${s.password}\``, `${s.user}: the handout says the password`)
    t.match(csv, `${s.user},`, `${s.user}: a CSV row`)
  }
  t.match(md, '## nuria.soler (Núria Puig i Soler)')
  t.match(md, '`telnet pop.lab.example 1100`', 'how to connect, with --host and --port')
  t.match(csv, /^user,name,password,host,port,connect\r\n/)
  t.match(csv, '"Smith, Jo"', 'a name with a comma is quoted')
  t.match(csv, "'=cmd|calc", 'a name a spreadsheet would run as a formula is defused')
  t.match(md, '## cmd.calc (=cmd\\|calc)', 'and escaped in Markdown')
  const server = await startServer({ port: 0, maillist: room.maillist })
  t.teardown(() => server.close())
  t.match((await look(server.port, 'nuria.soler', room.students[0]!.password)).stat, /^\+OK \d+ \d+$/, 'a roster account logs in')

  const twice = join(dir, 'twice.csv')
  writeFileSync(twice, 'Ada Lovelace\nAlan Turing\n  ada   lovelace \n')
  await t.rejects(makeClass({ out: join(dir, 'x'), roster: twice }), { code: 'ECLASS', message: `${twice}:3: "ada lovelace" is already on line 1; two students need two different names (add an initial)` })
  const empty = join(dir, 'empty.csv')
  writeFileSync(empty, 'name,group\nAda,1\n,2\n')
  await t.rejects(makeClass({ out: join(dir, 'x'), roster: empty }), { message: `${empty}:3: the name is empty; write it, or remove the line` })
})

t.test('the command line: refuses to write over a class, --force replaces it, unless a student has a session open', async t => {
  const dir = tmp()
  const out = join(dir, 'lab')
  const made = runCli(['class', '--students', '3', '--out', out, '--host', '127.0.0.1'])
  t.equal(await made.exit, 0)
  t.match(made.stdout(), /Wrote a class of 3 students into .*lab/)
  t.match(made.stdout(), /smallpop3 --maillist .*lab\/maillist --host 0\.0\.0\.0/)
  t.match(made.stdout(), /give --seed [0-9a-f]{12} to make the same maildrops again/, 'a seed chosen at random is printed')
  t.match(readFileSync(join(out, 'handout.md'), 'utf8'), '`telnet 127.0.0.1 65000`')
  const before = readFileSync(join(out, 'maillist'), 'utf8')
  const mailBefore = readFileSync(join(out, 'mail', 's1.mbox'))

  const again = runCli(['class', '--students', '3', '--out', out])
  t.equal(await again.exit, 1, 'a second run into the same folder fails')
  t.match(again.stderr(), /^smallpop3: .*lab already holds a class \(maillist is there\): .* add --force to replace it\n$/)
  t.equal(readFileSync(join(out, 'maillist'), 'utf8'), before, 'the maillist is as it was')
  t.same(readFileSync(join(out, 'mail', 's1.mbox')), mailBefore, 'and the mail')

  const server = await startServer({ port: 0, maillist: join(out, 'maillist') })
  t.teardown(() => server.close())
  const password = /^s2\t(\S+)/m.exec(before)![1]!
  const c = await RawClient.open(server.port)
  await c.line()
  await c.cmd('USER s2')
  t.match(await c.cmd(`PASS ${password}`), /^\+OK/)
  const busy = runCli(['class', '--students', '3', '--out', out, '--force'])
  t.equal(await busy.exit, 1, '--force is refused while a student has a session open')
  t.match(busy.stderr(), /^smallpop3: cannot replace the class in .* a session of "s2" has its maildrop open/)
  t.equal(readFileSync(join(out, 'maillist'), 'utf8'), before)
  await c.cmd('QUIT')
  c.end()
  await new Promise(r => setTimeout(r, 100))

  const forced = runCli(['class', '--students', '4', '--out', out, '--force'])
  t.equal(await forced.exit, 0, '--force replaces the class')
  const after = readFileSync(join(out, 'maillist'), 'utf8')
  t.match(after, /^s4\t/m, 'the new class is there')
  t.notSame(after, before, 'with new passwords')
  t.same(readdirSync(join(out, 'mail')).sort(), ['s1.mbox', 's2.mbox', 's3.mbox', 's4.mbox'], 'and new maildrops only')
  t.same(readdirSync(out).filter(n => n.startsWith('.')), [], 'no temporary folder left')
})

t.test('the command line: mistakes get one clear line and a non-zero exit', async t => {
  const dir = tmp()
  writeFileSync(join(dir, 'notmail.txt'), 'hello\nworld\n')
  writeFileSync(join(dir, 'huge.mbox'), `From a@b Mon Sep  7 09:00:00 2026\nSubject: big\n\n${'x'.repeat(79)}\n`.padEnd(17 << 20, `${'y'.repeat(79)}\n`))
  const cases: [string[], RegExp][] = [
    [['--students', '0', '--out', 'x'], /option --students needs a whole number from 1 to 1000, not "0"/],
    [['--students', '-3', '--out', 'x'], /option --students needs a whole number from 1 to 1000, not "-3"/],
    [['--students', '1001', '--out', 'x'], /from 1 to 1000, not "1001"/],
    [['--students', 'many', '--out', 'x'], /not "many"/],
    [['--students', '5'], /say which folder to write the class into with --out DIR/],
    [['--out', 'x'], /say how many students with --students N/],
    [['--students', '2', '--roster', 'r.csv', '--out', 'x'], /one of the two/],
    [['--students', '2', '--out', 'x', '--from', 'nowhere.mbox'], /cannot use .*nowhere\.mbox as the sample maildrop \(--from\): the maildrop .* is missing \(ENOENT\)/],
    [['--students', '2', '--out', 'x', '--from', dir], /cannot use .* as the sample maildrop \(--from\): .* is a folder but not a maildir/],
    [['--students', '2', '--out', 'x', '--from', join(dir, 'notmail.txt')], /sample maildrop \(--from\): line 1 comes before the first "From " line/],
    [['--students', '2', '--out', 'x', '--from', join(ROOT, 'mailboxes', 'sam.mbox')], /holds 3 messages; the exercises need at least 4/],
    [['--students', '2', '--out', 'x', '--from', join(dir, 'huge.mbox')], /holds 1[78],\d{3},\d{3} octets; a class copies it for every student, so it may hold at most 16,777,216 octets/],
    [['--roster', 'none.csv', '--out', 'x'], /cannot read the roster .*none\.csv \(ENOENT\)/],
    [['--students', '2', '--out', 'x', '--prefix', 'S 1'], /option --prefix must start with a lowercase letter/],
    [['--students', '2', '--out', 'x', '--port', '70000'], /option --port needs a whole number from 1 to 65535/],
    [['--students', '2', '--out', 'x', '--maillist', 'm'], /--maillist/],
  ]
  const runs = cases.map(([args]) => runCli(['class', ...args], { cwd: dir }))
  for (const [i, [args, message]] of cases.entries()) {
    const code = await runs[i]!.exit
    t.ok(code === 1 || code === 2, `class ${args.join(' ')}: exit ${code}`)
    t.match(runs[i]!.stderr(), message)
    t.match(runs[i]!.stderr(), /^smallpop3: [^\n]+\n$/, 'one line, no stack trace')
  }
  t.same(readdirSync(dir).sort(), ['huge.mbox', 'notmail.txt'], 'nothing written by a refused command')
  const help = runCli(['help', 'class'])
  t.equal(await help.exit, 0)
  t.match(help.stdout(), /smallpop3 class --students N --out DIR/)
})

t.test('smallpop3 --maillist DIR/maillist serves the class', async t => {
  const room = await makeClass({ out: join(tmp(), 'lab'), students: 2, seed: 'serve' })
  const cli = runCli(['--maillist', room.maillist, '--host', '127.0.0.1', '--port', '0', '--quiet'])
  t.teardown(() => cli.child.kill())
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const s = room.students[1]!
  t.match((await look(Number(port), s.user, s.password)).stat, /^\+OK \d+ \d+$/, `${s.user} logs in to the served class`)
})
