#!/usr/bin/env node
// npm run bench: speed and memory figures, printed, never asserted.
//   node bench/run.js [--message-mb 1024] [--mbox-mb 200] [--mbox-messages 20000] [--idle 2000]
// Every connection goes to 127.0.0.1 only; each step is bounded and ends by itself.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../bin/smallpop3.js', import.meta.url))
const { values } = parseArgs({
  options: {
    'message-mb': { type: 'string', default: '1024' },
    'mbox-mb': { type: 'string', default: '200' },
    'mbox-messages': { type: 'string', default: '20000' },
    idle: { type: 'string', default: '2000' },
  },
})
const work = mkdtempSync(join(tmpdir(), 'smallpop3-bench-'))
process.on('exit', () => rmSync(work, { recursive: true, force: true }))
const mb = n => `${(n / (1 << 20)).toFixed(1)} MB`

function rss(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) * 1024 : 0
}

async function server(maillist) {
  const started = process.hrtime.bigint()
  const child = spawn(process.execPath, [BIN, '--port', '0', '--maillist', maillist, '--log', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let err = ''
  child.stderr.on('data', d => (err += d))
  while (!/Listening on 127\.0\.0\.1:(\d+)/.test(err)) {
    await Promise.race([once(child.stderr, 'data'), once(child, 'exit').then(() => { throw new Error(err) })])
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  return { child, port: Number(/Listening on 127\.0\.0\.1:(\d+)/.exec(err)[1]), startMs: ms }
}

/** A minimal client that hands each received chunk to `onData`. */
async function client(port, onData) {
  const s = connect(port, '127.0.0.1')
  await once(s, 'connect')
  let buf = ''
  const waiters = []
  s.on('data', d => {
    if (onData && onData(d)) return
    buf += d.toString('latin1')
    while (waiters.length && buf.includes('\r\n')) {
      const i = buf.indexOf('\r\n')
      const line = buf.slice(0, i)
      buf = buf.slice(i + 2)
      waiters.shift()(line)
    }
  })
  const line = () => new Promise(r => waiters.push(r))
  await line()
  return { s, cmd: t => (s.write(t + '\r\n'), line()), line }
}

function writeMaillist(dir, mailbox) {
  const path = join(dir, 'maillist')
  const fd = openSync(path, 'w')
  writeSync(fd, `guest visitor ${mailbox}\n`)
  closeSync(fd)
  return path
}

async function bigMessage() {
  const size = Number(values['message-mb']) << 20
  const dir = join(work, 'big')
  mkdirSync(dir)
  const mbox = join(dir, 'big.mbox')
  const fd = openSync(mbox, 'w')
  writeSync(fd, 'From bench@example.com Mon Jan  5 10:00:00 2026\nSubject: a big one\n\n')
  const line = '.A line of the big message, with a leading dot to be stuffed on the way out: 0123456789\n'
  const block = Buffer.from(line.repeat(Math.floor((1 << 20) / line.length)))
  // what must arrive after the +OK line: CRLF line ends, every line dot-stuffed, then the terminator
  const want = createHash('sha256').update('Subject: a big one\r\n\r\n')
  const wireBlock = Buffer.from(block.toString().replace(/\n/g, '\r\n').replace(/^\./gm, '..'))
  for (let written = 0; written < size; written += block.length) {
    writeSync(fd, block)
    want.update(wireBlock)
  }
  want.update('.\r\n')
  closeSync(fd)

  const { child, port } = await server(writeMaillist(dir, 'big.mbox'))
  const base = rss(child.pid)
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, rss(child.pid))), 50)
  let received = 0
  let done
  const finished = new Promise(r => (done = r))
  const hash = createHash('sha256')
  let retrieving = false
  let status = '' // the +OK line, before the body
  let tail = Buffer.alloc(0)
  const c = await client(port, d => {
    if (!retrieving) return false
    if (!status.endsWith('\r\n')) {
      const nl = d.indexOf('\r\n')
      status += d.subarray(0, nl === -1 ? d.length : nl + 2).toString('latin1')
      if (nl === -1) return true
      d = d.subarray(nl + 2)
    }
    received += d.length
    hash.update(d)
    tail = Buffer.concat([tail, d]).subarray(-5)
    if (tail.toString() === '\r\n.\r\n') done()
    return true
  })
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  const list = await c.cmd('LIST 1')
  const t0 = process.hrtime.bigint()
  retrieving = true
  c.s.write('RETR 1\r\n')
  await finished
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  clearInterval(timer)
  c.s.destroy()
  child.kill('SIGINT')
  await once(child, 'exit')
  const identical = hash.digest('hex') === want.digest('hex')
  console.log(`RETR of one ${mb(size)} message (${list}): ${secs.toFixed(1)} s, ${(received / (1 << 20) / secs).toFixed(0)} MB/s; bytes ${identical ? 'identical' : 'DIFFERENT'} to the file (CRLF and dot-stuffing aside)`)
  console.log(`  server memory (RSS): ${mb(base)} before, ${mb(peak)} at most during the transfer`)
  rmSync(dir, { recursive: true, force: true })
}

async function bigMbox() {
  const total = Number(values['mbox-mb']) << 20
  const count = Number(values['mbox-messages'])
  const dir = join(work, 'mbox')
  mkdirSync(dir)
  const fd = openSync(join(dir, 'many.mbox'), 'w')
  const per = Math.floor(total / count)
  const bodyLine = 'Some body text of a message in a large mbox file, for the benchmark.\n'
  let expected = 0 // octets as delivered: every LF becomes CRLF, the From line and the separator drop
  for (let i = 0; i < count; i++) {
    const from = `From user${i}@example.com Mon Jan  5 10:00:00 2026\n`
    const head = `Subject: message ${i}\nMessage-ID: <${i}@bench>\n\n`
    const body = bodyLine.repeat(Math.max(1, Math.floor((per - from.length - head.length) / bodyLine.length)))
    writeSync(fd, from + head + body + '\n')
    const message = head + body
    expected += message.length + message.split('\n').length - 1
  }
  closeSync(fd)
  const { child, port } = await server(writeMaillist(dir, 'many.mbox'))
  const c = await client(port)
  await c.cmd('USER guest')
  const t0 = process.hrtime.bigint()
  const ok = await c.cmd('PASS visitor')
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  const peak = rss(child.pid)
  await c.cmd('QUIT')
  child.kill('SIGINT')
  await once(child, 'exit')
  const right = ok.includes(`has ${count} messages (${expected} octets)`)
  console.log(`login to an mbox of ${mb(total)} with ${count} messages: ${secs.toFixed(2)} s (${ok}; sizes ${right ? 'right' : `WRONG, expected ${expected}`})`)
  console.log(`  server memory (RSS) after the login: ${mb(peak)}`)
  rmSync(dir, { recursive: true, force: true })
}

async function idleConnections() {
  const n = Number(values.idle)
  const dir = join(work, 'idle')
  mkdirSync(dir)
  const mbox = join(dir, 'g.mbox')
  const fd = openSync(mbox, 'w')
  writeSync(fd, 'From a@b Mon Jan  5 10:00:00 2026\nSubject: hi\n\nhello\n')
  closeSync(fd)
  const { child, port, startMs } = await server(writeMaillist(dir, 'g.mbox'))
  console.log(`start-up to listening: ${startMs.toFixed(0)} ms`)
  const base = rss(child.pid)
  const sockets = []
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < n; i++) {
    const c = await client(port)
    sockets.push(c.s)
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  const with_ = rss(child.pid)
  sockets.forEach(s => s.destroy())
  child.kill('SIGINT')
  await once(child, 'exit')
  console.log(`${n} idle connections (each greeted): opened in ${secs.toFixed(1)} s; server RSS ${mb(base)} → ${mb(with_)} (${((with_ - base) / n / 1024).toFixed(1)} kB each)`)
}

console.log(`smallpop3 benchmark on Node ${process.version}, ${process.platform}/${process.arch}`)
await idleConnections()
await bigMbox()
await bigMessage()
