// What only a maildir does, the lock between processes, crash safety of UPDATE, and large messages.
import t from 'tap'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWKWARD, AWKWARD_DELIVERED, RawClient, ROOT, loggedIn, maildropDir, runCli, snapshot, testServer, type StoreKind } from './helpers.js'

const KINDS: StoreKind[] = ['mbox', 'maildir']

t.test('maildir: RETR moves a message from new/ to cur/ with :2,S at UPDATE; TOP does not', async t => {
  const server = await testServer({ guest: AWKWARD }, {}, 'maildir')
  t.teardown(() => server.close())
  const md = server.mbox('guest')
  const c = await loggedIn(server)
  const uids = (await c.cmdMulti('UIDL')).lines
  await c.cmdMulti('RETR 1') // in new/
  await c.cmdMulti('TOP 3 0') // in new/, only TOP
  await c.cmdMulti('RETR 2') // already in cur/ with :2,S
  t.ok(existsSync(join(md, 'new', '1700000000.M0P1.test')), 'nothing moves before QUIT')
  await c.cmd('QUIT')
  await c.closedByServer()
  t.notOk(existsSync(join(md, 'new', '1700000000.M0P1.test')))
  t.ok(existsSync(join(md, 'cur', '1700000000.M0P1.test:2,S')), 'seen: moved to cur/ with the S flag')
  t.ok(existsSync(join(md, 'new', '1700000002.M2P1.test')), 'TOP does not mark it seen')
  t.ok(existsSync(join(md, 'cur', '1700000001.M1P1.test:2,S')), 'already seen: unchanged')
  const again = await loggedIn(server)
  t.same((await again.cmdMulti('UIDL')).lines, uids, 'UIDs survive the move')
  await again.cmd('QUIT')
})

t.test('maildir: files renamed or deleted by another reader during a session', async t => {
  const server = await testServer({ guest: AWKWARD }, {}, 'maildir')
  t.teardown(() => server.close())
  const md = server.mbox('guest')
  const c = await loggedIn(server)
  const before = (await c.cmdMulti('RETR 3')).lines
  renameSync(join(md, 'new', '1700000002.M2P1.test'), join(md, 'cur', '1700000002.M2P1.test:2,RS'))
  t.same((await c.cmdMulti('RETR 3')).lines, before, 'found again after another reader moved it')
  unlinkSync(join(md, 'cur', '1700000003.M3P1.test:2,S'))
  t.equal(await c.cmd('RETR 4'), '-ERR [SYS/TEMP] message 4 was removed from the maildrop by another program; the others are still there')
  t.equal(await c.cmd('TOP 4 0'), '-ERR [SYS/TEMP] message 4 was removed from the maildrop by another program; the others are still there')
  t.equal(await c.cmd('DELE 4'), '+OK message 4 deleted')
  const left = AWKWARD_DELIVERED.filter((_, i) => i !== 3).reduce((n, m) => n + Buffer.byteLength(m), 0)
  t.equal(await c.cmd('STAT'), `+OK 8 ${left}`, 'the session goes on')
  t.equal(await c.cmd('QUIT'), '+OK goodbye: 1 deleted, 8 left', 'deleting a file already gone is not an error')
})

t.test('maildir: CRLF or LF on disk, the sizes are what is sent', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-md-'))
  const md = join(dir, 'box')
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(md, sub), { recursive: true })
  writeFileSync(join(md, 'new', '1.a.x'), 'A: 1\nB: 2\n\nlf body\n')
  writeFileSync(join(md, 'new', '2.a.x'), 'A: 1\r\n\r\ncrlf body\r\n.\r\n')
  writeFileSync(join(md, 'new', '3.a.x'), 'A: 1\n\nno newline at the end')
  writeFileSync(join(dir, 'maillist'), 'u p box\n')
  const { startServer } = await import('../dist/index.js')
  const server = await startServer({ port: 0, maillist: join(dir, 'maillist') })
  t.teardown(() => server.close())
  const c = await loggedIn(server, 'u', 'p')
  t.same((await c.cmdMulti('LIST')).lines, ['1 23', '2 22', '3 31'])
  t.equal(await c.cmd('RETR 2'), '+OK 22 octets')
  t.equal((await c.multi()).toString(), 'A: 1\r\n\r\ncrlf body\r\n..\r\n.\r\n')
  t.equal(await c.cmd('RETR 3'), '+OK 31 octets')
  t.equal((await c.multi()).toString(), 'A: 1\r\n\r\nno newline at the end\r\n.\r\n')
  await c.cmd('QUIT')
})

for (const kind of KINDS) {
  t.test(`${kind}: two server processes, one maildrop: the second login gets [IN-USE]`, async t => {
    const drop = maildropDir({ guest: AWKWARD }, kind)
    const a = runCli(['--port', '0', '--maillist', drop.maillist])
    const b = runCli(['--port', '0', '--maillist', drop.maillist])
    t.teardown(() => {
      a.child.kill('SIGKILL')
      b.child.kill('SIGKILL')
    })
    const [, portA] = await a.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
    const [, portB] = await b.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
    const first = await loggedIn(portA, 'guest', 'visitor')
    const second = await RawClient.open(Number(portB))
    await second.line()
    await second.cmd('USER guest')
    t.match(await second.cmd('PASS visitor'), /^-ERR \[IN-USE\] the maildrop of "guest" is already open in another session/)
    await first.cmd('QUIT')
    await first.closedByServer()
    await second.cmd('USER guest')
    t.match(await second.cmd('PASS visitor'), /^\+OK/, 'free once the first session has ended')
    await second.cmd('QUIT')
  })

  t.test(`${kind}: a server killed in the middle of UPDATE loses nothing and duplicates nothing`, async t => {
    const drop = maildropDir({ guest: AWKWARD }, kind)
    const path = drop.path('guest')
    const before = snapshot(path)
    const stall = kind === 'mbox' ? 'mbox-before-rename' : 'maildir-mid-commit'
    const cli = runCli(['--port', '0', '--maillist', drop.maillist], { env: { SMALLPOP3_TEST_STALL: stall } })
    const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
    const c = await loggedIn(port)
    const uids = (await c.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1])
    await c.cmdMulti('RETR 3')
    await c.cmd('DELE 2')
    await c.cmd('DELE 5')
    c.send('QUIT\r\n')
    await cli.waitFor(new RegExp(`stalled at ${stall}`))
    cli.child.kill('SIGKILL')
    await cli.exit
    t.ok(readdirSync(drop.dir).some(n => n.includes('pop3lock')) || existsSync(join(path, '.pop3lock')), 'the killed server left its lock behind')

    const restarted = runCli(['--port', '0', '--maillist', drop.maillist])
    t.teardown(() => restarted.child.kill('SIGKILL'))
    const [, port2] = await restarted.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
    // on disk, before anyone logs in: the start-up already put things right
    t.notOk(readdirSync(drop.dir).some(n => n.includes('pop3lock')) || existsSync(join(path, '.pop3lock')), 'the stale lock is cleared at start-up')
    if (kind === 'mbox') {
      // killed before the rename: the old file is intact, the half-written one is gone
      t.equal(snapshot(path), before, 'as before, byte for byte')
      t.notOk(readdirSync(drop.dir).some(n => n.includes('pop3update')), 'the temporary file was cleaned up')
    } else {
      t.notOk(existsSync(join(path, '.pop3update')), 'the journal was replayed and removed')
      const all = ['new', 'cur'].flatMap(sub => readdirSync(join(path, sub)))
      t.equal(all.length, 7, 'both deletions done')
      t.equal(new Set(all.map(n => n.split(':')[0])).size, 7, 'no message in both new/ and cur/')
    }
    const c2 = await loggedIn(port2)
    const after = (await c2.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1])
    await c2.cmd('QUIT')
    t.same(after, kind === 'mbox' ? uids : uids.filter((_, i) => i !== 1 && i !== 4), kind === 'mbox' ? 'nothing lost' : 'fully updated, nothing duplicated')
  })

  t.test(`${kind}: a 24 MB message is streamed byte for byte`, async t => {
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-big-'))
    const line = 'The quick brown fox jumps over the lazy dog. 0123456789\n'
    const body = line.repeat(Math.ceil((24 << 20) / line.length)) + '.leading dot\nFrom inside\n'
    const mbox = join(dir, 'big.mbox')
    writeFileSync(mbox, `From x@example.com Mon Jan  5 10:00:00 2026\nSubject: big\n\n${body.replace(/^From /gm, '>From ')}`)
    const server = await testServer({ guest: mbox }, {}, kind)
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    const want = Buffer.from(`Subject: big\n\n${body}`.replace(/\n/g, "\r\n"))
    t.equal(await c.cmd('LIST 1'), `+OK 1 ${want.length}`)
    t.equal(await c.cmd('RETR 1'), `+OK ${want.length} octets`)
    const raw = await c.multi(60000)
    const got = raw.subarray(0, raw.length - 3).toString('latin1').replace(/^\.\./gm, '.')
    t.equal(createHash('sha256').update(got, 'latin1').digest('hex'), createHash('sha256').update(want).digest('hex'), 'identical')
    await c.cmd('QUIT')
  })
}

t.test('the bundled maildrops: every account of the bundled maillist works', async t => {
  const { startServer } = await import('../dist/index.js')
  const drop = mkdtempSync(join(tmpdir(), 'smallpop3-bundled-'))
  const { cpSync } = await import('node:fs')
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(ROOT, name), join(drop, name), { recursive: true })
  const server = await startServer({ port: 0, maillist: join(drop, 'maillist') })
  t.teardown(() => server.close())
  const users: Record<string, string> = Object.fromEntries(readFileSync(join(drop, 'maillist'), 'utf8').split('\n').filter(l => l && !l.startsWith('#')).map(l => l.split(/\s+/)))
  t.same(Object.keys(users), ['guest', 'maria', 'sam', 'empty', 'busy'])
  const stat: Record<string, string> = {}
  for (const [user, password] of Object.entries(users)) {
    const c = await loggedIn(server, user, password)
    stat[user] = await c.cmd('STAT')
    await c.cmd('QUIT')
  }
  t.equal(stat.empty, '+OK 0 0', 'an empty maildrop')
  t.match(stat.maria, /^\+OK 4 \d+$/, 'the maildir account')
  t.match(stat.sam, /^\+OK 3 \d+$/, 'a second mbox account')
  t.ok(Number(stat.busy!.split(' ')[1]) >= 30, 'a few dozen messages')
})

t.test('a folder that is not a maildir is refused at start-up', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-md-'))
  mkdirSync(join(dir, 'box'))
  writeFileSync(join(dir, 'maillist'), 'u p box\n')
  const cli = runCli(['--port', '0', '--maillist', join(dir, 'maillist')])
  t.equal(await cli.exit, 1)
  t.match(cli.stderr(), /maillist:1: mailbox "box" of user "u" is a folder but not a maildir: a maildir holds cur\/, new\/ and tmp\//)
})

t.test('a lock file is honoured only while its owner lives', async t => {
  const { spawn } = await import('node:child_process')
  const { hostname } = await import('node:os')
  const sleeper = spawn('sleep', ['30'])
  t.teardown(() => sleeper.kill())
  await new Promise(r => setTimeout(r, 100))
  const server = await testServer({ guest: AWKWARD })
  t.teardown(() => server.close())
  const lock = join(server.dir, '.guest.mbox.pop3lock')
  const tryLogin = async (): Promise<string> => {
    const c = await RawClient.open(server.port)
    await c.line()
    await c.cmd('USER guest')
    const reply = await c.cmd('PASS visitor')
    await c.cmd('QUIT')
    return reply
  }
  writeFileSync(lock, `${sleeper.pid}\n${hostname()}\n${new Date().toISOString()}\n`)
  t.match(await tryLogin(), /^-ERR \[IN-USE\]/, 'a live owner keeps it')
  writeFileSync(lock, `${sleeper.pid}\n${hostname()}\n${new Date(Date.now() - 3600e3).toISOString()}\n`)
  t.match(await tryLogin(), /^\+OK/, 'a process that started after the lock was written is not its owner (a reused pid)')
  writeFileSync(lock, `999999999\n${hostname()}\n${new Date().toISOString()}\n`)
  t.match(await tryLogin(), /^\+OK/, 'a dead owner loses it')
  writeFileSync(lock, '')
  t.match(await tryLogin(), /^-ERR \[IN-USE\]/, 'a lock that names no owner yet may be being written: honoured while fresh')
  utimesSync(lock, new Date(Date.now() - 60e3), new Date(Date.now() - 60e3))
  t.match(await tryLogin(), /^\+OK/, 'a lock file cut short by a crash is cleared')
})

t.test("an mbox's session lock: a link to its server's owner file, as other programs see it, cleared when the server stops or at the next start", async t => {
  const { hostname } = await import('node:os')
  const drop = maildropDir({ guest: AWKWARD, other: AWKWARD }, 'mbox')
  const lock = (user: string): string => join(drop.dir, `.${user}.mbox.pop3lock`)
  const owners = (): string[] => readdirSync(drop.dir).filter(n => n.endsWith('.pop3owner'))
  const cli = runCli(['--port', '0', '--maillist', drop.maillist])
  t.teardown(() => cli.child.kill('SIGKILL'))
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const pid = cli.child.pid!

  const a = await loggedIn(Number(port))
  await loggedIn(Number(port), 'other', 'other-pw') // stays logged in
  const [owner] = owners()
  t.equal(owner, `.smallpop3-${hostname().replace(/[^\w.-]/g, '_')}-${pid}.pop3owner`, "one owner file in the folder, named by the server's host and pid")
  t.match(readFileSync(lock('guest'), 'utf8'), new RegExp(`^${pid}\n${hostname()}\n\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\n$`), 'the lock names its owner as a lock file of its own would')
  t.equal(statSync(lock('guest')).ino, statSync(join(drop.dir, owner!)).ino, 'the lock is a second name of the owner file')
  t.equal(statSync(lock('other')).ino, statSync(lock('guest')).ino, "two maildrops' locks: the same file")
  t.equal(statSync(lock('guest')).nlink, 3)
  const second = await RawClient.open(Number(port))
  await second.line()
  await second.cmd('USER guest')
  t.match(await second.cmd('PASS visitor'), /^-ERR \[IN-USE\]/, 'a second login to a locked maildrop is refused')
  await second.cmd('QUIT')
  await a.cmd('QUIT')
  await a.closedByServer()
  t.notOk(existsSync(lock('guest')), 'QUIT removes the lock')
  t.ok(existsSync(lock('other')), 'and only its own')

  rmSync(join(drop.dir, owner!))
  t.equal(readFileSync(lock('other'), 'utf8').split('\n')[0], String(pid), 'a lock keeps its content when the owner file is removed')
  await loggedIn(Number(port)) // stays logged in too
  t.same(owners(), [owner], 'the next login writes the owner file again')
  t.notOk(existsSync(lock('other')) && statSync(lock('other')).ino === statSync(lock('guest')).ino, 'a new file, not the one the older lock names')

  cli.child.kill('SIGKILL') // with both sessions open
  await cli.exit
  t.ok(existsSync(lock('guest')) && existsSync(lock('other')) && owners().length === 1, 'a killed server leaves its locks and its owner file')
  const restarted = runCli(['--port', '0', '--maillist', drop.maillist])
  t.teardown(() => restarted.child.kill('SIGKILL'))
  const [, port2] = await restarted.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  t.same(readdirSync(drop.dir).filter(n => /pop3lock|pop3owner/.test(n)), [], 'start-up clears the dead server\'s locks and owner file before anyone logs in')
  const d = await loggedIn(Number(port2))
  t.equal(owners().length, 1)
  await d.cmd('QUIT')
  await d.closedByServer()
  restarted.child.kill('SIGINT')
  await restarted.exit
  t.same(readdirSync(drop.dir).filter(n => /pop3lock|pop3owner/.test(n)), [], 'a server that stops removes its owner file')
})

for (const kind of KINDS) {
  t.test(`${kind}: TOP that stops early and a client that leaves mid-RETR close their files`, async t => {
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-fd-'))
    const mbox = join(dir, 'big.mbox')
    writeFileSync(mbox, `From x@example.com Mon Jan  5 10:00:00 2026\nSubject: big\n\n${'a line of text\n'.repeat(400000)}`)
    const server = await testServer({ guest: mbox }, {}, kind)
    t.teardown(() => server.close())
    const openFiles = (): number => readdirSync('/proc/self/fd').length
    const c = await loggedIn(server)
    await c.cmdMulti('TOP 1 0') // warm up whatever the first use opens
    const before = openFiles()
    for (let i = 0; i < 40; i++) await c.cmdMulti('TOP 1 1')
    c.send('RETR 1\r\n')
    await c.line()
    c.end() // gone in the middle of a 6 MB reply
    await new Promise(r => setTimeout(r, 300))
    t.ok(openFiles() <= before + 2, `open files: ${before} before, ${openFiles()} after`)
  })
}

t.test('mbox: mail delivered during a session survives its UPDATE', async t => {
  const { appendFileSync } = await import('node:fs')
  const server = await testServer({ guest: AWKWARD })
  t.teardown(() => server.close())
  const c = await loggedIn(server)
  t.equal(await c.cmd('DELE 1'), '+OK message 1 deleted')
  const late = '\nFrom late@example.com Mon Jan  5 12:00:00 2026\nSubject: arrived during the session\n\nhello\n'
  appendFileSync(server.mbox('guest'), late) // what a delivery agent does
  t.equal(await c.cmd('STAT'), `+OK 8 ${AWKWARD_DELIVERED.slice(1).reduce((n, m) => n + Buffer.byteLength(m), 0)}`, 'not seen by this session')
  t.equal(await c.cmd('QUIT'), '+OK goodbye: 1 deleted, 8 left')
  await c.closedByServer()
  t.ok(readFileSync(server.mbox('guest'), 'latin1').endsWith(late), 'kept, byte for byte')
  const again = await loggedIn(server)
  t.match(await again.cmd('STAT'), /^\+OK 9 /, 'and seen by the next session')
  t.equal(await again.cmd('TOP 9 0'), '+OK only the headers of message 9 follow')
  t.equal((await again.multi()).toString(), 'Subject: arrived during the session\r\n\r\n.\r\n')
  await again.cmd('QUIT')
})

t.test('maildir: an UPDATE that fails halfway says so, and the next login finishes it', async t => {
  const server = await testServer({ guest: AWKWARD }, {}, 'maildir')
  t.teardown(() => server.close())
  const md = server.mbox('guest')
  const c = await loggedIn(server)
  await c.cmdMulti('RETR 1') // new/1700000000.M0P1.test moves to cur/ with :2,S at UPDATE
  t.equal(await c.cmd('DELE 2'), '+OK message 2 deleted')
  // something already stands where the file must go: the rename fails after the journal is written
  mkdirSync(join(md, 'cur', '1700000000.M0P1.test:2,S', 'blocker'), { recursive: true })
  t.match(await c.cmd('QUIT'), /^-ERR \[SYS\/TEMP\] the update stopped halfway \(\w+\); the next login finishes it$/)
  await c.closedByServer()
  const update = server.events.find(e => e.type === 'update')
  t.match(update, { ok: false, unfinished: true, kind: 'maildir' })
  t.ok(existsSync(join(md, '.pop3update')), 'the journal stays for the next login')

  const { rmSync } = await import('node:fs')
  rmSync(join(md, 'cur', '1700000000.M0P1.test:2,S'), { recursive: true })
  const again = await loggedIn(server)
  t.equal((await again.cmdMulti('LIST')).lines.length, 8, 'the deletion is done')
  await again.cmd('QUIT')
  t.ok(existsSync(join(md, 'cur', '1700000000.M0P1.test:2,S')), 'and the move')
  t.notOk(existsSync(join(md, '.pop3update')))
})

/** A message as RFC 1939 §3 puts it on the wire: CRLF lines, dot-stuffed, the terminator. */
function onWire(delivered: string): string {
  return delivered.replace(/^\./gm, '..') + '.\r\n'
}

for (const kind of KINDS) {
  t.test(`${kind}: a message that needs no conversion and one that does, byte for byte, across reads`, async t => {
    // 600 kB each, so that both span several of the store's reads
    const filler = (prefix: string, eol: string) => Array.from({ length: 8000 }, (_, i) => `${prefix} line ${i} of a long message, some words to fill it${eol}`).join('')
    const clean = `Subject: clean\r\n\r\n${filler('crlf', '\r\n')}`
    const mixed = `Subject: mixed\n\n${filler('lf', '\n')}.a dot line\r\n>>From quoted\nFrom_ x\n${filler('late', '\r\n')}`
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-fast-'))
    const mbox = join(dir, 'fast.mbox')
    writeFileSync(mbox, `From a@example Mon Jan  5 10:00:00 2026\n${clean}\nFrom a@example Mon Jan  5 10:00:00 2026\n${mixed}\n`, 'latin1')
    const server = await testServer({ guest: mbox }, {}, kind)
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    const want = [clean, `Subject: mixed\r\n\r\n${filler('lf', '\r\n')}.a dot line\r\n>From quoted\r\nFrom_ x\r\n${filler('late', '\r\n')}`]
    t.same((await c.cmdMulti('LIST')).lines, want.map((w, i) => `${i + 1} ${Buffer.byteLength(w)}`))
    for (const [i, w] of want.entries()) {
      t.equal(await c.cmd(`RETR ${i + 1}`), `+OK ${Buffer.byteLength(w)} octets`)
      t.ok((await c.multi()).equals(Buffer.from(onWire(w), 'latin1')), `RETR ${i + 1}: the bytes of the reference`)
      await c.cmd(`TOP ${i + 1} 3`)
      const top = w.split('\r\n').slice(0, 5).join('\r\n') + '\r\n'
      t.equal((await c.multi()).toString('latin1'), onWire(top), `TOP ${i + 1} 3`)
    }
    await c.cmd('QUIT')
  })
}
