#!/usr/bin/env node
// npm run bench: speed and memory figures for the current build, printed (a table, then one JSON line),
// never asserted. With --compare CMD, the same workload against another POP3 server, and the ratios.
// See bench/README.md for the options, what each figure means and the --compare contract.
// The load generator (bench/load.js) runs in its own process; everything talks to 127.0.0.1 only;
// each step is bounded in time and stops the processes it started.
import { fork, spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { copySample, message, writeBigFolder, writeFolder } from './mailboxes.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(ROOT, 'bin', 'smallpop3.js')
const LOAD = fileURLToPath(new URL('./load.js', import.meta.url))
const MIB = 1 << 20

const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    compare: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    steps: { type: 'string', default: 'startup,sessions,retr,idle,big' },
    log: { type: 'string', default: 'both' },
    accounts: { type: 'string', default: '5000' },
    idle: { type: 'string' },
    'big-mib': { type: 'string' },
    profile: { type: 'string' },
  },
})
const quick = opt.quick ?? false
const number = (text, fallback, min, max) => Math.min(max, Math.max(min, Number(text ?? fallback) || fallback))
const ROUNDS = number(opt.rounds, 1, 1, 10)
const SECONDS = number(opt.seconds, quick ? 3 : 8, 1, 120)
const ACCOUNTS = number(opt.accounts, 5000, 50, 20000)
const IDLE = (opt.idle ?? (quick ? '1000' : '1000,10000')).split(',').map(n => number(n, 1000, 1, 20000)).sort((a, b) => a - b)
const BIG_MIB = number(opt['big-mib'], quick ? 256 : 1024, 1, 4096)
const STEPS = new Set(opt.steps.split(','))
const CONCURRENCY = [1, 10, 50]
const RETR_CLIENTS = 10
const ACTIVE_CLIENTS = 5 // the clients still served while the idle connections are held
const IDLE_SECONDS = quick ? 90 : 240 // to log in one level of idle connections
const FD_WANTED = 65536

// ── the servers ──────────────────────────────────────────────────────────

const helpText = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }).stdout ?? ''
const HAS_QUIET = /--quiet\b/.test(helpText)
const NO_LOG = HAS_QUIET ? ['--quiet'] : ['--log', 'json'] // JSON to /dev/null until --quiet exists
const profileArgs = opt.profile ? ['--cpu-prof', '--cpu-prof-dir', opt.profile] : []

const targets = [
  ...(opt.log === 'off' ? [] : [{ name: 'log', label: 'smallpop3, log on', args: [], logPipe: true }]),
  ...(opt.log === 'on' ? [] : [{ name: 'nolog', label: HAS_QUIET ? 'smallpop3 --quiet' : 'smallpop3, log off', args: NO_LOG, logPipe: false }]),
  ...(opt.compare ? [{ name: 'other', label: 'other server', command: opt.compare }] : []),
]

const work = mkdtempSync(join(tmpdir(), 'smallpop3-bench-'))
chmodSync(work, 0o755) // a server that drops privileges (Dovecot's mail processes) must reach the folders in it
const running = new Set()
function cleanUp() {
  for (const pid of running) kill(pid, 'SIGKILL')
  rmSync(work, { recursive: true, force: true })
}
process.on('exit', cleanUp)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130))

function kill(pid, signal) {
  try {
    process.kill(-pid, signal) // the whole process group: the server and whatever it started
  } catch {}
}

function freePort() {
  const s = createServer().listen(0, '127.0.0.1')
  return once(s, 'listening').then(() => {
    const { port } = s.address()
    s.close()
    return port
  })
}

/** Whether a POP3 greeting comes from the port now. */
function greets(port) {
  return new Promise(resolve => {
    const s = connect(port, '127.0.0.1')
    let text = ''
    const done = ok => (s.destroy(), resolve(ok))
    s.setTimeout(2000, () => done(false))
    s.on('error', () => done(false))
    s.on('data', d => (text += d) && text.includes('\r\n') && done(text.startsWith('+OK')))
  })
}

// Raising the soft limit to the hard one is all an unprivileged process may do; as root in a
// container without CAP_SYS_RESOURCE, the hard limit cannot be raised either.
const WRAPPER = `ulimit -n ${FD_WANTED} 2>/dev/null || ulimit -n "$(ulimit -Hn)"`

/** Starts a target on a mail folder; resolves once it greets, with the time that took (bounded). */
async function start(target, folder) {
  const port = await freePort()
  // TMPDIR inside the work folder: what a server killed with SIGKILL leaves there goes at the end
  const env = { ...process.env, TMPDIR: work, POP3_PORT: String(port), POP3_FOLDER: folder, POP3_MAILLIST: join(folder, 'maillist') }
  const fill = s => s.replaceAll('{port}', port).replaceAll('{folder}', folder).replaceAll('{maillist}', env.POP3_MAILLIST)
  const argv = target.command
    ? ['bash', '-c', `${WRAPPER}; ${fill(target.command)}`]
    : ['bash', '-c', `${WRAPPER}; exec "$@"`, 'smallpop3', process.execPath, ...profileArgs, BIN, '--port', String(port), '--maillist', env.POP3_MAILLIST, '--max-connections', '20000', ...target.args]
  const t0 = performance.now()
  const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, env, detached: true, stdio: ['ignore', target.logPipe || target.command ? 'pipe' : 'ignore', 'pipe'] })
  running.add(child.pid)
  const server = { child, pid: child.pid, port, log: { bytes: 0, lines: 0 }, output: '' }
  const keep = d => (server.output = (server.output + d).slice(-4000))
  child.stderr.on('data', keep)
  // the explained log goes to a pipe this process drains, as a terminal would
  child.stdout?.on('data', d => {
    server.log.bytes += d.length
    for (let i = d.indexOf(10); i !== -1; i = d.indexOf(10, i + 1)) server.log.lines++
    if (target.command) keep(d)
  })
  let exited = false
  child.once('exit', () => (exited = true))
  const deadline = t0 + 180_000
  while (!(await greets(port))) {
    if (exited || performance.now() > deadline) {
      await stop(server)
      throw new Error(`${target.label} did not greet on port ${port}${exited ? ' (it exited)' : ' in 180 s'}:\n${server.output}`)
    }
    await sleep(5)
  }
  server.startMs = performance.now() - t0
  return server
}

async function stop(server) {
  if (server.child.exitCode === null && server.child.signalCode === null) {
    const exited = once(server.child, 'exit')
    kill(server.pid, 'SIGTERM')
    if ((await Promise.race([exited, sleep(10_000, 'late')])) === 'late') {
      kill(server.pid, 'SIGKILL')
      await exited
    }
  }
  kill(server.pid, 'SIGKILL') // whatever of its group is left
  running.delete(server.pid)
}

// ── what the server uses, from /proc: its whole process tree ───────────

function processTree(root) {
  const children = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = readProc(`/proc/${name}/stat`)
    if (!stat) continue
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (!children.has(ppid)) children.set(ppid, [])
    children.get(ppid).push(Number(name))
  }
  const tree = [root]
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []))
  return tree
}

function readProc(path) {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return '' // a process that ended meanwhile
  }
}

/** Bytes: RSS summed over the tree, and PSS (each shared page divided among its sharers), the fair sum for many processes. */
function memory(root) {
  let rss = 0
  let pss = 0
  const pids = processTree(root)
  for (const pid of pids) {
    rss += Number(/VmRSS:\s+(\d+)/.exec(readProc(`/proc/${pid}/status`))?.[1] ?? 0) * 1024
    pss += Number(/^Pss:\s+(\d+)/m.exec(readProc(`/proc/${pid}/smaps_rollup`))?.[1] ?? 0) * 1024
  }
  return { rss, pss, processes: pids.length }
}

/** CPU milliseconds used by the tree, with its children that ended and were waited for. */
function cpuMs(root) {
  let ticks = 0
  for (const pid of processTree(root)) {
    const f = readProc(`/proc/${pid}/stat`).split(') ')[1]?.split(' ') ?? []
    ticks += Number(f[11] ?? 0) + Number(f[12] ?? 0) + Number(f[13] ?? 0) + Number(f[14] ?? 0)
  }
  return ticks * 10 // CLK_TCK is 100 on Linux
}

function openFilesLimit(pid) {
  return /^Max open files\s+(\S+)\s+(\S+)/m.exec(readProc(`/proc/${pid}/limits`))?.slice(1, 3).join('/') ?? '?'
}

// ── the load generator ──────────────────────────────────────────────────

/** Runs one job in a new generator process; `onHolding` is called for an idle job once its connections are in. */
async function generate(job, onHolding) {
  const child = fork(LOAD, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] })
  child.send(job)
  let result
  child.on('message', m => {
    if (m.type === 'holding') onHolding(m, () => child.send('release'))
    else result = m
  })
  const [code] = await once(child, 'exit')
  if (!result) throw new Error(`the load generator exited with ${code} and no result`)
  if (result.error) throw new Error(result.error)
  return { ...result, cpuPercent: (100 * result.cpuMs) / result.wallMs }
}

// ── the steps ───────────────────────────────────────────────────────────

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return (s[Math.floor((s.length - 1) / 2)] + s[Math.ceil((s.length - 1) / 2)]) / 2
}
const SESSION_MESSAGES = [1200, 2500, 4000, 800, 6000].map((size, i) => message(i, size, i === 2 ? 3 : -1))
const folderFor = (name, target, round) => join(work, `${name}-${target.name}-${round}`)
const say = text => process.stderr.write(`  ${text}\n`)
const errorsOf = e => `${e?.count ?? 0} errors${e?.samples?.length ? ` (${e.samples[0]})` : ''}`

/** Time to the first greeting, three times, with the bundled sample. */
async function startupSample(target) {
  const times = []
  for (let i = 0; i < 3; i++) {
    const { dir } = copySample(ROOT, folderFor(`sample${i}`, target, 0))
    const server = await start(target, dir)
    times.push(server.startMs)
    await stop(server)
  }
  return { startSampleMs: median(times) }
}

/** Start-up with ACCOUNTS accounts, then complete sessions at each concurrency. */
async function sessions(target, round) {
  const folder = writeFolder(folderFor('sessions', target, round), { count: ACCOUNTS, messages: SESSION_MESSAGES })
  const server = await start(target, folder.dir)
  const out = { startAccountsMs: server.startMs, openFiles: openFilesLimit(server.pid) }
  try {
    const job = { kind: 'sessions', port: server.port, accounts: folder.accounts, expect: folder.expect, max: 1e7 }
    await generate({ ...job, clients: 10, seconds: 1 }) // warm-up: JIT, caches
    for (const clients of CONCURRENCY) {
      const cpu0 = cpuMs(server.pid)
      const r = await generate({ ...job, clients, seconds: SECONDS })
      const serverCpu = cpuMs(server.pid) - cpu0
      out[`c${clients}`] = { rate: r.sessions / (r.wallMs / 1000), p50: r.p50, p99: r.p99, sessions: r.sessions, errors: r.errors, generatorCpu: r.cpuPercent, serverCpuPerSession: serverCpu / r.sessions, serverCpu: (100 * serverCpu) / r.wallMs }
      say(`${target.label}: ${clients} clients: ${out[`c${clients}`].rate.toFixed(0)} sessions/s, p50 ${r.p50?.toFixed(1)} ms, p99 ${r.p99?.toFixed(1)} ms, ${errorsOf(r.errors)}, generator ${r.cpuPercent.toFixed(0)} % CPU`)
    }
  } finally {
    out.logBytes = server.log.bytes
    await stop(server)
    rmSync(folder.dir, { recursive: true, force: true })
  }
  return out
}

/** RETR of 1 MiB messages by RETR_CLIENTS clients. */
async function retrRate(target, round) {
  const messages = [0, 1, 2, 3].map(i => message(100 + i, MIB, 5))
  const folder = writeFolder(folderFor('retr', target, round), { count: RETR_CLIENTS, messages })
  const server = await start(target, folder.dir)
  try {
    const cpu0 = cpuMs(server.pid)
    const r = await generate({ kind: 'retr', port: server.port, accounts: folder.accounts, expect: folder.expect, clients: RETR_CLIENTS, seconds: SECONDS })
    const out = { mbps: r.bytes / MIB / (r.wallMs / 1000), messages: r.messages, errors: r.errors, generatorCpu: r.cpuPercent, serverCpu: (100 * (cpuMs(server.pid) - cpu0)) / r.wallMs }
    say(`${target.label}: RETR 1 MiB x ${RETR_CLIENTS} clients: ${out.mbps.toFixed(0)} MB/s, ${errorsOf(r.errors)}, generator ${r.cpuPercent.toFixed(0)} % CPU`)
    return out
  } finally {
    await stop(server)
    rmSync(folder.dir, { recursive: true, force: true })
  }
}

/** Memory per idle logged-in connection at each level of IDLE, while ACTIVE_CLIENTS clients run sessions. */
async function idle(target) {
  const total = IDLE[IDLE.length - 1]
  const folder = writeFolder(folderFor('idle', target, 0), { count: total + ACTIVE_CLIENTS * 2, messages: SESSION_MESSAGES.slice(0, 2) })
  const active = folder.accounts.slice(0, ACTIVE_CLIENTS * 2)
  const idleAccounts = folder.accounts.slice(ACTIVE_CLIENTS * 2)
  const server = await start(target, folder.dir)
  const activeJob = seconds => generate({ kind: 'sessions', port: server.port, accounts: active, expect: folder.expect, clients: ACTIVE_CLIENTS, seconds, max: 1e7 })
  const out = { openFiles: openFilesLimit(server.pid), levels: [] }
  const releases = []
  const generators = []
  try {
    await activeJob(1)
    await sleep(500)
    const base = memory(server.pid)
    out.base = base
    let opened = 0
    for (const level of IDLE) {
      const t0 = performance.now()
      let holding
      const held = new Promise(resolve => (holding = resolve))
      generators.push(generate({ kind: 'idle', port: server.port, accounts: idleAccounts.slice(opened, level), parallel: 20, seconds: IDLE_SECONDS }, (m, release) => (releases.push(release), holding(m))))
      const h = await Promise.race([held, generators.at(-1)]) // the holding message, or the result of a generator that ended early
      opened = level
      const loggedIn = out.levels.reduce((n, l) => n + l.newlyLoggedIn, 0) + h.loggedIn
      const during = activeJob(4)
      const samples = []
      for (let i = 0; i < 3; i++) {
        await sleep(1000)
        samples.push(memory(server.pid))
      }
      const a = await during
      const mem = samples.reduce((m, s) => (s.pss > m.pss ? s : m))
      const entry = {
        level, newlyLoggedIn: h.loggedIn, loggedIn, loginSeconds: (performance.now() - t0) / 1000, errors: h.errors,
        pss: mem.pss, rss: mem.rss, processes: mem.processes,
        pssPerConnection: (mem.pss - base.pss) / loggedIn, rssPerConnection: (mem.rss - base.rss) / loggedIn,
        activeRate: a.sessions / (a.wallMs / 1000), activeP99: a.p99, activeErrors: a.errors,
      }
      out.levels.push(entry)
      say(`${target.label}: ${loggedIn} idle logged-in connections, ${errorsOf(h.errors).replace('errors', 'failed')}: ${(entry.pssPerConnection / 1024).toFixed(1)} kB each (PSS), ${mem.processes} processes; active clients meanwhile ${entry.activeRate.toFixed(0)} sessions/s, ${errorsOf(a.errors)}`)
    }
  } finally {
    releases.forEach(release => release())
    await Promise.allSettled(generators)
    await stop(server)
    rmSync(folder.dir, { recursive: true, force: true })
  }
  return out
}

/** One message of BIG_MIB MiB: the RETR's time and the server's peak RSS. */
async function big(target) {
  const folder = writeBigFolder(folderFor('big', target, 0), BIG_MIB)
  const server = await start(target, folder.dir)
  try {
    const base = memory(server.pid).rss
    let peak = base
    const timer = setInterval(() => (peak = Math.max(peak, memory(server.pid).rss)), 25)
    const r = await generate({ kind: 'big', port: server.port, accounts: folder.accounts, expect: folder.expect, seconds: 600 })
    clearInterval(timer)
    const out = { seconds: r.ms / 1000, mbps: r.bytes / MIB / (r.ms / 1000), baseRss: base, peakRss: peak, errors: r.errors, generatorCpu: r.cpuPercent }
    say(`${target.label}: RETR of ${BIG_MIB} MiB: ${out.seconds?.toFixed(2)} s, ${out.mbps.toFixed(0)} MB/s, peak RSS ${(peak / MIB).toFixed(0)} MB, ${errorsOf(r.errors)}`)
    return out
  } finally {
    await stop(server)
    rmSync(folder.dir, { recursive: true, force: true })
  }
}

// ── the run ─────────────────────────────────────────────────────────────

const results = Object.fromEntries(targets.map(t => [t.name, { rounds: [] }]))
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, fdLimit: readProc('/proc/self/limits').match(/^Max open files\s+(\S+)\s+(\S+)/m)?.slice(1).join('/'), date: new Date().toISOString() }
process.stderr.write(`smallpop3 benchmark: Node ${machine.node}, ${machine.cpus} CPUs (${machine.cpu}), open files ${machine.fdLimit}, ${quick ? 'quick' : 'full'} run, ${ROUNDS} round(s) of ${SECONDS} s steps${HAS_QUIET ? '' : '; smallpop3 has no --quiet yet: "log off" is --log json to /dev/null'}\n`)
const t0 = performance.now()
for (let round = 0; round < ROUNDS; round++) {
  for (const target of targets) {
    const r = {}
    if (STEPS.has('sessions')) Object.assign(r, await sessions(target, round))
    if (STEPS.has('retr')) r.retr = await retrRate(target, round)
    results[target.name].rounds.push(r)
  }
}
for (const target of targets) {
  if (STEPS.has('startup')) Object.assign(results[target.name], await startupSample(target))
  if (STEPS.has('idle')) results[target.name].idle = await idle(target)
  if (STEPS.has('big')) results[target.name].big = await big(target)
}

// ── the table ───────────────────────────────────────────────────────────

const roundsOf = (name, pick) => results[name].rounds.map(pick).filter(v => v !== undefined && v !== null)
const fromRounds = pick => name => (roundsOf(name, pick).length ? median(roundsOf(name, pick)) : undefined)
const FIGURES = [
  ['start-up, sample (ms)', 'lower', name => results[name].startSampleMs],
  [`start-up, ${ACCOUNTS} accounts (ms)`, 'lower', fromRounds(r => r.startAccountsMs)],
  ...CONCURRENCY.flatMap(c => [
    [`sessions/s, ${c} clients`, 'higher', fromRounds(r => r[`c${c}`]?.rate)],
    [`  p50 / p99 ms, ${c} clients`, 'lower', name => [fromRounds(r => r[`c${c}`]?.p50)(name), fromRounds(r => r[`c${c}`]?.p99)(name)]],
  ]),
  ['  server CPU ms per session, 10 clients', 'lower', fromRounds(r => r.c10?.serverCpuPerSession)],
  ['  generator CPU %, 50 clients', 'info', fromRounds(r => r.c50?.generatorCpu)],
  [`RETR 1 MiB x ${RETR_CLIENTS} clients (MB/s)`, 'higher', fromRounds(r => r.retr?.mbps)],
  ['  generator CPU %, RETR', 'info', fromRounds(r => r.retr?.generatorCpu)],
  ...IDLE.map((level, i) => [`kB per idle connection, ${level}`, 'lower', name => {
    const l = results[name].idle?.levels[i]
    return l && l.pssPerConnection / 1024
  }]),
  ...IDLE.map((level, i) => [`  held / sessions/s of ${ACTIVE_CLIENTS} active, ${level}`, 'info', name => {
    const l = results[name].idle?.levels[i]
    return l && [l.loggedIn, l.activeRate]
  }]),
  [`RETR of ${BIG_MIB} MiB (s)`, 'lower', name => results[name].big?.seconds],
  [`  MB/s`, 'higher', name => results[name].big?.mbps],
  [`  server peak RSS (MB)`, 'lower', name => results[name].big && results[name].big.peakRss / MIB],
  ['errors in counted replies', 'lower', name => {
    const r = results[name]
    const steps = [...r.rounds.flatMap(x => [...CONCURRENCY.map(c => x[`c${c}`]), x.retr]), r.big, ...(r.idle?.levels.map(l => ({ errors: l.activeErrors })) ?? [])]
    return steps.reduce((n, s) => n + (s?.errors?.count ?? 0), 0)
  }],
]

const show = v => (v === undefined || v === null ? '–' : Array.isArray(v) ? v.map(show).join(' / ') : v >= 100 ? v.toFixed(0) : v.toFixed(1))
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}x` : '')
const header = ['figure', ...targets.map(t => t.label), ...(opt.compare ? targets.filter(t => t.name !== 'other').map(t => `${t.name} ÷ other`) : [])]
const rows = FIGURES.map(([label, better, get]) => {
  const v = Object.fromEntries(targets.map(t => [t.name, get(t.name)]))
  const ratios = opt.compare && better !== 'info' ? targets.filter(t => t.name !== 'other').map(t => ratio(v[t.name], v.other)) : []
  return [`${label}${better === 'info' ? '' : better === 'higher' ? ' ↑' : ' ↓'}`, ...targets.map(t => show(v[t.name])), ...ratios]
})
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)))
const line = cells => cells.map((c, i) => (i === 0 ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join('  ')
console.log()
if (opt.compare) console.log(`other server: ${opt.compare}`)
console.log(line(header))
rows.forEach(r => console.log(line(r)))
console.log(`(↑ higher is better, ↓ lower; MB = 2^20 bytes; medians of ${ROUNDS} round(s); kB per idle connection is PSS over the server's processes; whole run ${((performance.now() - t0) / 1000).toFixed(0)} s)`)
console.log(JSON.stringify({ machine, quick, rounds: ROUNDS, seconds: SECONDS, accounts: ACCOUNTS, quiet: HAS_QUIET, compare: opt.compare ?? null, summary: Object.fromEntries(targets.map(t => [t.name, Object.fromEntries(FIGURES.map(([label, , get]) => [label.trim(), get(t.name) ?? null]))])), results }))
