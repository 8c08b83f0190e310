#!/usr/bin/env node
// npm run soak: one real server (bin/smallpop3.js) against a crowd of random and hostile clients for a
// while, with its memory, its descriptors and a well-behaved client's latency watched.
//   node bench/soak.js [--seconds 60]
// Every connection goes to 127.0.0.1 only; every client stops by itself when the time is up, then the
// server is stopped. Prints what it saw; exits 1 if a reply was missing or extra, a maildrop changed,
// a command hit a bug, or the server died.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'smallpop3.js')
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' } } })
const seconds = Math.max(5, Math.min(3600, Number(values.seconds) || 60))
const deadline = Date.now() + seconds * 1000
const running = () => Date.now() < deadline
const MAX_CONNECTIONS = 60

const work = mkdtempSync(join(tmpdir(), 'smallpop3-soak-'))
process.on('exit', () => rmSync(work, { recursive: true, force: true }))
const users = ['probe', 'flood', 'victim', ...Array.from({ length: 6 }, (_, i) => `random${i + 1}`)]
for (const u of users) copyFileSync(join(ROOT, 'mbox.mail'), join(work, `${u}.mbox`))
writeFileSync(join(work, 'maillist'), users.map(u => `${u} ${u}-pw ${u}.mbox`).join('\n') + '\n')
const original = readFileSync(join(ROOT, 'mbox.mail'))

const seen = { lines: 0, replies: 0, wrong: [], sessions: 0, bugs: 0, logLines: 0, dropped: 0 }
const fail = what => seen.wrong.length < 20 && seen.wrong.push(what)
const rnd = n => Math.floor(Math.random() * n)
const pick = a => a[rnd(a.length)]

// ── the server ───────────────────────────────────────────────────────────
const server = spawn(process.execPath, [BIN, '--port', '0', '--maillist', join(work, 'maillist'), '--log', 'json', '--max-connections', String(MAX_CONNECTIONS), '--timeout', '30'], { stdio: ['ignore', 'pipe', 'pipe'] })
let stderr = ''
server.stderr.on('data', d => (stderr += d))
let partial = ''
server.stdout.on('data', d => {
  const text = partial + d
  const lines = text.split('\n')
  partial = lines.pop()
  seen.logLines += lines.length
  for (const l of lines) {
    if (l.includes('"server.bug"')) seen.bugs++
    if (l.startsWith('{"type":"dropped"')) seen.dropped += JSON.parse(l).count
  }
})
let died = false
server.on('exit', (code, signal) => (died = running() ? `exited with ${code ?? signal}` : false))
while (!/Listening on 127\.0\.0\.1:(\d+)/.test(stderr)) {
  await Promise.race([once(server.stderr, 'data'), once(server, 'exit').then(() => { throw new Error(stderr) })])
}
const port = Number(/Listening on 127\.0\.0\.1:(\d+)/.exec(stderr)[1])

// ── a client that reads CRLF lines ───────────────────────────────────────
const refusals = { count: 0 }
/** A client, greeted: one the server refuses (it is full) tries again a little later. */
async function open() {
  for (;;) {
    const c = await connection()
    const greeting = await c.line().catch(e => e.message)
    if (greeting.startsWith('+OK')) return c
    c.s.destroy()
    if (!greeting.startsWith('-ERR [SYS/TEMP]')) throw new Error(`greeting: ${greeting}`)
    refusals.count++
    await sleep(100 + rnd(200))
  }
}

async function connection() {
  const s = connect(port, '127.0.0.1')
  s.on('error', () => {})
  await once(s, 'connect')
  let buf = Buffer.alloc(0)
  let wake = () => {}
  let closed = false
  s.on('data', d => {
    buf = buf.length ? Buffer.concat([buf, d]) : d
    wake()
  })
  s.on('close', () => {
    closed = true
    wake()
  })
  const more = ms => new Promise((resolve, reject) => {
    if (closed) return reject(new Error('closed'))
    const timer = setTimeout(() => reject(new Error(`nothing for ${ms} ms`)), ms)
    wake = () => {
      clearTimeout(timer)
      resolve()
    }
  })
  const c = {
    s,
    get closed() { return closed },
    async line(ms = 10000) {
      for (;;) {
        const i = buf.indexOf('\r\n')
        if (i !== -1) {
          const l = buf.subarray(0, i).toString('latin1')
          buf = buf.subarray(i + 2)
          return l
        }
        await more(ms)
      }
    },
    async body(ms = 10000) {
      for (;;) {
        if (buf.subarray(0, 3).toString() === '.\r\n') return (buf = buf.subarray(3))
        const i = buf.indexOf('\r\n.\r\n')
        if (i !== -1) return (buf = buf.subarray(i + 5))
        await more(ms)
      }
    },
    async cmd(l) {
      s.write(l + '\r\n')
      return c.line()
    },
    async gone(ms = 5000) {
      while (!closed) await more(ms)
    },
  }
  return c
}

// ── the clients ──────────────────────────────────────────────────────────
const probe = { samples: [], worst: 0 }
async function probing() {
  const c = await open()
  await c.cmd('USER probe')
  await c.cmd('PASS probe-pw')
  while (running()) {
    const t0 = performance.now()
    const r = await c.cmd('STAT')
    const ms = performance.now() - t0
    if (r !== '+OK 7 6242') fail(`probe STAT: ${r}`)
    probe.samples.push(ms)
    probe.worst = Math.max(probe.worst, ms)
    await sleep(100)
  }
  await c.cmd('QUIT')
}

const MULTI = /^(LIST|UIDL|CAPA)$|^(RETR|TOP) /
function randomLine() {
  switch (rnd(10)) {
    case 0: return pick(['STAT', 'NOOP', 'LIST', 'UIDL', 'CAPA', 'RSET', ''])
    case 1: return `RETR ${rnd(9)}`
    case 2: return `TOP ${rnd(9)} ${rnd(4)}`
    case 3: return `DELE ${rnd(9)}`
    case 4: return `LIST ${rnd(9)}`
    case 5: return 'x'.repeat(200 + rnd(3000))
    case 6: return Buffer.from(Array.from({ length: rnd(30) }, () => pick([0, 1, 8, 27, 127, 0xc3, 0xfe, 0x80, 65 + rnd(26)]))).toString('latin1')
    default: return pick(['NOOP', 'STAT', 'UIDL 1', 'LIST 2', 'RETR 1'])
  }
}

/** A random session that never commits: it ends with RSET and QUIT, or just drops the connection. */
async function randomSessions(user) {
  while (running()) {
    const c = await open()
    seen.sessions++
    try {
      const lines = [`USER ${user}`, `PASS ${user}-pw`, ...Array.from({ length: rnd(60) }, randomLine)]
      const ends = rnd(2) === 0
      if (ends) lines.push('RSET', 'QUIT')
      const input = Buffer.from(lines.map(l => l + pick(['\r\n', '\n'])).join(''), 'latin1')
      for (let at = 0; at < input.length;) {
        const n = 1 + rnd(rnd(2) ? 16 : 4096)
        c.s.write(input.subarray(at, at + n))
        at += n
        if (rnd(4) === 0) await sleep(rnd(3))
      }
      seen.lines += lines.length
      for (const l of lines) {
        const status = await c.line()
        seen.replies++
        if (!/^(\+OK|-ERR)/.test(status)) fail(`not a status line: ${status.slice(0, 80)}`)
        if (status.startsWith('+OK') && MULTI.test(l)) await c.body()
      }
      if (ends) await c.gone()
    } catch (err) {
      fail(`random session of ${user}: ${err.message}`)
    } finally {
      c.s.destroy()
    }
    await sleep(rnd(50))
  }
}

const flood = { rounds: 0, written: 0, answered: 0 }
/** Logs in, writes blank lines and NOOPs without reading, waits, then reads every reply. */
async function flooding() {
  while (running()) {
    const c = await open()
    c.s.pause() // from now on it does not read
    const chunk = Buffer.from('\r\nNOOP\r\n'.repeat(8192))
    c.s.write('USER flood\r\nPASS flood-pw\r\n')
    let written = 0
    while (written < 1 << 20 && running()) {
      written += chunk.length
      if (!c.s.write(chunk)) {
        const drained = await Promise.race([once(c.s, 'drain').then(() => true), sleep(500, false)])
        if (!drained) break
      }
    }
    await sleep(2000)
    c.s.resume()
    const expected = 2 + (written / chunk.length) * 8192 * 2 // USER, PASS, then each blank line and NOOP
    try {
      for (let i = 0; i < expected; i++) await c.line()
      c.s.write('QUIT\r\n')
      if (!/^\+OK goodbye/.test(await c.line())) fail('flood: no goodbye')
      flood.answered += expected
    } catch (err) {
      fail(`flood: ${err.message}`)
    }
    flood.rounds++
    flood.written += written
    c.s.destroy()
  }
}

const guess = { tries: 0, started: Date.now() }
async function guessing() {
  const c = await open()
  while (running()) {
    await c.cmd('USER victim')
    const r = await c.cmd(`PASS guess${rnd(1e6)}`)
    if (!r.startsWith('-ERR [AUTH]')) fail(`guess: ${r}`)
    guess.tries++
  }
  c.s.destroy()
}

const crowd = { rounds: 0, refused: 0, greeted: 0 }
/** Opens more connections than the server serves, holds them a moment, closes them. */
async function crowding() {
  while (running()) {
    const cs = await Promise.all(Array.from({ length: MAX_CONNECTIONS + 10 }, () => connection().catch(() => null)))
    for (const c of cs) {
      if (!c) continue
      const first = await c.line().catch(() => '')
      if (first.startsWith('+OK')) crowd.greeted++
      else if (first.startsWith('-ERR [SYS/TEMP]')) crowd.refused++
      else fail(`crowd: ${first}`)
    }
    await sleep(1000)
    cs.forEach(c => c?.s.destroy())
    crowd.rounds++
    await sleep(2000)
  }
}

const hostile = { endless: 0, telnet: 0 }
/** An endless line, then telnet junk: each must get its -ERR and not hang. */
async function hostiles() {
  while (running()) {
    const c = await open()
    const mb = Buffer.alloc(1 << 20, 'z')
    for (let i = 0; i < 50 && !c.closed; i++) if (!c.s.write(mb)) await Promise.race([once(c.s, 'drain'), sleep(200)])
    const r = await c.line().catch(e => e.message)
    if (!/octets without a line end/.test(r)) fail(`endless: ${r}`)
    await c.gone().catch(() => fail('endless: not closed'))
    c.s.destroy()
    hostile.endless++

    const d = await open()
    const junk = Buffer.from(Array.from({ length: rnd(400) }, () => pick([255, 250, 251, 253, 240, 24, 1, 65, 10, 13])))
    d.s.write(Buffer.concat([junk, Buffer.from('\r\n\r\nQUIT\r\n')]))
    await d.gone().catch(() => fail('telnet junk: the session hung'))
    d.s.destroy()
    hostile.telnet++
    await sleep(500)
  }
}

// ── watching the server ──────────────────────────────────────────────────
const watch = { rss: 0, rssMax: 0, fds: 0, fdsMax: 0 }
const sampler = setInterval(() => {
  try {
    watch.rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) * 1024
    watch.fds = readdirSync(`/proc/${server.pid}/fd`).length
    watch.rssMax = Math.max(watch.rssMax, watch.rss)
    watch.fdsMax = Math.max(watch.fdsMax, watch.fds)
  } catch {
    // not Linux, or the server is gone
  }
}, 250)
await sleep(300)
const rssStart = watch.rss

console.log(`smallpop3 soak for ${seconds} s on Node ${process.version}: a probe, 6 random clients, a flooder, a guesser, a crowd of ${MAX_CONNECTIONS + 10}, endless lines and telnet junk`)
await Promise.all([probing(), flooding(), guessing(), crowding(), hostiles(), ...users.filter(u => u.startsWith('random')).map(randomSessions)].map(p => p.catch(err => fail(err.message))))
clearInterval(sampler)
server.kill('SIGINT')
await once(server, 'exit')

const changed = users.filter(u => !readFileSync(join(work, `${u}.mbox`)).equals(original))
const sorted = probe.samples.sort((a, b) => a - b)
const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0
const mb = n => `${(n / (1 << 20)).toFixed(1)} MB`
console.log(`random sessions: ${seen.sessions}, ${seen.lines} lines, ${seen.replies} replies`)
console.log(`flooder: ${flood.rounds} rounds, ${mb(flood.written)} written without reading, ${flood.answered} replies read back, one per line`)
console.log(`guesser: ${guess.tries} wrong passwords in ${seconds} s (${(guess.tries / seconds).toFixed(1)} a second)`)
console.log(`crowd: ${crowd.rounds} rounds, ${crowd.greeted} greeted, ${crowd.refused} refused with -ERR [SYS/TEMP] (and ${refusals.count} other clients refused, then served)`)
console.log(`hostile: ${hostile.endless} endless lines cut off, ${hostile.telnet} telnet junk sessions ended with QUIT`)
console.log(`probe STAT latency: ${probe.samples.length} samples, p99 ${p99.toFixed(1)} ms, worst ${probe.worst.toFixed(1)} ms`)
console.log(`server: RSS ${mb(rssStart)} at start, ${mb(watch.rssMax)} at most; ${watch.fdsMax} descriptors at most; ${seen.logLines} log entries, ${seen.dropped} dropped`)
console.log(`maildrops unchanged: ${changed.length ? `NO (${changed.join(', ')})` : 'yes'}; bugs hit: ${seen.bugs}; server ${died || 'stayed up'}`)
for (const w of seen.wrong) console.log(`  wrong: ${w}`)
process.exitCode = seen.wrong.length || changed.length || seen.bugs || died ? 1 : 0
