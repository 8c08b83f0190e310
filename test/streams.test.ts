// The line reader and the streaming transforms, fed in every chunking, and the mbox scanner on large lines.
import t from 'tap'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, type Transform } from 'node:stream'
import { LineReader } from '../dist/line-reader.js'
import { TelnetFilter } from '../dist/telnet.js'
import { Delivery } from '../dist/delivery.js'
import { LineEndings } from '../dist/message-stream.js'
import { openMaildrop } from '../dist/store/index.js'
import fc from 'fast-check'
import { AWKWARD, AWKWARD_DELIVERED, ROOT } from './helpers.js'

async function through(input: Buffer, make: () => Transform, size: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  for (let i = 0; i < input.length; i += size) chunks.push(input.subarray(i, i + size))
  const out: Buffer[] = []
  for await (const c of Readable.from(chunks).pipe(make())) out.push(c)
  return Buffer.concat(out)
}

const SIZES = [1, 2, 3, 5, 7, 64, 1 << 20]

t.test('LineReader: lines, CRLF and LF, the 255-octet cap, in any chunking', async t => {
  const input = Buffer.from('USER a\r\nPASS b c\nNOOP\r\0' + 'x'.repeat(300) + '\r\n' + 'y'.repeat(253) + '\r\nQUIT\r\npartial')
  for (const size of SIZES) {
    const r = new LineReader()
    const lines = []
    for (let i = 0; i < input.length; i += size) {
      r.push(input.subarray(i, i + size))
      for (let line = r.next(); line; line = r.next()) lines.push(line)
    }
    t.same(lines.map(l => (l.tooLong ? `too long ${l.octets}` : l.bytes.toString())), ['USER a', 'PASS b c', 'NOOP', 'too long 302', 'y'.repeat(253), 'QUIT'], `chunks of ${size}`)
    t.equal(r.pending, 7, 'the unfinished line waits')
  }
})

t.test('TelnetFilter: negotiations out of the data and answered, in any chunking', async t => {
  const input = Buffer.from([255, 253, 3, 255, 253, 1, 85, 255, 255, 255, 251, 24, 255, 250, 24, 1, 255, 240, 86, 255, 244, 87])
  for (const size of SIZES) {
    const f = new TelnetFilter()
    const data: Buffer[] = []
    const answers: Buffer[] = []
    for (let i = 0; i < input.length; i += size) {
      const { data: d, answer } = f.push(input.subarray(i, i + size))
      data.push(d)
      if (answer) answers.push(answer)
    }
    t.same([...Buffer.concat(data)], [85, 255, 86, 87], `chunks of ${size}: data, with IAC IAC as one 255`)
    t.same([...Buffer.concat(answers)], [255, 251, 3, 255, 252, 1, 255, 254, 24], 'WILL SGA, WONT ECHO, DONT TERMINAL-TYPE')
  }
})

t.test('LineEndings: CRLF, mboxrd unquoting and a missing last newline, in any chunking', async t => {
  const input = Buffer.from('a\nb\r\n>From x\n>>From y\n>From\n> From z\nFrom_ok\r\r\nc\rd\n>\r\n>>>\nend')
  const want = 'a\r\nb\r\nFrom x\r\n>From y\r\n>From\r\n> From z\r\nFrom_ok\r\r\nc\rd\r\n>\r\n>>>\r\nend\r\n'
  for (const size of SIZES) t.equal((await through(input, () => new LineEndings({ unquoteFrom: true }), size)).toString(), want, `chunks of ${size}`)
  const maildir = await through(input, () => new LineEndings({ unquoteFrom: false }), 3)
  t.match(maildir.toString(), /^a\r\nb\r\n>From x\r\n>>From y/, 'no unquoting for maildir')
})

t.test('on the wire: dot-stuffing and TOP in any chunking', async t => {
  const msg = Buffer.from('H: 1\r\n.H: 2\r\n\r\n.\r\nbody .\r\n..two\r\nthree\r\n')
  const wire = (top?: number) => () => new LineEndings({ unquoteFrom: false }).wire(top)
  for (const size of SIZES) {
    t.equal((await through(msg, wire(), size)).toString(), 'H: 1\r\n..H: 2\r\n\r\n..\r\nbody .\r\n...two\r\nthree\r\n', `stuffing, chunks of ${size}`)
    t.equal((await through(msg, wire(0), size)).toString(), 'H: 1\r\n..H: 2\r\n\r\n', `TOP 0, chunks of ${size}`)
    t.equal((await through(msg, wire(2), size)).toString(), 'H: 1\r\n..H: 2\r\n\r\n..\r\nbody .\r\n', `TOP 2, chunks of ${size}`)
    t.equal((await through(msg, wire(99), size)).toString(), 'H: 1\r\n..H: 2\r\n\r\n..\r\nbody .\r\n...two\r\nthree\r\n', `TOP 99, chunks of ${size}`)
    const counted = new LineEndings({ unquoteFrom: false }).wire(2)
    await through(msg, () => counted, size)
    t.same(counted.counts, { lines: 5, octets: 26, stuffed: 2 }, `what TOP 2 sent, counted for the log, chunks of ${size}`)
  }
})

/** RFC 1939 §3 on the wire, line by line, as plainly as it can be said: the reference Delivery must agree with. */
function wireReference(input: string, unquote: boolean): string {
  if (input === '') return ''
  const lines = input.split('\n')
  const last = lines.pop()!
  const out = lines.map(l => (l.endsWith('\r') ? l.slice(0, -1) : l))
  if (last !== '') out.push(last.endsWith('\r') ? last.slice(0, -1) : last)
  return out
    .map(l => (unquote && /^>{1,1000}From /.test(l) ? l.slice(1) : l))
    .map(l => (l.startsWith('.') ? `.${l}` : l) + '\r\n')
    .join('')
}

t.test('on the wire: the same bytes as the reference, for any text in any chunking', async t => {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '.', '..', '>From ', '>>From ', 'From ', '>', '\n.', '\n>From x', '\r\r\n', 'é') },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 5000 }).map(n => 'y'.repeat(n)) },
  )
  const text = fc.array(piece, { maxLength: 80 }).map(parts => parts.join(''))
  fc.assert(
    fc.property(text, fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 12 }), fc.boolean(), (input, sizes, unquote) => {
      const bytes = Buffer.from(input, 'latin1')
      const out: Buffer[] = []
      const d = new Delivery({ unquoteFrom: unquote, stuff: true, emit: b => out.push(Buffer.from(b)) })
      for (let at = 0, k = 0; at < bytes.length; k++) {
        const size = sizes[k % sizes.length]!
        d.write(bytes.subarray(at, at + size))
        at += size
      }
      d.end()
      const want = wireReference(input, unquote)
      const got = Buffer.concat(out).toString('latin1')
      if (got !== want) throw new Error(`input ${JSON.stringify(input)} in chunks of ${sizes}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`)
    }),
    { numRuns: 3000 },
  )
  t.pass('3,000 texts agree with the reference')
})

t.test('the mbox scanner: sizes equal the bytes streamed, also across its 1 MiB reads', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-scan-'))
  const long = 'L'.repeat(3 * (1 << 20) + 17) // a line longer than a read
  const quotedFar = '>'.repeat(5000) + 'From far' // beyond the unquoting cap: delivered as it is
  const parts = [
    readFileSync(AWKWARD, 'latin1'),
    `\nFrom big@example.com Mon Jan  5 11:00:00 2026\nSubject: long line\n\n${long}\n>From after the long line\n${quotedFar}\n`,
    `\nFrom crlf@example.com Mon Jan  5 11:00:00 2026\r\nSubject: x\r\n\r\n${'y'.repeat((1 << 20) - 3)}\r\n\r\n`,
  ]
  const path = join(dir, 'big.mbox')
  writeFileSync(path, parts.join(''), 'latin1')
  const md = await openMaildrop(path)
  t.teardown(() => md.release())
  t.equal(md.messages.length, AWKWARD_DELIVERED.length + 2)
  for (let i = 0; i < md.messages.length; i++) {
    const chunks: Buffer[] = []
    for await (const c of await md.open(i)) chunks.push(c)
    const got = Buffer.concat(chunks)
    t.equal(got.length, md.messages[i]!.size, `message ${i + 1}: size equals the bytes delivered`)
    if (i < AWKWARD_DELIVERED.length) t.equal(got.toString(), AWKWARD_DELIVERED[i])
  }
  const bigText = Buffer.concat(await (await md.open(AWKWARD_DELIVERED.length)).toArray()).toString('latin1')
  t.equal(bigText, `Subject: long line\r\n\r\n${long}\r\nFrom after the long line\r\n${quotedFar}\r\n`)
})

t.test('a file that is not an mbox is refused at login with a clear reason', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-scan-'))
  const path = join(dir, 'notes.txt')
  writeFileSync(path, '\nthese are notes\nFrom me\n')
  await t.rejects(openMaildrop(path), { code: 'EMAILDROP', message: /line 2 comes before the first "From " line/ })
})

t.test('the scanner agrees with mbox-reader, an independent mbox parser', async t => {
  const { mboxReader } = await import('mbox-reader')
  const { createReadStream } = await import('node:fs')
  for (const file of [AWKWARD, join(ROOT, 'mbox.mail'), join(ROOT, 'mailboxes', 'busy.mbox')]) {
    const theirs: string[] = []
    for await (const m of mboxReader(createReadStream(file))) theirs.push(m.content.toString('latin1'))
    const md = await openMaildrop(file)
    t.equal(md.messages.length, theirs.length, `${file}: same number of messages`)
    for (let i = 0; i < theirs.length; i++) {
      const ours = Buffer.concat(await (await md.open(i)).toArray()).toString('latin1')
      // mbox-reader joins lines with LF and drops the last line end
      t.equal(ours.replace(/\r\n/g, '\n'), theirs[i]! === '' ? '' : theirs[i] + '\n', `${file} message ${i + 1}`)
    }
    await md.release()
  }
})

t.test('Delivery passes on a chunk that needs no change as it came, and copies one that does', async t => {
  const seen: Buffer[] = []
  const d = new Delivery({ unquoteFrom: true, stuff: true, emit: b => seen.push(b) })
  const clean = Buffer.from('A: 1\r\n\r\nbody\r\nno dot. no From\r\n')
  const changed = Buffer.from('x\n.y\r\n>From z\r\n')
  d.write(clean)
  d.write(changed)
  d.end()
  t.equal(seen[0], clean, 'the same Buffer, not a copy')
  t.not(seen[1], changed)
  t.equal(seen[1]!.toString(), 'x\r\n..y\r\nFrom z\r\n')
  t.same({ lines: d.lines, octets: d.octets, stuffed: d.stuffed }, { lines: 7, octets: clean.length + 'x\r\n.y\r\nFrom z\r\n'.length, stuffed: 1 })
})
