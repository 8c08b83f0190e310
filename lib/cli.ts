/**
 * The command line: `smallpop3 [options]`, `smallpop3 reset`,
 * `smallpop3 help`. `main` returns the exit status; only bin/ exits.
 */
import { mkdir, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { networkInterfaces } from 'node:os'
import { parseArgs } from 'node:util'
import { reasonOf, translator, LANGUAGES, type Translator } from './i18n/index.js'
import { MaillistError } from './maillist.js'
import { chalkFor } from './render/color.js'
import { renderBanner } from './render/banner.js'
import { renderCheck, renderExercises } from './render/check.js'
import { jsonRenderer } from './render/json.js'
import { terminalRenderer } from './render/terminal.js'
import { checkExercise } from './check.js'
import { findExercise, loadExercises, type Exercise } from './exercises.js'
import { prepareSample, SampleInUseError, sampleDir, stateDir } from './sample.js'
import { readTranscripts } from './transcripts.js'
import { ListenError, startServer } from './server.js'
import { PACKAGE_ROOT, VERSION } from './version.js'

export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  env: NodeJS.ProcessEnv
  cwd: string
  /** Resolves when the user asks to stop (Ctrl-C). */
  stopSignal: () => Promise<string>
}

/** A problem the user can fix: printed as one line, exit status `status`. */
class CliError extends Error {
  constructor(message: string, readonly status = 1) {
    super(message)
  }
}

const COMMANDS = ['serve', 'reset', 'exercises', 'check', 'help']

const OPTIONS = {
  port: { type: 'string', short: 'p' },
  host: { type: 'string', short: 'H' },
  maillist: { type: 'string', short: 'm' },
  timeout: { type: 'string', short: 't' },
  verbose: { type: 'boolean', short: 'v' },
  log: { type: 'string' },
  'show-secrets': { type: 'boolean' },
  lang: { type: 'string' },
  transcripts: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const t = translator(pickLang(argv, io.env))
  try {
    return await run(argv, io, t)
  } catch (err) {
    if (err instanceof CliError || err instanceof MaillistError || err instanceof SampleInUseError) {
      io.stderr.write(`smallpop3: ${reasonOf(err, t)}\n`)
      return err instanceof CliError ? err.status : 1
    }
    // A file the system refused (permissions, a full disk): still one line, saying which file.
    const e = err as NodeJS.ErrnoException
    io.stderr.write(`smallpop3: ${e.code && e.path ? t('cli.fileProblem', { path: e.path, code: e.code, reason: e.message.split(', ')[0]!.replace(/^\w+: /, '') }) : e.message}\n`)
    if (io.env.SMALLPOP3_DEBUG) io.stderr.write(`${e.stack}\n`)
    return 1
  }
}

async function run(argv: string[], io: CliIO, t: Translator): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: negativeValues(argv), options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw new CliError(argError(err as Error & { code?: string }, t), 2)
  }
  const { values, positionals } = parsed
  const [command = 'serve', ...rest] = positionals
  if (!COMMANDS.includes(command)) {
    throw new CliError(t('cli.unknownCommand', { command, commands: COMMANDS.join(', ') }), 2)
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`)
    return 0
  }
  if (values.help || command === 'help') {
    const topic = command === 'help' ? rest[0] : command
    const text =
      topic === 'reset' ? t('help.reset', { dir: sampleDir(io.env) })
      : topic === 'check' ? t('help.check')
      : topic === 'exercises' ? t('help.exercises')
      : t('help.main', { version: VERSION, languages: LANGUAGES.join(', ') })
    io.stdout.write(text + '\n')
    return 0
  }
  if (command === 'check') return check(rest, values, io, t)
  if (rest.length) throw new CliError(t('cli.unknownCommand', { command: rest[0], commands: COMMANDS.join(', ') }), 2)
  if (command === 'exercises') return listExercises(io, t)

  if (command === 'reset') {
    const sample = await prepareSample({ reset: true, env: io.env })
    io.stdout.write(t('cli.reset', { dir: sample.dir }) + '\n')
    return 0
  }
  return serve(values, io, t)
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

async function serve(values: Values, io: CliIO, t: Translator): Promise<number> {
  const port = integerOption('--port', values.port ?? '65000', 0, 65535, t)
  const host = values.host ?? '127.0.0.1'
  const timeout = timeoutOption(values.timeout ?? '600', t)
  const format = values.log ?? 'text'
  if (format !== 'text' && format !== 'json') {
    throw new CliError(t('cli.badLog', { value: format }), 2)
  }
  if (values.lang && !LANGUAGES.includes(values.lang)) {
    throw new CliError(t('cli.badLang', { value: values.lang, languages: LANGUAGES.join(', ') }), 2)
  }

  const source = await chooseMaillist(values, io)
  let transcripts: string | undefined = source.transcripts
  try {
    await mkdir(transcripts, { recursive: true })
  } catch (err) {
    // a read-only folder of maildrops can still be served; only the self-check loses its record
    io.stderr.write(`smallpop3: ${t('cli.noTranscripts', { dir: transcripts, code: (err as NodeJS.ErrnoException).code })}\n`)
    transcripts = undefined
  }
  const json = format === 'json'
  // JSON lines own stdout; the banner then goes to stderr.
  const bannerOut = json ? io.stderr : io.stdout
  const render = json
    ? jsonRenderer(text => io.stdout.write(text), t)
    : terminalRenderer({ write: text => io.stdout.write(text), chalk: chalkFor(io.stdout, io.env), t, verbose: values.verbose, width: io.stdout.columns })

  let server
  try {
    server = await startServer({
      port, host, maillist: source.maillist, timeout, lang: t.lang,
      showSecrets: values['show-secrets'], captureBodies: values.verbose, onEvent: render, transcripts,
    })
  } catch (err) {
    if (err instanceof ListenError) throw new CliError(listenProblem(err, t))
    throw err
  }

  bannerOut.write(renderBanner({ server, source, t, chalk: chalkFor(bannerOut, io.env), network: networkAddresses(server.host), width: bannerOut.columns }))

  await io.stopSignal()
  bannerOut.write(t('banner.stopping') + '\n')
  await server.close()
  return 0
}

/** When listening on every address: this machine's addresses that others on the network can reach. */
function networkAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return []
  return Object.values(networkInterfaces())
    .flat()
    .filter(a => a && !a.internal && (a.family === 'IPv4' || (host === '::' && !a.address.startsWith('fe80'))))
    .map(a => a!.address)
    .slice(0, 4)
}

interface MaillistSource {
  maillist: string
  sample: boolean
  dir?: string
  /** Where sessions are recorded: --transcripts, else beside the maildrops. */
  transcripts: string
}

/**
 * --maillist, else ./maillist (served in place), else the bundled sample (a
 * scratch copy, made unless `prepare` is false). Transcripts go beside the
 * maildrops; for the sample, beside its copy, so that a reset keeps them.
 */
async function chooseMaillist(values: Values, io: CliIO, prepare = true): Promise<MaillistSource> {
  const chosen = values.transcripts ? resolve(io.cwd, values.transcripts) : undefined
  const inPlace = (maillist: string): MaillistSource => ({ maillist, sample: false, transcripts: chosen ?? join(dirname(maillist), 'transcripts') })
  if (values.maillist) return inPlace(resolve(io.cwd, values.maillist))
  const local = join(io.cwd, 'maillist')
  if ((await stat(local).catch(() => null))?.isFile() && !(await isPackageFolder(io.cwd))) return inPlace(local)
  const transcripts = chosen ?? join(stateDir(io.env), 'transcripts')
  if (!prepare) return { maillist: join(sampleDir(io.env), 'maillist'), sample: true, transcripts }
  const sample = await prepareSample({ env: io.env })
  return { maillist: sample.maillist, sample: true, dir: sample.dir, transcripts }
}

async function exercises(t: Translator): Promise<Exercise[]> {
  try {
    return await loadExercises(join(PACKAGE_ROOT, 'exercises'))
  } catch (err) {
    throw new CliError(t('cli.badExercise', { problem: reasonOf(err, t) }))
  }
}

async function listExercises(io: CliIO, t: Translator): Promise<number> {
  io.stdout.write(renderExercises(await exercises(t), { t, chalk: chalkFor(io.stdout, io.env), dir: join(PACKAGE_ROOT, 'exercises') }))
  return 0
}

/** smallpop3 check EXERCISE: exit 0 when every goal is met, 1 when not. */
async function check(args: string[], values: Values, io: CliIO, t: Translator): Promise<number> {
  if (args.length !== 1) throw new CliError(t('cli.needExercise'), 2)
  const ex = findExercise(await exercises(t), args[0]!)
  if (!ex) throw new CliError(t('cli.unknownExercise', { name: args[0] }), 2)
  const source = await chooseMaillist(values, io, false)
  const dir = source.transcripts
  const result = checkExercise(ex, await readTranscripts(dir), values.user ?? ex.account)
  io.stdout.write(values.json
    ? JSON.stringify({ ...result, transcripts: dir }, null, 2) + '\n'
    : renderCheck(result, ex, { t, chalk: chalkFor(io.stdout, io.env), dir, resetHint: source.sample }))
  return result.done ? 0 : 1
}

/** Whether `dir` is smallpop3's own folder (a clone or the installed package), whose files must not change. */
async function isPackageFolder(dir: string): Promise<boolean> {
  const [a, b] = await Promise.all([realpath(dir).catch(() => dir), realpath(PACKAGE_ROOT).catch(() => PACKAGE_ROOT)])
  if (a === b) return true
  const pkg = await readFile(join(dir, 'package.json'), 'utf8').catch(() => '')
  try {
    return JSON.parse(pkg).name === 'smallpop3'
  } catch {
    return false
  }
}

function integerOption(option: string, text: string, min: number, max: number, t: Translator): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new CliError(t('cli.badNumber', { option, min, max, value: text }), 2)
  }
  return Number(text)
}

function timeoutOption(text: string, t: Translator): number {
  const m = /^(\d+)(s|m)?$/.exec(text)
  const seconds = m ? Number(m[1]) * (m[2] === 'm' ? 60 : 1) : 0
  if (!m || seconds < 1 || seconds > 86400) {
    throw new CliError(t('cli.badTimeout', { value: text }), 2)
  }
  return seconds
}

/**
 * `-p -1` as `--port=-1`: parseArgs would read "-1" as an option and say
 * that --port has no value, where the value is there and only out of range.
 */
function negativeValues(argv: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const name = Object.entries(OPTIONS).find(([long, o]) => o.type === 'string' && (argv[i] === `--${long}` || ('short' in o && argv[i] === `-${o.short}`)))?.[0]
    if (name && /^-\d/.test(argv[i + 1] ?? '')) out.push(`--${name}=${argv[++i]}`)
    else out.push(argv[i]!)
  }
  return out
}

function argError(err: Error & { code?: string }, t: Translator): string {
  const option = /'([^']+)'/.exec(err.message)?.[1] ?? ''
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return t('cli.unknownOption', { option })
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[\w-]+/.exec(err.message)?.[0] ?? option
    return t(/does not take an argument/.test(err.message) ? 'cli.noValueWanted' : 'cli.valueNeeded', { option: name })
  }
  return err.message
}

function listenProblem(err: ListenError, t: Translator): string {
  switch (err.code) {
    case 'EADDRINUSE':
      return t('cli.portInUse', { port: err.port, host: err.host, other: err.port === 65535 ? 65000 : err.port + 1 })
    case 'EACCES':
      return t('cli.portDenied', { port: err.port })
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t('cli.hostUnavailable', { host: err.host })
    default:
      return t('cli.listenFailed', { host: err.host, port: err.port, reason: err.message })
  }
}

function pickLang(argv: string[], env: NodeJS.ProcessEnv): string {
  const i = argv.findIndex(a => a === '--lang' || a.startsWith('--lang='))
  if (i !== -1) return argv[i]!.includes('=') ? argv[i]!.split('=')[1]! : argv[i + 1] ?? 'en'
  const lang = (env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en').slice(0, 2)
  return LANGUAGES.includes(lang) ? lang : 'en'
}

function defaultIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    stopSignal: () =>
      new Promise(resolve => {
        process.once('SIGINT', () => resolve('SIGINT'))
        process.once('SIGTERM', () => resolve('SIGTERM'))
      }),
  }
}
