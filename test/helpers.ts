/** Shared by the tests: a server on port 0 over a copy of a fixture, and a raw POP3 client. */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer, type Pop3Event, type RunningServer, type ServerOptions } from '../dist/index.js'
import type { Test } from 'tap'
import type { Step } from '../dist/exercises.js'
import { Player } from '../dist/player.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const BIN = join(ROOT, 'bin', 'smallpop3.js')
export const FIXTURES = join(ROOT, 'test', 'fixtures')
export const AWKWARD = join(FIXTURES, 'awkward.mbox')

/** What each awkward message must be on the wire (before dot-stuffing), written out by hand. */
export const AWKWARD_DELIVERED = [
  'Subject: dots\r\n\r\n.\r\n..\r\n.hidden\r\nend\r\n',
  'Subject: crlf lines\r\n\r\nline one\r\nline two\r\n',
  'Subject: quoted from lines\r\n\r\nFrom the start\r\n>From twice quoted\r\n> From not quoted\r\nFromage is not a From line\r\n',
  'Subject: =?UTF-8?B?w4BjY2VudHM=?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nà la carte, naïve, €5\r\n',
  'Subject: no body\r\n',
  'Subject: twin\r\n\r\nsame\r\n',
  'Subject: twin\r\n\r\nsame\r\n',
  'Subject: blank lines at the end\r\n\r\nbody\r\n\r\n\r\n',
  'Subject: last, no final newline\r\n\r\nlast line\r\n',
]


export type StoreKind = 'mbox' | 'maildir'

/**
 * An mbox written out as a maildir, message by message, the way a delivery
 * agent would store them: the From line and the blank separator dropped,
 * >From unquoted, line ends left as they are. Odd messages go to cur/ as
 * seen, even ones to new/; the names keep the mbox's order.
 */
export function mboxToMaildir(mboxPath: string, dir: string): void {
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, sub), { recursive: true })
  const text = readFileSync(mboxPath, 'latin1')
  const starts = [...text.matchAll(/^From /gm)].map(m => m.index!)
  starts.forEach((start, i) => {
    let piece = text.slice(text.indexOf('\n', start) + 1, starts[i + 1] ?? text.length)
    const sep = /\r?\n(\r?\n)$/.exec(piece)
    if (sep) piece = piece.slice(0, -sep[1]!.length)
    piece = piece.replace(/^>(>*From )/gm, '$1')
    const name = `${1700000000 + i}.M${i}P1.test`
    writeFileSync(join(dir, i % 2 ? 'cur' : 'new', i % 2 ? `${name}:2,S` : name), piece, 'latin1')
  })
}

/** A fresh folder holding copies of the given maildrops (mbox files, or maildirs made from them) and a maillist. */
export function maildropDir(accounts: Record<string, string> = { guest: join(ROOT, 'mbox.mail') }, kind: StoreKind = 'mbox'): { dir: string; maillist: string; path: (user: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-test-'))
  const lines: string[] = []
  for (const [user, source] of Object.entries(accounts)) {
    const target = join(dir, kind === 'mbox' ? `${user}.mbox` : user)
    if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true })
    else if (kind === 'maildir') mboxToMaildir(source, target)
    else copyFileSync(source, target)
    lines.push(`${user} ${user === 'guest' ? 'visitor' : `${user}-pw`} ${basename(target)}`)
  }
  const maillist = join(dir, 'maillist')
  writeFileSync(maillist, lines.join('\n') + '\n')
  return { dir, maillist, path: user => join(dir, kind === 'mbox' ? `${user}.mbox` : user) }
}

/** What a maildrop holds on disk, to compare before and after (a maildir: its files, lock and journal left out). */
export function snapshot(path: string): string {
  if (!statSync(path).isDirectory()) return readFileSync(path, 'latin1')
  return ['new', 'cur']
    .flatMap(sub => readdirSync(join(path, sub)).sort().map(n => `${sub}/${n}\n${readFileSync(join(path, sub, n), 'latin1')}`))
    .join('\n--\n')
}

/** A fresh copy of the bundled sample (maillist, mbox.mail, mailboxes), served with its transcripts beside it, as `smallpop3 check --maillist` finds them. */
export async function sampleServer(options: ServerOptions = {}): Promise<{ server: RunningServer; maillist: string; transcripts: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-sample-'))
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(ROOT, name), join(dir, name), { recursive: true })
  const maillist = join(dir, 'maillist')
  const transcripts = join(dir, 'transcripts')
  const server = await startServer({ port: 0, maillist, transcripts, ...options })
  return { server, maillist, transcripts }
}

/**
 * Plays an exercise's steps with the lib's player, as a student would type
 * them, asserting every reply the exercise shows: by catalogue key, and word
 * for word (the server speaks the exercise's language, `lang`). `ca`: the
 * certificate to trust on the server's TLS port.
 */
export async function playSteps(t: Test, server: RunningServer, steps: Step[], opts: { lang?: string; ca?: string } = {}): Promise<void> {
  const player = new Player({ port: server.port, events: server, accounts: server.accounts, lang: opts.lang, tls: { port: server.tlsPort, ca: opts.ca } })
  try {
    for await (const x of player.play(steps)) {
      if (!x.expected) continue
      const what = `step ${x.step!.number}: ${x.sent ?? 'greeting'} → ${x.status}`
      t.ok(x.matched, `${what}: by catalogue key${x.mismatch === 'body' ? ' (the body differs)' : ''}`)
      t.ok(x.sameText, `${what}: word for word`)
    }
  } finally {
    await player.close()
  }
}

export interface TestServer extends RunningServer {
  events: Pop3Event[]
  dir: string
  /** Where a user's maildrop is. */
  mbox: (user: string) => string
  snapshot: (user: string) => string
}

export async function testServer(accounts?: Record<string, string>, options: ServerOptions = {}, kind: StoreKind = 'mbox'): Promise<TestServer> {
  const drop = maildropDir(accounts, kind)
  const events: Pop3Event[] = []
  const server = (await startServer({ port: 0, maillist: drop.maillist, onEvent: e => events.push(e), ...options })) as TestServer
  server.events = events
  server.dir = drop.dir
  server.mbox = drop.path
  server.snapshot = user => snapshot(drop.path(user))
  return server
}

/** The first event of a type, waiting for it if it has not come yet. */
export async function eventOf<T extends Pop3Event['type']>(server: TestServer, type: T, ms = 5000): Promise<Extract<Pop3Event, { type: T }>> {
  const deadline = Date.now() + ms
  for (;;) {
    const ev = server.events.find(e => e.type === type)
    if (ev) return ev as Extract<Pop3Event, { type: T }>
    if (Date.now() > deadline) throw new Error(`no ${type} event within ${ms} ms`)
    await new Promise(r => setTimeout(r, 10))
  }
}

/** A raw client: writes bytes, reads CRLF lines, nothing hidden. */
export class RawClient {
  readonly socket: Socket
  #buf = Buffer.alloc(0)
  #waiters: (() => void)[] = []
  closed = false

  private constructor(socket: Socket) {
    this.socket = socket
    socket.on('data', d => {
      this.#buf = Buffer.concat([this.#buf, d])
      this.#wake()
    })
    socket.on('close', () => {
      this.closed = true
      this.#wake()
    })
    socket.on('error', () => {})
  }

  static async open(port: number, host = '127.0.0.1'): Promise<RawClient> {
    const socket = connect(port, host)
    await once(socket, 'connect')
    return new RawClient(socket)
  }

  /** A client over a socket already connected: the TLS socket after STLS, say. */
  static over(socket: Socket): RawClient {
    return new RawClient(socket)
  }

  /** A connection to a POP3S port, trusting the certificate `ca` (made for localhost). */
  static async openTls(port: number, ca: string | Buffer, host = '127.0.0.1'): Promise<RawClient> {
    const secure = tlsConnect({ port, host, ca, servername: 'localhost' })
    secure.on('error', () => {})
    await once(secure, 'secureConnect')
    return new RawClient(secure)
  }

  /** The client's side of the handshake after STLS's +OK, trusting `ca`: the client to go on with, over TLS. */
  async upgrade(ca: string | Buffer): Promise<RawClient> {
    const secure = tlsConnect({ socket: this.socket, ca, servername: 'localhost' })
    secure.on('error', () => {})
    await once(secure, 'secureConnect')
    return new RawClient(secure)
  }

  #wake(): void {
    const w = this.#waiters
    this.#waiters = []
    w.forEach(f => f())
  }

  async #more(ms: number): Promise<void> {
    if (this.closed) throw new Error(`connection closed; unread: ${JSON.stringify(this.#buf.toString())}`)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply within ${ms} ms; unread: ${JSON.stringify(this.#buf.toString())}`)), ms)
      this.#waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  send(text: string | Buffer): void {
    this.socket.write(text)
  }

  /** One line, without its CRLF. Fails if the line does not end in CRLF. */
  async line(ms = 5000): Promise<string> {
    for (;;) {
      const nl = this.#buf.indexOf('\n')
      if (nl !== -1) {
        const raw = this.#buf.subarray(0, nl + 1)
        this.#buf = this.#buf.subarray(nl + 1)
        if (raw[raw.length - 2] !== 0x0d) throw new Error(`line without CRLF: ${JSON.stringify(raw.toString())}`)
        return raw.subarray(0, raw.length - 2).toString('utf8')
      }
      await this.#more(ms)
    }
  }

  /** The raw bytes of a multi-line body up to and including ".\r\n". */
  async multi(ms = 5000): Promise<Buffer> {
    for (;;) {
      const end = this.#buf.indexOf('\r\n.\r\n')
      if (this.#buf.subarray(0, 3).equals(Buffer.from('.\r\n'))) {
        this.#buf = this.#buf.subarray(3)
        return Buffer.from('.\r\n')
      }
      if (end !== -1) {
        const body = this.#buf.subarray(0, end + 5)
        this.#buf = this.#buf.subarray(end + 5)
        return body
      }
      await this.#more(ms)
    }
  }

  /** Sends a command and returns its status line. */
  async cmd(line: string): Promise<string> {
    this.send(line + '\r\n')
    return this.line()
  }

  /** Sends a command expecting a multi-line reply: the status and the body lines, un-stuffed. */
  async cmdMulti(line: string): Promise<{ status: string; lines: string[]; raw: Buffer }> {
    const status = await this.cmd(line)
    if (!status.startsWith('+OK')) return { status, lines: [], raw: Buffer.alloc(0) }
    const raw = await this.multi()
    const lines = raw.toString('utf8').split('\r\n').slice(0, -2).map(l => (l.startsWith('.') ? l.slice(1) : l))
    return { status, lines, raw }
  }

  /** Resolves when the server closes the connection. */
  async closedByServer(ms = 5000): Promise<void> {
    while (!this.closed) await this.#more(ms)
  }

  /** Bytes that arrived and were not read. */
  get unread(): string {
    return this.#buf.toString()
  }

  end(): void {
    this.socket.destroy()
  }
}

/** A logged-in client of a server (or of the port a CLI server printed). */
export async function loggedIn(server: RunningServer | number | string, user = 'guest', password = 'visitor'): Promise<RawClient> {
  const c = await RawClient.open(typeof server === 'object' ? server.port : Number(server))
  await c.line()
  const u = await c.cmd(`USER ${user}`)
  const p = await c.cmd(`PASS ${password}`)
  if (!p.startsWith('+OK')) throw new Error(`login failed: ${u} / ${p}`)
  return c
}

/** Un-dot-stuffs a multi-line body (as a client does) and drops the terminator. */
export function unstuff(raw: Buffer): Buffer {
  const text = raw.toString('latin1')
  if (text === '.\r\n') return Buffer.alloc(0)
  const lines = text.slice(0, -5 + 2).split('\r\n') // keep the CRLF of the last line
  return Buffer.from(lines.map(l => (l.startsWith('.') ? l.slice(1) : l)).join('\r\n'), 'latin1')
}

export interface Cli {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>
  exit: Promise<number | null>
}

/**
 * Runs the real bin/smallpop3.js, or with `bin` another smallpop3 command (an installed one) as a shell
 * would; `shell` runs first in the same process (`ulimit -Sn 256`, say).
 */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; shell?: string; bin?: string } = {}): Cli {
  const direct = opts.bin ? [opts.bin, ...args] : [process.execPath, BIN, ...args]
  const [cmd, ...argv] = opts.shell ? ['/bin/sh', '-c', `${opts.shell} && exec "$0" "$@"`, ...direct] : direct
  const child = spawn(cmd!, argv, {
    cwd: opts.cwd ?? ROOT,
    // English unless a test asks for another language: the machine's locale must not change what the tests read
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '', SMALLPOP3_HOME: mkdtempSync(join(tmpdir(), 'smallpop3-home-')), ...ENGLISH, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const waiters = new Set<() => void>()
  child.stdout!.on('data', d => {
    out += d
    waiters.forEach(w => w())
  })
  child.stderr!.on('data', d => {
    err += d
    waiters.forEach(w => w())
  })
  const exit = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exit,
    waitFor(re, ms = 10000) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          const m = (out + err).match(re)
          if (m) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(m)
          }
          return !!m
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`timed out waiting for ${re}; stdout: ${out}\nstderr: ${err}`))
        }, ms)
        waiters.add(check)
        check()
      })
    },
  }
}

/** The environment of a program that runs in English whatever the machine's locale (POSIX: the first of these set decides). */
export const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C' }

/** Runs a program to completion. */
export function run(cmd: string, args: string[], opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string; timeout?: number } = {}): Promise<{ code: number | null; stdout: Buffer; stderr: string }> {
  return new Promise(resolve => {
    const child = spawn(cmd, args, { env: { ...process.env, ...opts.env }, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeout ?? 30000)
    child.stdout.on('data', d => out.push(d))
    child.stderr.on('data', d => (err += d))
    child.on('error', e => {
      clearTimeout(timer)
      resolve({ code: -1, stdout: Buffer.alloc(0), stderr: String(e) })
    })
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code, stdout: Buffer.concat(out), stderr: err })
    })
    child.stdin.on('error', () => {}) // a program that never reads its input
    child.stdin.end(opts.input ?? '')
  })
}

/** Whether tmux is here, for the tests in a real terminal. */
export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0

export interface Terminal {
  /** The screen as text; with `history`, the lines scrolled off it too. */
  screen(history?: boolean): string
  keys(...keys: string[]): void
  /** The screen once it matches. */
  waitFor(re: RegExp, opts?: { ms?: number; history?: boolean }): Promise<string>
}

/**
 * A real terminal (tmux, 100×40, a server of its own) running the real
 * bin/smallpop3.js with `args` in a fresh SMALLPOP3_HOME, then printing its
 * exit status and the terminal's mode ("EXIT=N" and "icanon" when restored).
 */
export function terminal(t: { teardown(fn: () => void): void }, args: string, env = ''): Terminal {
  const socket = `smallpop3-test-${process.pid}-${++terminals}`
  const home = mkdtempSync(join(tmpdir(), 'smallpop3-home-'))
  const tm = (...a: string[]): string => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' })
  t.teardown(() => spawnSync('tmux', ['-L', socket, 'kill-server']))
  const command = `cd ${ROOT} && SMALLPOP3_HOME=${home} LC_ALL= LC_MESSAGES= LANG=C ${env} ${process.execPath} ${BIN} ${args}; echo "EXIT=$?"; stty -a | grep -o -- '-\\?icanon'; sleep 60`
  tm('new-session', '-d', '-x', '100', '-y', '40', '-s', 'main', command)
  const screen = (history = false): string => tm('capture-pane', '-p', '-t', 'main', ...(history ? ['-J', '-S', '-200'] : []))
  return {
    screen,
    keys: (...keys) => void tm('send-keys', '-t', 'main', ...keys),
    async waitFor(re, { ms = 10000, history = false } = {}) {
      const deadline = Date.now() + ms
      for (;;) {
        const shown = screen(history)
        if (re.test(shown)) return shown
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}; the screen:\n${shown}`)
        await new Promise(r => setTimeout(r, 100))
      }
    },
  }
}
let terminals = 0
