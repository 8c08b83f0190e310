// `smallpop3 demo` as an instructor runs it: played by itself for every exercise, and paced by keys in a real terminal.
import t, { type Test } from 'tap'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { PassThrough } from 'node:stream'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LANGUAGES, translator, type Translator } from '../dist/index.js'
import { loadExercises, type Exercise } from '../dist/exercises.js'
import { runDemo } from '../dist/demo.js'
import { LocalizedError } from '../dist/i18n/index.js'
import { Player } from '../dist/player.js'
import { AWKWARD, HAS_TMUX, maildropDir, ROOT, runCli, snapshot, terminal } from './helpers.js'

// every exercise's demo, in English and in each translation: longer than one file's usual time on a busy machine
t.setTimeout(300_000)

const all = await loadExercises(join(ROOT, 'exercises'))

/** Every file of the bundled sample, to compare before and after. */
function bundled(): string {
  const walk = (path: string): string[] =>
    statSync(path).isDirectory() ? readdirSync(path).sort().flatMap(n => walk(join(path, n))) : [`${path}\n${readFileSync(path, 'latin1')}`]
  return ['maillist', 'mbox.mail', 'mailboxes'].flatMap(n => walk(join(ROOT, n))).join('\n')
}

/** Runs `demo N --auto --delay 0` for several exercises at a time (the machine has few cores). */
async function autoDemos(extra: string[], env: NodeJS.ProcessEnv = {}, exercises = all): Promise<Map<Exercise, { code: number | null; out: string; err: string }>> {
  const results = new Map<Exercise, { code: number | null; out: string; err: string }>()
  for (let i = 0; i < exercises.length; i += 4) {
    await Promise.all(exercises.slice(i, i + 4).map(async ex => {
      const cli = runCli(['demo', String(ex.number), '--auto', '--delay', '0', '--port', '0', ...extra], { env })
      const code = await cli.exit
      results.set(ex, { code, out: cli.stdout(), err: cli.stderr() })
    }))
  }
  return results
}

/** What the exercise's steps and replies must show on the demo's screen (in the words of `tr`, the exercise's language). */
function assertShows(t: Test, ex: Exercise, out: string, tr: Translator = translator('en')): void {
  for (const step of ex.steps) t.match(out, tr('demo.step', { number: step.number, total: ex.steps.length, title: step.title }), `exercise ${ex.number}: names step ${step.number}`)
  for (const x of ex.steps.flatMap(s => s.blocks.flatMap(b => b.exchanges))) {
    if (x.client !== undefined) t.match(out, `C: ${x.client.replace(' ...', '')}`, `exercise ${ex.number}: types ${x.client}`)
    if (x.status !== undefined && !x.status.includes('...')) t.match(out, `S: ${x.status}`, `exercise ${ex.number}: shows ${x.status}`)
  }
}

t.test('demo N --auto --delay 0 plays every exercise to the end, every reply as the exercise shows', async t => {
  const before = bundled()
  const home = mkdtempSync(join(tmpdir(), 'smallpop3-home-'))
  t.equal(await runCli(['reset'], { env: { SMALLPOP3_HOME: home } }).exit, 0)
  const scratch = snapshot(join(home, 'sample', 'mbox.mail'))
  for (const [ex, { code, out, err }] of await autoDemos([], { SMALLPOP3_HOME: home })) {
    t.equal(code, 0, `exercise ${ex.number}: exit 0 ${err}`)
    t.equal(err, '', `exercise ${ex.number}: nothing on stderr`)
    assertShows(t, ex, out)
    t.match(out, /state AUTHORIZATION → TRANSACTION/, 'states before and after')
    t.match(out, new RegExp(`Every reply matched exercise ${ex.number} \\(\\d+ replies\\)`))
    t.notMatch(out, /\x1b\[/, 'no colour without a terminal')
    t.notMatch(out, /␍␊/, 'no bytes unless asked')
    // the exercises are written for port 65000; the demo's server is on a port of its own, and the prose says that one
    const port = /on 127\.0\.0\.1:(\d+)/.exec(out)?.[1]
    t.notMatch(out, /localhost[ :]6500[01]\b/, `exercise ${ex.number}: no default port in the text`)
    if (ex.number === 1) t.match(out, `telnet localhost ${port}\n`, 'the prose names the port the demo listens on')
  }
  t.equal(bundled(), before, 'the bundled sample is byte-identical after every demo')
  t.equal(snapshot(join(home, 'sample', 'mbox.mail')), scratch, 'and so is the sample\'s scratch copy')
})

t.test('demo N --lang L --auto plays every translated exercise against a server in L, every reply word for word', async t => {
  for (const lang of LANGUAGES.filter(l => l !== 'en')) {
    const tr = translator(lang)
    const exercises = await loadExercises(join(ROOT, 'exercises'), lang)
    for (const ex of exercises.filter(e => e.lang !== lang)) t.comment(`exercise ${ex.number} (${ex.id}) has no ${lang} translation: its demo is not played in ${lang}`)
    for (const [ex, { code, out, err }] of await autoDemos(['--lang', lang], {}, exercises.filter(e => e.lang === lang))) {
      t.equal(code, 0, `${lang} exercise ${ex.number}: exit 0 ${err}`)
      t.equal(err, '', `${lang} exercise ${ex.number}: nothing on stderr`)
      t.match(out, tr('demo.title', { number: ex.number, title: ex.title }), `${lang} exercise ${ex.number}: its title in ${lang}`)
      assertShows(t, ex, out, tr)
      // "every reply matched", with whatever count of replies
      const said = tr('demo.allMatched', { number: ex.number, count: 99 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('99', '\\d+')
      t.match(out, new RegExp(said), `${lang} exercise ${ex.number}: every reply matched`)
    }
  }
})

t.test('--bytes: CRLF visible, the octets of each reply, the dot-stuffed lines marked', async t => {
  const results = await autoDemos(['--bytes'])
  for (const [ex, { code, out, err }] of results) {
    t.equal(code, 0, `exercise ${ex.number}: exit 0 ${err}`)
    assertShows(t, ex, out)
    t.match(out, /C: QUIT␍␊\n\s+Ends the session/, `exercise ${ex.number}: the line sent, with its CRLF`)
    t.match(out, /status line: \d+ octets with its CRLF/)
  }
  const dots = [...results].find(([ex]) => ex.number === 8)![1].out
  t.match(dots, /C: RETR 3␍␊\n[\s\S]*sent: 8 octets/, 'RETR 3 and CRLF: 8 octets')
  t.match(dots, /\.\.profile␍␊ {2}← a "\." added: the line starts with "\."/)
  t.match(dots, /^\s+\.␍␊ {2}← the end of the reply$/m)
  t.match(dots, new RegExp('body: 20 lines, 671 octets on the wire: 664 octets of text, 4 dots added by dot-stuffing, and the 3 octets of the last line'.replaceAll(' ', '\\s+')), 'the octets add up')
  const login = [...results].find(([ex]) => ex.number === 12)![1].out
  t.match(login, /C: PASS visitor␍␊\n[\s\S]*?sent: 14 octets/, 'PASS visitor travels as fourteen octets with its CRLF')
})

t.test('a demo that deletes mail can be shown twice: it plays on a copy of the maildrops', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-drops-'))
  copyFileSync(join(ROOT, 'mailboxes', 'sam.mbox'), join(dir, 'sam.mbox'))
  writeFileSync(join(dir, 'maillist'), 'sam secret sam.mbox\n')
  const before = snapshot(join(dir, 'sam.mbox'))
  for (const round of [1, 2]) {
    const cli = runCli(['demo', '4', '--auto', '--delay', '0', '--port', '0', '--maillist', join(dir, 'maillist')])
    t.equal(await cli.exit, 0, `round ${round}: every reply as the exercise shows`)
    t.match(cli.stdout(), /S: \+OK goodbye: 1 deleted, 2 left[\s\S]*S: \+OK sam has 2 messages/, `round ${round}: a message deleted, from the same start each time`)
  }
  t.equal(snapshot(join(dir, 'sam.mbox')), before, 'the maildrop itself is untouched')
  t.same(readdirSync(dir).sort(), ['maillist', 'sam.mbox'], 'and nothing is left beside it')
})

t.test('a reply that differs from the exercise: exit 1, naming the step', async t => {
  const drop = maildropDir({ guest: AWKWARD })
  const cli = runCli(['demo', '2', '--auto', '--delay', '0', '--port', '0', '--maillist', drop.maillist])
  t.equal(await cli.exit, 1)
  t.match(cli.stderr(), /^smallpop3: \d+ replies of 7 did not match exercise 2; the first: step 1, PASS visitor: the server answered "\+OK guest has 9 messages \(454 octets\)", the exercise shows "\+OK guest has 7 messages \(6,242 octets\)"\n$/)
  t.match(cli.stdout(), /✘ the exercise shows: \+OK 7 6242/, 'each mismatch is marked where it happens')
  t.equal(snapshot(drop.path('guest')), readFileSync(AWKWARD, 'latin1'))
})

t.test('without a terminal and without --auto: one line, exit 2; a busy port: one line; Ctrl-C: 130', async t => {
  const started = Date.now()
  const none = runCli(['demo', '1'])
  t.equal(await none.exit, 2)
  t.equal(none.stderr(), 'smallpop3: the demo is paced from the keyboard, so it needs a terminal; run it in one, or add --auto to let it play by itself (--delay SECONDS sets the pace)\n')
  t.ok(Date.now() - started < 5000, 'at once')

  const blocker = createServer()
  await new Promise<void>(r => blocker.listen(0, '127.0.0.1', () => r()))
  t.teardown(() => blocker.close())
  const port = (blocker.address() as { port: number }).port
  const busy = runCli(['demo', '1', '--auto', '--port', String(port)])
  t.equal(await busy.exit, 1)
  t.equal(busy.stderr(), `smallpop3: port ${port} on 127.0.0.1 is already in use (is another smallpop3 running?); stop it or choose another port with --port ${port + 1}\n`)

  const slow = runCli(['demo', '4', '--auto', '--delay', '30', '--port', '0'])
  await slow.waitFor(/Step 1 of 6/)
  slow.child.kill('SIGINT')
  t.equal(await slow.exit, 130)

  const bad = runCli(['demo', '1', '--auto', '--delay', 'soon'])
  t.equal(await bad.exit, 2)
  t.match(bad.stderr(), /option --delay needs a number of seconds/)
  const help = runCli(['help', 'demo'])
  t.equal(await help.exit, 0)
  t.match(help.stdout(), /^smallpop3 demo \[EXERCISE\]/)
  t.match(help.stdout(), /--bytes/)
  const dashHelp = runCli(['demo', '--help'])
  t.equal(await dashHelp.exit, 0)
  t.equal(dashHelp.stdout(), help.stdout())
})

t.test('paced by keys in a real terminal (tmux)', { skip: HAS_TMUX ? false : 'tmux is not installed (.ci/run installs it)' }, async t => {
  let term = terminal(t, 'demo 1 --port 0')
  const waitFor = (re: RegExp): Promise<string> => term.waitFor(re)

  let shown = await waitFor(/Enter or space: next/)
  t.match(shown, /Demo of exercise 1: First login and logout/)
  t.match(shown, /Step 1 of 4: Connect to the server/)
  t.notMatch(shown, /S: \+OK/, 'nothing played before a key')

  term.keys('Enter')
  shown = await waitFor(/S: \+OK smallpop3 POP3 server ready <[^>]+>[\s\S]*Enter or space: next/)
  t.match(shown, /state AUTHORIZATION \(not logged in yet\)/, 'explained')

  term.keys('Enter')
  shown = await waitFor(/Step 2 of 4: Say who you are[\s\S]*Enter or space: next/)
  t.notMatch(shown, /Step 1 of 4/, 'each step on a clean screen')

  term.keys('Space')
  shown = await waitFor(/C: USER guest[\s\S]*S: \+OK hello guest, now send your password with PASS[\s\S]*Enter or space: next/)
  t.match(shown, /Names the mailbox to open: "guest"/)

  term.keys('b')
  shown = await waitFor(/Back to step 2[\s\S]*Step 2 of 4: Say who you are[\s\S]*Enter or space: next/)
  t.notMatch(shown, /S: \+OK hello guest/, 'back to the start of the step')
  term.keys('Enter')
  shown = await waitFor(/C: USER guest[\s\S]*S: \+OK hello guest[\s\S]*Enter or space: next/)
  t.notMatch(shown, /S: -ERR/, 'replayed from a fresh start: the same reply')

  term.keys('p')
  await waitFor(/A line of your own, in connection 1/)
  term.keys('CAPA', 'Enter')
  shown = await waitFor(/C: CAPA[\s\S]*S: \+OK capability list follows[\s\S]*IMPLEMENTATION smallpop3-[\s\S]*Enter or space: next/)

  term.keys('Enter')
  await waitFor(/Step 3 of 4: Give the password[\s\S]*Enter or space: next/)
  term.keys('Enter')
  shown = await waitFor(/C: PASS visitor[\s\S]*S: \+OK guest has 7 messages \(6,242 octets\)[\s\S]*Enter or space: next/)
  term.keys('q')
  shown = await waitFor(/EXIT=\d+\n(-?icanon)/)
  t.match(shown, /EXIT=0\nicanon/, 'q ends it, exit 0, the terminal restored')

  term = terminal(t, 'demo 4 --port 0 --bytes')
  await waitFor(/Enter or space: next/)
  term.keys('Enter')
  await waitFor(/S: \+OK smallpop3 POP3 server ready <[^>]+>␍␊/)
  term.keys('C-c')
  shown = await waitFor(/EXIT=\d+\n(-?icanon)/)
  t.match(shown, /EXIT=130\nicanon/, 'Ctrl-C ends it, exit 130, the terminal restored')
})

t.test('the player\'s failures say what went wrong in the demo\'s language', async t => {
  const listening = async (server: ReturnType<typeof createServer>): Promise<number> => {
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    return (server.address() as { port: number }).port
  }
  /** What the player throws when it opens connection 1. */
  const failure = async (port: number, timeout = 3000): Promise<LocalizedError> => {
    const err = await new Player({ port, timeout }).ready(1).then(() => undefined, (e: unknown) => e)
    if (!(err instanceof LocalizedError)) throw new Error(`not a LocalizedError: ${String(err)}`)
    return err
  }

  // nothing listening: a port just closed
  const probe = createServer()
  const closedPort = await listening(probe)
  await new Promise(resolve => probe.close(resolve))
  const refused = await failure(closedPort)
  t.equal(refused.key, 'player.refused')
  t.equal(refused.message, `nothing is listening on 127.0.0.1 port ${closedPort}: is the server running?`, 'its message in English, for a stack trace')
  if (LANGUAGES.includes('es')) t.equal(refused.describe(translator('es')), `no hay nada escuchando en 127.0.0.1, puerto ${closedPort}: ¿está el servidor en marcha?`)

  // a server that hangs up at once, and one that never says a word
  const rude = createServer(socket => socket.destroy())
  const mute = createServer(socket => socket.on('error', () => {}))
  t.teardown(() => void rude.close())
  t.teardown(() => void mute.close())
  const closed = await failure(await listening(rude))
  t.equal(closed.key, 'player.closed.reply')
  if (LANGUAGES.includes('ca')) t.equal(closed.describe(translator('ca')), 'el servidor ha tancat la connexió abans de respondre')
  const silent = await failure(await listening(mute), 300)
  t.equal(silent.key, 'player.noReply')
  if (LANGUAGES.includes('es')) t.equal(silent.describe(translator('es')), 'el servidor no ha respondido en 300 ms')

  // the demo of a POP3S exercise, its server given no certificate: the player has no TLS port to go to
  for (const lang of LANGUAGES) {
    const ex = (await loadExercises(join(ROOT, 'exercises'), lang)).find(e => e.number === 16)!
    const stderr = new PassThrough()
    let said = ''
    stderr.on('data', (d: Buffer) => (said += d.toString()))
    const io = { stdin: new PassThrough(), stdout: new PassThrough().resume(), stderr, env: {}, stopSignal: () => new Promise<string>(() => {}) }
    const code = await runDemo({ exercise: ex, port: 0, host: '127.0.0.1', auto: true, delay: 0, bytes: false }, io, translator(lang))
    t.equal(code, 1, `${lang}: the demo fails`)
    const tr = translator(lang)
    t.equal(said, `smallpop3: ${tr('demo.failed', { step: 1, reason: tr('player.noTlsPort', { label: 1 }) })}\n`, `${lang}: and says why in ${lang}`)
    if (lang === 'es') t.equal(said, 'smallpop3: la demostración se ha detenido en el paso 1: la conexión 1 del ejercicio va al puerto TLS (POP3S), y el servidor no tiene ninguno\n')
  }
})
