/** What the server says when it starts: where it listens, which accounts, how to connect. */
import { formatList, LANGUAGES, type MessageKey, type Translator } from '../i18n/index.js'
import type { AdminEndpoint } from '../admin/server.js'
import type { RunningServer } from '../server.js'
import type { WebView } from '../web/server.js'
import { VERSION } from '../version.js'
import { wrap } from './wrap.js'

export interface BannerOptions {
  server: RunningServer
  /** Whether the bundled sample is served (then its passwords are shown), from which folder or maillist. */
  source: { sample: boolean; dir?: string; maillist: string }
  /** The TLS listener's certificate: where it is, whether smallpop3 made it. */
  certificate?: { certPath: string }
  /** The classroom view, when there is one: its link (carrying a secret made at start-up). */
  web?: Pick<WebView, 'url' | 'generated'>
  /** This machine's addresses that others can reach, when listening on all of them. */
  network: string[]
  t: Translator
  /** The language of the replies on the wire (--wire-lang), when not t's. */
  wireLang?: string
  /** Only its bold: a chalk, or the text as it is where there is no colour (cli.ts then does not load chalk). */
  chalk: { bold(text: string): string }
  /** The terminal's width: lines are wrapped at word boundaries to fit it. None (not a terminal): not wrapped. */
  width?: number
}

export function renderBanner({ server, source, certificate, web, network, t, wireLang = t.lang, chalk: c, width }: BannerOptions): string {
  const first = server.accounts[0]!
  const tlsPort = server.tlsPort
  const wildcard = server.host === '0.0.0.0' || server.host === '::'
  const connectHost = wildcard || server.host === '127.0.0.1' ? 'localhost' : server.host
  const telnet = (host: string): string => t('banner.telnet', { host, port: server.port })
  const openssl = (host: string, port: number): string => t('banner.openssl', { where: hostPort(host, port) })
  // an instructor's maillist keeps its passwords to itself
  const accounts = source.sample
    ? server.accounts.map(a => t('banner.account', { user: a.user, password: a.password })).join(', ')
    : `${server.accounts.length}: ${server.accounts.slice(0, 8).map(a => a.user).join(', ')}${server.accounts.length > 8 ? ', …' : ''}`
  // [text, bold]: a text may hold several lines, each indented as it wants its wrapped rest to be
  const entries: [string, boolean][] = [
    [t('banner.title', { version: VERSION }), true],
    ['  ' + t('banner.listening', { where: hostPort(server.host, server.port) }), false],
    ...(tlsPort === undefined ? [] : [['  ' + t('banner.listeningTls', { where: hostPort(server.host, tlsPort) }), false] as [string, boolean]]),
    ...(server.fingerprint === undefined ? [] : [[
      '  ' + (certificate ? t('banner.fingerprint', { path: certificate.certPath, fingerprint: server.fingerprint, where: hostPort(connectHost, server.port) }) : t('banner.fingerprintGiven', { fingerprint: server.fingerprint, where: hostPort(connectHost, server.port) })),
      false,
    ] as [string, boolean]]),
    ['  ' + (source.sample ? t('banner.sample', { dir: source.dir }) : t('banner.maillist', { file: source.maillist })), false],
    ['  ' + t('banner.accounts', { list: accounts }), false],
    ['  ' + t('banner.connections', { max: server.maxConnections }), false],
    ...(server.admin === undefined ? [] : [adminLine(server.admin, t)]),
    ...(web === undefined ? [] : [['  ' + t(web.generated ? 'banner.webGenerated' : 'banner.web', { url: web.url }), false] as [string, boolean]]),
    ['', false],
    ['  ' + t('banner.connect', { command: telnet(connectHost) }), true],
    ...(tlsPort === undefined ? [] : [['  ' + t('banner.connectTls', { command: openssl(connectHost, tlsPort) }), true] as [string, boolean]]),
    // STLS upgrades the plain port (RFC 2595 §4); it needs the certificate, not the TLS port
    ...(server.fingerprint === undefined ? [] : [[
      '  ' + t('banner.connectStls', { command: t('banner.opensslStls', { where: hostPort(connectHost, server.port) }) }),
      true,
    ] as [string, boolean]]),
    ...(network.length === 0 ? [] : [
      ['  ' + t('banner.network'), false] as [string, boolean],
      ...reachable(network.map(address => [telnet(address), ...(tlsPort === undefined ? [] : [openssl(address, tlsPort)])]), width)
        .map((text): [string, boolean] => [text, false]),
    ]),
    ['  ' + t('banner.try', { user: first.user, password: source.sample ? first.password : '…' }), false],
    ...languageLines(t, wireLang).map((text): [string, boolean] => ['  ' + text, false]),
    ['  ' + t('banner.stop'), false],
    ['', false],
  ]
  return entries
    .flatMap(([text, bold]) => text.split('\n').flatMap(line => fit(line, width)).map(l => (bold ? c.bold(l) : l)))
    .join('\n') + '\n'
}

/** Where the admin port is and how to use it; a secret made at start-up is shown, since nobody else can know it. */
function adminLine(admin: AdminEndpoint, t: Translator): [string, boolean] {
  const where = hostPort(admin.host, admin.port)
  const client = t('banner.adminClient', { port: admin.port, host: admin.host === '127.0.0.1' ? '' : ` --host ${admin.host}` })
  return ['  ' + (admin.generated ? t('banner.adminGenerated', { where, secret: admin.secret, client }) : t('banner.admin', { where, client })), false]
}

/** Which language is in use, and how to change it: --lang, and LANG in a session (RFC 6856). */
function languageLines(t: Translator, wireLang: string): string[] {
  const name = (lang: string): string => t(`language.${lang}` as MessageKey)
  const others = LANGUAGES.filter(l => l !== t.lang)
  const lines = others.length
    ? [t('banner.language', { language: name(t.lang), options: formatList(others.map(l => `--lang ${l}`), t.lang, 'disjunction'), example: others[0] })]
    : []
  if (wireLang !== t.lang) lines.push(t('banner.wireLanguage', { language: name(wireLang) }))
  return lines
}

/** A host and a port as clients write them: an IPv6 address in brackets, since its colons would swallow the port (RFC 3986 §3.2.2). */
function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/**
 * One row for each network address, its commands side by side in aligned
 * columns; on a terminal too narrow for that, each command on a row of its
 * own, so that none is cut in the middle.
 */
function reachable(commands: string[][], width: number | undefined): string[] {
  const column = Math.max(...commands.map(([plain]) => plain!.length))
  const beside = commands.map(([plain, ...rest]) => '    ' + [plain!.padEnd(rest.length ? column : 0), ...rest].join('   '))
  if (width === undefined || beside.every(row => row.length <= width)) return beside
  return commands.map(row => '    ' + row.join('\n      '))
}

/** A banner line wrapped to `width`, its continuation indented like the line itself (and two more columns). */
function fit(line: string, width: number | undefined): string[] {
  const indent = /^ */.exec(line)![0]
  if (width === undefined || line.length <= width) return [line]
  const rows = wrap(line.slice(indent.length), width - indent.length - 2)
  return rows.map((row, i) => (i === 0 ? indent : indent + '  ') + row)
}
