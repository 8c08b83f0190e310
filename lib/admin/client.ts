/**
 * The client side of the admin protocol, for `smallpop3 admin`: one
 * connection per command (greeting, AUTH, the command, QUIT), every step
 * under a deadline, so that a server that is not there, or does not answer,
 * is an error within seconds and never a hang.
 */
import { connect, type Socket } from 'node:net'
import { LocalizedError, type Translator } from '../i18n/index.js'
import { adminCommand, readRecord, type BodyShape } from './commands.js'

/** How long connecting may take. */
export const CONNECT_MS = 3000
/** How long one reply may take (PROGRESS reads every transcript; a wrong secret's answer waits up to 500 ms). */
export const REPLY_MS = 10_000

export interface AdminRequest {
  host: string
  port: number
  secret: string
  /** The command line, as typed after AUTH. */
  line: string
  connectMs?: number
  replyMs?: number
}

export interface AdminAnswer {
  ok: boolean
  /** The status line as sent. */
  status: string
  /** The status line's text, after +OK or -ERR. */
  text: string
  /** The lines of a multi-line reply, un-stuffed, and how to read them. */
  lines?: string[]
  shape?: BodyShape
}

/** The server could not be asked: not there, not answering, or not an admin port. */
export class AdminUnreachable extends LocalizedError {
  readonly code = 'EADMIN'
}

/** Asks one command of an admin port, after its secret. An -ERR to AUTH is the answer (refused), not an exception. */
export async function adminRequest(req: AdminRequest): Promise<AdminAnswer> {
  const where = { host: req.host, port: req.port }
  const socket = await open(req, where)
  const reader = new ReplyReader(socket, req.replyMs ?? REPLY_MS, where)
  try {
    // the greeting comes at once from a live server: waiting for it as for a connection finds a hung one as soon
    const greeting = await reader.status(req.connectMs ?? CONNECT_MS)
    if (!greeting.ok) return greeting // full
    if (!greeting.status.startsWith('+OK')) throw new AdminUnreachable('admin.client.notAdmin', where)
    socket.write(`AUTH ${req.secret}\r\n`)
    const auth = await reader.status()
    if (!auth.ok) return auth
    socket.write(`${req.line}\r\n`)
    const answer = await reader.status()
    const shape = adminCommand(req.line.split(' ')[0]!)?.multiLine
    if (answer.ok && shape) {
      answer.lines = await reader.body()
      answer.shape = shape
    }
    socket.end('QUIT\r\n')
    return answer
  } finally {
    reader.close()
    socket.destroySoon()
    setTimeout(() => socket.destroy(), 500).unref()
  }
}

function open(req: AdminRequest, where: { host: string; port: number }): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: req.host, port: req.port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new AdminUnreachable('admin.client.timeout', { ...where, seconds: (req.connectMs ?? CONNECT_MS) / 1000 }))
    }, req.connectMs ?? CONNECT_MS)
    socket.once('connect', () => {
      clearTimeout(timer)
      resolve(socket)
    })
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new AdminUnreachable(err.code === 'ECONNREFUSED' ? 'admin.client.refused' : 'admin.client.failed', { ...where, reason: err.code ?? err.message }))
    })
  })
}

/** Reads CRLF lines off the socket, each within the deadline. */
class ReplyReader {
  #buffer = ''
  #waiting?: () => void
  #closed = false

  constructor(readonly socket: Socket, readonly ms: number, readonly where: { host: string; port: number }) {
    socket.setEncoding('utf8')
    socket.on('data', (text: string) => {
      this.#buffer += text
      this.#waiting?.()
    })
    socket.on('close', () => {
      this.#closed = true
      this.#waiting?.()
    })
    socket.on('error', () => {})
  }

  async line(ms = this.ms): Promise<string> {
    const deadline = Date.now() + ms
    for (;;) {
      const end = this.#buffer.indexOf('\n')
      if (end !== -1) {
        const line = this.#buffer.slice(0, end).replace(/\r$/, '')
        this.#buffer = this.#buffer.slice(end + 1)
        return line
      }
      if (this.#closed) throw new AdminUnreachable('admin.client.closed', this.where)
      const left = deadline - Date.now()
      if (left <= 0) throw new AdminUnreachable('admin.client.noReply', { ...this.where, seconds: ms / 1000 })
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, left)
        this.#waiting = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.#waiting = undefined
    }
  }

  async status(ms?: number): Promise<AdminAnswer> {
    const status = await this.line(ms)
    const m = /^(\+OK|-ERR)(?: (.*))?$/.exec(status)
    if (!m) throw new AdminUnreachable('admin.client.notAdmin', this.where)
    return { ok: m[1] === '+OK', status, text: m[2] ?? '' }
  }

  /** A multi-line body up to its "." line, un-stuffed. */
  async body(): Promise<string[]> {
    const lines: string[] = []
    for (let line = await this.line(); line !== '.'; line = await this.line()) lines.push(line.startsWith('.') ? line.slice(1) : line)
    return lines
  }

  close(): void {
    this.#waiting = undefined
  }
}

/** Fields that stay text even when they look like numbers. */
const TEXT_FIELDS = new Set(['user', 'last', 'mailbox', 'remote', 'done', 'started', 'state'])

function typed(name: string, value: string): string | number | boolean {
  if (TEXT_FIELDS.has(name)) return value
  if (/^-?\d+$/.test(value)) return Number(value)
  if (value === 'true' || value === 'false') return value === 'true'
  return value
}

/** A multi-line answer as data, for --json: a list of objects, one object, or lines of text. */
export function answerData(answer: AdminAnswer): unknown {
  if (!answer.lines) return undefined
  switch (answer.shape) {
    case 'list':
      return answer.lines.map(line => Object.fromEntries(Object.entries(readRecord(line)).map(([k, v]) => [k, typed(k, v)])))
    case 'record': {
      // dotted names nest once: connections.now → { connections: { now } }; errors.pass.wrong → { errors: { "pass.wrong" } }
      const out: Record<string, unknown> = {}
      for (const line of answer.lines) {
        for (const [name, value] of Object.entries(readRecord(line))) {
          const dot = name.indexOf('.')
          const leaf = typed(name.slice(dot + 1), value)
          if (dot === -1) out[name] = leaf
          else ((out[name.slice(0, dot)] ??= {}) as Record<string, unknown>)[name.slice(dot + 1)] = leaf
        }
      }
      return out
    }
    default:
      return answer.lines
  }
}

/** A column's header in the words of `t`: a field the catalogue does not name yet (a newer server's) by its name. */
function header(field: string, t: Translator): string {
  const key = `admin.column.${field}`
  return t.has(key) ? t(key) : field.toUpperCase()
}

/** A value for a person: true and false as the language says yes and no, anything else as the wire has it. */
function cell(field: string, value: string | undefined, t: Translator): string {
  if (value === undefined) return ''
  const v = typed(field, value)
  return typeof v === 'boolean' ? t(v ? 'admin.value.true' : 'admin.value.false') : value
}

/** A multi-line answer for a person, in the words of `t`: a table with a header row, aligned `name value` lines, or the lines as they are. */
export function answerTable(answer: AdminAnswer, t: Translator): string[] {
  const lines = answer.lines ?? []
  if (answer.shape === 'list') {
    const rows = lines.map(readRecord)
    if (!rows.length) return []
    const columns = [...new Set(rows.flatMap(r => Object.keys(r)))]
    const cells = [columns.map(c => header(c, t)), ...rows.map(r => columns.map(c => cell(c, r[c], t)))]
    const widths = columns.map((_, i) => Math.max(...cells.map(row => row[i]!.length)))
    return cells.map(row => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd())
  }
  if (answer.shape === 'record') {
    const pairs = lines.flatMap(line => Object.entries(readRecord(line)))
    const width = Math.max(0, ...pairs.map(([name]) => name.length))
    return pairs.map(([name, value]) => `${name.padEnd(width)}  ${value}`)
  }
  return lines
}
