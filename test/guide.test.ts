// The guide: its flow driven through injected streams against its own server (port 0), a raw-socket
// client doing the exercise; the real `smallpop3 guide` with no terminal, and in a real one (tmux).
import t from 'tap'
import { Chalk } from 'chalk'
import { cpSync, mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { LANGUAGES, selfSignedCertificate, startServer, translator, type RunningServer, type Translator } from '../dist/index.js'
import { loadExercises, type Exercise } from '../dist/exercises.js'
import { acceptable, runGuide } from '../dist/guide.js'
import { atWhere, renderAnswer, renderKeys, renderStep } from '../dist/render/guide.js'
import { Player } from '../dist/player.js'
import { HAS_TMUX, RawClient, ROOT, runCli, terminal } from './helpers.js'

const all = await loadExercises(join(ROOT, 'exercises'))
const en = translator('en')
// the guide's server offers STLS and POP3S, as `smallpop3 guide` does
const cert = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-guide-tls-')))

/** A copy of the bundled sample, served on port 0 with transcripts beside it. */
async function freshServer(dir = mkdtempSync(join(tmpdir(), 'smallpop3-guide-')), lang = 'en'): Promise<{ server: RunningServer; dir: string; transcripts: string }> {
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(ROOT, name), join(dir, name), { recursive: true })
  const transcripts = join(dir, 'transcripts')
  const server = await startServer({ port: 0, maillist: join(dir, 'maillist'), transcripts, tls: cert, tlsPort: 0, lang })
  return { server, dir, transcripts }
}

/** The guide on streams: what a person would type, and the screen as text without its escape sequences. */
function guideOn(server: RunningServer, opts: { exercise?: number; transcripts?: string; exercises?: Exercise[]; t?: Translator } = {}) {
  const exercises = opts.exercises ?? all
  const input = new PassThrough()
  const output = new PassThrough()
  output.end = (() => output) as never // inquirer ends the stream it writes to when a prompt closes; a terminal stays
  let text = ''
  output.on('data', d => (text += String(d).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')))
  const exercise = opts.exercise === undefined ? undefined : exercises.find(e => e.number === opts.exercise)
  const exit = runGuide({ server, exercises, exercise, transcripts: opts.transcripts, source: 'a test copy' }, { input, output, env: { NO_COLOR: '1' } }, opts.t ?? en)
  let mark = 0
  return {
    exit,
    key: (k: string) => input.write(k),
    screen: () => text,
    /** What was shown since the last call of `since`. */
    since(): string {
      const s = text.slice(mark)
      mark = text.length
      return s
    },
    async waitFor(re: RegExp, ms = 8000): Promise<string> {
      const deadline = Date.now() + ms
      for (;;) {
        const m = text.slice(mark).match(re)
        if (m) return text.slice(mark)
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}; the screen since the mark:\n${text.slice(mark)}`)
        await new Promise(r => setTimeout(r, 20))
      }
    },
  }
}

const DOWN = '\x1b[B'

/** A listener on a port of 127.0.0.1 (0: any free one), none when the port is taken. */
function listen(port: number): Promise<Server | undefined> {
  return new Promise(resolve => {
    const s = createServer()
    s.once('error', () => resolve(undefined))
    s.listen(port, '127.0.0.1', () => resolve(s))
  })
}

/** A port nothing listens on now, other than the default 65000 the exercises name, and its next one free too. */
async function freePort(): Promise<number> {
  for (;;) {
    const s = (await listen(0))!
    const port = (s.address() as { port: number }).port
    const next = port < 65535 ? await listen(port + 1) : undefined
    await new Promise(r => s.close(r))
    if (next) await new Promise(r => next.close(r))
    if (next && port !== 65000 && port !== 64999) return port
  }
}

t.test('typed answers: right when they hold an accepted word or number', async t => {
  t.ok(acceptable('6242', ['6242']))
  t.ok(acceptable('It is 6242 octets.', ['6242']))
  t.ok(acceptable('the subject', ['Subject']))
  t.notOk(acceptable('62420', ['6242']))
  t.notOk(acceptable('From', ['Subject']))
})

t.test('every question of the exercises can be graded', async t => {
  let count = 0
  for (const ex of all) {
    for (const step of ex.steps) {
      for (const q of step.questions) {
        count++
        t.ok(q.accept?.length, `exercise ${ex.number} step ${step.number}: an **Accept:** line for "${q.text.slice(0, 30)}…"`)
        t.ok(q.answer, `exercise ${ex.number} step ${step.number}: its answer`)
      }
    }
  }
  t.equal(count, 19, 'the nineteen questions of the sixteen exercises, two in one step counted twice')
})

t.test('every step of every exercise and its answers, in every language, name the guide\'s ports, not the defaults they are written for', async t => {
  const where = { host: 'localhost', port: 40123, tlsPort: 40124 }
  const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0
  for (const lang of LANGUAGES) {
    const style = { t: translator(lang), chalk: new Chalk({ level: 0 }), width: 100, bytes: false }
    let written = 0
    for (const ex of await loadExercises(join(ROOT, 'exercises'), lang)) {
      for (const step of ex.steps) {
        const shown = renderStep(step, ex.lang, ex.steps.length, where, style) + step.questions.map(q => renderAnswer(true, q.answer, where, style)).join('')
        const source = step.text.replace(/<details>[\s\S]*?<\/details>/g, '')
        const name = `${lang}: exercise ${ex.number} step ${step.number}`
        written += count(source, /\b6500[01]\b/g)
        t.equal(count(shown, /\b6500[01]\b/g), 0, `${name} names no default port`)
        t.ok(count(shown, /\b40123\b/g) >= count(source, /\b65000\b/g), `${name}: the plain port wherever the text names 65000`)
        t.equal(count(shown, /\b40124\b/g), count(source, /\b65001\b/g), `${name}: the TLS port wherever the text names 65001`)
        // a server with no TLS port: the text's POP3S port is left as written
        t.equal(count(renderStep(step, ex.lang, ex.steps.length, { host: 'localhost', port: 40123 }, style), /\b65001\b/g), count(source, /\b65001\b/g), `${name}: no TLS port, 65001 as written`)
      }
    }
    t.ok(written >= 10, `${lang}: the steps name the default ports ${written} times`)
  }
})

t.test('the default ports rewritten for an IPv6 host: host:port in brackets, telnet\'s "host port" as it is', async t => {
  const where = { host: '::1', port: 40123, tlsPort: 40124 }
  t.equal(atWhere('openssl s_client -connect localhost:65001 -quiet', where), 'openssl s_client -connect [::1]:40124 -quiet')
  t.equal(atWhere('curl -k pop3s://guest:visitor@localhost:65001/1', where), 'curl -k pop3s://guest:visitor@[::1]:40124/1')
  t.equal(atWhere('telnet localhost 65000', where), 'telnet ::1 40123')
  t.equal(atWhere('telnet localhost 65000', { host: 'localhost', port: 40123 }), 'telnet localhost 40123')
  t.equal(atWhere('tcpdump -i lo -A port 65000', where), 'tcpdump -i lo -A port 40123')
})

t.test('a step done over TLS says openssl, not telnet, and leaves out the STLS that openssl sends', async t => {
  const where = { host: 'localhost', port: 40123, tlsPort: 40124 }
  for (const lang of LANGUAGES) {
    const tr = translator(lang)
    const style = { t: tr, chalk: new Chalk({ level: 0 }), width: 100, bytes: false }
    const exercises = await loadExercises(join(ROOT, 'exercises'), lang)
    const stepOf = (n: number, k: number) => exercises.find(e => e.number === n)!.steps[k - 1]!
    // exercise 15 step 2: a new connection made with STLS; exercise 16: the TLS port
    const cases: [number, number, 'guide.typeStls' | 'guide.typeTls'][] = [[15, 2, 'guide.typeStls'], [16, 1, 'guide.typeTls'], [16, 2, 'guide.typeTls']]
    for (const [n, k, key] of cases) {
      const shown = renderStep(stepOf(n, k), lang, 0, where, style)
      const name = `${lang}: exercise ${n} step ${k}`
      t.ok(shown.includes(tr(key)), `${name}: says to connect with openssl`)
      t.ok(renderKeys(stepOf(n, k), style).includes(tr('guide.keysTls')), `${name}: waits for the student in openssl`)
      for (const plain of ['guide.type', 'guide.typeNew', 'guide.typeConnect'] as const) t.notOk(shown.includes(`  ${tr(plain)}\n`), `${name}: not "${tr(plain)}"`)
      // over the TLS port, STLS is typed (and refused: the connection is encrypted already)
      if (key === 'guide.typeStls') t.notMatch(shown, /^ {4}STLS$/m, `${name}: STLS is not a line to type`)
      else if (k === 1) t.match(shown, /^ {4}STLS$/m, `${name}: STLS is a line to type`)
    }
    // a plain step is as before
    t.ok(renderStep(stepOf(15, 1), lang, 0, where, style).includes(`  ${tr('guide.type')}\n`), `${lang}: exercise 15 step 1 is typed in telnet`)
    t.ok(renderKeys(stepOf(15, 1), style).includes(tr('guide.keys')), `${lang}: and waited for in telnet`)
  }
})

t.test('exercise 1 from a raw socket: steps advance, a mistake is explained, hints, questions right and wrong, the summary', async t => {
  const { server } = await freshServer()
  t.teardown(() => server.close())
  const g = guideOn(server, { exercise: 1 })
  await g.waitFor(/Step 1 of 4: Connect to the server[\s\S]*h: hint/)
  t.match(g.since(), new RegExp(`telnet localhost ${server.port}[\\s\\S]*nc -C localhost ${server.port}`), 'the exact command to connect')

  const c = await RawClient.open(server.port)
  await c.line()
  let shown = await g.waitFor(/Step 2 of 4: Say who you are[\s\S]*h: hint/)
  t.match(shown, /S: \+OK smallpop3 POP3 server ready[\s\S]*the session starts in the AUTHORIZATION state[\s\S]*✔ Step 1 done/, 'the greeting explained, step 1 done')
  g.since()

  g.key('h')
  t.match(await g.waitFor(/Hint:/), /a command of 4 letters beginning with "U", followed by 1 argument/, 'a gentle hint first')
  g.since()
  g.key('h')
  t.match(await g.waitFor(/Type exactly/), /Type exactly: USER guest/, 'then the exact line')
  g.since()

  t.match(await c.cmd('STAT'), /^-ERR/)
  shown = await g.waitFor(/this step wants/)
  t.match(shown, /C: STAT[\s\S]*S: -ERR STAT is a TRANSACTION-state command[\s\S]*→ Not this step yet: this step wants: USER guest/, 'the mistake explained, and what to try')
  t.notMatch(shown, /Step 2 done/, 'no advance')
  g.since()

  await c.cmd('USER guest')
  shown = await g.waitFor(/Question: What would the server answer to USER nobody\?[\s\S]*❯/)
  t.match(shown, /✔ Step 2 done/)
  g.since()
  g.key('\r') // the first choice: wrong
  shown = await g.waitFor(/Answer:[\s\S]*Step 3 of 4/)
  t.match(shown, /✘ Not quite\.\s+Answer: `?-ERR \[AUTH\] no mailbox for "nobody" here/, 'a wrong choice, then the answer')
  g.since()

  await c.cmd('PASS visitor')
  await g.waitFor(/Question: The password crossed the network[\s\S]*❯/)
  g.since()
  g.key(DOWN)
  await new Promise(r => setTimeout(r, 100))
  g.key('\r')
  shown = await g.waitFor(/Answer:[\s\S]*Step 4 of 4/)
  t.match(shown, /✔ Right\.\s+Answer: Anyone who can watch the traffic/, 'a right choice, then the answer')
  g.since()

  await c.cmd('QUIT')
  shown = await g.waitFor(/What now\?[\s\S]*Leave the guide/)
  t.match(shown, /✔ Step 4 done[\s\S]*Exercise 1 is done: 4 of 4 steps, 1 of 2 questions right\.[\s\S]*What it taught: how a POP3 session starts[\s\S]*Next: exercise 2, Exploring the maildrop with STAT and LIST\./, 'the summary')
  t.match(shown, /❯ Go on to exercise 2/)
  g.key(DOWN)
  await new Promise(r => setTimeout(r, 100))
  g.key('\r')
  t.equal(await g.exit, 0, 'left after a finished exercise: 0')
})

t.test('in every language: the guide coaches a translated exercise in its words, against a server in that language', async t => {
  for (const lang of LANGUAGES.filter(l => l !== 'en')) {
    const tr = translator(lang)
    const exercises = await loadExercises(join(ROOT, 'exercises'), lang)
    const ex = exercises[0]!
    if (ex.lang !== lang) {
      t.comment(`exercise ${ex.number} has no ${lang} translation: the guide is not tried in ${lang}`)
      continue
    }
    const { server } = await freshServer(undefined, lang)
    const g = guideOn(server, { exercise: ex.number, exercises, t: tr })
    const total = ex.steps.length
    await g.waitFor(new RegExp(tr('guide.step', { number: 1, total, title: ex.steps[0]!.title }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    const c = await RawClient.open(server.port)
    await c.line()
    for (const step of ex.steps) {
      for (const x of step.blocks.flatMap(b => b.exchanges)) if (x.client !== undefined) await c.cmd(x.client)
      await g.waitFor(new RegExp(tr('guide.done', { number: step.number }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      for (const q of step.questions) {
        // the question as the translation writes it (its markers read in its language), answered with the first choice
        await g.waitFor(/❯/)
        t.match(g.screen(), tr('guide.question', { question: q.text.split('\n')[0]!.replace(/[`*]/g, '') }).split('\n')[0]!.slice(0, 30), `${lang}: step ${step.number} asks its question`)
        t.match(g.screen(), tr('guide.choice.select'), `${lang}: the keys under the choices in ${lang}`)
        g.since()
        g.key('\r')
        await g.waitFor(new RegExp(`${tr('guide.right').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${tr('guide.wrong').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      }
    }
    const shown = await g.waitFor(/❯/)
    t.match(shown, tr('guide.summary', { number: ex.number, done: total, total, right: 0, asked: 0 }).split(':')[0]!, `${lang}: the summary in ${lang}`)
    t.notMatch(g.screen(), /\bStep \d+ of\b|Question:|\bnavigate\b/, `${lang}: no English marker left on the screen`)
    g.key('\x1b[B')
    await new Promise(r => setTimeout(r, 100))
    g.key('\r')
    t.equal(await g.exit, 0, `${lang}: left, 0`)
    c.end()
    await server.close()
  }
})

t.test('a typed answer, and a step done in a connection that closed starts over', async t => {
  const { server } = await freshServer()
  t.teardown(() => server.close())
  const g = guideOn(server, { exercise: 2 })
  await g.waitFor(/Step 1 of 5: Log in[\s\S]*h: hint/)
  g.since()
  g.key('hh') // two keys at once: each read once
  await g.waitFor(/Type exactly/)
  await new Promise(r => setTimeout(r, 200))
  t.match(g.since(), /^(?![\s\S]*That was all)[\s\S]*Hint: the next line starts with a command of 4 letters[\s\S]*Type exactly: USER guest/, 'both hints, once each')
  let c = await RawClient.open(server.port)
  await c.line()
  await c.cmd('USER guest')
  await g.waitFor(/S: \+OK hello guest/)
  c.end()
  t.match(await g.waitFor(/starts over/), /The connection closed before step 1 was done/)
  g.since()
  c = await RawClient.open(server.port)
  await c.line()
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  await g.waitFor(/Step 2 of 5/)
  await c.cmd('STAT')
  await g.waitFor(/Step 3 of 5/)
  await c.cmdMulti('LIST')
  await g.waitFor(/Question: Add up the sizes[\s\S]*Your answer|Question: Add up the sizes/)
  await new Promise(r => setTimeout(r, 100))
  g.since()
  g.key('6242\r')
  t.match(await g.waitFor(/Answer: 6242/), /✔ Right\./, 'a typed answer checked')
  g.key('\x03')
  t.equal(await g.exit, 130, 'Ctrl-C: 130')
  c.end()
})

t.test('the menu: exercises done marked, the cursor on the first one not done; choosing one starts it', async t => {
  const first = await freshServer()
  const player = new Player({ port: first.server.port, events: first.server, accounts: first.server.accounts })
  for await (const _ of player.play(all[0]!.steps)) void _
  await player.close()
  await first.server.close()

  const { server } = await freshServer()
  t.teardown(() => server.close())
  const g = guideOn(server, { transcripts: first.transcripts })
  const shown = await g.waitFor(/Which exercise\?[\s\S]*12\. /)
  t.match(shown, /✔ +1\. First login and logout/, 'exercise 1 marked done')
  t.match(shown, /❯ +2\. Exploring the maildrop/, 'the cursor on the first one not done')
  t.notMatch(shown, /✔ +2\./)
  g.since()
  g.key('\r')
  await g.waitFor(/Exercise 2: Exploring the maildrop[\s\S]*Step 1 of 5: Log in[\s\S]*h: hint/)
  g.key('q')
  t.equal(await g.exit, 0, 'q leaves: 0')
})

t.test('with no terminal: one line, what to run instead, exit 2 at once', async t => {
  const started = Date.now()
  const cli = runCli(['guide'])
  t.equal(await cli.exit, 2)
  t.ok(Date.now() - started < 5000, 'within a few seconds')
  t.match(cli.stderr(), /^smallpop3: the guide is interactive, so it needs a terminal[^\n]*smallpop3 check 1\n$/)
  t.equal(cli.stdout(), '')
  const three = runCli(['guide', '3', '--port', '0'])
  t.equal(await three.exit, 2)
  t.match(three.stderr(), /smallpop3 check 3\n$/)
})

t.test('its help, and the main help lists it', async t => {
  const help = runCli(['help', 'guide'])
  t.equal(await help.exit, 0)
  t.match(help.stdout(), /^smallpop3 guide \[EXERCISE\]: do an exercise with a coach/)
  const dash = runCli(['guide', '--help'])
  t.equal(await dash.exit, 0)
  t.equal(dash.stdout(), help.stdout())
  const main = runCli(['--help'])
  await main.exit
  t.match(main.stdout(), /smallpop3 guide \[N\]/)
  const other = runCli(['guide', '--auto'])
  t.equal(await other.exit, 2, 'an option of another command')
})

t.test('in a real terminal (tmux): done from a raw socket, the questions answered with keys', { skip: HAS_TMUX ? false : 'tmux is not installed (.ci/run installs it)' }, async t => {
  const term = terminal(t, 'guide 1 --port 0', 'NO_COLOR=1')
  const waitFor = (re: RegExp): Promise<string> => term.waitFor(re, { history: true })
  const port = Number((await waitFor(/telnet localhost \d+/)).match(/telnet localhost (\d+)/)![1])
  await waitFor(/Step 1 of 4[\s\S]*h: hint/)

  const c = await RawClient.open(port)
  await c.line()
  await waitFor(/✔ Step 1 done[\s\S]*Step 2 of 4[\s\S]*h: hint/)
  term.keys('h')
  await waitFor(/Hint: the next line starts with a command of 4 letters/)
  await c.cmd('LIST 1')
  let shown = await waitFor(/C: LIST 1[\s\S]*→ Not this step yet/)
  t.match(shown, /S: -ERR LIST is a TRANSACTION-state command/, 'the mistake explained')
  await c.cmd('USER guest')
  await waitFor(/✔ Step 2 done[\s\S]*Question: What would the server answer[\s\S]*❯/)
  term.keys('Down', 'Enter')
  await waitFor(/✔ Right\.[\s\S]*Step 3 of 4/)
  await c.cmd('PASS visitor')
  shown = await waitFor(/Question: The password crossed[\s\S]*❯/)
  t.match(shown, /S: \+OK guest has 7 messages \(6,242 octets\)[\s\S]*state AUTHORIZATION → TRANSACTION/, 'the reply explained')
  term.keys('Enter')
  await waitFor(/✘ Not quite\.[\s\S]*Step 4 of 4/)
  await c.cmd('QUIT')
  shown = await waitFor(/What now\?[\s\S]*Leave the guide/)
  t.match(shown, /Exercise 1 is done: 4 of 4 steps, 1 of 2 questions right\./, 'finished, with its summary')
  term.keys('Down', 'Enter')
  shown = await waitFor(/EXIT=\d+\n(-?icanon)/)
  t.match(shown, /EXIT=0\nicanon/, 'exit 0, the terminal restored')
  c.end()
})

t.test('in a real terminal with --port N (not 65000): the connect line, the nc line, the TLS command and the step\'s text all name N, and N answers', { skip: HAS_TMUX ? false : 'tmux is not installed (.ci/run installs it)' }, async t => {
  const port = await freePort()
  const term = terminal(t, `guide 1 --port ${port}`, 'NO_COLOR=1')
  const shown = await term.waitFor(/Step 1 of 4[\s\S]*h: hint/, { history: true })
  t.match(shown, `In a second terminal, type:  telnet localhost ${port}\n`, 'the connect line')
  t.match(shown, `(no telnet? nc -C localhost ${port} does the same)`, 'the nc line')
  t.match(shown, `Over TLS (the POP3S port):  openssl s_client -connect localhost:${port + 1} -ign_eof`, 'the POP3S command, its port next to N')
  const step = shown.slice(shown.indexOf('Step 1 of 4'))
  t.match(step, new RegExp(`Type:\\s+telnet localhost ${port}\\n[\\s\\S]*\\(No telnet\\? \`nc -C localhost ${port}\` does the same\\.\\)`), 'the exercise\'s own text names N')
  t.match(step, `Connect from a second terminal:\n    telnet localhost ${port}\n`, 'the line to connect with')
  t.notMatch(shown, /\b6500[01]\b/, 'no default port anywhere')
  const c = await RawClient.open(port)
  await c.line()
  await term.waitFor(/✔ Step 1 done/, { history: true })
  c.end()
  term.keys('q')
  t.match(await term.waitFor(/EXIT=\d+/), /EXIT=0/)
})

t.test('in a real terminal: a login in a new connection is no mistake; a login in a second one, while the step\'s is open, is told where the step goes on', { skip: HAS_TMUX ? false : 'tmux is not installed (.ci/run installs it)' }, async t => {
  const port = await freePort()
  const term = terminal(t, `guide 2 --port ${port}`, 'NO_COLOR=1')
  const waitFor = (re: RegExp): Promise<string> => term.waitFor(re, { history: true })
  const after = (shown: string, mark: string): string => shown.slice(shown.lastIndexOf(mark))
  await waitFor(/Step 1 of 5: Log in[\s\S]*h: hint/)
  const first = await RawClient.open(port)
  await first.line()
  await first.cmd('USER guest')
  await first.cmd('PASS visitor')
  await waitFor(/✔ Step 1 done[\s\S]*Step 2 of 5[\s\S]*h: hint/)
  first.end()
  await waitFor(/── session 1 closed ──/)

  // the step after the login, in a new connection: the student logs in again there
  const second = await RawClient.open(port)
  await second.line()
  await second.cmd('USER guest')
  t.match(await second.cmd('PASS visitor'), /^\+OK guest has 7 messages/)
  let shown = after(await waitFor(/session 1 closed[\s\S]*C: PASS \*+\n[\s\S]*state AUTHORIZATION → TRANSACTION/), 'session 1 closed')
  t.notMatch(shown, /Not this step yet|log in with USER and PASS first/, 'USER and PASS in the new connection: no advice to log in')
  await second.cmd('STAT')
  shown = after(await waitFor(/session 1 closed[\s\S]*✔ Step 2 done[\s\S]*Step 3 of 5[\s\S]*h: hint/), 'session 1 closed')
  t.notMatch(shown, /Not this step yet/, 'logged in again, then STAT: step 2 done, no mistake on the way')

  // a third connection while the second, where the steps go on, is open (and holds the maildrop)
  const third = await RawClient.open(port)
  await third.line()
  await third.cmd('USER guest')
  t.match(await third.cmd('PASS visitor'), /^-ERR \[IN-USE\]/)
  shown = after(await waitFor(/S: -ERR \[IN-USE\][^\n]*\n[\s\S]*→ Not this step yet[^\n]*\n[^\n]*LIST/), 'a new connection')
  t.match(shown, /C: USER guest[\s\S]*→ Not this step yet: this is done in the same connection as the steps before it; type there:\s+LIST/, 'USER: the step goes on in the other connection')
  t.notMatch(shown, /log in with USER and PASS first/, 'not told to log in: the step\'s connection is logged in')
  third.end()
  await second.cmdMulti('LIST')
  await waitFor(/Question: Add up the sizes/)
  second.end()
  term.keys('C-c')
  t.match(await term.waitFor(/EXIT=\d+/), /EXIT=130/)
})

t.test('in a real terminal: the TLS port is shown, and another one is taken when the one after --port is busy', { skip: HAS_TMUX ? false : 'tmux is not installed (.ci/run installs it)' }, async t => {
  // two ports in a row: the second held by someone else
  let busy: Server | undefined
  let port = 0
  for (let i = 0; i < 20 && !port; i++) {
    busy = await listen(0)
    const q = (busy!.address() as { port: number }).port
    const before = q > 1024 ? await listen(q - 1) : undefined
    if (before) {
      await new Promise(r => before.close(r))
      port = q - 1
    } else busy!.close()
  }
  t.teardown(() => busy?.close())
  const term = terminal(t, `guide 16 --port ${port}`, 'NO_COLOR=1')
  const shown = await term.waitFor(/Over TLS \(the POP3S port\): +openssl s_client -connect localhost:\d+ -ign_eof/, { history: true })
  const tlsPort = Number(/-connect localhost:(\d+)/.exec(shown)![1])
  t.not(tlsPort, port + 1, 'not the busy port')
  const step = await term.waitFor(/Step 1 of 3[\s\S]*h: hint/, { history: true })
  t.match(step.slice(step.indexOf('Step 1 of 3')), `openssl s_client -connect localhost:${tlsPort} -ign_eof`, 'the exercise\'s own command names that TLS port')
  t.notMatch(step, /\b6500[01]\b/, 'and no default port')
  const { connect } = await import('node:tls')
  const greeting = await new Promise<string>((resolve, reject) => {
    const s = connect({ port: tlsPort, host: '127.0.0.1', rejectUnauthorized: false }, () => s.once('data', d => { resolve(String(d)); s.destroy() }))
    s.once('error', reject)
  })
  t.match(greeting, /^\+OK smallpop3/, 'the POP3S port the screen names answers')
  term.keys('C-c')
})

t.test('Ctrl-C in a real terminal, waiting for a step: 130, the terminal restored', { skip: HAS_TMUX ? false : 'tmux is not installed (.ci/run installs it)' }, async t => {
  const term = terminal(t, 'guide 2 --port 0')
  await term.waitFor(/h: hint/)
  term.keys('C-c')
  t.match(await term.waitFor(/EXIT=\d+\n-?icanon/), /EXIT=130\nicanon/)
})
