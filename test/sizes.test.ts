// Sizes: the octets announced (LIST, the RETR status line) are the octets sent, in both stores,
// for random messages, and Delivery gives the same bytes however its input is cut (issue 7, item 3).
import t from 'tap'
import fc from 'fast-check'
import { deepStrictEqual, equal, match } from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Delivery, QUOTE_RUN_CAP } from '../dist/delivery.js'
import { startServer } from '../dist/index.js'
import { openMaildrop } from '../dist/store/index.js'
import { WorkerDelivered } from '../dist/worker-delivery.js'
import { loggedIn, unstuff, type RawClient, type StoreKind } from './helpers.js'
import type { Pop3Event } from '../dist/events.js'

const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1')

/**
 * The delivery rules written out plainly: split at LF, one CR off the end of
 * each line, one `>` off a quoted From line (mbox), CRLF after every line.
 */
function reference(stored: Buffer, unquoteFrom: boolean): Buffer {
  const lines = stored.toString('latin1').split('\n')
  if (lines.at(-1) === '') lines.pop() // the stored bytes ended in LF, or there were none
  const quoted = new RegExp(`^>{1,${QUOTE_RUN_CAP}}From `)
  return latin1(
    lines
      .map(l => (l.endsWith('\r') ? l.slice(0, -1) : l))
      .map(l => (unquoteFrom && quoted.test(l) ? l.slice(1) : l))
      .map(l => `${l}\r\n`)
      .join(''),
  )
}

/** What TOP n k must send of a delivered message: the headers, the blank line, then k lines. */
function topOf(delivered: Buffer, k: number): Buffer {
  const lines = delivered.toString('latin1').split('\r\n').slice(0, -1)
  const blank = lines.indexOf('')
  return latin1(lines.slice(0, blank === -1 ? lines.length : blank + 1 + k).map(l => `${l}\r\n`).join(''))
}

/** Pieces that broke servers, and any bytes, so that lines start and end anywhere. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.uint8Array({ maxLength: 12 }).map(a => Buffer.from(a)) },
  {
    weight: 12,
    arbitrary: fc
      .constantFrom('\r', '\n', '\r\n', '\r\r\n', '\n\r', '.', '..', '\n.\n', '\n.\r\n', '\n..x\n', 'From ', '\nFrom x\n', '\n>From y\n', '\n>>From z\n', '>', '\n>>>From \r\n', 'Subject: s\n', 'Subject: s\r\n\r\n', '\n\n', ' ')
      .map(latin1),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 70_000 }).map(n => Buffer.alloc(n, 'L')) },
)
const message = fc.oneof({ weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) }, { weight: 9, arbitrary: fc.array(piece, { maxLength: 20 }).map(p => Buffer.concat(p)) })

/** `bytes` cut at the given lengths (empty chunks too), the rest as the last chunk. */
function cut(bytes: Buffer, lengths: number[]): Buffer[] {
  const chunks: Buffer[] = []
  let i = 0
  for (const n of lengths) {
    if (i >= bytes.length) break
    chunks.push(bytes.subarray(i, i + n))
    i += n
  }
  if (i < bytes.length) chunks.push(bytes.subarray(i))
  return chunks
}

interface Line {
  start: number
  end: number
  octets: number
  head: Buffer
}

function deliver(chunks: Buffer[], unquoteFrom: boolean, headCap: number): { out: Buffer; octets: number; lines: Line[] } {
  const out: Buffer[] = []
  const lines: Line[] = []
  const d = new Delivery({
    unquoteFrom,
    emit: b => out.push(Buffer.from(b)),
    onLine: (start, end, octets, head) => lines.push({ start, end, octets, head: Buffer.from(head) }),
    headCap,
  })
  for (const c of chunks) d.write(c)
  d.end()
  return { out: Buffer.concat(out), octets: d.octets, lines }
}

t.test('Delivery: the reference bytes and their count, whatever the chunking', async t => {
  fc.assert(
    fc.property(message, fc.boolean(), fc.array(fc.nat(40)), fc.integer({ min: 1, max: 16 }), (stored, unquoteFrom, lengths, headCap) => {
      const want = reference(stored, unquoteFrom)
      const whole = deliver([stored], unquoteFrom, headCap)
      const split = deliver(cut(stored, lengths), unquoteFrom, headCap)
      deepStrictEqual(whole.out, want)
      equal(whole.octets, want.length)
      deepStrictEqual(split, whole)
      // the lines reported tile the stored bytes, each with its own delivered octets and head
      let at = 0
      for (const l of whole.lines) {
        equal(l.start, at)
        const line = stored.subarray(l.start, l.end)
        equal(l.octets, reference(line, unquoteFrom).length)
        const content = line.at(-1) === 0x0a ? line.subarray(0, -1) : line
        deepStrictEqual(l.head, content.subarray(0, headCap))
        at = l.end
      }
      equal(at, stored.length)
      equal(whole.lines.reduce((n, l) => n + l.octets, 0), whole.octets)
    }),
    { numRuns: 100 },
  )
  t.pass('100 random messages, each in random chunks')
})

t.test('Delivery: fixed cases', async t => {
  const cases: [string, string, boolean][] = [
    ['Subject: hi\r', 'Subject: hi\r\n', true], // the lone CR of the issue: 13 octets, as announced
    ['a\r\r\nb\rc\n\r', 'a\r\r\nb\rc\r\n\r\n', false],
    ['', '', true],
    ['\n', '\r\n', true],
    ['.\n..\r\n', '.\r\n..\r\n', true],
    ['>From a\n>>From b\n>Fromage\n', 'From a\r\n>From b\r\n>Fromage\r\n', true],
    ['>From a\n', '>From a\r\n', false],
    ['>'.repeat(QUOTE_RUN_CAP) + 'From x\n' + '>'.repeat(QUOTE_RUN_CAP + 1) + 'From y', '>'.repeat(QUOTE_RUN_CAP - 1) + 'From x\r\n' + '>'.repeat(QUOTE_RUN_CAP + 1) + 'From y\r\n', true],
  ]
  for (const [stored, want, unquoteFrom] of cases) {
    for (const size of [1, 2, 5, 1 << 20]) {
      const r = deliver(cut(latin1(stored), Array(stored.length).fill(size)), unquoteFrom, 8)
      t.equal(r.out.toString('latin1'), want, `${JSON.stringify(stored.slice(0, 40))} in chunks of ${size}`)
      t.equal(r.octets, want.length)
    }
  }
})

t.test('Delivery holds no long line: what it is given flows out as it comes', async t => {
  let sent = 0
  const d = new Delivery({ unquoteFrom: true, emit: b => (sent += b.length) })
  const mb = Buffer.alloc(1 << 20, 'x')
  for (let i = 0; i < 100; i++) {
    d.write(mb)
    if (sent !== (i + 1) * mb.length) break
  }
  t.equal(sent, 100 * mb.length, 'a 100 MB line, each MiB sent on')
  d.end()
  t.equal(d.octets, 100 * mb.length + 2)

  sent = 0
  const q = new Delivery({ unquoteFrom: true, emit: b => (sent += b.length) })
  for (let i = 0; i < 3 * QUOTE_RUN_CAP; i++) q.write(Buffer.from('>'))
  t.equal(sent, 3 * QUOTE_RUN_CAP, 'a run of ">" past the cap is not held, even one byte at a time')
})

const FROM_LINE = 'From sender@example Mon Jan  1 00:00:00 2024\n'

/** mboxrd: a From line, body lines matching /^>*From / quoted once more, a last LF, a blank separator. */
function toMbox(messages: Buffer[]): Buffer {
  return latin1(
    messages
      .map(m => {
        let text = m
          .toString('latin1')
          .split('\n')
          .map(l => (/^>*From /.test(l) ? `>${l}` : l))
          .join('\n')
        if (text !== '' && !text.endsWith('\n')) text += '\n'
        return `${FROM_LINE}${text}\n`
      })
      .join(''),
  )
}

/**
 * One server over one maildrop stored both ways, user "mbox" and user
 * "maildir", refilled between sessions. Maildir names are new each fill,
 * in delivery order, in new/ and cur/ by turns, so no size is remembered
 * from an earlier fill.
 */
async function bothStores(): Promise<{ port: number; fill: (messages: Buffer[], mbox?: Buffer) => void; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-sizes-'))
  let fills = 0
  const fill = (messages: Buffer[], mbox = toMbox(messages)): void => {
    writeFileSync(join(dir, 'drop.mbox'), mbox)
    for (const sub of ['cur', 'new', 'tmp']) {
      rmSync(join(dir, 'drop', sub), { recursive: true, force: true })
      mkdirSync(join(dir, 'drop', sub), { recursive: true })
    }
    fills++
    messages.forEach((m, i) => {
      const name = `${1700000000 + i}.M${i}F${fills}P1.test`
      writeFileSync(join(dir, 'drop', i % 2 ? 'cur' : 'new', i % 2 ? `${name}:2,S` : name), m)
    })
  }
  fill([])
  writeFileSync(join(dir, 'maillist'), 'mbox pw drop.mbox\nmaildir pw drop\n')
  const server = await startServer({ port: 0, maillist: join(dir, 'maillist') })
  return {
    port: server.port,
    fill,
    close: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function body(c: RawClient): Promise<Buffer> {
  return unstuff(await c.multi())
}

/**
 * Over the wire, for every message: LIST's size, the RETR status line and
 * the bytes received agree with the reference, and TOP n k is its cut.
 */
async function check(port: number, kind: StoreKind, messages: Buffer[], topLines: (i: number) => number): Promise<void> {
  const c = await loggedIn(port, kind, 'pw')
  try {
    const wants = messages.map(m => reference(m, false))
    equal(await c.cmd('STAT'), `+OK ${messages.length} ${wants.reduce((n, w) => n + w.length, 0)}`, `${kind}: STAT`)
    match(await c.cmd('LIST'), /^\+OK/)
    deepStrictEqual((await body(c)).toString('latin1'), wants.map((w, i) => `${i + 1} ${w.length}\r\n`).join(''), `${kind}: LIST`)
    for (let i = 0; i < messages.length; i++) {
      const n = i + 1
      const want = wants[i]!
      equal(await c.cmd(`LIST ${n}`), `+OK ${n} ${want.length}`, `${kind}: LIST ${n}`)
      equal(await c.cmd(`RETR ${n}`), `+OK ${want.length} octets`, `${kind}: RETR ${n} status`)
      deepStrictEqual(await body(c), want, `${kind}: RETR ${n} bytes`)
      const k = topLines(i)
      match(await c.cmd(`TOP ${n} ${k}`), /^\+OK/)
      deepStrictEqual(await body(c), topOf(want, k), `${kind}: TOP ${n} ${k}`)
    }
    await c.cmd('QUIT')
  } finally {
    c.end()
  }
}

t.test('over the wire, both stores: announced sizes are the octets sent, for RETR and TOP', async t => {
  const drop = await bothStores()
  t.teardown(() => drop.close())
  await fc.assert(
    fc.asyncProperty(fc.array(message, { maxLength: 5 }), fc.array(fc.nat(4), { minLength: 5, maxLength: 5 }), async (messages, tops) => {
      drop.fill(messages)
      for (const kind of ['mbox', 'maildir'] as StoreKind[]) await check(drop.port, kind, messages, i => tops[i]!)
    }),
    { numRuns: 30 },
  )
  t.pass('30 maildrops of up to 5 random messages, each stored both ways')
})

t.test('over the wire, fixed cases: a lone CR at the end of an mbox, a line that is only ".", TOP n 0', async t => {
  const messages = [latin1('Subject: dots\r\n\r\n.\r\n..\n.x\n'), latin1('Subject: no body'), latin1(''), latin1('Subject: hi\r')]
  // the message, last in the mbox with no LF after its lone CR: announced 13 octets, and 14 were sent
  const mbox = Buffer.concat([toMbox(messages.slice(0, -1)), latin1(`${FROM_LINE}Subject: hi\r`)])
  const drop = await bothStores()
  t.teardown(() => drop.close())
  drop.fill(messages, mbox)
  for (const kind of ['mbox', 'maildir'] as StoreKind[]) {
    for (const k of [0, 1, 5]) await check(drop.port, kind, messages, () => k)
    const c = await loggedIn(drop.port, kind, 'pw')
    t.equal(await c.cmd('LIST 4'), '+OK 4 13', `${kind}: "Subject: hi" and a lone CR are 13 octets`)
    t.equal(await c.cmd('RETR 4'), '+OK 13 octets')
    t.equal((await c.multi()).toString('latin1'), 'Subject: hi\r\n.\r\n')
    t.equal(await c.cmd('TOP 1 0'), '+OK only the headers of message 1 follow')
    t.equal((await c.multi()).toString('latin1'), 'Subject: dots\r\n\r\n.\r\n', 'TOP n 0: the headers and the blank line')
    t.equal(await c.cmd('RETR 1'), '+OK 28 octets')
    t.equal((await c.multi()).toString('latin1'), 'Subject: dots\r\n\r\n..\r\n...\r\n..x\r\n.\r\n', 'a line that is only "." is sent stuffed')
    t.equal(await c.cmd('RETR 3'), '+OK 0 octets')
    t.equal((await c.multi()).toString('latin1'), '.\r\n', 'an empty message')
    await c.cmd('QUIT')
    c.end()
  }
})

for (const kind of ['mbox', 'maildir'] as StoreKind[]) {
  t.test(`${kind}: RETR of large messages to clients at once, one slow to read: every byte right (a buffer is reused only once the socket sent it)`, async t => {
    const dir = mkdtempSync(join(tmpdir(), 'smallpop3-big-'))
    // LF line ends, dot lines and quoted From lines, so that every chunk is rewritten on its way out
    const line = (i: number): string => (i % 97 === 0 ? '.dot line ' : i % 89 === 0 ? '>From quoted ' : 'plain text ') + `${i} ${'abcdefghij'.repeat(i % 9)}\n`
    const messages = [0, 1].map(m => `Subject: big ${m}\n\n` + Array.from({ length: 60_000 + m * 7_000 }, (_, i) => line(i + m)).join(''))
    const users = ['ann', 'bob', 'cat']
    writeFileSync(join(dir, 'maillist'), users.map(u => `${u} ${u}-pw ${u}${kind === 'mbox' ? '.mbox' : ''}`).join('\n') + '\n')
    for (const u of users) {
      if (kind === 'mbox') writeFileSync(join(dir, `${u}.mbox`), messages.map(m => `From big@example.com Mon Jan  5 10:00:00 2026\n${m}\n`).join(''))
      else {
        for (const sub of ['tmp', 'new', 'cur']) mkdirSync(join(dir, u, sub), { recursive: true })
        messages.forEach((m, i) => writeFileSync(join(dir, u, 'new', `${1700000000 + i}.M${i}P1.test`), m))
      }
    }
    const server = await startServer({ port: 0, maillist: join(dir, 'maillist') })
    t.teardown(async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    })
    // an mbox's ">From " lines are quoted From lines, sent unquoted; a maildir's are what they are
    const onWire = (text: string): Buffer => {
      const unquoted = kind === 'mbox' ? text.replace(/^>From /gm, 'From ') : text
      return Buffer.from(unquoted.replace(/\n/g, '\r\n').replace(/^\./gm, '..') + '.\r\n', 'latin1')
    }
    const wire = messages.map(onWire)
    const clients = await Promise.all(users.map(u => loggedIn(server, u, `${u}-pw`)))
    if (kind === 'maildir') {
      // another reader moves ann's second message to cur/ after she logged in: the worker still finds it
      renameSync(join(dir, 'ann', 'new', '1700000001.M1P1.test'), join(dir, 'ann', 'cur', '1700000001.M1P1.test:2,S'))
    }
    const slow = clients[2]!
    // that one stops reading for a while: the server's socket fills, and it must wait, not reuse what is queued
    slow.socket.pause()
    setTimeout(() => slow.socket.resume(), 300)
    const got = (
      await Promise.all(
        clients.map(async (c, k) => {
          const out: { k: number; n: number; raw: Buffer }[] = []
          for (const n of [1, 2, 1]) out.push({ k, n, raw: (await c.cmdMulti(`RETR ${n}`)).raw })
          return out
        }),
      )
    ).flat()
    for (const { k, n, raw } of got) t.ok(raw.equals(wire[n - 1]!), `${users[k]}: RETR ${n}, ${raw.length} octets, as it should be`)
    // TOP of a message that large (the worker's cut), and one more RETR after it on the same connection
    const top = (n: number, lines: number): Buffer => {
      const [head, body] = messages[n - 1]!.split('\n\n')
      return onWire([head, '', ...body!.split('\n').slice(0, lines)].join('\n') + '\n')
    }
    for (const lines of [0, 1, 97, 300]) t.ok((await clients[0]!.cmdMulti(`TOP 2 ${lines}`)).raw.equals(top(2, lines)), `TOP 2 ${lines}`)
    t.ok((await clients[0]!.cmdMulti('RETR 2')).raw.equals(wire[1]!), 'RETR 2 after them')
    if (kind === 'maildir') {
      // a message gone for good, large or small, is an -ERR before any byte of it, and the session goes on
      rmSync(join(dir, 'bob', 'new', '1700000001.M1P1.test'))
      t.match(await clients[1]!.cmd('RETR 2'), /^-ERR \[SYS\/TEMP\] /, 'a large message removed: -ERR')
      t.equal(await clients[1]!.cmd('NOOP'), '+OK', 'and the session goes on')
    }
    for (const c of clients) c.end()
  })
}

t.test('maildir: a large message goes to the worker open, so one another reader moves before it is read is still the one read', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-moved-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  for (const sub of ['tmp', 'new', 'cur']) mkdirSync(join(dir, sub))
  const text = 'Subject: large\n\n' + 'a line of a message large enough for the worker\n'.repeat(20_000)
  writeFileSync(join(dir, 'new', '1700000000.M1P1.test'), text)
  const md = await openMaildrop(dir)
  t.teardown(() => md.release())
  const body = await md.open(0)
  t.ok(body instanceof WorkerDelivered, 'delivered by the worker')
  // between open() (its +OK goes out then) and the worker's first read, a mail client marks it seen
  renameSync(join(dir, 'new', '1700000000.M1P1.test'), join(dir, 'cur', '1700000000.M1P1.test:2,S'))
  const chunks: Buffer[] = []
  for await (const chunk of body) chunks.push(Buffer.from(chunk))
  t.ok(Buffer.concat(chunks).equals(Buffer.from(text.replace(/\n/g, '\r\n'))), 'every byte, from the file it opened')
  // a reader given up before it reads closes the file it holds: nothing is left open
  const fds = readdirSync('/proc/self/fd').length
  for (let i = 0; i < 20; i++) (await md.open(0)).destroy()
  await new Promise(r => setTimeout(r, 50))
  t.equal(readdirSync('/proc/self/fd').length, fds, 'no descriptor left behind by 20 readers never read')
})

t.test('a message whose file is gone when it is sent: the connection closes on an error that names it, a small message as one the worker sends', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-gone-'))
  const bodies = { ann: 'Subject: small\n\nshort\n', bob: 'Subject: large\n\n' + 'a line of a message large enough for the worker\n'.repeat(20_000) }
  writeFileSync(join(dir, 'maillist'), 'ann ann-pw ann.mbox\nbob bob-pw bob.mbox\n')
  for (const [user, body] of Object.entries(bodies)) writeFileSync(join(dir, `${user}.mbox`), `From x@example.com Mon Jan  5 10:00:00 2026\n${body}\n`)
  const events: Pop3Event[] = []
  const server = await startServer({ port: 0, maillist: join(dir, 'maillist'), onEvent: e => events.push(e) })
  t.teardown(async () => {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  })
  for (const user of Object.keys(bodies)) {
    const c = await loggedIn(server, user, `${user}-pw`)
    rmSync(join(dir, `${user}.mbox`))
    c.send('RETR 1\r\n')
    await c.closedByServer()
    let gone: Pop3Event | undefined
    for (let i = 0; i < 200 && !gone; i++, await new Promise(r => setTimeout(r, 10))) gone = events.find(e => e.type === 'disconnect' && e.user === user)
    t.match(gone, { reason: 'error', detail: /ENOENT/ }, `${user}: the session ends on an error that names it`)
  }
})
