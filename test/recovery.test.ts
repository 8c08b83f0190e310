// Start-up recovery lists each folder once, and a login reuses the last scan of an unchanged mbox (issue 10):
// what these shortcuts skip must still be found.
import t from 'tap'
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { AWKWARD, loggedIn, maildropDir, runCli, testServer } from './helpers.js'

const MESSAGE = (n: number): string => `From sender@example.com Mon Sep  7 09:00:0${n} 2026\nSubject: message ${n}\n\nbody ${n}\n\n`

t.test('start-up: what a killed server left beside an mbox is cleared, under new names and old; the rest is untouched', async t => {
  const drop = maildropDir({ guest: AWKWARD, sam: AWKWARD, maria: AWKWARD })
  const guest = drop.path('guest')
  const sam = drop.path('sam')
  const dir = drop.dir
  const name = (p: string): string => p.slice(dir.length + 1)
  // a commit cut short (this version's name, and an older version's), a twins file half written, a lock of a dead process
  writeFileSync(join(dir, `.${name(guest)}.pop3update`), 'half a copy')
  writeFileSync(join(dir, `.${name(sam)}.pop3update-4242-1700000000000`), 'half a copy')
  writeFileSync(join(dir, `.${name(sam)}.pop3uids.4242.tmp`), '{')
  writeFileSync(join(dir, `.${name(guest)}.pop3lock`), `999999999\n${hostname()}\n2026-09-07T09:00:00.000Z\n`) // no such process
  writeFileSync(join(dir, 'unrelated.pop3update-notes'), 'not ours')
  const mboxBefore = readFileSync(guest, 'utf8')

  const cli = runCli(['--port', '0', '--maillist', drop.maillist, '--quiet'])
  t.teardown(() => cli.child.kill('SIGKILL'))
  const [, port] = await cli.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const left = readdirSync(dir).filter(n => n.startsWith('.'))
  t.same(left.filter(n => /pop3update|\.tmp$|pop3lock/.test(n)), [], 'every leftover is gone before anyone logs in')
  t.ok(readdirSync(dir).includes('unrelated.pop3update-notes'), 'a file that only looks alike stays')
  t.equal(readFileSync(guest, 'utf8'), mboxBefore, 'the mbox itself untouched')
  const c = await loggedIn(Number(port))
  t.match(await c.cmd('STAT'), /^\+OK \d+ \d+$/, 'the stale lock no longer stops a login')
  await c.cmd('QUIT')
  t.equal(cli.stdout().includes('C: USER'), false, '--quiet: no log')
  t.match(cli.stdout(), /Listening on/, '--quiet: the banner still')
})

t.test('a login after a delivery, or after an edit that kept the size and the time, sees the mbox as it is now', async t => {
  const server = await testServer()
  t.teardown(() => server.close())
  const path = server.mbox('guest')
  const stat = async (): Promise<string> => {
    const c = await loggedIn(server)
    const r = await c.cmd('STAT')
    const uidl = (await c.cmdMulti('UIDL')).lines.join(' ')
    await c.cmd('QUIT')
    await c.closedByServer()
    return `${r} ${uidl}`
  }
  const first = await stat()
  t.equal(await stat(), first, 'unchanged: the same answers (from the last scan)')

  writeFileSync(path, readFileSync(path, 'utf8') + MESSAGE(1))
  const delivered = await stat()
  t.not(delivered, first, 'one more message, seen at the next login')
  t.match(delivered, /^\+OK 8 /)

  // another program changes a byte in place and puts the time back: same size, same mtime; the ctime still tells
  const before = statSync(path)
  const text = readFileSync(path, 'utf8')
  const at = text.lastIndexOf('Subject: message 1')
  writeFileSync(path, text.slice(0, at) + 'Subject: MESSAGE 1' + text.slice(at + 18))
  utimesSync(path, before.atime, before.mtime)
  t.equal(statSync(path).size, before.size)
  t.not(await stat(), delivered, 'the edited message has another UID: scanned again')
})
