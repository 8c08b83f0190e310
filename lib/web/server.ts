/**
 * The classroom view's web server (--web-port): the page's own files, a
 * login behind the admin secret, the live feed over a WebSocket, and the
 * gradebook's CSV. It listens on 127.0.0.1 unless told otherwise.
 *
 * Nothing about students goes to a browser that has not given the secret:
 * the page's files and its words are all that is served without it. The
 * secret itself never travels in a URL the server sees: the banner's link
 * carries it after `#`, which a browser keeps to itself; the page posts it
 * to /login, and gets back an HttpOnly cookie holding a random token, not
 * the secret. A wrong secret waits as the admin port's does (lib/login-guard.ts).
 * Scripts may send the secret as `Authorization: Bearer SECRET` instead.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { WebSocketServer } from 'ws'
import { generateSecret, secretMatches } from '../admin/server.js'
import { catalogue, LANGUAGES, translator } from '../i18n/index.js'
import { listenOn } from '../listen.js'
import { LoginGuard, type LoginDelayOptions } from '../login-guard.js'
import type { RunningServer } from '../server.js'
import { PACKAGE_ROOT } from '../version.js'
import { ClassFeed } from './feed.js'

export interface WebOptions {
  /** TCP port; 0 picks a free one. */
  port: number
  /** Default 127.0.0.1: this machine only. */
  host?: string
  /** The admin secret; without one, one is made (and the banner's link carries it). */
  secret?: string
  /** The secret given was made at start-up (by the admin port): the link carries it too. */
  made?: boolean
  /** Where sessions are recorded, for the progress; none: progress is unknown. */
  transcripts?: string
  /** The page's language until it chooses another. Default: English. */
  lang?: string
  /** Seconds idle in the middle of an exercise after which a connected student counts as stuck. Default 180. */
  stuckIdle?: number
  loginDelay?: LoginDelayOptions
}

export interface WebView {
  readonly host: string
  readonly port: number
  readonly secret: string
  /** The secret was made at start-up: the banner's link carries it. */
  readonly generated: boolean
  /** The page's address; with the secret after `#` when it was made at start-up. */
  readonly url: string
  /** Pages open now. */
  readonly pages: number
  close(): Promise<void>
}

/** Where the page's files are: web/ in the package. */
const PAGE_DIR = join(PACKAGE_ROOT, 'web')
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
}
const COOKIE = 'smallpop3_view'
/** Logged-in browsers remembered at most; the oldest must log in again. */
const MAX_TOKENS = 1000
/** The longest body /login reads. */
const MAX_LOGIN = 1024
const DEFAULT_STUCK_IDLE = 180

const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'self'; connect-src 'self'; frame-ancestors 'none'",
}

export async function startWeb(server: RunningServer, options: WebOptions): Promise<WebView> {
  const view = new WebServer(server, options)
  await view.listen(options.port, options.host ?? '127.0.0.1')
  return view
}

class WebServer implements WebView {
  readonly secret: string
  readonly generated: boolean
  readonly #feed: ClassFeed
  readonly #http: Server
  readonly #ws = new WebSocketServer({ noServer: true, maxPayload: 4096 })
  readonly #guard: LoginGuard
  /** Tokens of the browsers that gave the secret, oldest first. */
  readonly #tokens = new Set<string>()
  readonly #stuckIdle: number
  #address?: AddressInfo
  readonly #sockets = new Set<Socket>()

  constructor(server: RunningServer, options: WebOptions) {
    this.secret = options.secret ?? generateSecret()
    this.generated = options.secret === undefined || options.made === true
    this.#guard = new LoginGuard(options.loginDelay)
    this.#stuckIdle = options.stuckIdle ?? DEFAULT_STUCK_IDLE
    this.#feed = new ClassFeed({ state: server.state, transcripts: options.transcripts, lang: options.lang ?? 'en', stuckIdle: this.#stuckIdle })
    this.#http = createServer((req, res) => {
      this.#serve(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
    })
    this.#http.on('connection', socket => {
      this.#sockets.add(socket)
      socket.once('close', () => this.#sockets.delete(socket))
    })
    this.#http.on('upgrade', (req, socket, head) => this.#upgrade(req, socket as Socket, head))
    this.#http.on('clientError', (_err, socket) => socket.destroy())
  }

  get host(): string {
    return this.#address!.address
  }

  get port(): number {
    return this.#address!.port
  }

  get url(): string {
    const wildcard = this.host === '0.0.0.0' || this.host === '::'
    const host = wildcard ? '127.0.0.1' : this.host.includes(':') ? `[${this.host}]` : this.host
    return `http://${host}:${this.port}/${this.generated ? `#secret=${encodeURIComponent(this.secret)}` : ''}`
  }

  get pages(): number {
    return this.#feed.pages
  }

  async listen(port: number, host: string): Promise<void> {
    await this.#feed.start()
    this.#address = await listenOn(this.#http, port, host)
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://view')
    const path = url.pathname
    if (req.method === 'POST' && path === '/login') return this.#login(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n')
    const page = FILES[path]
    if (page) return send(res, 200, page.type, await readFile(join(PAGE_DIR, page.file)), { 'Cache-Control': 'no-cache' })
    if (path === '/words.json') return send(res, 200, 'application/json', JSON.stringify(words(url.searchParams.get('lang') ?? this.#feed.lang)))
    if (path === '/view.json' || path === '/progress.csv') {
      if (!(await this.#authorized(req))) return send(res, 401, 'application/json', '{"error":"unauthorized"}')
      if (path === '/view.json') return send(res, 200, 'application/json', JSON.stringify(await this.#feed.fresh()))
      const t = translator(url.searchParams.get('lang') ?? this.#feed.lang)
      return send(res, 200, 'text/csv; charset=utf-8', await this.#feed.csv(t), { 'Content-Disposition': 'attachment; filename="smallpop3-progress.csv"' })
    }
    return send(res, 404, 'text/plain', 'not found\n')
  }

  /** POST /login with the secret (JSON `{"secret": ...}`): a cookie, or 403 after the wait a wrong secret costs. */
  async #login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req, MAX_LOGIN)
    let given: unknown
    try {
      given = body === undefined ? undefined : (JSON.parse(body) as { secret?: unknown }).secret
    } catch {
      given = undefined
    }
    const ok = typeof given === 'string' && secretMatches(given, this.secret)
    await this.#guard.settle(req.socket.remoteAddress ?? '', 'web', ok)
    if (!ok) return send(res, 403, 'application/json', '{"error":"wrong secret"}')
    const token = randomBytes(24).toString('base64url')
    this.#tokens.add(token)
    if (this.#tokens.size > MAX_TOKENS) this.#tokens.delete(this.#tokens.values().next().value!)
    send(res, 204, 'text/plain', '', { 'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` })
  }

  /** A browser that logged in (its cookie), or a script that sends the secret. */
  async #authorized(req: IncomingMessage): Promise<boolean> {
    const token = cookie(req.headers.cookie, COOKIE)
    if (token !== undefined && this.#tokens.has(token)) return true
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (bearer === undefined) return false
    const ok = secretMatches(bearer, this.secret)
    await this.#guard.settle(req.socket.remoteAddress ?? '', 'web', ok)
    return ok
  }

  #upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://view')
    // another site's page may not open the feed with this browser's cookie (cross-site WebSocket hijacking)
    const origin = req.headers.origin
    const sameOrigin = origin === undefined || origin === `http://${req.headers.host}`
    const token = cookie(req.headers.cookie, COOKIE)
    if (url.pathname !== '/live' || !sameOrigin || token === undefined || !this.#tokens.has(token)) {
      socket.end(`HTTP/1.1 ${url.pathname === '/live' ? '401 Unauthorized' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
      return
    }
    this.#ws.handleUpgrade(req, socket, head, ws => this.#feed.add(ws, url.searchParams.get('lang') ?? this.#feed.lang))
  }

  async close(): Promise<void> {
    this.#feed.close()
    this.#guard.close()
    const stopped = new Promise<void>(resolve => this.#http.close(() => resolve()))
    for (const socket of this.#sockets) socket.destroy()
    await stopped
  }
}

/** The words the page shows, in a language (English where it has none), and the languages there are. */
function words(lang: string): { lang: string; languages: Record<string, string>; words: Record<string, string> } {
  const chosen = LANGUAGES.includes(lang) ? lang : 'en'
  const all = catalogue(chosen)
  const english = catalogue('en')
  const out: Record<string, string> = {}
  for (const key of Object.keys(english) as (keyof typeof english)[]) if (key.startsWith('web.')) out[key] = all[key] ?? english[key]
  // each language named in its own words, for the page's choice (its code, until its catalogue names it)
  const languages = Object.fromEntries(LANGUAGES.map(l => [l, (catalogue(l) as Partial<Record<string, string>>)['web.language'] ?? l]))
  return { lang: chosen, languages, words: out }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...headers, 'Content-Length': Buffer.byteLength(body) })
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

/** The request's body as text, or none when it is longer than `max` octets. */
async function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let octets = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    octets += chunk.length
    if (octets > max) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
