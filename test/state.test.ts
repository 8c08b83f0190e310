// The live state on its own: counting that stays bounded whatever clients send, and listeners called each on their own.
import t from 'tap'
import { LiveState, type LiveSession } from '../dist/state.js'
import { AccountRegistry } from '../dist/accounts.js'
import type { ServerEvent } from '../dist/index.js'

const time = new Date().toISOString()

function state(): LiveState {
  return new LiveState(new AccountRegistry([{ user: 'guest', password: 'visitor', mailbox: '/nowhere/guest.mbox' }]), () => ({ maxConnections: 5, timeout: 60 }))
}

const session = (id: number, user?: string): LiveSession => ({ id, user, state: user ? 'TRANSACTION' : 'AUTHORIZATION', tls: undefined, kick: () => true })

const command = (session: number, raw: string): ServerEvent => {
  const verb = raw.split(' ')[0]!.toUpperCase()
  return { type: 'command', time, session, raw, verb, args: raw.split(' ').slice(1), masked: false, octets: raw.length + 2, state: 'AUTHORIZATION' }
}

t.test('what clients send cannot grow the counters: unknown verbs count as "other"', async t => {
  const s = state()
  s.opened(session(1), '127.0.0.1:1')
  for (let i = 0; i < 20000; i++) s.publish(command(1, `X${i} junk`))
  s.publish(command(1, 'constructor'))
  s.publish(command(1, 'STAT'))
  const stats = s.statistics()
  t.same(stats.commands, { other: 20001, STAT: 1 })
  t.equal(stats.bytes.in, s.sessions()[0]!.bytesIn)
  t.equal(s.sessions()[0]!.commands, 20002)
  t.equal(s.sessions()[0]!.lastCommand, 'STAT')
})

t.test('sessions open and close; a refused one is counted, never listed', async t => {
  const s = state()
  s.opened(session(1, 'guest'), '127.0.0.1:1')
  s.opened(session(2), '127.0.0.1:2', true)
  t.same(s.statistics().connections, { now: 1, total: 2, refused: 1 })
  t.same(s.sessions().map(x => x.id), [1])
  t.equal(s.session(2), undefined, 'a refused connection cannot be kicked')
  t.same(s.accountList(), [{ user: 'guest', mailbox: '/nowhere/guest.mbox', sessions: 1 }])
  s.closed(1)
  s.closed(2)
  s.closed(1)
  t.same(s.statistics().connections, { now: 0, total: 2, refused: 1 })
  t.same(s.snapshot().settings, { maxConnections: 5, timeout: 60 })
})

t.test('listeners: each called on its own, unsubscribing while called is safe', async t => {
  const s = state()
  const warned: string[] = []
  const onWarning = (w: Error): void => void warned.push(w.message)
  process.on('warning', onWarning)
  t.teardown(() => void process.off('warning', onWarning))
  const seen: string[] = []
  s.subscribe(() => {
    throw new Error('first')
  })
  const stop = s.subscribe(e => {
    seen.push(`a:${e.type}`)
    stop()
  })
  s.subscribe(e => void seen.push(`b:${e.type}`))
  s.publish({ type: 'disconnect', time, session: 1, reason: 'quit' })
  s.publish({ type: 'disconnect', time, session: 1, reason: 'kicked' })
  t.same(seen, ['a:disconnect', 'b:disconnect', 'b:disconnect'], 'every listener after the one that threw; the one that left, once')
  t.equal(s.statistics().listenerErrors, 2)
  t.same(s.statistics().disconnects, { quit: 1, kicked: 1 }, 'counted before any listener')
  await new Promise(resolve => setImmediate(resolve))
  t.equal(warned.filter(w => w.includes('first')).length, 1, 'named once')
})
