// The small file operations of a login, made at once (a local disk) or on the thread pool (a
// network file system): the same results either way, errors included.
import t from 'tap'
import { mkdtempSync, readFileSync, statSync, statfsSync } from 'node:fs'
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
}

t.test('without a setting, a local disk gets the calls at once and anything unknown the thread pool', async t => {
  delete process.env.SMALLPOP3_FS
  const local = new Set([0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x794c7630])
  const known = process.platform === 'linux' && local.has(statfsSync(dir).type)
  t.equal((await smallFilesIn(dir)).atOnce, known, `${tmpdir()} is f_type 0x${statfsSync(dir).type.toString(16)}`)
  t.equal((await smallFilesIn(join(dir, 'missing'))).atOnce, false, 'a folder whose file system cannot be told: the thread pool')
})
