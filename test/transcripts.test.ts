// Transcripts: every session of a server in one journal, read back as one transcript per session
// (issue 10: a login creates no file), and the files of one session each that older servers wrote.
import t from 'tap'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startServer } from '../dist/index.js'
import { readTranscripts } from '../dist/transcripts.js'
import { ROOT, RawClient, loggedIn, maildropDir, runCli } from './helpers.js'

t.test('sessions at the same time share one journal and are read back apart, each whole and in order', async t => {
  const drop = maildropDir({ guest: join(ROOT, 'mbox.mail'), ann: join(ROOT, 'mbox.mail'), bob: join(ROOT, 'mbox.mail') })
  const transcripts = join(drop.dir, 'transcripts')
  const server = await startServer({ port: 0, maillist: drop.maillist, transcripts })
  t.teardown(() => server.close())
  const guest = await loggedIn(server)
  const ann = await loggedIn(server, 'ann', 'ann-pw')
  const bob = await loggedIn(server, 'bob', 'bob-pw')
  // their commands interleave: the journal's lines do too
  for (let i = 0; i < 3; i++) {
    t.match(await guest.cmd('STAT'), /^\+OK 7 /)
    t.match(await ann.cmd('NOOP'), /^\+OK/)
    t.match(await bob.cmd(`LIST ${i + 1}`), new RegExp(`^\\+OK ${i + 1} `))
  }
  const silent = await RawClient.open(server.port) // connects, is greeted, never says a thing
  for (const c of [guest, ann, bob]) {
    await c.cmd('QUIT')
    await c.closedByServer()
  }
  silent.end()
  await server.close()

  const files = readdirSync(transcripts)
  t.equal(files.length, 1, 'one file for the whole server')
  t.match(files[0], /^\d{8}T\d{6}-\d+\.0001\.jsonl$/)
  t.equal(statSync(join(transcripts, files[0]!)).mode & 0o777, 0o600, 'its owner\'s only')
  const sessions = new Set(readFileSync(join(transcripts, files[0]!), 'utf8').trim().split('\n').map(l => JSON.parse(l).session))
  t.equal(sessions.size, 3, 'the lines of three sessions (the silent one left none)')

  const read = await readTranscripts(transcripts)
  t.same(read.map(r => r.user).sort(), ['ann', 'bob', 'guest'])
  for (const r of read) {
    t.equal(new Set(r.events.map(e => e.session)).size, 1, `${r.user}: the lines of one session only`)
    t.equal(r.events[0]!.type, 'connect', `${r.user}: from its connection`)
    t.equal(r.events.at(-1)!.type, 'disconnect', `${r.user}: to its end`)
    t.match(r.id, /^\d{8}T\d{6}-\d+-\d{4}$/, 'named as a file of one session was')
  }
  const bobs = read.find(r => r.user === 'bob')!
  t.same(bobs.events.filter(e => e.type === 'command').map(e => (e as { raw: string }).raw), ['USER bob', 'PASS ********', 'LIST 1', 'LIST 2', 'LIST 3', 'QUIT'])

  // check finds the guest's exercise 1 among the others
  const check = runCli(['check', '1', '--transcripts', transcripts, '--maillist', drop.maillist])
  t.equal(await check.exit, 0, check.stdout())
})

t.test('a journal and the files of single sessions that an older server left are read together', async t => {
  const drop = maildropDir()
  const transcripts = join(drop.dir, 'transcripts')
  const server = await startServer({ port: 0, maillist: drop.maillist, transcripts })
  const c = await loggedIn(server)
  await c.cmd('QUIT')
  await c.closedByServer()
  await server.close()
  const old = { time: '2026-01-05T10:00:00.000Z', session: 7, type: 'connect', remote: '127.0.0.1' }
  const oldEnd = { time: '2026-01-05T10:00:01.000Z', session: 7, type: 'disconnect', reason: 'quit' }
  writeFileSync(join(transcripts, '20260105T100000-99-0007.jsonl'), `${JSON.stringify(old)}\n${JSON.stringify(oldEnd)}\n{"cut short`, { mode: 0o600 })
  const read = await readTranscripts(transcripts)
  t.equal(read.length, 2)
  t.match(read[0], { id: '20260105T100000-99-0007', start: old.time, events: [old, oldEnd] }, 'the older one first, its cut-short line skipped')
  t.match(read[1], { user: 'guest' })
})

t.test('two servers of one process on one folder, started within the same second, keep their sessions apart', async t => {
  const drop = maildropDir()
  const transcripts = join(drop.dir, 'transcripts')
  for (let i = 0; i < 2; i++) {
    const server = await startServer({ port: 0, maillist: drop.maillist, transcripts })
    const c = await loggedIn(server) // session 1 of each server
    await c.cmd(i === 0 ? 'STAT' : 'NOOP')
    await c.cmd('QUIT')
    await c.closedByServer()
    await server.close()
  }
  t.equal(readdirSync(transcripts).length, 2, 'a journal each')
  const read = await readTranscripts(transcripts)
  t.equal(read.length, 2, 'two sessions, not one made of both')
  t.same(read.map(r => r.events.filter(e => e.type === 'command').map(e => (e as { verb: string }).verb)), [['USER', 'PASS', 'STAT', 'QUIT'], ['USER', 'PASS', 'NOOP', 'QUIT']])
})
