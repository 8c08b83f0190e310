/**
 * The command line: `smallpop3 [command] [options]`. Each command is one
 * entry of a table: its options, its help and what it runs. `main` returns
 * the exit status; only bin/ exits.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { networkInterfaces } from 'node:os'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { batch } from './batch.js'
import { defaultMaxConnections } from './connection-limit.js'
import { languageFromEnv, languageOf, reasonOf, translator, LANGUAGES, type Translator } from './i18n/index.js'
import { CertificateError, loadCertificate, selfSignedCertificate, type Certificate } from './certificate.js'
import { MaillistError } from './maillist.js'
import { levelFromEnv } from './render/color-env.js'
import { renderBanner } from './render/banner.js'
import type { ChalkInstance } from 'chalk'
import type { Exercise } from './exercises.js'
import { prepareSample, SampleInUseError, sampleDir, stateDir } from './sample.js'
import { ListenError, startServer } from './server.js'
import { usageIn } from './commands.js'
import type { AdminOptions } from './admin/server.js'
import type { WebView } from './web/server.js'
import { PACKAGE_ROOT, VERSION } from './version.js'
import { makeFolder } from './folders.js'

export interface CliIO {
  /** The keyboard, for the demo (default: process.stdin). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown }
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

/** Options every command takes. */
const COMMON = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  lang: { type: 'string' },
} as const

const PORT = { port: { type: 'string', short: 'p' }, host: { type: 'string', short: 'H' } } as const
const MAILLIST = { maillist: { type: 'string', short: 'm' } } as const
const TRANSCRIPTS = { transcripts: { type: 'string' } } as const

/** The language of the replies on the wire, when it differs from --lang's. */
const WIRE_LANG = { 'wire-lang': { type: 'string' } } as const

const SERVE_OPTIONS = {
  ...PORT, ...MAILLIST, ...TRANSCRIPTS, ...WIRE_LANG,
  timeout: { type: 'string', short: 't' },
  verbose: { type: 'boolean', short: 'v' },
  log: { type: 'string' },
  'show-secrets': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-connections': { type: 'string' },
  'tls-port': { type: 'string' },
  'require-tls': { type: 'boolean' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'admin-port': { type: 'string' },
  'admin-host': { type: 'string' },
  'admin-secret': { type: 'string' },
  'web-port': { type: 'string' },
  'web-host': { type: 'string' },
} as const
const CHECK_OPTIONS = { ...MAILLIST, ...TRANSCRIPTS, user: { type: 'string' }, json: { type: 'boolean' } } as const
const GUIDE_OPTIONS = { ...PORT, ...MAILLIST, ...TRANSCRIPTS, ...WIRE_LANG } as const
const DEMO_OPTIONS = { ...PORT, ...MAILLIST, auto: { type: 'boolean' }, delay: { type: 'string' }, bytes: { type: 'boolean' } } as const
/** smallpop3 admin: --port and --host name the admin port. */
const ADMIN_OPTIONS = { ...PORT, secret: { type: 'string' }, json: { type: 'boolean' } } as const

const CLASS_OPTIONS = {
  ...PORT, students: { type: 'string' }, roster: { type: 'string' }, prefix: { type: 'string' }, from: { type: 'string' },
  seed: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, restore: { type: 'string' },
} as const

/** Every option of every command: what argv is read with before the command is known. */
const ALL_OPTIONS = { ...COMMON, ...SERVE_OPTIONS, ...CHECK_OPTIONS, ...GUIDE_OPTIONS, ...DEMO_OPTIONS, ...ADMIN_OPTIONS, ...CLASS_OPTIONS } as const

type Values = ReturnType<typeof parseArgs<{ options: typeof ALL_OPTIONS; allowPositionals: true }>>['values']

interface Command {
  /** Its own options, besides COMMON. */
  options: NonNullable<ParseArgsConfig['options']>
  /** How many arguments it takes at most; more are read as an unknown command. */
  maxArgs: number
  /** Its help text, from the catalogue (awaited: a command's own modules load when used). */
  help(t: Translator, io: CliIO): string | Promise<string>
  run(args: string[], values: Values, io: CliIO, t: Translator): Promise<number>
}

/** The languages, as the help and the errors name them. */
const languages = LANGUAGES.join(', ')

const mainHelp = (t: Translator): string => t('help.main', { version: VERSION, languages, connections: defaultMaxConnections() })

/** The commands, in the order the help and the errors list them. */
const COMMANDS: Record<string, Command> = {
  serve: { options: SERVE_OPTIONS, maxArgs: 0, help: mainHelp, run: (_args, values, io, t) => serve(values, io, t) },
  reset: { options: {}, maxArgs: 0, help: (t, io) => t('help.reset', { dir: sampleDir(io.env) }), run: (_args, _values, io, t) => reset(io, t) },
  exercises: { options: {}, maxArgs: 0, help: t => t('help.exercises', { languages }), run: (_args, _values, io, t) => listExercises(io, t) },
  check: { options: CHECK_OPTIONS, maxArgs: Infinity, help: t => t('help.check', { languages }), run: check },
  guide: { options: GUIDE_OPTIONS, maxArgs: 1, help: t => t('help.guide', { languages }), run: guide },
  demo: { options: DEMO_OPTIONS, maxArgs: 1, help: t => t('help.demo', { languages }), run: demo },
  admin: { options: ADMIN_OPTIONS, maxArgs: Infinity, help: async t => t('help.admin', { commands: (await import('./admin/commands.js')).ADMIN_COMMANDS.map(c => usageIn(c, t)).join('\n  ') }), run: admin },
  class: { options: CLASS_OPTIONS, maxArgs: 0, help: t => t('help.class'), run: (_args, values, io, t) => classroom(values, io, t) },
  help: { options: {}, maxArgs: 1, help: mainHelp, run: help },
}

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const t = translator(languageOf(langOption(argv) ?? '') ?? languageFromEnv(io.env))
  try {
    return await run(argv, io, t)
  } catch (err) {
    if (err instanceof CliError || err instanceof MaillistError || err instanceof SampleInUseError || err instanceof CertificateError) {
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
  const { values, positionals } = parse(argv, ALL_OPTIONS, t)
  const [name = 'serve', ...args] = positionals
  const command = COMMANDS[name]
  if (!command) throw unknownCommand(name, t)
  if (values.version) {
    io.stdout.write(`${VERSION}\n`)
    return 0
  }
  if (values.help) return help([name], values, io, t)
  parse(argv, { ...COMMON, ...command.options }, t, name) // an option of another command is a mistake here
  // a language there is no catalogue for: said in the environment's language (main chose it so)
  if (values.lang !== undefined && !languageOf(values.lang)) throw new CliError(t('cli.badLang', { value: values.lang, languages }), 2)
  if (values['wire-lang'] !== undefined && !languageOf(values['wire-lang'])) throw new CliError(t('cli.badWireLang', { value: values['wire-lang'], languages }), 2)
  if (args.length > command.maxArgs) throw unknownCommand(args[command.maxArgs]!, t)
  return command.run(args, values, io, t)
}

function parse(argv: string[], options: NonNullable<ParseArgsConfig['options']>, t: Translator, command?: string): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: negativeValues(argv), options, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] }
  } catch (err) {
    throw new CliError(argError(err as Error & { code?: string }, t, command), 2)
  }
}

function unknownCommand(command: string, t: Translator): CliError {
  return new CliError(t('cli.unknownCommand', { command, commands: Object.keys(COMMANDS).join(', ') }), 2)
}

/** smallpop3 help [command], and --help: the command's help, or the main one. */
async function help(args: string[], _values: Values, io: CliIO, t: Translator): Promise<number> {
  const topic = COMMANDS[args[0] ?? 'serve'] ?? COMMANDS.serve!
  io.stdout.write((await topic.help(t, io)) + '\n')
  return 0
}

async function reset(io: CliIO, t: Translator): Promise<number> {
  const sample = await prepareSample({ reset: true, env: io.env })
  io.stdout.write(t('cli.reset', { dir: sample.dir }) + '\n')
  return 0
}

async function serve(values: Values, io: CliIO, t: Translator): Promise<number> {
  const port = integerOption('--port', values.port ?? '65000', 0, 65535, t)
  const host = values.host ?? '127.0.0.1'
  const timeout = timeoutOption(values.timeout ?? '600', t)
  const maxConnections = values['max-connections'] === undefined ? undefined : integerOption('--max-connections', values['max-connections'], 1, 1_000_000, t)
  const format = values.log ?? 'text'
  if (format !== 'text' && format !== 'json') {
    throw new CliError(t('cli.badLog', { value: format }), 2)
  }

  const tlsPort = values['tls-port'] === undefined ? undefined : integerOption('--tls-port', values['tls-port'], 0, 65535, t)
  if ((values.cert === undefined) !== (values.key === undefined)) throw new CliError(t('cli.tlsOptions'), 2)
  const admin = adminOptions(values, io, t)
  const web = webOptions(values, io, t)

  const source = await chooseMaillist(values, io)
  const transcripts = await transcriptsFolder(source, io, t)
  // always a certificate: STLS on the plain port, as mail clients expect (fetchmail tries it by default)
  const certificate = await tlsCertificate(values, io)
  const json = format === 'json'
  // JSON lines own stdout; the banner then goes to stderr.
  const bannerOut = json ? io.stderr : io.stdout
  const write = logWriter(io.stdout, count => {
    const text = t('log.dropped', { count })
    return json ? JSON.stringify({ type: 'dropped', time: new Date().toISOString(), count, explanation: text }) + '\n' : text + '\n'
  })
  // the log's renderer, loaded when there is a log: --quiet has none
  const render = values.quiet
    ? undefined
    : json
      ? (await import('./render/json.js')).jsonRenderer(write, t)
      : (await import('./render/terminal.js')).terminalRenderer({ write, chalk: await chalkFor(io.stdout, io.env), t, verbose: values.verbose, width: io.stdout.columns })

  let server
  try {
    server = await startServer({
      port, host, maillist: source.maillist, timeout, lang: t.lang, wireLang: wireLang(values, t),
      // --quiet: no log at all, for load tests (the banner still says where the server is)
      showSecrets: values['show-secrets'], captureBodies: values.verbose, onEvent: render, transcripts, maxConnections,
      tlsPort, tls: certificate, requireTls: values['require-tls'],
      admin, onAdminEvent: render,
    })
  } catch (err) {
    if (err instanceof ListenError) throw new CliError(listenProblem(err, t))
    throw err
  }

  let view: WebView | undefined
  if (web) {
    // the admin port's secret (made at start-up or not), else the one given, else one made now
    const admin = server.admin
    const { startWeb } = await import('./web/server.js') // loaded when used: ws is not needed to serve POP3
    try {
      view = await startWeb(server, { ...web, secret: admin?.secret ?? web.secret, made: admin?.generated, transcripts, lang: t.lang })
    } catch (err) {
      await server.close()
      const e = err as NodeJS.ErrnoException
      if (e.syscall === undefined) throw err // not the port: the page's files, say
      throw new CliError(listenProblem(new ListenError(e.code ?? 'ELISTEN', web.host, web.port, e.message), t, '--web-port'))
    }
  }

  bannerOut.write(renderBanner({ server, source, certificate, web: view, t, wireLang: wireLang(values, t), chalk: levelFromEnv(bannerOut, io.env) === 0 ? PLAIN : await chalkFor(bannerOut, io.env), network: networkAddresses(server.host), width: bannerOut.columns }))

  await io.stopSignal()
  write.flush()
  bannerOut.write(t('banner.stopping') + '\n')
  await view?.close()
  await server.close()
  write.flush()
  return 0
}

/** --admin-port, --admin-host and the secret (--admin-secret, else SMALLPOP3_ADMIN_SECRET, else one made at start-up); none without --admin-port. */
function adminOptions(values: Values, io: CliIO, t: Translator): AdminOptions | undefined {
  if (values['admin-port'] === undefined) {
    // the secret opens the classroom view too
    if (values['admin-host'] !== undefined || (values['admin-secret'] !== undefined && values['web-port'] === undefined)) throw new CliError(t('cli.adminNeedsPort'), 2)
    return undefined
  }
  const port = integerOption('--admin-port', values['admin-port'], 0, 65535, t)
  return { port, host: values['admin-host'] ?? '127.0.0.1', secret: secretOption(values, io, t) }
}

/** The admin secret given: --admin-secret, else SMALLPOP3_ADMIN_SECRET; none: one is made at start-up. */
function secretOption(values: Values, io: CliIO, t: Translator): string | undefined {
  const secret = values['admin-secret'] ?? (io.env.SMALLPOP3_ADMIN_SECRET || undefined)
  if (secret !== undefined && (secret.length < 8 || secret.length > 200 || /[\x00-\x1f\x7f]/.test(secret))) throw new CliError(t('cli.adminSecret'), 2)
  return secret
}

/** --web-port and --web-host: the classroom view (lib/web/), on loopback unless told otherwise, behind the admin secret; none without --web-port. */
function webOptions(values: Values, io: CliIO, t: Translator): { port: number; host: string; secret?: string } | undefined {
  if (values['web-port'] === undefined) {
    if (values['web-host'] !== undefined) throw new CliError(t('cli.webNeedsPort'), 2)
    return undefined
  }
  return { port: integerOption('--web-port', values['web-port'], 0, 65535, t), host: values['web-host'] ?? '127.0.0.1', secret: secretOption(values, io, t) }
}

/**
 * smallpop3 admin COMMAND [ARGS]: one command of the admin protocol, asked
 * of a running server. Exit 0 when it answers +OK, 1 when it refuses (-ERR,
 * a wrong secret included), 2 a usage error, 3 when it cannot be asked.
 */
async function admin(args: string[], values: Values, io: CliIO, t: Translator): Promise<number> {
  const [verb, ...rest] = args
  // loaded when used, as the guide is: serving POP3 needs neither
  const [{ adminCommand, ADMIN_COMMANDS }, { adminRequest, AdminUnreachable, answerData, answerTable }] = await Promise.all([import('./admin/commands.js'), import('./admin/client.js')])
  if (verb === undefined) throw new CliError(t('admin.client.needCommand', { commands: ADMIN_COMMANDS.map(c => c.verb.toLowerCase()).join(', ') }), 2)
  if (!adminCommand(verb)) throw new CliError(t('admin.client.unknown', { verb, commands: ADMIN_COMMANDS.map(c => c.verb.toLowerCase()).join(', ') }), 2)
  const portText = values.port ?? io.env.SMALLPOP3_ADMIN_PORT
  if (portText === undefined) throw new CliError(t('admin.client.needPort'), 2)
  const port = integerOption('--port', portText, 1, 65535, t)
  const secret = values.secret ?? io.env.SMALLPOP3_ADMIN_SECRET
  if (!secret) throw new CliError(t('admin.client.needSecret'), 2)
  let answer
  try {
    answer = await adminRequest({ host: values.host ?? '127.0.0.1', port, secret, line: [verb.toUpperCase(), ...rest].join(' ') })
  } catch (err) {
    if (err instanceof AdminUnreachable) throw new CliError(reasonOf(err, t), 3)
    throw err
  }
  if (values.json) {
    const data = answerData(answer)
    io.stdout.write(JSON.stringify({ ok: answer.ok, status: answer.status, text: answer.text, ...(data === undefined ? {} : { data }) }, null, 2) + '\n')
  } else if (!answer.ok) io.stderr.write(`smallpop3: ${t('admin.client.refusedBy', { text: answer.text })}\n`)
  else io.stdout.write([answer.text, ...answerTable(answer, t)].join('\n') + '\n')
  return answer.ok ? 0 : 1
}

/** A chalk for `stream` (render/color.ts), loaded when used: chalk is slow to load, and a banner without colour has no use for it. */
async function chalkFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Promise<ChalkInstance> {
  return (await import('./render/color.js')).chalkFor(stream, env)
}

/** The banner's bold where there is no colour: the text as it is, as chalk at level 0 gives it. */
const PLAIN = { bold: (text: string): string => text }

/** The language of the replies on the wire: --wire-lang (checked by run), else --lang's. */
function wireLang(values: Values, t: Translator): string {
  return values['wire-lang'] === undefined ? t.lang : languageOf(values['wire-lang'])!
}

/** --cert and --key, or the self-signed certificate kept in the state folder (made the first time). */
function tlsCertificate(values: Values, io: CliIO): Promise<Certificate> {
  if (values.cert !== undefined && values.key !== undefined) return loadCertificate(resolve(io.cwd, values.cert), resolve(io.cwd, values.key))
  return selfSignedCertificate(join(stateDir(io.env), 'tls'))
}

/** The folder sessions are recorded in, made if need be; none (and a warning) when it cannot be. */
async function transcriptsFolder(source: MaillistSource, io: CliIO, t: Translator): Promise<string | undefined> {
  try {
    await makeFolder(source.transcripts)
    return source.transcripts
  } catch (err) {
    // a read-only folder of maildrops can still be served; only the self-check loses its record
    io.stderr.write(`smallpop3: ${t('cli.noTranscripts', { dir: source.transcripts, code: (err as NodeJS.ErrnoException).code })}\n`)
    return undefined
  }
}

/**
 * smallpop3 guide [EXERCISE]: its own server, recorded as `serve` records,
 * and the student coached through the exercise; with no terminal, one line
 * saying what to run instead. Exit 0 when left, 130 on Ctrl-C.
 */
async function guide(args: string[], values: Values, io: CliIO, t: Translator): Promise<number> {
  const all = await exercises(t)
  const ex = args[0] === undefined ? undefined : await exerciseNamed(args[0], t)
  const stdin = io.stdin ?? process.stdin
  if (!stdin.isTTY) throw new CliError(t('guide.needTerminal', { number: ex?.number ?? 1 }), 2)
  const port = integerOption('--port', values.port ?? '65000', 0, 65535, t)
  const source = await chooseMaillist(values, io)
  const transcripts = await transcriptsFolder(source, io, t)
  let server
  try {
    // STLS and POP3S as `smallpop3` offers them, the TLS port next to the plain one as the exercises say (65000, 65001)
    const options = { port, host: values.host ?? '127.0.0.1', maillist: source.maillist, lang: t.lang, wireLang: wireLang(values, t), transcripts, tls: await tlsCertificate(values, io) }
    const tlsPort = port === 0 || port === 65535 ? 0 : port + 1
    // that port taken (another smallpop3 --tls-port, say): any free one, which the guide's screen shows
    server = await startServer({ ...options, tlsPort }).catch(err => {
      if (err instanceof ListenError && err.port === tlsPort && tlsPort !== 0) return startServer({ ...options, tlsPort: 0 })
      throw err
    })
  } catch (err) {
    if (err instanceof ListenError) throw new CliError(listenProblem(err, t))
    throw err
  }
  try {
    const words = source.sample ? t('guide.sourceSample') : t('guide.sourceMaillist', { file: source.maillist })
    const { runGuide } = await import('./guide.js') // loaded when used: inquirer is not needed to serve
    return await runGuide({ server, exercises: all, exercise: ex, transcripts, source: words }, { input: stdin, output: io.stdout, env: io.env, stopSignal: io.stopSignal }, t)
  } finally {
    await server.close()
    io.stdout.write(`\n  ${t('guide.bye')}\n`)
  }
}

/** Bytes of log waiting for stdout beyond which entries are dropped rather than kept in memory. */
export const LOG_BACKLOG = 4 << 20

/**
 * How long the log's entries may wait to go out together: too short for a
 * person to see, long enough that a busy server writes a few times a
 * hundredth of a second instead of once an event (lib/batch.ts).
 */
const LOG_BATCH_MS = 10
/** Waiting entries this large go out at once. */
const LOG_BATCH_SIZE = 64 * 1024

/**
 * The log's writer: the entries of LOG_BATCH_MS go out in one write. When
 * stdout cannot keep up (a slow terminal, a pipe nobody reads), entries are
 * dropped instead of piling up in memory, and once it drains one line says
 * how many were not shown (`notice(count)`). `flush` writes what waits at
 * once, before the process ends.
 */
export function logWriter(out: NodeJS.WritableStream & { writableLength?: number }, notice: (count: number) => string, backlog = LOG_BACKLOG): ((text: string) => void) & { flush(): void } {
  let dropped = 0
  const entries = batch(text => out.write(text), LOG_BATCH_MS, LOG_BATCH_SIZE)
  return Object.assign((text: string): void => {
    if ((out.writableLength ?? 0) + entries.waiting <= backlog) return entries.add(text)
    if (dropped++ === 0) {
      out.once('drain', () => {
        entries.flush()
        out.write(notice(dropped))
        dropped = 0
      })
    }
  }, { flush: entries.flush })
}

/**
 * When listening on every address: this machine's addresses that others on
 * the network can reach, IPv4 first. Link-local IPv6 (fe80::/10) is left out:
 * it needs the interface's name (%eth0) on the client's side, which differs.
 */
function networkAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return []
  return Object.values(networkInterfaces())
    .flat()
    .filter(a => a && !a.internal && (a.family === 'IPv4' || (host === '::' && !/^fe[89ab]/i.test(a.address))))
    .sort((a, b) => Number(a!.family !== 'IPv4') - Number(b!.family !== 'IPv4'))
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
  const { loadExercises } = await import('./exercises.js') // loaded when used: serving POP3 reads no exercise
  try {
    return await loadExercises(join(PACKAGE_ROOT, 'exercises'), t.lang)
  } catch (err) {
    throw new CliError(t('cli.badExercise', { problem: reasonOf(err, t) }))
  }
}

async function listExercises(io: CliIO, t: Translator): Promise<number> {
  const all = await exercises(t)
  // the folder of the student's language, where its translations are
  const dir = join(PACKAGE_ROOT, 'exercises', ...(all.some(ex => ex.lang !== 'en') ? [t.lang] : []))
  const { renderExercises } = await import('./render/check.js')
  io.stdout.write(renderExercises(all, { t, chalk: await chalkFor(io.stdout, io.env), dir }))
  return 0
}

/** smallpop3 check EXERCISE: exit 0 when every goal is met, 1 when not. */
async function check(args: string[], values: Values, io: CliIO, t: Translator): Promise<number> {
  if (args.length !== 1) throw new CliError(t('cli.needExercise'), 2)
  const ex = await exerciseNamed(args[0]!, t)
  const source = await chooseMaillist(values, io, false)
  const dir = source.transcripts
  const [{ checkExercise }, { readTranscripts }, { renderCheck }] = await Promise.all([import('./check.js'), import('./transcripts.js'), import('./render/check.js')])
  const result = checkExercise(ex, await readTranscripts(dir), values.user ?? ex.account)
  io.stdout.write(values.json
    ? JSON.stringify({ ...result, transcripts: dir }, null, 2) + '\n'
    : renderCheck(result, ex, { t, chalk: await chalkFor(io.stdout, io.env), dir, resetHint: source.sample }))
  return result.done ? 0 : 1
}

async function exerciseNamed(name: string, t: Translator): Promise<Exercise> {
  const all = await exercises(t)
  const { findExercise } = await import('./exercises.js')
  const ex = findExercise(all, name)
  if (!ex) throw new CliError(t('cli.unknownExercise', { name }), 2)
  return ex
}

/** smallpop3 demo [EXERCISE]: exit 0 when played through (with --auto: every reply as the exercise shows), 1 when not, 130 on Ctrl-C. */
async function demo(args: string[], values: Values, io: CliIO, t: Translator): Promise<number> {
  const ex = await exerciseNamed(args[0] ?? '1', t)
  const stdin = io.stdin ?? process.stdin
  const auto = values.auto ?? false
  if (!auto && !stdin.isTTY) throw new CliError(t('demo.needTerminal'), 2)
  const port = integerOption('--port', values.port ?? '65000', 0, 65535, t)
  const delay = Number(values.delay ?? '2')
  if (!/^\d+(\.\d+)?$/.test(values.delay ?? '2') || delay > 60) throw new CliError(t('demo.badDelay', { value: values.delay }), 2)
  try {
    const { runDemo } = await import('./demo.js')
    return await runDemo(
      { exercise: ex, port, host: values.host ?? '127.0.0.1', maillist: values.maillist && resolve(io.cwd, values.maillist), auto, delay, bytes: values.bytes ?? false, certificate: await tlsCertificate(values, io) },
      { ...io, stdin },
      t,
    )
  } catch (err) {
    if (err instanceof ListenError) throw new CliError(listenProblem(err, t))
    throw err
  }
}

/** smallpop3 class: the options read here; lib/classroom.ts writes the class and says what it wrote. */
async function classroom(values: Values, io: CliIO, t: Translator): Promise<number> {
  if (!values.out) throw new CliError(t('class.needOut'), 2)
  const { ClassError, classReport, makeClass, MAX_STUDENTS, restoreMaildrops } = await import('./classroom.js') // loaded when used, as the guide is
  try {
    if (values.restore !== undefined) {
      for (const r of await restoreMaildrops(resolve(io.cwd, values.out), values.restore.split(','), t)) io.stdout.write(t('class.restored', { user: r.user, count: r.messages }) + '\n')
      return 0
    }
    if ((values.students === undefined) === (values.roster === undefined)) throw new CliError(t('class.needStudents', { max: MAX_STUDENTS }), 2)
    const room = await makeClass({
      out: resolve(io.cwd, values.out),
      students: values.students === undefined ? undefined : integerOption('--students', values.students, 1, MAX_STUDENTS, t),
      roster: values.roster && resolve(io.cwd, values.roster),
      prefix: values.prefix, from: values.from && resolve(io.cwd, values.from), seed: values.seed,
      host: values.host, port: values.port === undefined ? undefined : integerOption('--port', values.port, 1, 65535, t),
      force: values.force, t,
    })
    io.stdout.write(classReport(room, t))
    return 0
  } catch (err) {
    if (err instanceof ClassError) throw new CliError(reasonOf(err, t))
    throw err
  }
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
    const name = Object.entries(ALL_OPTIONS).find(([long, o]) => o.type === 'string' && (argv[i] === `--${long}` || ('short' in o && argv[i] === `-${o.short}`)))?.[0]
    if (name && /^-\d/.test(argv[i + 1] ?? '')) out.push(`--${name}=${argv[++i]}`)
    else out.push(argv[i]!)
  }
  return out
}

function argError(err: Error & { code?: string }, t: Translator, command?: string): string {
  const option = /'([^']+)'/.exec(err.message)?.[1] ?? ''
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return command ? t('cli.unknownOptionOf', { option, command }) : t('cli.unknownOption', { option })
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[\w-]+/.exec(err.message)?.[0] ?? option
    return t(/does not take an argument/.test(err.message) ? 'cli.noValueWanted' : 'cli.valueNeeded', { option: name })
  }
  return err.message
}

function listenProblem(err: ListenError, t: Translator, chosenBy?: string): string {
  const option = chosenBy ?? (err.admin ? '--admin-port' : err.tls ? '--tls-port' : '--port') // which option chose the port that failed
  switch (err.code) {
    case 'EADDRINUSE':
      return t('cli.portInUse', { port: err.port, host: err.host, option, other: err.port === 65535 ? 65000 : err.port + 1 })
    case 'EACCES':
      return t('cli.portDenied', { port: err.port, option, other: err.admin ? 65100 : err.tls ? 65001 : 65000 })
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t('cli.hostUnavailable', { host: err.host })
    default:
      return t('cli.listenFailed', { host: err.host, port: err.port, reason: err.message })
  }
}

/** The value of --lang, read before the rest of argv, so that even the errors in reading argv are in its language. */
function langOption(argv: string[]): string | undefined {
  const i = argv.findIndex(a => a === '--lang' || a.startsWith('--lang='))
  if (i === -1) return undefined
  return argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1]
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
