/** What the server says when it starts: where it listens, which accounts, how to connect. */
import type { ChalkInstance } from 'chalk'
import type { Translator } from '../i18n/index.js'
import type { RunningServer } from '../server.js'
import { VERSION } from '../version.js'

export interface BannerOptions {
  server: RunningServer
  /** Whether the bundled sample is served (then its passwords are shown), from which folder or maillist. */
  source: { sample: boolean; dir?: string; maillist: string }
  /** This machine's addresses that others can reach, when listening on all of them. */
  network: string[]
  t: Translator
  chalk: ChalkInstance
}

export function renderBanner({ server, source, network, t, chalk: c }: BannerOptions): string {
  const first = server.accounts[0]!
  const v6 = server.host.includes(':')
  const where = v6 ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`
  const wildcard = server.host === '0.0.0.0' || server.host === '::'
  const connectHost = wildcard || server.host === '127.0.0.1' ? 'localhost' : server.host
  // an instructor's maillist keeps its passwords to itself
  const accounts = source.sample
    ? server.accounts.map(a => `${a.user} (password ${a.password})`).join(', ')
    : `${server.accounts.length}: ${server.accounts.slice(0, 8).map(a => a.user).join(', ')}${server.accounts.length > 8 ? ', …' : ''}`
  return [
    c.bold(t('banner.title', { version: VERSION })),
    '  ' + t('banner.listening', { where }),
    '  ' + (source.sample ? t('banner.sample', { dir: source.dir }) : t('banner.maillist', { file: source.maillist })),
    '  ' + t('banner.accounts', { list: accounts }),
    '  ' + t('banner.connections', { max: server.maxConnections }),
    '',
    c.bold('  ' + t('banner.connect', { host: connectHost, port: server.port })),
    ...network.map(address => '  ' + t('banner.network', { address, port: server.port })),
    '  ' + t('banner.try', { user: first.user, password: source.sample ? first.password : '…' }),
    '  ' + t('banner.stop'),
    '',
  ].join('\n') + '\n'
}
