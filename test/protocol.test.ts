// RFC 1939 / RFC 2449 behaviour over a real socket, against the sample and the awkward fixture.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AWKWARD, AWKWARD_DELIVERED, FIXTURES, RawClient, ROOT, eventOf, loggedIn, testServer as makeServer, unstuff, type StoreKind, type TestServer } from './helpers.js'
import { explain, type Pop3Event, type ServerOptions } from '../dist/index.js'
import { english, type MessageKey, type Params } from '../dist/i18n/index.js'

for (const kind of ['mbox', 'maildir'] as StoreKind[]) {
t.test(`${kind} store`, async t => {
  const testServer = (accounts?: Record<string, string>, options?: ServerOptions): Promise<TestServer> => makeServer(accounts, options, kind)

  t.test('greeting, login, STAT and QUIT', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const c = await RawClient.open(server.port)
    t.match(await c.line(), /^\+OK .*<\d+\.\d+\.\d+@[^>]+>$/, 'greeting is +OK with an APOP timestamp')
    t.equal(await c.cmd('USER guest'), '+OK hello guest, now send your password with PASS')
    t.equal(await c.cmd('PASS visitor'), '+OK guest has 7 messages (6,242 octets)')
    t.equal(await c.cmd('STAT'), '+OK 7 6242')
    t.equal(await c.cmd('QUIT'), '+OK goodbye: nothing deleted, 7 messages left')
    await c.closedByServer()
  })

  t.test('every awkward message is delivered exactly, with sizes that match', async t => {
    const server = await testServer({ guest: AWKWARD })
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    const total = AWKWARD_DELIVERED.reduce((n, m) => n + Buffer.byteLength(m), 0)
    t.equal(await c.cmd('STAT'), `+OK ${AWKWARD_DELIVERED.length} ${total}`)
    const list = await c.cmdMulti('LIST')
    t.same(list.lines, AWKWARD_DELIVERED.map((m, i) => `${i + 1} ${Buffer.byteLength(m)}`), 'LIST sizes are the delivered octets')
    for (let i = 0; i < AWKWARD_DELIVERED.length; i++) {
      const want = Buffer.from(AWKWARD_DELIVERED[i]!)
      t.equal(await c.cmd(`LIST ${i + 1}`), `+OK ${i + 1} ${want.length}`)
      t.equal(await c.cmd(`RETR ${i + 1}`), `+OK ${want.length} octets`, `RETR ${i + 1} reply line counts the same octets`)
      const raw = await c.multi()
      t.same(unstuff(raw), want, `message ${i + 1} delivered byte for byte`)
    }
    await c.cmd('QUIT')
  })

  t.test('dot-stuffing on the wire', async t => {
    const server = await testServer({ guest: AWKWARD })
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    t.equal(await c.cmd('RETR 1'), '+OK 38 octets')
    t.equal((await c.multi()).toString(), 'Subject: dots\r\n\r\n..\r\n...\r\n..hidden\r\nend\r\n.\r\n', 'lines starting with "." get one more, then CRLF.CRLF')
    t.equal(await c.cmd('RETR 5'), '+OK 18 octets')
    t.equal((await c.multi()).toString(), 'Subject: no body\r\n.\r\n')
    await c.cmd('QUIT')
  })

  t.test('TOP n k', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    const full = (await c.cmdMulti('RETR 2')).lines
    const blank = full.indexOf('')
    const top0 = await c.cmdMulti('TOP 2 0')
    t.match(top0.status, /^\+OK/)
    t.same(top0.lines, full.slice(0, blank + 1), 'TOP n 0: the headers and the blank line')
    t.same((await c.cmdMulti('TOP 2 3')).lines, full.slice(0, blank + 4), 'TOP n 3: three body lines')
    t.same((await c.cmdMulti('TOP 2 100000')).lines, full, 'more lines than the body: the whole message')
    t.match(await c.cmd('TOP 2'), /^-ERR TOP needs an argument: TOP msg lines/)
    t.match(await c.cmd('TOP 2 x'), /^-ERR "x" is not a number of lines/)
    t.match(await c.cmd('TOP 9 0'), /^-ERR no message 9: the maildrop has 7 messages/)
    await c.cmd('QUIT')
  })

  t.test('TOP on a message without a body, and on dotted bodies', async t => {
    const server = await testServer({ guest: AWKWARD })
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    t.same((await c.cmdMulti('TOP 5 0')).lines, ['Subject: no body'])
    t.same((await c.cmdMulti('TOP 1 2')).lines, ['Subject: dots', '', '.', '..'])
    await c.cmd('QUIT')
  })

  t.test('UIDL: unique, stable across sessions and restarts, survives other deletions', async t => {
    let server = await testServer({ guest: AWKWARD })
    const dir = server.dir
    let c = await loggedIn(server)
    const first = (await c.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1]!)
    t.equal(first.length, 9)
    t.equal(new Set(first).size, 9, 'identical twins still get different UIDs')
    for (const uid of first) t.match(uid, /^[\x21-\x7e]{1,70}$/, 'RFC 1939 UID characters')
    t.equal(await c.cmd('UIDL 3'), `+OK 3 ${first[2]}`)
    t.equal(await c.cmd('DELE 2'), '+OK message 2 deleted')
    t.equal(await c.cmd('QUIT'), '+OK goodbye: 1 deleted, 8 left')
    await server.close()

    server = await testServer({ guest: kind === 'mbox' ? join(dir, 'guest.mbox') : join(dir, 'guest') }) // a new server: a restart
    t.teardown(() => server.close())
    c = await loggedIn(server)
    const second = (await c.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1]!)
    t.same(second, [first[0], ...first.slice(2)], 'the other messages keep their UIDs')
    await c.cmd('QUIT')
  })

  t.test('DELE, RSET and the UPDATE state', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const before = server.snapshot('guest')
    let c = await loggedIn(server)
    t.equal(await c.cmd('DELE 1'), '+OK message 1 deleted')
    t.equal(await c.cmd('DELE 1'), '-ERR message 1 is already deleted')
    t.equal(await c.cmd('STAT'), '+OK 6 5847', 'STAT leaves out deleted messages')
    t.same((await c.cmdMulti('LIST')).lines.map(l => l.split(' ')[0]), ['2', '3', '4', '5', '6', '7'], 'numbers do not shift')
    t.equal(await c.cmd('RETR 1'), '-ERR message 1 is deleted; RSET undeletes it')
    t.equal(await c.cmd('LIST 1'), '-ERR message 1 is deleted; RSET undeletes it')
    t.equal(await c.cmd('TOP 1 0'), '-ERR message 1 is deleted; RSET undeletes it')
    t.equal(await c.cmd('UIDL 1'), '-ERR message 1 is deleted; RSET undeletes it')
    t.equal(await c.cmd('RSET'), '+OK maildrop has 7 messages (6,242 octets)')
    t.equal(await c.cmd('STAT'), '+OK 7 6242')
    t.equal(await c.cmd('DELE 2'), '+OK message 2 deleted')
    t.equal(await c.cmd('DELE 7'), '+OK message 7 deleted')
    t.same(server.snapshot('guest'), before, 'nothing changes before QUIT')
    t.equal(await c.cmd('QUIT'), '+OK goodbye: 2 deleted, 5 left')
    await c.closedByServer()

    if (kind === 'mbox') {
      // the surviving messages are byte for byte what they were, From lines included
      const starts = [...before.matchAll(/^From /gm)].map(m => m.index!)
      const pieces = starts.map((s, i) => before.slice(s, starts[i + 1] ?? before.length))
      t.equal(server.snapshot('guest'), [pieces[0], ...pieces.slice(2, 6)].join(''))
    } else {
      // the deleted files are gone, the others untouched
      const files = (snap: string): string[] => snap.split('\n--\n')
      const kept = files(before).filter(f => !/^\w+\/170000000[16]\./.test(f))
      t.same(files(server.snapshot('guest')), kept)
    }

    c = await loggedIn(server)
    t.equal(await c.cmd('STAT'), '+OK 5 4001')
    await c.cmd('QUIT')
  })

  t.test('a dropped connection deletes nothing', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const before = server.snapshot('guest')
    const c = await loggedIn(server)
    t.equal(await c.cmd('DELE 1'), '+OK message 1 deleted')
    c.end()
    await new Promise(r => setTimeout(r, 100))
    t.same(server.snapshot('guest'), before)
    const again = await loggedIn(server) // the lock was released
    t.equal(await again.cmd('STAT'), '+OK 7 6242')
    await again.cmd('QUIT')
  })

  t.test('one session per maildrop: [IN-USE]', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const a = await loggedIn(server)
    const b = await RawClient.open(server.port)
    await b.line()
    await b.cmd('USER guest')
    t.match(await b.cmd('PASS visitor'), /^-ERR \[IN-USE\] /)
    t.equal(await b.cmd('STAT'), '-ERR STAT is a TRANSACTION-state command; log in with USER and PASS first')
    await a.cmd('QUIT')
    await a.closedByServer()
    await b.cmd('USER guest')
    t.match(await b.cmd('PASS visitor'), /^\+OK /, 'free again after QUIT')
    await b.cmd('QUIT')
  })

  t.test('authorization: wrong password, unknown user, PASS first, APOP', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const c = await RawClient.open(server.port)
    const greeting = await c.line()
    const stamp = /<[^>]+>/.exec(greeting)![0]
    t.match(await c.cmd('PASS visitor'), /^-ERR send USER with your name first/)
    t.match(await c.cmd('USER nobody'), /^-ERR \[AUTH\] no mailbox for "nobody"/)
    await c.cmd('USER guest')
    t.match(await c.cmd('PASS wrong'), /^-ERR \[AUTH\] wrong password for "guest"/)
    t.match(await c.cmd('PASS visitor'), /^-ERR send USER/, 'after a wrong password, USER again')
    t.match(await c.cmd('APOP guest 0123456789abcdef0123456789abcdef'), /^-ERR \[AUTH\] /)
    const { createHash } = await import('node:crypto')
    const digest = createHash('md5').update(stamp + 'visitor').digest('hex')
    t.equal(await c.cmd(`APOP guest ${digest}`), '+OK guest has 7 messages (6,242 octets)', 'APOP (RFC 1939 §7)')
    t.match(await c.cmd('USER guest'), /^-ERR USER is an AUTHORIZATION-state command/)
    await c.cmd('QUIT')
  })

  t.test('CAPA in both states lists exactly what is supported', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const c = await RawClient.open(server.port)
    await c.line()
    const before = await c.cmdMulti('CAPA')
    t.equal(before.status, '+OK capability list follows')
    t.same(before.lines.slice(0, -1), ['TOP', 'UIDL', 'USER', 'SASL PLAIN', 'PIPELINING', 'RESP-CODES', 'AUTH-RESP-CODE', 'EXPIRE NEVER', 'LANG'], 'no certificate: no STLS')
    t.match(before.lines.at(-1), /^IMPLEMENTATION smallpop3-\d+\.\d+\.\d+/)
    await c.cmd('USER guest')
    await c.cmd('PASS visitor')
    const after = await c.cmdMulti('CAPA')
    t.same(after.lines, before.lines, 'the same in the TRANSACTION state: these capabilities are announced in both (RFC 2449)')
    await c.cmd('QUIT')
  })

  t.test('input forms: case, bare LF, one byte at a time, pipelining', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const c = await RawClient.open(server.port)
    await c.line()
    c.send('user guest\n')
    t.match(await c.line(), /^\+OK hello guest/, 'lower case and a bare LF')
    for (const byte of Buffer.from('PaSs visitor\r\n')) {
      c.send(Buffer.from([byte]))
      await new Promise(r => setTimeout(r, 2))
    }
    t.match(await c.line(), /^\+OK guest has 7/, 'typed one character at a time')
    c.send('NOOP\r\0')
    t.equal(await c.line(), '+OK', 'CR NUL ends a line, as telnet sends it in character mode')
    c.send('STAT\r\nLIST 1\r\nNOOP\r\nUIDL 1\r\nLIST 2\r\n')
    t.equal(await c.line(), '+OK 7 6242')
    t.equal(await c.line(), '+OK 1 395')
    t.equal(await c.line(), '+OK')
    t.match(await c.line(), /^\+OK 1 \S+$/)
    t.equal(await c.line(), '+OK 2 1309', 'pipelined commands are answered in order')
    c.send('RETR 1\r\nRETR 2\r\nSTAT\r\n')
    t.equal(await c.line(), '+OK 395 octets')
    await c.multi()
    t.equal(await c.line(), '+OK 1309 octets')
    await c.multi()
    t.equal(await c.line(), '+OK 7 6242', 'a reply after multi-line replies stays in order')
    await c.cmd('QUIT')
  })

  t.test('bad lines get -ERR and the session goes on', async t => {
    const server = await testServer()
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    c.send('NOOP ' + 'x'.repeat(5000) + '\r\n')
    t.match(await c.line(), /^-ERR line too long \(5007 octets\)/)
    c.send('N'.repeat(253) + '\r\n')
    t.match(await c.line(), /^-ERR unknown command/, 'exactly 255 octets is allowed')
    c.send('N'.repeat(254) + '\r\n')
    t.match(await c.line(), /^-ERR line too long \(256 octets\)/, '256 octets is not')
    c.send('LIST\b 1\r\n')
    t.match(await c.line(), /^-ERR the line holds a control character \(backspace\) at column 5/)
    c.send('\r\n')
    t.match(await c.line(), /^-ERR empty line/)
    t.equal(await c.cmd('RATR 1'), '-ERR unknown command "RATR" (did you mean RETR?)')
    t.equal(await c.cmd('XYZZY'), '-ERR unknown command "XYZZY"; CAPA lists what this server supports')
    t.equal(await c.cmd('LIST 9'), '-ERR no message 9: the maildrop has 7 messages')
    t.equal(await c.cmd('RETR 0'), '-ERR no message 0: messages are numbered from 1 to 7')
    t.equal(await c.cmd('RETR one'), '-ERR "one" is not a message number; use a number from 1 to 7')
    t.equal(await c.cmd('RETR -1'), '-ERR "-1" is not a message number; use a number from 1 to 7')
    t.match(await c.cmd('RETR'), /^-ERR RETR needs an argument: RETR msg \(for example RETR 1\)/)
    t.match(await c.cmd('STAT 1'), /^-ERR too many arguments: STAT/)
    t.match(await c.cmd('LIST  1'), /^-ERR separate LIST and its arguments with single spaces/)
    t.equal(await c.cmd('LIST 1 '), '+OK 1 395', 'a trailing space is tolerated')
    c.send(Buffer.from([0x1b, 0x5b, 0x41, 0x0d, 0x0a]))
    t.match(await c.line(), /^-ERR the line holds a control character \(escape \(an arrow key sends it\)\) at column 1/)
    t.equal(await c.cmd('STAT'), '+OK 7 6242', 'still in the session')
    await c.cmd('QUIT')
  })

  t.test('an empty maildrop', async t => {
    const server = await testServer({ guest: join(FIXTURES, 'empty.mbox') })
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    t.equal(await c.cmd('STAT'), '+OK 0 0')
    const list = await c.cmdMulti('LIST')
    t.same(list.raw.toString(), '.\r\n')
    t.equal(await c.cmd('RETR 1'), '-ERR no message 1: the maildrop is empty')
    t.equal(await c.cmd('QUIT'), '+OK goodbye: nothing deleted, 0 messages left')
  })

  t.test('auto-logout closes an idle session without UPDATE', async t => {
    const server = await testServer(undefined, { timeout: 1 })
    t.teardown(() => server.close())
    const before = server.snapshot('guest')
    const c = await loggedIn(server)
    await c.cmd('DELE 1')
    await c.closedByServer(5000)
    t.equal(c.unread, '', 'no reply is sent (RFC 1939 §3)')
    t.same(server.snapshot('guest'), before, 'nothing deleted')
    const ev = await eventOf(server, 'disconnect')
    t.equal(ev.reason, 'timeout')
  })
})
}

t.test('the sample mailbox teaches what the issue asks', async t => {
  const text = readFileSync(join(ROOT, 'mbox.mail'), 'utf8')
  const count = text.match(/^From /gm)!.length
  t.ok(count >= 6 && count <= 8, `${count} messages`)
  t.match(text, /^\.$/m, 'a line that is only "."')
  t.match(text, /^\.\w/m, 'a line starting with "."')
  t.match(text, /^>From /m, 'a >From quoted line')
  t.match(text, /multipart\/mixed[\s\S]*Content-Transfer-Encoding: base64/, 'a MIME attachment in base64')
  t.match(text, /^Subject: =\?utf-8\?[bq]\?/im, 'an encoded-word subject')
  t.match(text, /[^\x00-\x7f]/, 'a UTF-8 body')
  t.match(text, /multipart\/alternative[\s\S]*text\/html/, 'an HTML alternative')
})

t.test('telnet in character mode: negotiations answered, not read as commands', async t => {
  const server = await makeServer()
  t.teardown(() => server.close())
  const c = await RawClient.open(server.port)
  await c.line()
  const answers: Buffer[] = []
  c.socket.prependListener('data', d => answers.push(Buffer.from(d)))
  // what inetutils telnet sends after "mode character": IAC DO SGA, IAC DO ECHO, then typing, Enter as CR NUL
  for (const b of Buffer.from([255, 253, 3, 255, 253, 1, ...Buffer.from('USER guest'), 13, 0])) {
    c.send(Buffer.from([b]))
    await new Promise(r => setImmediate(r))
  }
  const reply = await c.line().catch(() => '')
  const all = Buffer.concat(answers)
  t.ok(all.subarray(0, 6).equals(Buffer.from([255, 251, 3, 255, 252, 1])), 'WILL SUPPRESS-GO-AHEAD, WONT ECHO')
  t.equal(reply.slice(6), '+OK hello guest, now send your password with PASS', 'the command is read without the negotiation bytes')
  c.send(Buffer.from([255, 244, 255, 253, 6])) // Ctrl-C in telnet: IAC IP, IAC DO TIMING-MARK
  t.match(await c.cmd('PASS visitor'), /.\+OK guest has 7 messages \(6,242 octets\)$/, 'the next line is read whole')
  t.ok(Buffer.concat(answers).includes(Buffer.from([255, 252, 6])), 'WONT TIMING-MARK')
  await c.cmd('QUIT')
})

t.test('real commands this server lacks are named, not called typos', async t => {
  const server = await makeServer()
  t.teardown(() => server.close())
  const c = await RawClient.open(server.port)
  await c.line()
  t.equal(await c.cmd('XTND XMIT'), '-ERR XTND (an extension of some old servers, from RFC 1082) is not supported by this server; CAPA lists what is')
  t.equal(await c.cmd('LAST'), '-ERR LAST is no longer part of POP3 (RFC 1725 removed it in 1994; UIDL tells which messages a client has already seen)')
  t.match(await c.cmd('RPOP guest'), /^-ERR RPOP is no longer part of POP3 \(RFC 1460 removed it in 1993; APOP /)
  await c.cmd('QUIT')
  const said = (verb: string): string[] => {
    const i = server.events.findIndex(e => e.type === 'command' && e.verb === verb)
    return [...explain(server.events[i]!, english), ...explain(server.events[i + 1]!, english)]
  }
  t.match(said('XTND').join(' '), /from an extension this server does not offer/, 'XTND is an extension')
  t.notMatch(said('LAST').join(' '), /extension/, 'LAST is not called an extension')
  t.match(said('LAST').join(' '), /older version of POP3.*RFC 1939, the POP3 of today, does not have it/)
})

t.test('small messages say what is wrong, and only what is true', async t => {
  const server = await makeServer()
  t.teardown(() => server.close())
  const c = await RawClient.open(server.port)
  await c.line()
  const explained = (n: number): string[] => {
    const commands = server.events.filter(e => e.type === 'command')
    const i = server.events.indexOf(commands[n]!)
    return [...explain(server.events[i]!, english), ...explain(server.events[i + 1]!, english)]
  }
  t.equal(await c.cmd('   '), '-ERR the line holds only spaces: type a command, for example CAPA')
  t.match(explained(0).join(' '), /^A line with no command in it: empty, or only spaces\. The client sent spaces and nothing else/)
  t.equal(await c.cmd(' CAPA'), '-ERR the line starts with a space: type the command at the very start of the line')
  t.match(explained(1)[0], /starts with a space/)
  t.equal(await c.cmd('USER\tguest'), '-ERR the line holds a tab at column 5: separate words with one space, not a tab')
  t.notMatch(explained(2).join(' '), /correct|Backspace/, 'no advice meant for backspace')
  t.match(explained(2).join(' '), /exactly one space/)

  t.equal(await c.cmd('PASS visitor'), '-ERR send USER with your name first, then PASS')
  t.match(explained(3)[0], /^A password, but no USER was accepted before it: USER and the name must come first/)
  t.notMatch(explained(3).join(' '), /the user named by USER/)
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  t.match(explained(5)[0], /^The password of "guest", the user named by the USER before it/)

  t.equal(await c.cmd('TOP 1 1000'), '+OK headers and up to 1,000 body lines of message 1 follow', 'no promise of 1000 lines')
  t.equal((await c.multi()).toString().split('\r\n').length - 2, 13, 'message 1 is 13 lines in all')
  t.match(explained(6).join(' '), /at most 1,000 lines of the body; a shorter body is sent whole/)
  t.equal(await c.cmd('TOP 1 1'), '+OK headers and up to 1 body line of message 1 follow')
  await c.multi()
  t.equal(await c.cmd('TOP 1 0'), '+OK only the headers of message 1 follow')
  await c.multi()
  await c.cmd('QUIT')
})

t.test('a status line is never longer than 512 octets (RFC 2449 §4)', async t => {
  const { mkdtempSync, mkdirSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { startServer } = await import('../dist/index.js')
  // a maildrop whose path is very long, and which has gone: the error names it
  let dir = mkdtempSync(join(tmpdir(), 'smallpop3-long-'))
  for (let i = 0; i < 8; i++) {
    dir = join(dir, 'a-rather-long-folder-name-to-make-the-path-long-'.repeat(2) + i)
    mkdirSync(dir)
  }
  const server = await startServer({ port: 0, accounts: [{ user: 'u', password: 'p', mailbox: join(dir, 'gone.mbox') }] })
  t.teardown(() => server.close())
  const c = await RawClient.open(server.port)
  await c.line()
  await c.cmd('USER u')
  const reply = await c.cmd('PASS p')
  t.match(reply, /^-ERR \[SYS\/PERM\] cannot open the maildrop of "u": .*…$/, 'a missing maildrop needs its administrator (RFC 3206)')
  t.ok(Buffer.byteLength(reply) + 2 <= 512, `${Buffer.byteLength(reply) + 2} octets`)
  const long = await c.cmd('USER ' + 'é'.repeat(120))
  t.ok(Buffer.byteLength(long) + 2 <= 512, 'a long user name echoed back still fits')
  await c.cmd('QUIT')
})

t.test('in every language: the same replies, by catalogue key and parameters, in that language\'s words', async t => {
  const { LANGUAGES, translator } = await import('../dist/index.js')
  // [line sent, status, the reply's key, its parameters]
  const session: [string, string, MessageKey, Params][] = [
    ['PASS visitor', '-ERR', 'pass.noUser', {}],
    ['USER nobody', '-ERR [AUTH]', 'user.unknown', { user: 'nobody' }],
    ['STAT', '-ERR', 'state.needLogin', { verb: 'STAT' }],
    ['RATR 1', '-ERR', 'verb.unknownGuess', { verb: 'RATR', guess: 'RETR' }],
    ['USER guest', '+OK', 'user.ok', { user: 'guest' }],
    ['PASS wrong', '-ERR [AUTH]', 'pass.wrong', { user: 'guest' }],
    ['USER guest', '+OK', 'user.ok', { user: 'guest' }],
    ['PASS visitor', '+OK', 'login.ok', { user: 'guest', count: 7, octets: 6242 }],
    ['STAT', '+OK', 'stat.ok', { count: 7, octets: 6242 }],
    ['LIST 1', '+OK', 'list.one', { n: 1, size: 395 }],
    ['LIST 9', '-ERR', 'msg.none', { n: '9', total: 7 }],
    ['RETR 0', '-ERR', 'msg.zero', { n: '0', total: 7 }],
    ['RETR one', '-ERR', 'msg.notNumber', { arg: 'one', total: 7 }],
    ['RETR', '-ERR', 'args.missing', { verb: 'RETR', usage: { key: 'usage.RETR' }, example: 'RETR 1' }],
    ['LIST 1 2', '-ERR', 'args.extra', { verb: 'LIST', usage: { key: 'usage.LIST' }, example: ['LIST', 'LIST 1'] }],
    ['DELE 1', '+OK', 'dele.ok', { n: 1 }],
    ['DELE 1', '-ERR', 'dele.already', { n: 1 }],
    ['RETR 1', '-ERR', 'msg.deleted', { n: 1 }],
    ['TOP 2 x', '-ERR', 'top.badLines', { arg: 'x', n: 2 }],
    ['RSET', '+OK', 'rset.ok', { count: 7, octets: 6242, restored: 1 }],
    ['USER guest', '-ERR', 'state.loggedIn', { verb: 'USER' }],
    ['NOOP', '+OK', 'noop.ok', {}],
    ['QUIT', '+OK', 'quit.none', { deleted: 0, left: 7 }],
  ]
  for (const lang of LANGUAGES) {
    const tr = translator(lang)
    const server = await makeServer(undefined, { lang })
    const c = await RawClient.open(server.port)
    t.match(await c.line(), `+OK ${tr('greeting', { stamp: '<' })}`, `${lang}: the greeting`)
    for (const [line, status, key, params] of session) {
      const text = tr(key, params)
      t.equal(await c.cmd(line), text ? `${status} ${text}` : status, `${lang}: ${line}`)
      const reply = server.events.filter(e => e.type === 'reply').at(-1) as Extract<Pop3Event, { type: 'reply' }>
      t.equal(reply.key, key, `${lang}: ${line} is ${key}, whatever the words`)
      t.same(reply.params, params, `${lang}: ${line}: the same parameters, words in none of them (a usage is its key)`)
    }
    await c.closedByServer()
    await server.close()
  }
})
