// The benchmark's accounts and mbox files, and what a POP3 server must send for them.
// A folder holds `maillist` (smallpop3's format: user password file) and one `<user>.mbox` per
// account, like a flat /var/mail; every account of a folder holds the same messages.
import { closeSync, copyFileSync, cpSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'

const FROM_LINE = 'From bench@example.com Mon Jan  5 10:00:00 2026\n'
const WORDS = 'the quick brown fox jumps over a lazy dog while POP3 servers count octets and stuff dots'.split(' ')

/** A message of about `size` bytes (LF line ends), whose line `dotLine` (if any) starts with a dot. */
export function message(i, size, dotLine = -1) {
  const head = `From: Bench Sender <bench@example.com>\nTo: user@example.com\nSubject: benchmark message ${i}\nDate: Mon, 05 Jan 2026 10:00:00 +0000\nMessage-ID: <${i}.${size}@bench.example>\n\n`
  const lines = []
  let length = head.length
  for (let n = 0; length < size; n++) {
    const line = (n === dotLine ? '.' : '') + Array.from({ length: 12 }, (_, w) => WORDS[(i + n + w) % WORDS.length]).join(' ') + '\n'
    lines.push(line)
    length += line.length
  }
  return head + lines.join('')
}

/** RFC 1939 section 3: CRLF line ends and dot-stuffing; the multi-line terminator is added by `expectation`. */
export function wire(text) {
  return Buffer.from(text.replace(/\n/g, '\r\n').replace(/^\./gm, '..'), 'latin1')
}

/** What STAT, LIST and RETR must answer for these messages: octets (CRLF, unstuffed) and the RETR body's length and CRC-32. */
export function expectation(messages) {
  const sizes = messages.map(m => Buffer.byteLength(m, 'latin1') + (m.match(/\n/g)?.length ?? 0))
  const bodies = messages.map(m => Buffer.concat([wire(m), Buffer.from('.\r\n')]))
  return { count: messages.length, octets: sizes.reduce((a, b) => a + b, 0), sizes, retr: bodies.map(b => ({ length: b.length, crc: crc32(b) })) }
}

/** An mbox file: each message after its From_ line, a blank line after each (RFC 4155). */
function mbox(messages) {
  return Buffer.from(messages.map(m => FROM_LINE + m + '\n').join(''), 'latin1')
}

/** `count` accounts user<first>..; returns their names and passwords and what their maildrop holds. */
export function writeFolder(dir, { count, first = 0, messages }) {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'template.mbox')
  writeFileSync(file, mbox(messages))
  const accounts = Array.from({ length: count }, (_, i) => ({ user: `user${first + i}`, pass: `pw${first + i}` }))
  for (const a of accounts) copyFileSync(file, join(dir, `${a.user}.mbox`))
  writeFileSync(join(dir, 'maillist'), accounts.map(a => `${a.user} ${a.pass} ${a.user}.mbox`).join('\n') + '\n')
  return { dir, accounts, expect: expectation(messages) }
}

/** The bundled sample (maillist, mbox.mail, mailboxes/), copied so that the server's transcripts land in `dir`. */
export function copySample(root, dir) {
  mkdirSync(dir, { recursive: true })
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(root, name), join(dir, name), { recursive: true })
  return { dir }
}

/** One account `big` with one message of `mib` MiB, written block by block; its RETR body's length and CRC-32 computed the same way. */
export function writeBigFolder(dir, mib) {
  mkdirSync(dir, { recursive: true })
  const head = 'From: Bench Sender <bench@example.com>\nSubject: a big one\n\n'
  const line = '.A line of the big message, with a leading dot to be stuffed on the way out: 0123456789\n'
  const block = Buffer.from(line.repeat(Math.floor((1 << 20) / line.length)), 'latin1')
  const wireBlock = wire(block.toString('latin1'))
  const fd = openSync(join(dir, 'big.mbox'), 'w')
  writeSync(fd, FROM_LINE + head)
  const headWire = wire(head)
  let crc = crc32(headWire)
  let length = headWire.length
  let octets = Buffer.byteLength(head) + 3
  for (let i = 0; i < mib; i++) {
    writeSync(fd, block)
    crc = crc32(wireBlock, crc)
    length += wireBlock.length
    octets += block.length + block.length / line.length
  }
  writeSync(fd, '\n')
  closeSync(fd)
  const end = Buffer.from('.\r\n')
  writeFileSync(join(dir, 'maillist'), 'big bigpw big.mbox\n')
  return { dir, accounts: [{ user: 'big', pass: 'bigpw' }], expect: { count: 1, octets, sizes: [octets], retr: [{ length: length + 3, crc: crc32(end, crc) }] } }
}
