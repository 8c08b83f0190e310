// What `npm pack` ships, and the `smallpop3` command a student gets from it in any folder
// (README: "A smallpop3 command for every folder"; issue 8).
//
// npm pack runs with --ignore-scripts: its `prepare` would rebuild dist/, which the other test
// files are using at the same moment; `npm test` has just built it.
import t from 'tap'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, relative } from 'node:path'
import { loggedIn, ROOT, run, runCli } from './helpers.js'

const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version
const npm = (args: string[], cwd = ROOT) => run('npm', [...args, '--ignore-scripts', '--no-audit', '--no-fund'], { cwd, timeout: 120_000 })

/** Every file under `dir` (relative to the package), sorted. */
const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map(f => join(dir, f))
    .filter(f => statSync(join(ROOT, f)).isFile())

t.test('npm pack ships exactly what the program needs', async t => {
  const packed = await npm(['pack', '--dry-run', '--json'])
  t.equal(packed.code, 0, packed.stderr)
  const files: string[] = JSON.parse(packed.stdout.toString())[0].files.map((f: { path: string }) => f.path).sort()

  const built = filesUnder('dist').filter(f => /\.(js|d\.ts)$/.test(f))
  const expected = ['package.json', 'README.md', 'maillist', 'mbox.mail', ...filesUnder('bin'), ...filesUnder('mailboxes'), ...filesUnder('exercises'), ...filesUnder('docs'), ...filesUnder('web'), ...built].sort()
  t.same(files, expected, 'package.json, README.md, the sample, the exercises, the docs, the classroom view\'s page, bin/ and the built dist/')

  // every module of lib/ is there built, with its types
  const modules = filesUnder('lib').filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  t.ok(modules.length > 20, `${modules.length} modules in lib/`)
  for (const m of modules) {
    const out = relative('lib', m).replace(/\.ts$/, '')
    t.ok(files.includes(join('dist', `${out}.js`)) && files.includes(join('dist', `${out}.d.ts`)), `${m}: dist/${out}.js and .d.ts`)
  }
  t.ok(files.includes('mailboxes/maria/tmp/.keep'), 'the maildir keeps its tmp/ folder')
  t.same(files.filter(f => /^(test|lib|bench|\.ci)\//.test(f) || f.endsWith('.map') || (f.endsWith('.ts') && !f.endsWith('.d.ts'))), [], 'no tests, sources, bench, CI or source maps')
})

t.test('installed globally from the packed tarball, smallpop3 works from any folder', async t => {
  const tmp = mkdtempSync(join(tmpdir(), 'smallpop3-pack-'))
  const pack = await npm(['pack', '--pack-destination', tmp])
  t.equal(pack.code, 0, pack.stderr)
  const tarball = join(tmp, `smallpop3-${VERSION}.tgz`)
  const prefix = join(tmp, 'prefix')
  // the dependencies come from npm's cache when they are there, else from the registry
  const install = await npm(['install', '--global', '--prefix', prefix, '--prefer-offline', tarball], tmp)
  t.equal(install.code, 0, install.stderr)

  const bin = join(prefix, 'bin', 'smallpop3')
  const elsewhere = mkdtempSync(join(tmpdir(), 'smallpop3-elsewhere-'))
  const env = { PATH: [dirname(process.execPath), process.env.PATH].join(delimiter) } // `#!/usr/bin/env node` finds this node

  const version = runCli(['--version'], { bin, cwd: elsewhere, env })
  t.equal(await version.exit, 0)
  t.equal(version.stdout(), `${VERSION}\n`)

  const list = runCli(['exercises'], { bin, cwd: elsewhere, env })
  t.equal(await list.exit, 0)
  t.match(list.stdout(), `the files are in ${join(prefix, 'lib', 'node_modules', 'smallpop3', 'exercises')}`)
  t.equal(list.stdout().match(/^ +\d+\. /gm)?.length, 16, 'sixteen exercises')

  // the installed sample is served, the maildir included
  const server = runCli(['--port', '0'], { bin, cwd: elsewhere, env })
  const [, port] = await server.waitFor(/Listening on 127\.0\.0\.1:(\d+)/)
  const c = await loggedIn(port, 'maria', 'maildir')
  t.equal(await c.cmd('STAT'), '+OK 4 1965')
  await c.cmd('QUIT')
  server.child.kill('SIGINT')
  t.equal(await server.exit, 0)
})

/** How each language's exercises say "in the smallpop3 folder", where they mention npx. */
const IN_THE_FOLDER: Record<string, RegExp> = { en: /the smallpop3 folder|in that folder/, es: /carpeta/, ca: /carpeta/ }

t.test('the exercises and the program say plain `smallpop3 …`; `npx smallpop3` only for the smallpop3 folder', async t => {
  for (const file of filesUnder('exercises')) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    // exercises/NN-name.md, or a translation: exercises/LANG/NN-name.md
    const [, lang = 'en', number] = /^exercises\/(?:(\w+)\/)?0?(\d+)-/.exec(file)!
    const n = Number(number)
    t.match(text, new RegExp(`\`smallpop3 check ${n}\`|^ {4}smallpop3 check ${n}$`, 'm'), `${file}: run smallpop3 check ${n}`)
    for (const paragraph of text.split(/\n\s*\n/).filter(p => p.includes('npx smallpop3'))) {
      t.match(paragraph, IN_THE_FOLDER[lang] ?? /smallpop3/, `${file}: npx only in the smallpop3 folder: ${paragraph.slice(0, 60)}…`)
    }
  }
  const { default: en } = await import('../dist/i18n/en.js')
  t.same(Object.entries(en).filter(([, text]) => text.includes('npx')), [], 'no word of the program says npx')
})
