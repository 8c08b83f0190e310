/** What the server says when it starts: where it listens, which accounts, how to connect. */
import type { ChalkInstance } from 'chalk'
import type { Translator } from '../i18n/index.js'
import type { RunningServer } from '../server.js'
import { VERSION } from '../version.js'
import { wrap } from './terminal.js'

export interface BannerOptions {
  server: RunningServer
  /** Whether the bundled sample is served (then its passwords are shown), from which folder or maillist. */
  source: { sample: boolean; dir?: string; maillist: string }
  /** This machine's addresses that others can reach, when listening on all of them. */
  network: string[]
  t: Translator
  chalk: ChalkInstance
  /** The terminal's width: lines are wrapped at word boundaries to fit it. None (not a terminal): not wrapped. */
  width?: number
}

export function renderBanner({ server, source, network, t, chalk: c, width }: BannerOptions): string {
  const first = server.accounts[0]!
  const v6 = server.host.includes(':')
  const where = v6 ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`
  const wildcard = server.host === '0.0.0.0' || server.host === '::'
  const connectHost = wildcard || server.host === '127.0.0.1' ? 'localhost' : server.host
  // an instructor's maillist keeps its passwords to itself
  const accounts = source.sample
    ? server.accounts.map(a => `${a.user} (password ${a.password})`).join(', ')
    : `${server.accounts.length}: ${server.accounts.slice(0, 8).map(a => a.user).join(', ')}${server.accounts.length > 8 ? ', …' : ''}`
  // [text, bold]: a text may hold several lines, each indented as it wants its wrapped rest to be
  const entries: [string, boolean][] = [
    [t('banner.title', { version: VERSION }), true],
    ['  ' + t('banner.listening', { where }), false],
    ['  ' + (source.sample ? t('banner.sample', { dir: source.dir }) : t('banner.maillist', { file: source.maillist })), false],
    ['  ' + t('banner.accounts', { list: accounts }), false],
    ['  ' + t('banner.connections', { max: server.maxConnections }), false],
    ['', false],
    ['  ' + t('banner.connect', { host: connectHost, port: server.port }), true],
    ...network.map((address): [string, boolean] => ['  ' + t('banner.network', { address, port: server.port }), false]),
    ['  ' + t('banner.try', { user: first.user, password: source.sample ? first.password : '…' }), false],
    ['  ' + t('banner.stop'), false],
    ['', false],
  ]
  return entries
    .flatMap(([text, bold]) => text.split('\n').flatMap(line => fit(line, width)).map(l => (bold ? c.bold(l) : l)))
    .join('\n') + '\n'
}

/** A banner line wrapped to `width`, its continuation indented like the line itself (and two more columns). */
function fit(line: string, width: number | undefined): string[] {
  const indent = /^ */.exec(line)![0]
  if (width === undefined || line.length <= width) return [line]
  const rows = wrap(line.slice(indent.length), width - indent.length - 2)
  return rows.map((row, i) => (i === 0 ? indent : indent + '  ') + row)
}
