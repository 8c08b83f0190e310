/**
 * The bundled sample (the package's own maillist, mbox.mail and mailboxes/)
 * is never served in place: a student's DELE + QUIT would change the
 * package. It is copied once to a scratch folder and served from there;
 * `smallpop3 reset` copies it afresh.
 */
import { createHash } from 'node:crypto'
import { cp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { accessSync, constants } from 'node:fs'
import { homedir, tmpdir, userInfo } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { LocalizedError } from './i18n/index.js'
import { loadMaillist } from './maillist.js'
import { lockMaildrop, StoreError } from './store/index.js'
import { PACKAGE_ROOT, VERSION } from './version.js'
import { makeFolder, makeFolderSync } from './folders.js'

const BUNDLED = ['maillist', 'mbox.mail', 'mailboxes']
const STAMP = '.smallpop3-sample'

/**
 * Where smallpop3 keeps its state: $SMALLPOP3_HOME, else the XDG state
 * folder, else (no writable home: a lab machine, a container) a folder in
 * the temporary directory.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SMALLPOP3_HOME) return env.SMALLPOP3_HOME
  const home = join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'smallpop3')
  try {
    makeFolderSync(home)
    accessSync(home, constants.W_OK)
    return home
  } catch {
    return join(tmpdir(), `smallpop3-${userInfo().username}`)
  }
}

export function sampleDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'sample')
}

/** A fingerprint of the bundled files, so that a new version's sample replaces an old copy. */
async function fingerprint(): Promise<string> {
  const hash = createHash('sha256').update(VERSION)
  const walk = async (path: string): Promise<void> => {
    const st = await stat(path).catch(() => null)
    if (!st) return
    if (st.isDirectory()) {
      for (const name of (await readdir(path)).sort()) await walk(join(path, name))
    } else {
      hash.update(relative(PACKAGE_ROOT, path)).update(await readFile(path))
    }
  }
  for (const name of BUNDLED) await walk(join(PACKAGE_ROOT, name))
  return hash.digest('hex')
}

export interface Sample {
  dir: string
  maillist: string
  /** True when the copy was made now. */
  copied: boolean
}

/** `reset` while a session has a maildrop of the sample open: its QUIT would delete from the new copy. */
export class SampleInUseError extends LocalizedError {
  constructor(user: string, mailbox: string) {
    super('sample.inUse', { user, mailbox })
  }
}

/**
 * Takes the session lock of every maildrop in the copy at `dir`, as a login
 * would; throws SampleInUseError, holding none, when a session has one open.
 */
async function lockCopy(dir: string): Promise<() => Promise<void>> {
  const accounts = await loadMaillist(join(dir, 'maillist')).catch(() => []) // a broken copy serves no one
  const releases: (() => Promise<void>)[] = []
  const releaseAll = async (): Promise<void> => {
    await Promise.all(releases.map(r => r()))
  }
  for (const a of accounts) {
    try {
      releases.push(await lockMaildrop(a.mailbox))
    } catch (err) {
      if (!(err instanceof StoreError && err.code === 'EINUSE')) continue // missing: nothing to protect
      await releaseAll()
      throw new SampleInUseError(a.user, relative(dir, a.mailbox))
    }
  }
  return releaseAll
}

/**
 * Makes sure the scratch copy exists (copying it when missing, outdated or
 * `reset`). An existing copy is only replaced under the locks of its
 * maildrops: `reset` refuses while a session is open (SampleInUseError); an
 * outdated copy in use is served as it is.
 */
export async function prepareSample(opts: { reset?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Sample> {
  const dir = sampleDir(opts.env)
  const maillist = join(dir, 'maillist')
  const want = await fingerprint()
  const have = await readFile(join(dir, STAMP), 'utf8').catch(() => '')
  if (!opts.reset && have === want) return { dir, maillist, copied: false }
  let unlock: () => Promise<void>
  try {
    unlock = await lockCopy(dir)
  } catch (err) {
    if (opts.reset || !(err instanceof SampleInUseError)) throw err
    return { dir, maillist, copied: false }
  }
  try {
    await replaceCopy(dir, want)
  } finally {
    await unlock()
  }
  return { dir, maillist, copied: true }
}

/** Copies the bundled sample (maillist, mbox.mail, mailboxes/) into the folder `to`, which it makes. */
export async function copyBundled(to: string): Promise<void> {
  await makeFolder(to)
  for (const name of BUNDLED) {
    const from = join(PACKAGE_ROOT, name)
    if (await stat(from).catch(() => null)) await cp(from, join(to, name), { recursive: true })
  }
}

/** Copies the bundled files beside `dir`, then swaps, so that a half-made copy is never served. */
async function replaceCopy(dir: string, want: string): Promise<void> {
  await makeFolder(dirname(dir))
  const tmp = `${dir}.new-${process.pid}`
  await rm(tmp, { recursive: true, force: true })
  await copyBundled(tmp)
  await writeFile(join(tmp, STAMP), want)
  const old = `${dir}.old-${process.pid}`
  await rename(dir, old).catch(() => {})
  try {
    await rename(tmp, dir)
  } catch (err) {
    // another smallpop3 starting at the same moment made the copy first: use it
    if (!['ENOTEMPTY', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
    await rm(tmp, { recursive: true, force: true })
  }
  await rm(old, { recursive: true, force: true })
}

export async function sampleExists(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  return (await stat(join(sampleDir(env), STAMP)).catch(() => null)) !== null
}
