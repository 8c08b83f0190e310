// Folders made with their parents (lib/folders.ts): what `mkdir -p` does, and an answer, never a hang,
// where Node's own recursive mkdir spins for ever (a folder under /proc, past a link to nothing).
import t from 'tap'
import { existsSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeFolder, makeFolderSync } from '../dist/folders.js'

const dir = mkdtempSync(join(tmpdir(), 'smallpop3-folders-'))
writeFileSync(join(dir, 'a-file'), '')
symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling'))

const ways = {
  async: makeFolder,
  sync: async (path: string, mode?: number) => makeFolderSync(path, mode),
}

for (const [way, make] of Object.entries(ways)) {
  t.test(`${way}: makes the folder and its missing parents, with the mode asked for; one that is there is fine`, async t => {
    const deep = join(dir, way, 'a', 'b', 'c')
    await make(deep, 0o700)
    t.ok(statSync(deep).isDirectory())
    for (const p of [join(dir, way, 'a'), deep]) t.equal(statSync(p).mode & 0o777, 0o700, `${p}: 700`)
    await make(deep, 0o700)
    await make(join(dir, way, 'a', '..', 'a', 'd'))
    t.ok(existsSync(join(dir, way, 'a', 'd')), 'a path with .. in it')
    await make(`${join(dir, way, 'rel')}/`)
    t.ok(existsSync(join(dir, way, 'rel')), 'a trailing slash')
  })

  t.test(`${way}: what cannot be made is an error at once, the one mkdir gives`, async t => {
    const cases: [string, string][] = [
      ['/proc/smallpop3-x', 'ENOENT'], // procfs: the parent is there and cannot hold it; Node's own recursive mkdir never returns
      ['/proc/smallpop3-x/y/z', 'ENOENT'],
      [join(dir, 'dangling', 'x'), 'ENOENT'],
      [join(dir, 'a-file'), 'EEXIST'],
      [join(dir, 'a-file', 'x'), 'ENOTDIR'],
    ]
    for (const [path, code] of cases) {
      const t0 = performance.now()
      await t.rejects(make(path), { code }, `${path}: ${code}`)
      t.ok(performance.now() - t0 < 2000, 'and at once')
    }
  })
}
