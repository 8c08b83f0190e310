// The small file operations of a login, made at once (a local disk) or on the thread pool (a
// network file system): the same results either way, errors included.
import t from 'tap'
import { mkdtempSync, readFileSync, readdirSync, statSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { smallFilesIn } from '../dist/small-files.js'

const dir = mkdtempSync(join(tmpdir(), 'smallpop3-small-files-'))

for (const way of ['sync', 'async']) {
  t.test(`${way}: the same results, errors as rejections`, async t => {
    process.env.SMALLPOP3_FS = way
    const files = await smallFilesIn(dir)
    t.equal(files.atOnce, way === 'sync')
    const lock = join(dir, `${way}.lock`)
    const ino = await files.create(lock, '42\n', 0o644)
    t.equal(ino, statSync(lock).ino, 'create gives the inode of the file it made')
    t.equal(readFileSync(lock, 'utf8'), '42\n', 'written whole')
    t.equal(await files.create(lock, '43\n', 0o644), undefined, 'a second create finds it taken')
    t.equal(await files.readText(lock), '42\n', 'and leaves it as it was')
    const linked = join(dir, `${way}.linked`)
    t.equal(await files.link(lock, linked), true, 'link makes a second name')
    t.equal(statSync(linked).ino, ino, 'of the same file')
    t.equal(await files.link(lock, linked), false, 'a second link finds the name taken')
    await files.unlink(linked)
    await t.rejects(files.link(join(dir, `${way}.none`), linked), { code: 'ENOENT' }, 'a missing file to link to is a rejection')
    t.equal(await files.readTextIfAny(lock), '42\n')
    t.equal(await files.readTextIfAny(join(dir, `${way}.none`)), undefined, 'a missing file is undefined, not an error')
    await t.rejects(files.readTextIfAny(join(dir, `${way}.lock`, 'under-a-file')), { code: 'ENOTDIR' }, 'other errors are rejections')
    t.equal((await files.stat(lock)).ino, ino)
    t.equal((await files.statExact(lock)).ino, BigInt(ino!))
    await files.append(join(dir, `${way}.jsonl`), 'a\n', 0o600)
    await files.append(join(dir, `${way}.jsonl`), 'b\n', 0o600)
    t.equal(readFileSync(join(dir, `${way}.jsonl`), 'utf8'), 'a\nb\n')
    t.equal(statSync(join(dir, `${way}.jsonl`)).mode & 0o777, 0o600)
    const f = await files.open(lock, 'r')
    const buf = Buffer.alloc(8)
    t.equal((await f.read(buf, 0, 8, 1)).bytesRead, 2, 'reads at a position')
    t.equal(buf.subarray(0, 2).toString(), '2\n')
    t.equal((await f.stat()).ino, ino)
    await f.close()
    await files.unlink(lock)
    await t.rejects(files.stat(lock), { code: 'ENOENT' }, 'an error is a rejection, not a throw')
    await t.rejects(files.unlink(lock), { code: 'ENOENT' })
    await t.rejects(files.create(join(dir, 'no', 'such'), '', 0o644), { code: 'ENOENT' })
    await t.rejects(files.open(lock, 'r'), { code: 'ENOENT' })
  })

  t.test(`${way}: a range of a file streamed, errors as 'error', the file closed when the reader stops`, async t => {
    process.env.SMALLPOP3_FS = way
    const files = await smallFilesIn(dir)
    const path = join(dir, `${way}.big`)
    const all = Buffer.from(Array.from({ length: 700_000 }, (_, i) => i % 251))
    writeFileSync(path, all)
    const read = async (start: number, end: number): Promise<Buffer> => {
      const parts: Buffer[] = []
      for await (const chunk of files.stream(path, start, end)) parts.push(chunk as Buffer)
      return Buffer.concat(parts)
    }
    t.ok((await read(0, all.length)).equals(all), 'the whole file, in several chunks')
    t.ok((await read(1000, 600_001)).equals(all.subarray(1000, 600_001)), 'from start up to end, excluded')
    t.equal((await read(5, 5)).length, 0, 'an empty range')
    t.ok((await read(690_000, 800_000)).equals(all.subarray(690_000)), 'a file shorter than the range: what there is')
    const missing = files.stream(join(dir, 'no-such'), 0, 10)
    await t.rejects(new Promise((resolve, reject) => missing.on('error', reject).on('end', resolve).resume()), { code: 'ENOENT' })
    const fds = () => readdirSync('/proc/self/fd').length
    const before = fds()
    const early = files.stream(path, 0, all.length)
    await new Promise(resolve => early.once('data', resolve))
    early.destroy()
    if (!early.closed) await new Promise(resolve => early.once('close', resolve))
    t.equal(fds(), before, 'no descriptor left open by a reader that stopped early')
  })
}

t.test('without a setting, a local disk gets the calls at once and anything unknown the thread pool', async t => {
  delete process.env.SMALLPOP3_FS
  const local = new Set([0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x794c7630])
  const known = process.platform === 'linux' && local.has(statfsSync(dir).type)
  t.equal((await smallFilesIn(dir)).atOnce, known, `${tmpdir()} is f_type 0x${statfsSync(dir).type.toString(16)}`)
  t.equal((await smallFilesIn(join(dir, 'missing'))).atOnce, false, 'a folder whose file system cannot be told: the thread pool')
})
