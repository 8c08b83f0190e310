// Every exercise is played against a fresh server, and `smallpop3 check` must agree (the translations are
// played in exercises-i18n.test.ts); each language has one exercise for each English one.
import t, { type Test } from 'tap'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LANGUAGES, selfSignedCertificate, startServer, type RunningServer } from '../dist/index.js'
import { loadExercises, type Exercise, type Step } from '../dist/exercises.js'
import { readTranscripts } from '../dist/transcripts.js'
import { playSteps, RawClient, ROOT, runCli, sampleServer } from './helpers.js'

const all = await loadExercises(join(ROOT, 'exercises'))
/** Each language's exercises: its translations, and the English ones where there is none yet (said, not skipped silently). */
const byLang = new Map<string, Exercise[]>()
for (const lang of LANGUAGES) byLang.set(lang, await loadExercises(join(ROOT, 'exercises'), lang))
// as `npx smallpop3` serves: STLS on the plain port, and a POP3S port
const cert = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-ex-tls-')))

/** A fresh copy of the bundled sample, served with STLS and a POP3S port as `npx smallpop3` serves it. */
const freshServer = (): ReturnType<typeof sampleServer> => sampleServer({ tls: cert, tlsPort: 0 })

/** Plays steps as a student would type them, asserting every reply the exercise shows. */
const play = (t: Test, server: RunningServer, steps: Step[]): Promise<void> => playSteps(t, server, steps, { ca: cert.cert })

const lastGoal = (ex: Exercise): Step => ex.steps.filter(s => s.goal).at(-1)!

for (const [lang, exercises] of byLang) {
  t.test(`${lang}: there are at least ten exercises, each a readable handout`, async t => {
    t.ok(exercises.length >= 10, `${exercises.length} exercises`)
    t.equal(exercises.length, all.length, 'one for each English exercise')
    for (const ex of exercises) {
      if (ex.lang !== lang) {
        t.comment(`exercise ${ex.number} (${ex.id}) has no ${lang} translation yet: exercises/${lang}/${ex.id}.md`)
        continue
      }
      t.ok(ex.learn.length > 20, `${lang} ${ex.id}: says what the student will learn`)
      t.ok(ex.why.length > 40, `${lang} ${ex.id}: says why it matters`)
      t.ok(ex.steps.some(s => s.goal), `${lang} ${ex.id}: has goals to check`)
      t.match(ex.markdown, new RegExp(`^# \\S+ ${ex.number}: `, 'm'), `${lang} ${ex.id}: a title line`)
      const english = all.find(e => e.id === ex.id)!
      t.equal(ex.account, english.account, `${lang} ${ex.id}: the same account`)
      t.same(ex.steps.map(s => s.blocks.map(b => b.exchanges.map(x => x.client))), english.steps.map(s => s.blocks.map(b => b.exchanges.map(x => x.client))), `${lang} ${ex.id}: the same steps, the same commands`)
      t.same(ex.steps.map(s => s.questions.map(q => Boolean(q.accept))), english.steps.map(s => s.questions.map(q => Boolean(q.accept))), `${lang} ${ex.id}: the same questions, graded alike`)
    }
  })
}

for (const ex of all) {
  t.test(`exercise ${ex.number} (${ex.id}): the walkthrough works and the check says done`, async t => {
    const { server, maillist } = await freshServer()
    t.teardown(() => server.close())
    await play(t, server, ex.steps)
    const cli = runCli(['check', String(ex.number), '--maillist', maillist])
    t.equal(await cli.exit, 0, 'check exits 0')
    t.notMatch(cli.stdout(), /✘/)
    t.match(cli.stdout(), new RegExp(`All ${ex.steps.filter(s => s.goal).length} goals met`))
  })

  t.test(`exercise ${ex.number} (${ex.id}): skipping the last step is reported as not done`, async t => {
    const { server, maillist } = await freshServer()
    t.teardown(() => server.close())
    const skipped = lastGoal(ex)
    await play(t, server, ex.steps.filter(s => s !== skipped))
    await new Promise(r => setTimeout(r, 50))
    const cli = runCli(['check', String(ex.number), '--maillist', maillist, '--json'])
    t.equal(await cli.exit, 1, 'check exits 1')
    const result = JSON.parse(cli.stdout())
    for (const g of result.goals) t.equal(g.done, g.step !== skipped.number, `step ${g.step} ${g.done ? 'done' : 'missing'}`)
    const missing = result.goals.find((g: { done: boolean }) => !g.done)
    t.ok(missing.hint.type.length > 0, 'the hint says what to type')
  })
}

t.test('check: not started, half done with a wrong reply, another user, usage errors', async t => {
  const { server, maillist } = await freshServer()
  t.teardown(() => server.close())

  const none = runCli(['check', '1', '--maillist', maillist])
  t.equal(await none.exit, 1)
  t.match(none.stdout(), /No session of user "guest" was recorded/)
  t.equal((none.stdout().match(/✘/g) ?? []).length, 3, 'every goal missing')

  // half done by hand: a wrong password first, then a real login, and no QUIT
  const c = await RawClient.open(server.port)
  await c.line()
  await c.cmd('user guest')
  await c.cmd('PASS wrong')
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  await c.cmd('STAT')
  await c.cmd('LIST 9')
  await new Promise(r => setTimeout(r, 50))
  const half = runCli(['check', '2', '--maillist', maillist])
  t.equal(await half.exit, 1)
  t.match(half.stdout(), /✔ Step 1: Log in/)
  t.match(half.stdout(), /✔ Step 2: Ask for the status with STAT/)
  t.match(half.stdout(), /✘ Step 3: List every message with LIST\n\s+type: LIST/)
  t.match(half.stdout(), /✘ Step 5: Leave\n\s+type: QUIT/)
  c.end()

  const other = runCli(['check', '2', '--maillist', maillist, '--user', 'sam'])
  t.equal(await other.exit, 1, 'another user has done nothing')
  t.match(other.stdout(), /No session of user "sam"/)

  const noName = runCli(['check', '--maillist', maillist])
  t.equal(await noName.exit, 2)
  t.match(noName.stderr(), /say which exercise to check/)
  const unknown = runCli(['check', '99', '--maillist', maillist])
  t.equal(await unknown.exit, 2)
  t.match(unknown.stderr(), /there is no exercise "99"/)
  const byName = runCli(['check', 'first-login', '--maillist', maillist])
  t.equal(await byName.exit, 1, 'an exercise can be named')
  t.match(byName.stdout(), /Exercise 1: First login and logout/)
})

t.test('a reply the exercise does not expect is shown in the hint', async t => {
  const { server, maillist } = await freshServer()
  t.teardown(() => server.close())
  const c = await RawClient.open(server.port)
  await c.line()
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  await c.cmd('STAT') // exercise 6 wants STAT before logging in
  c.end()
  await new Promise(r => setTimeout(r, 50))
  const cli = runCli(['check', '6', '--maillist', maillist])
  t.equal(await cli.exit, 1)
  t.match(cli.stdout(), /✘ Step 1: A TRANSACTION command before logging in\n\s+type: STAT\n\s+you sent "STAT" and the server answered "\+OK 7 6242"; the exercise expects "-ERR STAT is a TRANSACTION-state command/)
  t.match(cli.stdout(), /✔ Step 4: Log in properly/)
})

t.test('transcripts: one per session, passwords masked even with showSecrets', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-tr-'))
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(ROOT, name), join(dir, name), { recursive: true })
  const server = await startServer({ port: 0, maillist: join(dir, 'maillist'), transcripts: join(dir, 't'), showSecrets: true })
  for (let i = 0; i < 2; i++) {
    const c = await RawClient.open(server.port)
    await c.line()
    await c.cmd('USER guest')
    await c.cmd('PASS visitor')
    await c.cmd('QUIT')
    await c.closedByServer()
  }
  await server.close()
  const { readdirSync, readFileSync } = await import('node:fs')
  const files = readdirSync(join(dir, 't'))
  t.equal(files.length, 1, 'one journal for the server')
  const text = files.map(f => readFileSync(join(dir, 't', f), 'utf8')).join('')
  t.notMatch(text, /visitor/)
  t.match(text, /"raw":"PASS \*{8}"/)
  const sessions = await readTranscripts(join(dir, 't'))
  t.equal(sessions.length, 2, 'read back as two sessions')
  for (const s of sessions) t.same(s.events.map(e => e.type), ['connect', 'reply', 'command', 'reply', 'command', 'login', 'reply', 'command', 'update', 'reply', 'disconnect'])
})

t.test('transcripts: a connection that never sends a command leaves no file and holds none open', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-tr-'))
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(ROOT, name), join(dir, name), { recursive: true })
  const server = await startServer({ port: 0, maillist: join(dir, 'maillist'), transcripts: join(dir, 't') })
  const { readdirSync } = await import('node:fs')
  const idle = await Promise.all(Array.from({ length: 20 }, () => RawClient.open(server.port)))
  await Promise.all(idle.map(c => c.line()))
  t.same(readdirSync(join(dir, 't')), [], 'no file for idle connections')
  const c = await RawClient.open(server.port)
  await c.line()
  await c.cmd('CAPA').then(() => c.multi())
  await new Promise(r => setTimeout(r, 300)) // a session's lines are written together, at most 100 ms late
  t.equal(readdirSync(join(dir, 't')).length, 1, 'a file from the first command on')
  idle.forEach(i => i.end())
  c.end()
  await server.close()
  const { readFileSync } = await import('node:fs')
  const types = readFileSync(join(dir, 't', readdirSync(join(dir, 't'))[0]!), 'utf8').trim().split('\n').map(l => JSON.parse(l).type)
  t.same(types, ['connect', 'reply', 'command', 'reply', 'disconnect'], 'the connect and greeting are written with the first command')
})
