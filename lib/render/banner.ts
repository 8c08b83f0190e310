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
  /** The TLS listener's certificate: where it is, whether smallpop3 made it. */
  certificate?: { certPath: string }
  /** This machine's addresses that others can reach, when listening on all of them. */
  network: string[]
  t: Translator
  chalk: ChalkInstance
  /** The terminal's width: lines are wrapped at word boundaries to fit it. None (not a terminal): not wrapped. */
  width?: number
}

export function renderBanner({ server, source, certificate, network, t, chalk: c, width }: BannerOptions): string {
  const first = server.accounts[0]!
  const v6 = server.host.includes(':')
  const at = (port: number): string => (v6 ? `[${server.host}]:${port}` : `${server.host}:${port}`)
  const where = at(server.port)
  const tlsPort = server.tlsPort
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
    ...(tlsPort === undefined ? [] : [['  ' + t('banner.listeningTls', { where: at(tlsPort) }), false] as [string, boolean]]),
    ...(server.fingerprint === undefined ? [] : [[
      '  ' + (certificate ? t('banner.fingerprint', { path: certificate.certPath, fingerprint: server.fingerprint }) : t('banner.fingerprintGiven', { fingerprint: server.fingerprint })),
      false,
    ] as [string, boolean]]),
    ['  ' + (source.sample ? t('banner.sample', { dir: source.dir }) : t('banner.maillist', { file: source.maillist })), false],
    ['  ' + t('banner.accounts', { list: accounts }), false],
    ['  ' + t('banner.connections', { max: server.maxConnections }), false],
    ['', false],
    ['  ' + t('banner.connect', { host: connectHost, port: server.port }), true],
    ...(tlsPort === undefined ? [] : [['  ' + t('banner.connectTls', { host: connectHost, port: tlsPort }), true] as [string, boolean]]),
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
