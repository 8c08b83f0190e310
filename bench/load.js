// The benchmark's load generator: a process of its own (forked by run.js), talking only to 127.0.0.1.
// It gets one job over IPC, checks every reply it counts, and answers with its figures and its own CPU use.
// Jobs: sessions (complete POP3 sessions in a loop), retr (RETR in a loop), idle (hold logged-in
// connections until told to let go), big (one RETR of one message). Each ends by its deadline.
import { connect } from 'node:net'
import { crc32 } from 'node:zlib'

const HOST = '127.0.0.1'
const MAX_LINE = 64 * 1024
/** A reply that does not come within this is an error, and the connection is dropped. */
const REPLY_TIMEOUT_MS = 15_000

class BenchError extends Error {}

/** One connection: replies read as CRLF lines, or as a counted run of bytes checked by CRC-32. */
class Conn {
  #buf = null
  #want = null
  #failure = null

  constructor(port) {
    this.socket = connect(port, HOST)
    this.socket.setNoDelay(true)
    this.socket.setTimeout(REPLY_TIMEOUT_MS, () => {
      this.#fail(new BenchError(`no reply in ${REPLY_TIMEOUT_MS / 1000} s`))
      this.destroy()
    })
    this.closed = new Promise(resolve => this.socket.once('close', resolve))
    this.socket.on('data', d => {
      this.#buf = this.#buf ? Buffer.concat([this.#buf, d]) : d
      this.#pump()
    })
    this.socket.on('error', err => this.#fail(new BenchError(`socket: ${err.code ?? err.message}`)))
    this.socket.on('close', () => this.#fail(new BenchError('closed by the server')))
  }

  #fail(err) {
    this.#failure ??= err
    const w = this.#want
    this.#want = null
    w?.reject(err)
  }

  #pump() {
    while (this.#want && this.#buf) {
      const w = this.#want
      if (w.bytes === undefined) {
        const i = this.#buf.indexOf('\r\n')
        if (i === -1) {
          if (this.#buf.length > MAX_LINE) this.#fail(new BenchError('a reply line longer than 64 kB'))
          return
        }
        const line = this.#buf.toString('latin1', 0, i)
        this.#take(i + 2)
        this.#want = null
        w.resolve(line)
      } else {
        const n = Math.min(w.bytes, this.#buf.length)
        w.crc = crc32(n === this.#buf.length ? this.#buf : this.#buf.subarray(0, n), w.crc)
        w.bytes -= n
        this.#take(n)
        if (w.bytes === 0) {
          this.#want = null
          w.resolve(w.crc)
        }
      }
    }
  }

  #take(n) {
    this.#buf = n >= this.#buf.length ? null : this.#buf.subarray(n)
  }

  #wait(want) {
    if (this.#failure) return Promise.reject(this.#failure)
    return new Promise((resolve, reject) => {
      this.#want = { ...want, resolve, reject }
      this.#pump()
    })
  }

  line() {
    return this.#wait({})
  }

  /** The CRC-32 of the next `bytes` bytes. */
  bytes(bytes) {
    return this.#wait({ bytes, crc: 0 })
  }

  async ok(command) {
    if (command) this.socket.write(command + '\r\n')
    const line = await this.line()
    if (!line.startsWith('+OK')) throw new BenchError(`${command?.split(' ')[0] ?? 'greeting'}: ${line.slice(0, 120)}`)
    return line
  }

  destroy() {
    this.socket.destroy()
  }
}

/** Connect, greeting, USER, PASS: a connection ready for the TRANSACTION state. */
async function login(port, account) {
  const c = new Conn(port)
  try {
    await c.ok()
    await c.ok(`USER ${account.user}`)
    await c.ok(`PASS ${account.pass}`)
    return c
  } catch (err) {
    c.destroy()
    throw err
  }
}

/** STAT and LIST, each checked against the count and the octets the maildrop must have. */
async function statAndList(c, expect) {
  const stat = await c.ok('STAT')
  if (stat !== `+OK ${expect.count} ${expect.octets}` && !stat.startsWith(`+OK ${expect.count} ${expect.octets} `)) throw new BenchError(`STAT: ${stat}, expected ${expect.count} ${expect.octets}`)
  await c.ok('LIST')
  for (let i = 0; ; i++) {
    const line = await c.line()
    if (line === '.') {
      if (i !== expect.count) throw new BenchError(`LIST: ${i} lines, expected ${expect.count}`)
      return
    }
    if (line !== `${i + 1} ${expect.sizes[i]}`) throw new BenchError(`LIST: "${line}", expected "${i + 1} ${expect.sizes[i]}"`)
  }
}

/** RETR n, its body checked byte for byte (length and CRC-32, the terminator included); returns the body's bytes. */
async function retr(c, n, expect) {
  const want = expect.retr[n - 1]
  const status = await c.ok(`RETR ${n}`)
  const crc = await c.bytes(want.length)
  if (crc !== want.crc) throw new BenchError(`RETR ${n}: the ${want.length} bytes after "${status.slice(0, 60)}" are not the message`)
  return want.length
}

function quantile(sorted, q) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null
}

/** Runs `clients` loops of `body(client, i)` until the deadline or `max` iterations; counts errors, keeps a few. */
async function loops(job, body) {
  const deadline = Date.now() + job.seconds * 1000
  const errors = { count: 0, samples: [] }
  let started = 0
  const one = async client => {
    while (Date.now() < deadline && started < job.max) {
      const i = started++
      try {
        await body(client, i)
      } catch (err) {
        errors.count++
        if (errors.samples.length < 5) errors.samples.push(err.message)
        if (!(err instanceof BenchError)) throw err
        await new Promise(r => setTimeout(r, 20))
      }
    }
  }
  await Promise.all(Array.from({ length: job.clients }, (_, k) => one(k)))
  return errors
}

const jobs = {
  /** Complete sessions: connect, greeting, USER, PASS, STAT, LIST, QUIT; client k uses accounts k, k + clients, … */
  async sessions(job) {
    const latencies = []
    const turn = new Array(job.clients).fill(0)
    const errors = await loops(job, async k => {
      const account = job.accounts[(k + job.clients * turn[k]++) % job.accounts.length]
      const t0 = performance.now()
      const c = await login(job.port, account)
      try {
        await statAndList(c, job.expect)
        await c.ok('QUIT')
        latencies.push(performance.now() - t0)
        await c.closed // RFC 1939 section 6: the server closes after QUIT
      } finally {
        c.destroy()
      }
    })
    latencies.sort((a, b) => a - b)
    return { sessions: latencies.length, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors }
  },

  /** RETR of every message in turn, on one logged-in connection per client. */
  async retr(job) {
    let bytes = 0
    let messages = 0
    const conns = []
    const errors = await loops({ ...job, max: Infinity }, async k => {
      conns[k] ??= await login(job.port, job.accounts[k])
      try {
        const n = await retr(conns[k], 1 + (messages % job.expect.count), job.expect)
        bytes += n // not `bytes += await …`: that adds to the total read before the await, losing the other clients' bytes
        messages++
      } catch (err) {
        conns[k].destroy()
        conns[k] = undefined
        throw err
      }
    })
    await Promise.all(conns.map(async c => c && c.ok('QUIT').catch(() => {}).finally(() => c.destroy())))
    return { bytes, messages, errors }
  },

  /** Logs in `count` connections (`parallel` at a time) and holds them until run.js says release. */
  async idle(job) {
    const held = []
    const errors = { count: 0, samples: [] }
    const deadline = Date.now() + job.seconds * 1000
    let next = 0
    const opener = async () => {
      while (next < job.accounts.length && Date.now() < deadline) {
        const account = job.accounts[next++]
        try {
          const c = await login(job.port, account)
          c.socket.setTimeout(0) // idle is what it is here for
          held.push(c)
        } catch (err) {
          errors.count++
          if (errors.samples.length < 5) errors.samples.push(err.message)
        }
      }
    }
    await Promise.all(Array.from({ length: job.parallel }, opener))
    let lost = 0
    for (const c of held) c.closed.then(() => lost++)
    process.send({ type: 'holding', loggedIn: held.length, errors, cpu: process.cpuUsage() })
    await new Promise(resolve => process.once('message', resolve))
    const stillOpen = held.length - lost
    for (const c of held) c.destroy()
    return { loggedIn: held.length, stillOpen, errors }
  },

  /** One RETR of message 1, timed from the command to the last byte. */
  async big(job) {
    const c = await login(job.port, job.accounts[0])
    try {
      await statAndList(c, job.expect)
      const t0 = performance.now()
      const bytes = await retr(c, 1, job.expect)
      const ms = performance.now() - t0
      await c.ok('QUIT')
      return { bytes, ms, errors: { count: 0, samples: [] } }
    } catch (err) {
      return { bytes: 0, ms: null, errors: { count: 1, samples: [err.message] } }
    } finally {
      c.destroy()
    }
  },
}

process.once('message', async job => {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  // the last guard: whatever happens, this process ends a little after its job's deadline
  setTimeout(() => {
    process.send({ type: 'result', error: `the load generator's ${job.kind} job did not end in time` }, () => process.exit(1))
  }, (job.seconds + (job.kind === 'idle' ? 600 : 60)) * 1000).unref()
  try {
    const result = await jobs[job.kind](job)
    const wallMs = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    process.send({ type: 'result', ...result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0))
  } catch (err) {
    process.send({ type: 'result', error: err.stack }, () => process.exit(1))
  }
})
