// The live classroom view (issue 13): its HTTP and WebSocket doors over real sockets, then the page
// itself in a real browser (Debian's Chromium, headless, driven by puppeteer-core) while scripted
// students talk raw POP3 to the same server. Everything on 127.0.0.1, bounded in time.
// The run leaves a screenshot of the page at 1280x800 in test/artifacts/web.png.
import t from 'tap'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { WebSocket } from 'ws'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { startWeb, type WebView } from '../dist/web/server.js'
import { ClassFeed, MAX_BUFFERED } from '../dist/web/feed.js'
import { RawClient, ROOT, loggedIn, runCli, testServer, type TestServer } from './helpers.js'

const SECRET = 'correct horse battery'
const CHROMIUM = '/usr/bin/chromium'
const ARTIFACTS = join(ROOT, 'test', 'artifacts')
const MBOX = join(ROOT, 'mbox.mail')

interface Class {
  server: TestServer
  view: WebView
  base: string
}

/** A server with three students (or those given), its sessions recorded, and its classroom view. */
async function classroom(t: { teardown(fn: () => unknown): void }, options: { stuckIdle?: number } = {}, accounts: Record<string, string> = { guest: MBOX, sam: MBOX, ana: MBOX }): Promise<Class> {
  const transcripts = mkdtempSync(join(tmpdir(), 'smallpop3-web-'))
  const server = await testServer(accounts, { transcripts })
  const view = await startWeb(server, { port: 0, secret: SECRET, transcripts, loginDelay: { max: 0 }, ...options })
  t.teardown(async () => {
    await view.close()
    await server.close()
  })
  return { server, view, base: `http://127.0.0.1:${view.port}` }
}

async function cookieFor(base: string, secret = SECRET): Promise<Response> {
  return fetch(`${base}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ secret }) })
}

/** How a WebSocket handshake to /live ends: the HTTP status of a refusal, or "open". */
function liveHandshake(base: string, headers: Record<string, string> = {}): Promise<number | 'open'> {
  return new Promise(resolve => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/live`, { headers })
    ws.on('open', () => {
      ws.close()
      resolve('open')
    })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('error', () => {})
  })
}

t.test('without the secret nothing about students is served; with it, everything', async t => {
  const { view, base } = await classroom(t)
  t.equal(view.host, '127.0.0.1', 'on loopback unless told otherwise')
  t.notOk(view.generated, 'the secret given is used')
  t.notMatch(view.url, /secret/, 'a secret that was given is not printed in the link')

  for (const path of ['/view.json', '/progress.csv']) {
    const res = await fetch(base + path)
    const body = await res.text()
    t.equal(res.status, 401, `${path} refused`)
    t.notMatch(body, /guest|sam|ana/, `${path}: no student in the body`)
  }
  t.equal(await liveHandshake(base), 401, 'the live feed refused without a cookie')
  t.equal(await liveHandshake(base, { Cookie: 'smallpop3_view=made-up' }), 401, 'and with a made-up one')

  const page = await fetch(`${base}/`)
  t.equal(page.status, 200, 'the page itself (a login form, no data) is served')
  t.notMatch(await page.text(), /guest|sam|ana/)
  const words = (await (await fetch(`${base}/words.json?lang=xx`)).json()) as { lang: string; languages: Record<string, string>; words: Record<string, string> }
  t.equal(words.lang, 'en', 'its words: English for a language the program does not have')
  t.equal(words.languages.en, 'English', 'every language named, for the choice')
  t.equal(words.words['web.col.student'], 'Student', 'the page\'s keys from the catalogue')
  t.notOk(Object.keys(words.words).some(k => !k.startsWith('web.')), 'and only those')

  const wrong = await cookieFor(base, 'not the secret')
  t.equal(wrong.status, 403, 'a wrong secret is refused')
  t.notOk(wrong.headers.get('set-cookie'), 'with no cookie')
  const right = await cookieFor(base)
  t.equal(right.status, 204)
  const set = right.headers.get('set-cookie') ?? ''
  t.match(set, /^smallpop3_view=[\w-]+; HttpOnly; SameSite=Strict; Path=\//, 'an HttpOnly cookie')
  t.notMatch(set, /correct|horse/, 'holding a token, not the secret')
  const cookie = set.split(';')[0]!

  const data = await fetch(`${base}/view.json`, { headers: { Cookie: cookie } })
  t.equal(data.status, 200)
  const json = (await data.json()) as { rows: { user: string; seat: number }[] }
  t.same(json.rows.map(r => [r.seat, r.user]), [[1, 'guest'], [2, 'sam'], [3, 'ana']], 'one row per student, seats in maillist order')
  t.equal(await liveHandshake(base, { Cookie: cookie }), 'open', 'the live feed opens with the cookie')
  t.equal(await liveHandshake(base, { Cookie: cookie, Origin: 'http://evil.example' }), 401, 'but not for another site\'s page')
  const csv = await fetch(`${base}/progress.csv`, { headers: { Authorization: `Bearer ${SECRET}` } })
  t.equal(csv.status, 200, 'a script may send the secret itself')
  t.equal((await fetch(`${base}/progress.csv`, { headers: { Authorization: 'Bearer nope' } })).status, 401)
  t.equal((await fetch(`${base}/nothing`)).status, 404)
})

t.test('the live feed: batched, and a page sees a student log in', async t => {
  const { server, base } = await classroom(t)
  const cookie = (await cookieFor(base)).headers.get('set-cookie')!.split(';')[0]!
  const ws = new WebSocket(`${base.replace('http', 'ws')}/live`, { headers: { Cookie: cookie } })
  const messages: { type: string; view?: { rows: { user: string; sessions: number[] }[] } }[] = []
  ws.on('message', data => messages.push(JSON.parse(String(data))))
  await new Promise(resolve => ws.once('open', resolve))
  t.teardown(() => ws.close())
  const c = await loggedIn(server)
  const start = Date.now()
  // 200 commands in a burst: a handful of updates, not 400
  for (let i = 0; i < 200; i++) c.send('NOOP\r\n')
  for (let i = 0; i < 200; i++) await c.line()
  while (!messages.some(m => m.view?.rows.find(r => r.user === 'guest')?.sessions.length)) {
    if (Date.now() - start > 5000) throw new Error('no update showing guest connected')
    await sleep(20)
  }
  await sleep(600)
  const views = messages.filter(m => m.type === 'view').length
  t.ok(views <= 2 + Math.ceil((Date.now() - start) / 250), `${views} updates for 400 events in ${Date.now() - start} ms`)
  c.end()
})

t.test('a page that does not read is dropped, not buffered without bound; the others go on', async t => {
  const server = await testServer({ guest: MBOX })
  const feed = new ClassFeed({ state: server.state, lang: 'en', stuckIdle: 180 })
  t.teardown(async () => {
    feed.close()
    await server.close()
  })
  await feed.start()
  /** A WebSocket as the feed sees one, with as many octets waiting as we say. */
  const socket = (waiting: number) => {
    const s = { OPEN: 1, readyState: 1, bufferedAmount: waiting, sent: [] as string[], terminated: false,
      send(m: string) { s.sent.push(m) }, terminate() { s.terminated = true; s.readyState = 3 }, on() {} }
    return s
  }
  const slow = socket(0)
  const quick = socket(0)
  feed.add(slow as never, 'en')
  feed.add(quick as never, 'en')
  t.equal(feed.pages, 2)
  t.equal(slow.sent.length, 1, 'each is sent the class at once')
  slow.bufferedAmount = MAX_BUFFERED - 10 // then it stops reading
  const c = await loggedIn(server)
  const deadline = Date.now() + 5000
  while (!slow.terminated || quick.sent.length < 2) {
    if (Date.now() > deadline) throw new Error('no update')
    await sleep(20)
  }
  t.ok(slow.terminated, 'the page with a megabyte waiting is dropped')
  t.equal(feed.pages, 1, 'the other stays')
  t.match(quick.sent.at(-1), /"user":"guest"/, 'and is sent the class')
  c.end()
})

const HAS_CHROMIUM = existsSync(CHROMIUM)

t.test('in a real browser', { skip: HAS_CHROMIUM ? false : `${CHROMIUM} is not installed (.ci/run installs the chromium package)` }, async t => {
  const { server, view, base } = await classroom(t, { stuckIdle: 2 })
  const browser: Browser = await puppeteer.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
  t.teardown(() => browser.close())
  const open = async (url: string): Promise<Page> => {
    const context = await browser.createBrowserContext() // its own cookies
    const page = await context.newPage()
    await page.setViewport({ width: 1280, height: 800 })
    await page.goto(url)
    return page
  }
  /** The text of a student's row, by seat, once it matches. */
  const row = async (page: Page, seat: number, cell: string, re: RegExp, ms = 8000): Promise<string> => {
    await page.waitForFunction((seat, cell, source) => new RegExp(source).test(document.querySelector(`tr[data-seat="${seat}"] .${cell}`)?.textContent ?? ''), { timeout: ms }, seat, cell, re.source)
    return page.$eval(`tr[data-seat="${seat}"] .${cell}`, e => e.textContent ?? '')
  }

  await t.test('without the secret: the login form, and no student', async t => {
    const page = await open(`${base}/`)
    await page.waitForSelector('#login:not([hidden])')
    t.notMatch(await page.$eval('body', b => b.innerText), /guest|sam|ana/)
    await page.type('#secret', 'wrong secret')
    await page.click('#login-button')
    await page.waitForFunction(() => document.querySelector('#login-error')?.textContent !== '')
    t.match(await page.$eval('#login-error', e => e.textContent), /not the secret/)
    t.notMatch(await page.$eval('body', b => b.innerText), /guest|sam|ana/)
    await page.$eval('#secret', e => ((e as HTMLInputElement).value = ''))
    await page.type('#secret', SECRET)
    await page.click('#login-button')
    await page.waitForSelector('tr[data-seat="3"]')
    t.match(await page.$eval('#rows', e => e.textContent), /guest.*sam.*ana/s, 'the secret typed by hand opens the view')
    await page.close()
  })

  const page = await open(`${base}/#secret=${encodeURIComponent(SECRET)}`)
  await page.waitForSelector('tr[data-seat="1"]')
  t.equal(new URL(page.url()).hash, '', 'the secret leaves the address bar')
  t.match(await row(page, 1, 'connected', /no/), /no/)

  // a student does exercise 1 by hand, while the page watches
  const c = await RawClient.open(server.port)
  await c.line()
  t.match(await c.cmd('USER guest'), /^\+OK/)
  t.match(await row(page, 1, 'connected', /yes/), /yes/, 'connected, live')
  t.match(await row(page, 1, 'on', /exercise 1, step 3/), /exercise 1, step 3/, 'on step 3 after USER')
  t.match(await c.cmd('PASS visitor'), /^\+OK/)
  t.match(await row(page, 1, 'on', /exercise 1, step 4/), /step 4/, 'step 4 after PASS')
  t.match(await row(page, 1, 'last', /PASS \*+\s*\+OK/), /PASS \*+/, 'the last command, its password masked')
  await page.click('tr[data-seat="1"]')
  await page.waitForSelector('#log-lines .entry')
  t.match(await c.cmd('QUIT'), /^\+OK goodbye/)
  await c.closedByServer()
  t.match(await row(page, 1, 'done', /^1 \//), /^1 \/ 16$/, 'exercise 1 done')
  t.match(await row(page, 1, 'connected', /no/), /no/, 'and gone')
  const log = await page.$eval('#log-lines', e => e.textContent ?? '')
  t.match(log, /USER guest/, 'the log shows the session, live')
  t.match(log, /PASS \*{4,}/, 'its password masked')
  t.match(log, /QUIT/)
  t.notMatch(await page.content(), /visitor/, 'the password appears nowhere on the page')

  // another one makes mistakes: -ERR in red, and stuck after three in a row
  const s = await loggedIn(server, 'sam', 'sam-pw')
  for (const line of ['RETR 99', 'DELE x', 'TOPP 1']) t.match(await s.cmd(line), /^-ERR/)
  t.match(await row(page, 2, 'last', /TOPP 1/), /-ERR/)
  const red = await page.$eval('tr[data-seat="2"] .reply', e => [e.className, getComputedStyle(e).color])
  t.same(red, ['reply err', 'rgb(198, 40, 40)'], '-ERR shown red')
  t.match(await row(page, 2, 'errors', /^3$/), '3', 'three errors in a row')
  t.ok(await page.$eval('tr[data-seat="2"]', e => e.classList.contains('stuck')), 'stuck stands out')
  t.match(await page.$eval('tr[data-seat="2"] .name', e => e.textContent), /stuck/)
  t.match(await page.$eval('#counts', e => e.textContent), /1 of 3 students connected/)

  mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: join(ARTIFACTS, 'web.png') })
  t.ok(existsSync(join(ARTIFACTS, 'web.png')), 'screenshot at 1280x800 in test/artifacts/web.png')

  await t.test('projector mode hides names', async t => {
    await page.click('#projector')
    await page.waitForFunction(() => document.body.classList.contains('projector'))
    const text = await page.$eval('body', b => b.innerText)
    t.notMatch(text, /guest|sam|ana/, 'no name on the screen')
    t.notMatch(await page.$eval('#rows', e => e.innerHTML), /guest|sam|ana/, 'nor in the page')
    t.match(text, /Seat 1[\s\S]*Seat 2[\s\S]*Seat 3/, 'seat numbers instead')
    t.ok(Number.parseFloat(await page.$eval('body', b => getComputedStyle(b).fontSize)) >= 22, 'large type')
    await page.screenshot({ path: join(ARTIFACTS, 'web-projector.png') })
    await page.click('#projector')
  })

  await t.test('the CSV is what the students did', async t => {
    const csv = await page.evaluate(async () => (await fetch('/progress.csv')).text())
    // RFC 4180: a cell with a comma is quoted
    const lines = csv.trimEnd().split('\r\n').map(l => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map(c => c.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')))
    t.same(lines[0]!.slice(0, 3), ['user', 'exercises done', 'exercise 1: First login and logout'])
    t.equal(lines[0]!.length, 18, 'a column per exercise')
    const byUser = Object.fromEntries(lines.slice(1).map(l => [l[0], l]))
    t.same(Object.keys(byUser), ['guest', 'sam', 'ana'])
    t.same(byUser.guest!.slice(1, 3), ['1', 'done'], 'guest did exercise 1')
    t.equal(byUser.sam![1], '0', 'sam did none')
    t.match(byUser.sam![2], /^step \d+$/, 'and is on a step of exercise 1')
    t.same(byUser.ana!.slice(1), ['0', ...Array(16).fill('')], 'ana never came')
  })
  s.end()

  // idle in the middle of an exercise: stuck without an error
  const a = await loggedIn(server, 'ana', 'ana-pw')
  await page.waitForFunction(() => document.querySelector('tr[data-seat="3"]')?.classList.contains('stuck'), { timeout: 8000 })
  t.equal(await row(page, 3, 'errors', /^0$/), '0', 'stuck after idling two seconds in exercise 1, with no error')
  a.end()
  t.ok(view.pages >= 1)

  await t.test('a class of twelve at once, watched live', async t => {
    const users = Array.from({ length: 12 }, (_, i) => `s${String(i + 1).padStart(2, '0')}`)
    const lab = await classroom(t, {}, Object.fromEntries(users.map(u => [u, MBOX])))
    const page = await open(`${lab.base}/#secret=${encodeURIComponent(SECRET)}`)
    await page.waitForSelector('tr[data-seat="12"]')
    const clients = await Promise.all(users.map(async u => {
      const c = await RawClient.open(lab.server.port)
      await c.line()
      return c
    }))
    await Promise.all(users.map(async (u, i) => {
      t.match(await clients[i]!.cmd(`USER ${u}`), /^\+OK/)
      t.match(await clients[i]!.cmd(`PASS ${u}-pw`), /^\+OK/)
    }))
    await page.waitForFunction(() => /^12 of 12 students connected/.test(document.querySelector('#counts')?.textContent ?? ''), { timeout: 8000 })
    t.pass('twelve connected')
    await Promise.all(clients.map(async c => {
      await c.cmd('QUIT')
      await c.closedByServer()
    }))
    await page.waitForFunction(() => /12 started, 12 done/.test(document.querySelector('#exercises li[data-exercise="1"]')?.textContent ?? ''), { timeout: 10_000 })
    t.match(await page.$eval('#counts', e => e.textContent), /^0 of 12 students connected/)
    t.same(await page.$$eval('#rows .done', cells => cells.map(c => c.textContent)), Array(12).fill('1 / 16'), 'every row: exercise 1 done')
    t.match(await page.$eval('#average', e => e.textContent), /6\.3 %/, 'one exercise in sixteen, on average')
    await page.close()
  })
})

t.test('smallpop3 --web-port: the banner\'s link opens the view; --web-host alone is refused', async t => {
  const cli = runCli(['--port', '0', '--web-port', '0', '--admin-port', '0'])
  t.teardown(() => void cli.child.kill())
  const [, secret] = await cli.waitFor(/Admin port \S+, secret (\S+) /)
  const [, url, fromLink] = await cli.waitFor(/Classroom view: (http:\/\/127\.0\.0\.1:\d+\/)#secret=(\S+)/)
  t.equal(decodeURIComponent(fromLink!), secret, 'the link carries the admin secret')
  const base = url!.replace(/\/$/, '')
  t.equal((await fetch(`${base}/view.json`)).status, 401)
  t.equal((await cookieFor(base, secret)).status, 204, 'and it opens the view')
  const given = runCli(['--port', '0', '--web-port', '0', '--admin-secret', 'a long enough secret'])
  t.teardown(() => void given.child.kill())
  const [line] = await given.waitFor(/Classroom view: .*/)
  t.notMatch(line, /secret=/, 'a secret that was given is not printed')
  t.notMatch(given.stdout(), /a long enough secret/)
  const alone = runCli(['--port', '0', '--web-host', '0.0.0.0'])
  t.equal(await alone.exit, 2)
  t.match(alone.stderr(), /--web-host needs --web-port/)
  const short = runCli(['--port', '0', '--web-port', '0', '--admin-secret', 'short'])
  t.equal(await short.exit, 2, 'a secret too short is refused before anything starts')
  const taken = createServer()
  await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve))
  t.teardown(() => void taken.close())
  const busy = runCli(['--port', '0', '--web-port', String((taken.address() as AddressInfo).port)])
  t.equal(await busy.exit, 1, 'a port in use: exit 1')
  t.match(busy.stderr(), /--web-port/, 'naming the option that chose it')
})
