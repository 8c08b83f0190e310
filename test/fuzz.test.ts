// Random and hostile input (fast-check): the line reader, the telnet filter and the dispatcher never
// throw and agree with a plain reference; a real server answers every complete line exactly once, in
// order, and leaves the maildrop as it was unless a QUIT committed deletions. Bounded runs: the longer
// soak is `npm run soak`.
import t from 'tap'
import fc from 'fast-check'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { COMMANDS, dispatch, type SessionContext } from '../dist/commands.js'
import { translator } from '../dist/i18n/index.js'
import { LineReader, MAX_LINE_OCTETS } from '../dist/line-reader.js'
import { LineMasker } from '../dist/secrets.js'
import { statusLine } from '../dist/responder.js'
import { MAX_SUBNEGOTIATION, TelnetFilter } from '../dist/telnet.js'
import { RawClient, loggedIn, testServer, unstuff, type TestServer } from './helpers.js'

const tr = translator('en')

/** Bytes where line ends, NULs, CRs, telnet's 255 and text all turn up often. */
const byte = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 10, 13, 255, 250, 240, 253, 251) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
)
const bytes = (maxLength: number): fc.Arbitrary<Buffer> => fc.array(byte, { maxLength }).map(a => Buffer.from(a))
/** Text with line ends of every kind, CR NUL and lone CRs among them. */
const text = fc.array(fc.oneof(bytes(30), fc.constantFrom('\r\n', '\n', '\r\0', '\r', '\0', '\r\r\n').map(e => Buffer.from(e, 'latin1'))), { maxLength: 60 }).map(parts => Buffer.concat(parts))
/** Where to cut: at random places, or every n bytes (telnet in character mode sends one at a time). */
const cutting = fc.oneof(fc.array(fc.nat(), { maxLength: 30 }), fc.integer({ min: 1, max: 7 }))

/** Cuts `input` into pieces at the given places, or every `cuts` bytes. */
function split(input: Buffer, cuts: number[] | number): Buffer[] {
  if (typeof cuts === 'number') cuts = Array.from({ length: Math.ceil(input.length / cuts) }, (_, i) => i * (cuts as number))
  const at = [...new Set(cuts.map(c => c % (input.length + 1)))].sort((a, b) => a - b)
  const pieces: Buffer[] = []
  let from = 0
  for (const c of [...at, input.length]) {
    pieces.push(input.subarray(from, c))
    from = c
  }
  return pieces
}

/** What the line reader must make of `input`, read all at once, by the rules written out plainly. */
function referenceLines(input: Buffer): { text: string; octets: number; tooLong: boolean }[] {
  const lines = []
  let start = 0
  for (let i = 0; i < input.length; i++) {
    const end = input[i] === 10 || (input[i] === 0 && i > start && input[i - 1] === 13)
    if (!end) continue
    const content = input.subarray(start, i)
    const octets = content.length + 1
    const tooLong = octets > MAX_LINE_OCTETS
    let kept = content.subarray(0, MAX_LINE_OCTETS)
    if (!tooLong && kept[kept.length - 1] === 13) kept = kept.subarray(0, -1)
    lines.push({ text: kept.toString('latin1'), octets, tooLong })
    start = i + 1
  }
  return lines
}

t.test('line reader: the same lines as the reference, in any chunking', async t => {
  fc.assert(
    fc.property(fc.oneof(text, bytes(2000), fc.integer({ min: 200, max: 3000 }).map(n => Buffer.from('x'.repeat(n) + '\r\0'))), cutting, (input, cuts) => {
      const r = new LineReader()
      const got = []
      for (const piece of split(input, cuts)) {
        r.push(piece)
        for (let line = r.next(); line; line = r.next()) got.push({ text: line.bytes.toString('latin1'), octets: line.octets, tooLong: line.tooLong })
      }
      const want = referenceLines(input)
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
      for (const l of got) if (Buffer.byteLength(l.text, 'latin1') > MAX_LINE_OCTETS) throw new Error('a line kept more than the cap')
    }),
    { numRuns: 2000 },
  )
  t.pass('2,000 random inputs and chunkings')
})

t.test('line reader: a line without end is given up once, and holds no more than the cap', async t => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 3, max: 40 }), (kb, pieces) => {
      const r = new LineReader()
      const piece = Buffer.alloc(kb * 1024, 'y')
      const endless = []
      for (let i = 0; i < pieces; i++) {
        r.push(piece)
        for (let line = r.next(); line; line = r.next()) if (line.endless) endless.push(line)
        if (r.pending > 64 * 1024 + piece.length) throw new Error(`pending ${r.pending}`)
      }
      const total = kb * 1024 * pieces
      if (total > 64 * 1024 && endless.length === 0) throw new Error('never given up')
      if (endless.some(l => l.bytes.length > MAX_LINE_OCTETS || !l.tooLong)) throw new Error('an endless line kept too much')
    }),
    { numRuns: 200 },
  )
  t.pass('200 endless lines in pieces of 1 to 64 kB')
})

/** IAC sequences of every kind, among data. */
const telnetInput = fc
  .array(
    fc.oneof(
      bytes(20),
      fc.constantFrom(...[[255, 253, 3], [255, 253, 1], [255, 251, 24], [255, 255], [255, 244], [255, 250, 24, 1, 255, 240], [255, 250], [255, 250, 255], [255]].map(a => Buffer.from(a))),
      fc.integer({ min: 1, max: 200 }).map(n => Buffer.concat([Buffer.from([255, 250]), Buffer.alloc(n, 'z')])),
    ),
    { maxLength: 20 },
  )
  .map(parts => Buffer.concat(parts))

t.test('telnet filter: the same in any chunking; no 255, no change; it never holds more than a line', async t => {
  const whole = (input: Buffer): { data: Buffer; answer: Buffer; cuts: number } => {
    const f = new TelnetFilter()
    const out = f.push(input)
    return { data: out.data, answer: out.answer ?? Buffer.alloc(0), cuts: out.cuts?.length ?? 0 }
  }
  fc.assert(
    fc.property(telnetInput, cutting, bytes(200), (input, cuts, tail) => {
      const f = new TelnetFilter()
      const data: Buffer[] = []
      const answers: Buffer[] = []
      let cut = 0
      for (const piece of split(input, cuts)) {
        const out = f.push(piece)
        data.push(out.data)
        if (out.answer) answers.push(out.answer)
        for (const c of out.cuts ?? []) {
          if (c.skipped > MAX_SUBNEGOTIATION + 1) throw new Error(`skipped ${c.skipped}`)
          cut++
        }
      }
      const w = whole(input)
      if (!Buffer.concat(data).equals(w.data) || !Buffer.concat(answers).equals(w.answer) || cut !== w.cuts) throw new Error('depends on the chunking')
      if (w.answer.length % 3) throw new Error('answers come in threes')
      const clean = Buffer.from(tail.filter(b => b !== 255))
      if (!whole(clean).data.equals(clean)) throw new Error('data without 255 changed')
      // after anything, two line ends bring back plain data
      const after = whole(Buffer.concat([input, Buffer.from('\n\n'), clean])).data
      if (!after.subarray(after.length - clean.length).equals(clean)) throw new Error('swallowed more than a line')
    }),
    { numRuns: 2000 },
  )
  t.pass('2,000 random inputs')
})

t.test('dispatcher: any line in any state gets a command or an error from the catalogue, and a status line that fits', async t => {
  fc.assert(
    fc.property(fc.oneof(bytes(300), fc.constantFrom('USER guest', 'pass x y', 'LIST  1', 'TOP 1', 'RETR 99999999999999999999', 'APOP a b c', 'capa', 'Stls').map(s => Buffer.from(s))), fc.constantFrom('AUTHORIZATION', 'TRANSACTION', 'UPDATE' as const), (line, state) => {
      const parsed = dispatch(line, state, tr)
      if ('error' in parsed) {
        if (!tr.has(parsed.error.key) || !tr.has(`${parsed.error.key}.explain`)) throw new Error(`no catalogue entry ${parsed.error.key}`)
        const status = statusLine(parsed.error, tr)
        if (Buffer.byteLength(status) > 510 || /[\r\n]/.test(status)) throw new Error(`bad status line ${status}`)
      } else if (!parsed.command.states.includes(state)) throw new Error('a command let through in the wrong state')
    }),
    { numRuns: 5000 },
  )
  t.pass('5,000 random lines')
})

t.test('with --require-tls on a plain connection, no line gets through as a verb that sends credentials', async t => {
  const credentials = fc.constantFrom('USER guest', 'PASS visitor', 'APOP guest 0', 'AUTH', 'AUTH PLAIN', 'auth plain AGd1ZXN0AHZpc2l0b3I=', 'Pass x', 'uSeR a')
  fc.assert(
    fc.property(fc.oneof(bytes(300), credentials.map(s => Buffer.from(s))), fc.constantFrom('AUTHORIZATION', 'TRANSACTION', 'UPDATE' as const), (line, state) => {
      const parsed = dispatch(line, state, tr, true)
      if ('command' in parsed && parsed.command.credentials) throw new Error(`${parsed.verb} let through`)
    }),
    { numRuns: 5000 },
  )
  t.pass('5,000 random lines')
})

t.test('any line as the response to AUTH\'s "+ " gets a reply from the catalogue, and its event never shows it', async t => {
  const auth = COMMANDS.find(c => c.verb === 'AUTH')!
  const ctx: SessionContext = {
    state: 'AUTHORIZATION', deleted: new Set(), secure: false, tlsAvailable: true, requireTls: false, stamp: '<1@x>', implementation: 'x', t: tr,
    findAccount: user => (user === 'guest' ? { user, password: 'visitor', mailbox: '/nonexistent' } : undefined),
    openMaildrop: () => Promise.reject(new Error('no maildrop here')),
  }
  const b64 = fc.string({ maxLength: 40 }).map(s => Buffer.from(s).toString('base64'))
  const response = fc.oneof(bytes(300), b64.map(s => Buffer.from(s)), fc.constantFrom('*', '=', 'QUIT', '', ' ').map(s => Buffer.from(s)))
  await fc.assert(
    fc.asyncProperty(response, async bytes => {
      const reply = await auth.respond!(ctx, bytes.toString('utf8'))
      if (!tr.has(reply.key)) throw new Error(`no catalogue entry ${reply.key}`)
      if (reply.ok) throw new Error('a random response logged in')
      const view = new LineMasker(false).response({ bytes, octets: bytes.length + 2 } as never, auth)
      if (bytes.toString() !== '*' && (view.raw !== '********' || !view.masked)) throw new Error(`shown: ${view.raw}`)
    }),
    { numRuns: 3000 },
  )
  t.pass('3,000 random responses')
})

// ── a real server, raw sockets ─────────────────────────────────────────────

const n = fc.integer({ min: 0, max: 9 })
const line: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom('USER guest', 'PASS visitor', 'PASS wrong', 'STAT', 'NOOP', 'RSET', 'LIST 1', 'user guest', 'APOP guest 0', 'LIST', 'UIDL', 'CAPA') },
  { weight: 4, arbitrary: n.map(i => `DELE ${i}`) },
  { weight: 2, arbitrary: n.map(i => `RETR ${i}`) },
  { weight: 2, arbitrary: fc.tuple(n, fc.integer({ min: 0, max: 5 })).map(([i, k]) => `TOP ${i} ${k}`) },
  { weight: 1, arbitrary: n.map(i => `UIDL ${i}`) },
  // garbage: NULs, invalid UTF-8, control bytes; no CR (it could pair with a NUL) and no 255 (telnet), so lines can be counted
  { weight: 3, arbitrary: fc.array(fc.integer({ min: 0, max: 254 }).filter(b => b !== 10 && b !== 13), { maxLength: 40 }).map(a => Buffer.from(a)) },
  { weight: 1, arbitrary: fc.integer({ min: 250, max: 60_000 }).map(k => 'h'.repeat(k)) },
).map(l => Buffer.from(l))

/** Whether a +OK to this line (without its end) comes with a body: asked of the command table itself. */
function multiLine(text: Buffer): boolean {
  const parsed = dispatch(text, 'TRANSACTION', tr)
  if (!('command' in parsed)) return false
  return ['CAPA', 'RETR', 'TOP'].includes(parsed.verb) || (['LIST', 'UIDL'].includes(parsed.verb) && parsed.args.length === 0)
}
const ending = fc.constantFrom('\r\n', '\n', '\r\0')

/** A session: maybe a login first, lines, each with its end, maybe a last QUIT, sent in random pieces with random pauses. */
const session = fc.record({
  login: fc.boolean(),
  lines: fc.array(fc.tuple(line, ending), { maxLength: 25 }),
  quit: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 12 }),
  pauses: fc.array(fc.constantFrom(0, 0, 1, 5), { maxLength: 12 }),
})

async function messages(server: TestServer): Promise<Buffer[]> {
  const c = await loggedIn(server)
  const [, count] = /^\+OK (\d+)/.exec(await c.cmd('STAT'))!
  const out = []
  for (let i = 1; i <= Number(count); i++) {
    await c.cmd(`RETR ${i}`)
    out.push(unstuff(await c.multi()))
  }
  await c.cmd('QUIT')
  await c.closedByServer()
  return out
}

t.test('server: every complete line answered exactly once, in order; the maildrop kept unless QUIT committed', async t => {
  let disconnects = 0
  let bugs = 0
  const server = await testServer(undefined, {
    loginDelay: { max: 0 }, // the brake on guessing has its own tests; here it would only slow the runs
    onEvent: e => {
      if (e.type === 'disconnect') disconnects++
      if (e.type === 'reply' && e.key === 'server.bug') bugs++
    },
  })
  t.teardown(() => server.close())
  const original = join(mkdtempSync(join(tmpdir(), 'smallpop3-fuzz-')), 'guest.mbox')
  copyFileSync(server.mbox('guest'), original)
  const before = server.snapshot('guest')
  const originals = await messages(server)
  let runs = 0
  let commits = 0

  await fc.assert(
    fc.asyncProperty(session, async ({ login, lines, quit, cuts, pauses }) => {
      runs++
      const sent = [
        ...(login ? ['USER guest', 'PASS visitor'].map(l => ({ text: Buffer.from(l), end: '\r\n' })) : []),
        ...lines.map(([l, end]) => ({ text: l, end })),
        ...(quit ? [{ text: Buffer.from('QUIT'), end: '\r\n' }] : []),
      ]
      const input = Buffer.concat(sent.flatMap(l => [l.text, Buffer.from(l.end)]))
      const ended = disconnects
      const c = await RawClient.open(server.port)
      try {
        await c.line()
        const pieces = split(input, cuts)
        const sending = (async () => {
          for (const [i, piece] of pieces.entries()) {
            c.send(piece)
            if (pauses[i]) await sleep(pauses[i]!)
          }
        })()
        let loggedIn = false
        let deleted = new Set<number>()
        let committed = false
        for (const l of sent) {
          const status = await c.line(10_000)
          if (!/^(\+OK|-ERR)/.test(status)) throw new Error(`not a status line: ${status}`)
          const ok = status.startsWith('+OK')
          if (ok && multiLine(l.text)) await c.multi(10_000)
          const text = l.text.toString('latin1')
          if (ok && /^PASS /.test(text)) loggedIn = true
          if (ok && loggedIn && /^DELE \d$/.test(text)) deleted.add(Number(text.slice(5)) - 1)
          if (ok && loggedIn && text === 'RSET') deleted = new Set()
          if (ok && loggedIn && text === 'QUIT') committed = deleted.size > 0
        }
        await sending
        if (quit) await c.closedByServer()
        else await sleep(20)
        if (c.unread !== '') throw new Error(`more replies than lines: ${JSON.stringify(c.unread.slice(0, 200))}`)
        c.end()
        for (let i = 0; disconnects === ended && i < 500; i++) await sleep(10)
        if (committed) {
          commits++
          const left = await messages(server)
          const want = originals.filter((_, i) => !deleted.has(i))
          if (left.length !== want.length || left.some((m, i) => !m.equals(want[i]!))) throw new Error('the survivors are not the messages left undeleted')
          copyFileSync(original, server.mbox('guest'))
        } else if (server.snapshot('guest') !== before) throw new Error('the maildrop changed without a committed QUIT')
      } finally {
        c.end()
      }
    }),
    { numRuns: 50 },
  )
  t.equal(bugs, 0, 'no command ever hit a bug')
  t.pass(`${runs} sessions, ${commits} of them committed deletions`)
})

t.test('server: telnet junk and random bytes never hang a session; QUIT after two line ends is read', async t => {
  let bugs = 0
  const server = await testServer(undefined, { loginDelay: { max: 0 }, onEvent: e => void (e.type === 'reply' && e.key === 'server.bug' && bugs++) })
  t.teardown(() => server.close())
  const before = server.snapshot('guest')
  await fc.assert(
    fc.asyncProperty(telnetInput, fc.array(fc.nat(), { maxLength: 8 }), async (junk, cuts) => {
      const c = await RawClient.open(server.port)
      try {
        await c.line()
        for (const piece of split(Buffer.concat([junk, Buffer.from('\r\n\r\nQUIT\r\n')]), cuts)) {
          c.send(piece)
          await sleep(0)
        }
        await c.closedByServer(5000)
        if (!/\+OK goodbye\r\n$/.test(c.unread)) throw new Error(`no goodbye: ${JSON.stringify(c.unread.slice(-300))}`)
      } finally {
        c.end()
      }
    }),
    { numRuns: 40 },
  )
  t.equal(bugs, 0, 'no command ever hit a bug')
  t.equal(server.snapshot('guest'), before, 'the maildrop is untouched')
})
