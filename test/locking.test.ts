// Nothing lost: logins racing for one maildrop (within one process and across two), delivery
// agents appending during UPDATE, UIDs that stay with their message, and reset under a session.
import t from 'tap'
import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AWKWARD, RawClient, loggedIn, maildropDir, run, runCli, testServer, type StoreKind } from './helpers.js'

const KINDS: StoreKind[] = ['mbox', 'maildir']
const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0

/**
 * Opens one connection to each port, waits for the greetings, then sends
 * USER and PASS on all of them at the same instant. Returns the PASS replies;
 * the winner is left logged in, the others are closed.
 */
async function race(ports: number[]): Promise<{ replies: string[]; winners: RawClient[] }> {
  const clients = await Promise.all(ports.map(p => RawClient.open(p)))
  await Promise.all(clients.map(c => c.line()))
  for (const c of clients) c.send('USER guest\r\nPASS visitor\r\n')
  const replies = await Promise.all(clients.map(async c => (await c.line(), c.line())))
  const winners = clients.filter((_, i) => replies[i]!.startsWith('+OK'))
  clients.filter(c => !winners.includes(c)).forEach(c => c.end())
  return { replies, winners }
}

/** Counts the rounds in which exactly one login of a simultaneous batch won. */
async function raceRounds(ports: number[], rounds: number): Promise<{ exactlyOne: number; other: string[] }> {
  let exactlyOne = 0
  const other: string[] = []
  for (let r = 0; r < rounds; r++) {
    const { replies, winners } = await race(ports)
    if (winners.length === 1) exactlyOne++
    else other.push(`round ${r}: ${replies.join(' | ')}`)
    for (const w of winners) {
      w.send('QUIT\r\n')
      await w.closedByServer()
    }
  }
  return { exactlyOne, other }
}

for (const kind of KINDS) {
  t.test(`${kind}: simultaneous logins in one process, exactly one winner each time`, async t => {
    const server = await testServer({ guest: AWKWARD }, {}, kind)
    t.teardown(() => server.close())
    const before = server.snapshot('guest')
    const { exactlyOne, other } = await raceRounds([server.port, server.port, server.port, server.port], 150)
    t.equal(exactlyOne, 150, 'one winner in every round of four')
    t.same(other, [])
    t.equal(server.snapshot('guest'), before, 'the maildrop is untouched')
  })

  t.test(`${kind}: simultaneous logins across two server processes, exactly one winner each time`, async t => {
    const drop = maildropDir({ guest: AWKWARD }, kind)
    const before = drop.path('guest')
    const snap = (await import('./helpers.js')).snapshot
    const start = async (): Promise<{ port: number; stop: () => Promise<unknown> }> => {
      const cli = runCli(['--port', '0', '--maillist', drop.maillist, '--log', 'json'])
      const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
      return { port: Number(port), stop: () => (cli.child.kill('SIGINT'), cli.exit) }
    }
    const [a, b] = await Promise.all([start(), start()])
    t.teardown(async () => {
      await Promise.all([a.stop(), b.stop()])
    })
    const original = snap(before)
    const { exactlyOne, other } = await raceRounds([a.port, b.port, a.port, b.port], 150)
    t.equal(exactlyOne, 150, 'one winner in every round, whichever server it reached')
    t.same(other, [])
    t.equal(snap(before), original, 'the maildrop is untouched')

    // Both servers deleting in turn keep every other message.
    const one = await loggedIn(a.port)
    t.match(await loggedIn(b.port).catch(e => String(e)), /IN-USE/, 'the other server refuses while one holds it')
    t.equal(await one.cmd('DELE 1'), '+OK message 1 deleted')
    await one.cmd('QUIT')
    const two = await loggedIn(b.port)
    t.equal(await two.cmd('DELE 1'), '+OK message 1 deleted')
    t.equal(await two.cmd('QUIT'), '+OK goodbye: 1 deleted, 7 left')
    const three = await loggedIn(a.port)
    t.equal(await three.cmd('STAT'), `+OK 7 ${await sizeOfLast7(three)}`)
    await three.cmd('QUIT')
  })
}

/** The total octets of the messages a session lists (to compare with STAT). */
async function sizeOfLast7(c: RawClient): Promise<number> {
  const { lines } = await c.cmdMulti('LIST')
  return lines.reduce((n, l) => n + Number(l.split(' ')[1]), 0)
}

/** A message with a unique Message-Id, as a delivery agent gets it. */
const delivery = (n: number, pad: string): string =>
  `From agent@example.org Mon Jan  1 00:00:00 2024\nFrom: agent@example.org\nMessage-Id: <delivery-${n}@example.org>\nSubject: delivery ${n}\n\nmessage ${n}\n${pad}>From the agent, quoted as an mbox wants it\n`

/** Message-Ids in an mbox, in order. */
const ids = (mbox: string): string[] => [...readFileSync(mbox, 'latin1').matchAll(/^Message-Id: <([^>]+)>/gim)].map(m => m[1]!)

/** An mbox of `count` messages of about `size` bytes each, with their Message-Ids. */
function bigMbox(path: string, count: number, size: number): void {
  const pad = ('x'.repeat(75) + '\n').repeat(Math.ceil(size / 76))
  let text = ''
  for (let i = 0; i < count; i++) text += `From someone@example.org Mon Jan  1 00:00:00 2024\nMessage-Id: <initial-${i}@example.org>\nSubject: initial ${i}\n\n${pad}\n`
  writeFileSync(path, text)
}

const agents: { name: string; needs: string[]; count: number; script: (mbox: string, msgDir: string, n: number) => string }[] = [
  {
    name: 'procmail',
    needs: ['procmail'],
    count: 60, // procmail takes about 50 ms a delivery, and sleeps LOCKSLEEP seconds when it finds the mbox locked
    // the ":0:" recipe delivers with procmail's own locking: the NAME.lock dotlock and fcntl()
    script: (mbox, msgDir, n) => `printf 'LOCKSLEEP=1\\n:0:\\n${mbox}\\n' > ${msgDir}/rc; i=0; while [ $i -lt ${n} ]; do procmail -m ${msgDir}/rc < ${msgDir}/$i || exit 1; i=$((i+1)); done`,
  },
  {
    name: 'dotlockfile and a writer',
    needs: ['dotlockfile'],
    count: 200,
    script: (mbox, msgDir, n) => `i=0; while [ $i -lt ${n} ]; do dotlockfile -l -r -1 -i 0 ${mbox}.lock sh -c 'cat ${msgDir}/'$i' >> ${mbox}' || exit 1; i=$((i+1)); done`,
  },
]

for (const agent of agents) {
  t.test(`mbox: ${agent.name} appending during UPDATE commits loses nothing`, { skip: agent.needs.every(has) ? false : `needs ${agent.needs.join(', ')} (Debian packages procmail, liblockfile-bin)` }, async t => {
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-deliver-'))
    const mbox = join(dir, 'guest.mbox')
    bigMbox(mbox, 150, 20_000) // about 3 MB: each commit copies for a while
    writeFileSync(join(dir, 'maillist'), 'guest visitor guest.mbox\n')
    const msgDir = mkdtempSync(join(tmpdir(), 'smallpop3-msgs-'))
    const N = agent.count
    const pad = 'padding line\n'.repeat(50)
    for (let i = 0; i < N; i++) writeFileSync(join(msgDir, String(i)), delivery(i, pad))
    const { startServer } = await import('../dist/index.js')
    const server = await startServer({ port: 0, maillist: join(dir, 'maillist') })
    t.teardown(() => server.close())

    const agentDone = run('sh', ['-c', agent.script(mbox, msgDir, N)], { timeout: 120_000 })
    let finished = false
    void agentDone.then(() => (finished = true))
    const deletedIds: string[] = []
    const problems: string[] = []
    let commits = 0
    while (!finished || commits < 3) {
      const c = await loggedIn(server)
      if (Number((await c.cmd('STAT')).split(' ')[1]) < 20) {
        // keep some mail in the box: a session without DELE commits nothing
        await c.cmd('QUIT')
        await new Promise(r => setTimeout(r, 20))
        continue
      }
      // delete the first message, whichever it is (its Message-Id read with TOP)
      const top = await c.cmdMulti('TOP 1 0')
      const id = /^Message-Id: <([^>]+)>/im.exec(top.lines.join('\n'))
      if (!id) problems.push(`TOP 1 0: ${top.status} ${top.lines.join(' / ')}`)
      else deletedIds.push(id[1]!)
      const dele = await c.cmd('DELE 1')
      if (dele !== '+OK message 1 deleted') problems.push(`DELE 1: ${dele}`)
      const quit = await c.cmd('QUIT')
      if (!quit.startsWith('+OK')) problems.push(`QUIT: ${quit}`)
      await c.closedByServer()
      await new Promise(r => setTimeout(r, 60)) // let the agent in between commits, too
      commits++
      if (commits > 400) break
    }
    const agentResult = await agentDone
    t.same(problems, [], 'every session went as planned')
    t.equal(agentResult.code, 0, `the agent delivered every message (${agentResult.stderr.trim()})`)
    const expected = [...Array.from({ length: 150 }, (_, i) => `initial-${i}@example.org`), ...Array.from({ length: N }, (_, i) => `delivery-${i}@example.org`)]
      .filter(id => !deletedIds.includes(id))
    const found = ids(mbox)
    t.ok(commits >= 3, `${commits} commits ran while the agent delivered`)
    t.equal(found.length, expected.length, `${expected.length} messages expected, ${found.length} found`)
    t.same([...found].sort(), [...expected].sort(), 'every message is there exactly once, but the deleted ones')
    // and each is whole: the server reads every one back with the size it announces
    const c = await loggedIn(server)
    const { lines } = await c.cmdMulti('LIST')
    t.equal(lines.length, expected.length)
    const last = await c.cmdMulti(`RETR ${lines.length}`)
    t.match(last.lines.join('\n'), /message \d+\n(padding line\n){50}From the agent, quoted/, 'the last delivery arrived whole')
    await c.cmd('QUIT')
  })
}

t.test('mbox: an UPDATE waits for a delivery agent that holds the dotlock, and a login too', async t => {
  const server = await testServer({ guest: AWKWARD })
  t.teardown(() => server.close())
  const mbox = server.mbox('guest')
  const c = await loggedIn(server)
  t.equal(await c.cmd('DELE 1'), '+OK message 1 deleted')
  writeFileSync(`${mbox}.lock`, `${process.pid + 1000000}\n`) // an agent's lock, whose pid is not a live process...
  // ...is stale, and taken over at once
  t.match(await c.cmd('QUIT'), /^\+OK goodbye: 1 deleted/)

  // A live agent (the pid of a live process) holds the dotlock for 700 ms while it appends.
  const agent = spawn('sleep', ['30'])
  t.teardown(() => agent.kill())
  writeFileSync(`${mbox}.lock`, `${agent.pid}\n`)
  const started = Date.now()
  const login = loggedIn(server)
  setTimeout(() => {
    appendFileSync(mbox, '\n\nFrom agent@example.org Mon Jan  1 00:00:00 2024\nSubject: late\n\nlate\n') // the fixture ends without a newline
    spawnSync('rm', [`${mbox}.lock`])
  }, 700)
  const d = await login
  t.ok(Date.now() - started >= 600, `the login waited for the agent (${Date.now() - started} ms)`)
  t.match(await d.cmd('STAT'), /^\+OK 9 /, 'and sees the message it delivered')
  await d.cmd('QUIT')
})

t.test('UIDs stay with their message when an identical twin is deleted', async t => {
  for (const kind of KINDS) {
    const server = await testServer({ guest: AWKWARD }, {}, kind)
    t.teardown(() => server.close())
    const c = await loggedIn(server)
    const uids = (await c.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1]!)
    // messages 6 and 7 of the awkward fixture are byte-for-byte twins
    t.not(uids[5], uids[6], `${kind}: twins have different UIDs`)
    t.equal(await c.cmd('DELE 6'), '+OK message 6 deleted')
    await c.cmd('QUIT')
    await c.closedByServer()

    const again = await loggedIn(server)
    const after = (await again.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1]!)
    t.same(after, uids.filter((_, i) => i !== 5), `${kind}: every message keeps its UID, the surviving twin too`)
    // a third identical copy arriving later takes a UID never used before
    if (kind === 'mbox') {
      await again.cmd('QUIT')
      await again.closedByServer()
      // the fixture ends without a newline: a blank separator line, then the same message again
      appendFileSync(server.mbox('guest'), '\n\nFrom f@example.com Mon Jan  5 10:05:00 2026\nSubject: twin\n\nsame\n')
      const third = await loggedIn(server)
      const now = (await third.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1]!)
      t.same(now.slice(0, -1), after, 'the others are unchanged')
      t.notOk(uids.includes(now[now.length - 1]!), `the new twin's UID ${now[now.length - 1]} was never used`)
      // and the memory survives a restart of the server
      await third.cmd('QUIT')
      await third.closedByServer()
      const { startServer } = await import('../dist/index.js')
      const restarted = await startServer({ port: 0, maillist: join(server.dir, 'maillist') })
      t.teardown(() => restarted.close())
      const fourth = await loggedIn(restarted)
      t.same((await fourth.cmdMulti('UIDL')).lines.map(l => l.split(' ')[1]!), now, 'the same UIDs after a restart')
      await fourth.cmd('QUIT')
    } else {
      await again.cmd('QUIT')
    }
  }
})

t.test('smallpop3 reset refuses while a session has the sample open, and works after QUIT', async t => {
  const home = mkdtempSync(join(tmpdir(), 'smallpop3-home-'))
  const cwd = mkdtempSync(join(tmpdir(), 'smallpop3-cwd-'))
  const cli = runCli(['--port', '0'], { cwd, env: { SMALLPOP3_HOME: home } })
  t.teardown(() => {
    cli.child.kill('SIGINT')
    return cli.exit
  })
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const c = await loggedIn(port)
  t.equal(await c.cmd('DELE 1'), '+OK message 1 deleted')

  const refused = runCli(['reset'], { env: { SMALLPOP3_HOME: home } })
  t.equal(await refused.exit, 1, 'reset refuses')
  t.match(refused.stderr(), /^smallpop3: cannot reset the sample now: a session of "guest" has mbox\.mail open.*QUIT/)
  t.equal(refused.stderr().trim().split('\n').length, 1, 'in one line')

  t.equal(await c.cmd('QUIT'), '+OK goodbye: 1 deleted, 6 left', 'the session ends as usual')
  await c.closedByServer()
  const reset = runCli(['reset'], { env: { SMALLPOP3_HOME: home } })
  t.equal(await reset.exit, 0, 'reset works once the session is over')
  const d = await loggedIn(port)
  t.match(await d.cmd('STAT'), /^\+OK 7 /, 'the sample is whole again, and served')
  await d.cmd('QUIT')
})
