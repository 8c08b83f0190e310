// The languages (issue 11): every catalogue complete, numbers and plurals as each language writes them,
// the language chosen by --lang or the environment, RFC 6856's LANG over a raw socket, --wire-lang,
// and `check` judging a session recorded in one language with an exercise in another.
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VERSION, type Pop3Event } from '../dist/index.js'
import en from '../dist/i18n/en.js'
import { catalogue, format, formatNumber, languageFromEnv, languageOf, LANGUAGES, translator, type MessageKey } from '../dist/i18n/index.js'
import { explain } from '../dist/explain.js'
import { loadExercises } from '../dist/exercises.js'
import { playSteps, RawClient, ROOT, runCli, sampleServer, testServer } from './helpers.js'

const OTHERS = LANGUAGES.filter(l => l !== 'en')
if (!OTHERS.length) t.comment('only English has a catalogue: the tests of translations have nothing to check')

/**
 * Keys whose text may be the English one in a translation, and why. The
 * test fails on any other text left in English, so that nothing is left
 * untranslated by accident.
 */
const SAME_AS_ENGLISH: Record<string, string> = {
  'stat.ok': 'only numbers: RFC 1939 §5 fixes the form of the STAT reply',
  'list.one': 'only numbers: RFC 1939 §5 fixes the form of a LIST reply',
  'uidl.one': 'only a number and a unique id: RFC 1939 §7 fixes the form',
  'noop.ok': 'empty: NOOP answers a bare +OK',
  'store.unfinished': 'only the reason, which is translated where it is made',
  'retr.ok': 'Catalan writes "octets" as English does (RFC 1939\'s own example reply)',
  'control.0': 'NUL is the byte\'s ASCII name, the same in every language',
  'control.255': '"byte" is the same word in Spanish and Catalan',
  'control.ctrl': 'a key\'s name (Ctrl-C) and "byte", the same words in Spanish and Catalan',
  'banner.telnet': 'a shell command',
  'banner.openssl': 'a shell command',
  'banner.opensslStls': 'a shell command',
  'guide.menuDone': 'only a mark, a number and a title',
  'guide.menuTodo': 'only a number and a title',
  'admin.failed': 'only the reason, which is translated where it is made',
  'ev.broadcast': 'only an emoji and the instructor\'s own words',
  'banner.adminClient': 'a shell command',
  'web.connected.no': '"no" is the same word in Spanish and Catalan',
  'web.on.unknown': 'only a dash',
  'web.idle.never': 'only a dash',
  'web.idle.seconds': 'a number and the unit symbol s, the same in every language',
  'web.idle.minutes': 'a number and the unit symbol min, the same in every language',
  'web.idle.hours': 'a number and the unit symbol h, the same in every language',
  'admin.usage.AUTH': '"secret" is the Catalan word too',
  'admin.usage.BROADCAST': '"text" is the Catalan word too',
  'admin.column.id': 'an abbreviation, the same in every language',
  'admin.column.tls': 'the protocol\'s name',
  'admin.column.errors': '"errors" is the Catalan word too',
  'admin.column.sessions': '"sessions" is the Catalan word too',
  'admin.value.false': '"no" is the same word in Spanish and Catalan',
}

/** The placeholders of a template: `name` for `{name}`, `name|` for a number with its nouns `{name|one|many}`. */
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)(\|[^|{}]+\|[^|{}]+)?\}/g)].map(m => m[1]! + (m[2] ? '|' : '')).sort()

/** What is left of a template without its well-formed placeholders: a brace there is a broken one. */
const withoutPlaceholders = (text: string): string => text.replace(/\{\w+(\|[^|{}]+\|[^|{}]+)?\}/g, '')

const catalogues: Record<string, Record<string, string>> = {}
for (const lang of LANGUAGES) catalogues[lang] = (await import(`../dist/i18n/${lang}.js`)).default

t.test('English, the reference: every template well formed', async t => {
  for (const [key, text] of Object.entries(en)) t.notMatch(withoutPlaceholders(text), /[{}]/, `en ${key}: no broken placeholder`)
})

for (const lang of OTHERS) {
  t.test(`${lang}: complete, with the same placeholders as English, and nothing left in English by accident`, async t => {
    const cat = catalogues[lang]!
    t.same(Object.keys(en).filter(k => !(k in cat)), [], `${lang} has every key of en.ts`)
    t.same(Object.keys(cat).filter(k => !(k in en)), [], `${lang} has no key en.ts lacks`)
    for (const [key, english] of Object.entries(en)) {
      const text = cat[key]
      if (text === undefined) continue
      t.same(placeholders(text), placeholders(english), `${lang} ${key}: the same placeholders, numbers with their nouns where English has them`)
      t.notMatch(withoutPlaceholders(text), /[{}]/, `${lang} ${key}: no broken placeholder`)
      if (text === english) t.ok(SAME_AS_ENGLISH[key], `${lang} ${key}: "${english}" is the English text; translate it or list it in SAME_AS_ENGLISH with why`)
    }
    // RFC 6856 §3: the reply to LANG names the language chosen first
    t.match(cat['lang.ok'], /^\{tag\} /, `${lang}: lang.ok starts with the tag`)
    t.not(cat['language.name'], en['language.name'], `${lang}: its own name for itself`)
    for (const key of Object.keys(en).filter(k => k.startsWith('exercise.marker.'))) t.match(cat[key], /^[^*:#\n]+$/, `${lang} ${key}: a bare word or words`)
  })
}

t.test('usages: the verb as it is, as many arguments as English, the optional ones in brackets, the literal choices kept', async t => {
  // a student counts the arguments from the usage: a translation must not add or drop one (SET maxconn|timeout: literal words)
  const shape = (text: string): string[] =>
    text.replace(/\[[^\]]*\]/g, '[]').split(' ').map((word, i) => (i === 0 || word === '[]' || word.includes('|') ? word : 'argument'))
  const usages = Object.keys(en).filter(k => /^(admin\.)?usage\./.test(k))
  t.ok(usages.length >= 19, 'POP3\'s and the admin protocol\'s usages are in the catalogue')
  for (const key of usages) {
    const verb = key.split('.').at(-1)!
    t.equal(shape(catalogues.en![key]!)[0], verb, `en ${key}: starts with ${verb}`)
    for (const lang of OTHERS) t.same(shape(catalogues[lang]![key]!), shape(catalogues.en![key]!), `${lang} ${key}: "${catalogues[lang]![key]}" has the shape of "${catalogues.en![key]}"`)
  }
})

t.test('numbers, plurals and lists as each language writes them', async t => {
  // English does not change
  t.equal(format('{n|octet|octets}', { n: 6242 }, 'en'), '6,242 octets')
  t.equal(format('{n|message|messages}', { n: 1 }, 'en'), '1 message')
  t.equal(format('{n|message|messages}', { n: 0 }, 'en'), '0 messages')
  t.equal(translator('en')('stat.ok.explain', { count: 7, octets: 6242 }), '7 messages, 6,242 octets in all. Messages marked with DELE are not counted (RFC 1939 §5).')
  // Spanish and Catalan group a four-digit number too, with a dot (Intl's "always")
  for (const lang of ['es', 'ca']) {
    t.equal(formatNumber(6242, lang), '6.242', `${lang}: 6.242`)
    t.equal(format('{n|octeto|octetos}', { n: 6242 }, lang), '6.242 octetos')
    t.equal(format('{n|mensaje|mensajes}', { n: 1 }, lang), '1 mensaje', `${lang}: one is singular`)
    t.equal(format('{n|mensaje|mensajes}', { n: 2 }, lang), '2 mensajes', `${lang}: two is plural`)
    t.equal(format('{n|mensaje|mensajes}', { n: 1_000_000 }, lang), '1.000.000 mensajes', `${lang}: "many" is plural too`)
  }
  t.equal(format('{list}', { list: ['a', 'b', 'c'] }, 'en'), 'a, b, and c')
  t.equal(format('{list}', { list: ['a', 'b', 'c'] }, 'es'), 'a, b y c')
  t.equal(format('{list}', { list: ['a', 'b', 'c'] }, 'ca'), 'a, b i c')
  for (const lang of OTHERS) {
    const text = translator(lang)('stat.ok.explain', { count: 7, octets: 6242 })
    t.match(text, '6.242', `${lang}: the log groups 6.242`)
  }
})

t.test('the language of the environment, as POSIX programs read it', async t => {
  const has = (lang: string): string => (LANGUAGES.includes(lang) ? lang : 'en')
  t.equal(languageFromEnv({}), 'en', 'nothing set: English')
  t.equal(languageFromEnv({ LANG: 'C' }), 'en')
  t.equal(languageFromEnv({ LANG: 'POSIX' }), 'en')
  t.equal(languageFromEnv({ LANG: 'C.UTF-8' }), 'en')
  t.equal(languageFromEnv({ LANG: 'fr_FR.UTF-8' }), 'en', 'a language without a catalogue: English')
  t.equal(languageFromEnv({ LANG: 'es_ES.UTF-8' }), has('es'))
  t.equal(languageFromEnv({ LANG: 'es_MX' }), has('es'))
  t.equal(languageFromEnv({ LANG: 'ca_ES.UTF-8' }), has('ca'))
  t.equal(languageFromEnv({ LANG: 'ca_ES@valencia' }), has('ca'))
  t.equal(languageFromEnv({ LC_ALL: 'ca_ES.UTF-8', LC_MESSAGES: 'es_ES.UTF-8', LANG: 'en_US.UTF-8' }), has('ca'), 'LC_ALL first')
  t.equal(languageFromEnv({ LC_ALL: '', LC_MESSAGES: 'es_ES.UTF-8', LANG: 'ca_ES.UTF-8' }), has('es'), 'an empty LC_ALL does not count')
  t.equal(languageFromEnv({ LC_ALL: 'C', LANG: 'es_ES.UTF-8' }), 'en', 'LC_ALL=C decides: English')
  t.equal(languageFromEnv({ LC_ALL: 'fr_FR.UTF-8', LANG: 'es_ES.UTF-8' }), 'en', 'the first one set decides, even without a catalogue')
  t.equal(languageOf('ES-es'), has('es') === 'es' ? 'es' : undefined, 'tags are case-insensitive, a region falls back to its language')
  t.equal(languageOf('xx'), undefined)
})

/** The lines of a multi-line reply (without the last "."). */
async function body(c: RawClient): Promise<string[]> {
  return (await c.multi()).toString('utf8').split('\r\n').slice(0, -2)
}

t.test('LANG (RFC 6856): listed in CAPA; alone, the languages; with a tag, this session\'s replies and explanations', async t => {
  const server = await testServer()
  t.teardown(() => server.close())
  const c = await RawClient.open(server.port)
  await c.line()
  t.ok((await c.cmdMulti('CAPA')).lines.includes('LANG'), 'CAPA announces LANG')

  t.equal(await c.cmd('LANG'), `+OK ${en['lang.list']}`)
  t.same(await body(c), LANGUAGES.map(l => `${l} ${catalogue(l)['language.name']}`), 'each tag with the language\'s own name')
  t.ok(LANGUAGES.includes('en') && catalogue('en')['language.name'] === 'English')

  for (const lang of [...OTHERS, 'en']) {
    const tt = translator(lang)
    t.equal(await c.cmd(`LANG ${lang.toUpperCase()}`), `+OK ${tt('lang.ok', { tag: lang })}`, `LANG ${lang.toUpperCase()}: answered in ${lang}, its tag first`)
    t.equal(await c.cmd('LIST'), `-ERR ${tt('state.needLogin', { verb: 'LIST' })}`, `the next reply in ${lang} too`)
  }
  // a region falls back to its language; * is the server's own
  const other = OTHERS[0] ?? 'en'
  t.match(await c.cmd(`LANG ${other}-ES`), new RegExp(`^\\+OK ${other} `), `${other}-ES is ${other}`)
  t.equal(await c.cmd('LANG *'), `+OK ${en['lang.ok'].replace('{tag}', 'en')}`, 'LANG *: the server\'s language')

  // an unknown tag: -ERR naming the languages there are, in the session's language, which stays
  const list = LANGUAGES.map(l => `${l} (${catalogue(l)['language.name']})`)
  t.equal(await c.cmd('LANG xx'), `-ERR ${translator('en')('lang.unknown', { tag: 'xx', list })}`)
  t.match(await c.cmd('LANG en es'), /^-ERR too many arguments: LANG \[language\]/)

  // logged in: LANG works in TRANSACTION too, and the log explains the session in its language
  await c.cmd('USER guest')
  await c.cmd('PASS visitor')
  server.events.length = 0
  t.equal(await c.cmd(`LANG ${other}`), `+OK ${translator(other)('lang.ok', { tag: other })}`)
  t.equal(await c.cmd('STAT'), '+OK 7 6242')
  const stat = server.events.filter((e): e is Extract<Pop3Event, { type: 'reply' }> => e.type === 'reply').at(-1)!
  t.equal(stat.lang, other === 'en' ? undefined : other, 'the event carries the session\'s language')
  t.equal(explain(stat, translator('en'))[0], translator(other)('stat.ok.explain', { count: 7, octets: 6242 }), 'explained in the session\'s language, whatever the log\'s')
  const command = server.events.find(e => e.type === 'command' && e.verb === 'LANG')!
  t.equal(explain(command, translator('en'))[0], `${en['cmd.LANG.one'].replace('{a0}', other)} (RFC 6856 §3)`, 'the LANG line itself is explained like any command, before the switch')
  c.end()
})

t.test('every session has its own language: LANG in one changes no other', async t => {
  const lang = OTHERS[0] ?? 'en'
  const tt = translator(lang)
  const server = await testServer(undefined, { lang })
  t.teardown(() => server.close())
  const a = await RawClient.open(server.port)
  const b = await RawClient.open(server.port)
  t.match(await a.line(), `+OK ${tt('greeting', { stamp: '<' })}`, `greeted in ${lang}`)
  await b.line()
  await a.cmd('LANG en')
  t.equal(await a.cmd('LIST'), `-ERR ${en['state.needLogin'].replace('{verb}', 'LIST')}`, 'a: English')
  t.equal(await b.cmd('LIST'), `-ERR ${tt('state.needLogin', { verb: 'LIST' })}`, `b: still ${lang}`)
  a.end()
  b.end()
})

t.test('--wire-lang: the replies in one language, the log in another', async t => {
  for (const lang of OTHERS) {
    // the programmatic API: lang for the log, wireLang for the wire
    const server = await testServer(undefined, { lang, wireLang: 'en' })
    const c = await RawClient.open(server.port)
    t.match(await c.line(), /^\+OK smallpop3 POP3 server ready </, `${lang} server, English wire`)
    t.equal(await c.cmd('USER guest'), '+OK hello guest, now send your password with PASS')
    c.end()
    await server.close()

    // the command line: --lang for the banner and the log, --wire-lang for the replies; the JSON log has the keys
    const cli = runCli(['--port', '0', '--lang', lang, '--wire-lang', 'en', '--log', 'json'])
    const [, port] = await cli.waitFor(/127\.0\.0\.1:(\d+)/)
    t.match(cli.stderr(), translator(lang)('banner.title', { version: VERSION }), `${lang}: the banner in ${lang}`)
    t.match(cli.stderr(), translator(lang)('banner.wireLanguage', { language: translator(lang)('language.en') }), `${lang}: the banner says the wire is English`)
    const d = await RawClient.open(Number(port))
    await d.line()
    t.equal(await d.cmd('USER guest'), '+OK hello guest, now send your password with PASS', `${lang}: English on the wire`)
    await d.cmd('QUIT')
    await d.closedByServer()
    await cli.waitFor(/"type":"disconnect"/)
    cli.child.kill('SIGINT')
    await cli.exit
    const lines = cli.stdout().trim().split('\n').map(l => JSON.parse(l))
    const reply = lines.find(l => l.type === 'reply' && l.key === 'user.ok')
    t.equal(reply.raw, '+OK hello guest, now send your password with PASS', 'raw: what went on the wire')
    t.same(reply.params, { user: 'guest' }, 'beside it, the key and its parameters')
    t.equal(reply.explained[0].key, 'user.ok.explain', 'each line of the explanation names its key')
    t.equal(reply.explained[0].text, translator(lang)('user.ok.explain', { user: 'guest' }), `and its words, in ${lang}`)
    t.equal(reply.explanation, reply.explained.map((e: { text: string }) => e.text).join(' '))
    const command = lines.find(l => l.type === 'command' && l.verb === 'USER')
    t.equal(command.explained[0].key, 'cmd.USER')
  }
  const bad = runCli(['--port', '0', '--wire-lang', 'xx'])
  t.equal(await bad.exit, 2)
  t.equal(bad.stderr(), `smallpop3: option --wire-lang must be one of: ${LANGUAGES.join(', ')}, not "xx"\n`)
})

t.test('how a command is written, in the reply\'s language: the verb as it is, its arguments in words', async t => {
  // written out, not made with translator(): these are the words a student reads
  const WORDS: Record<string, { retr: string; user: string; top: string; explain: string }> = {
    en: {
      retr: '-ERR RETR needs an argument: RETR msg (for example RETR 1)',
      user: '-ERR USER needs an argument: USER name (for example USER guest)',
      top: '-ERR too many arguments: TOP msg lines (for example TOP 1 0)',
      explain: 'The command is written RETR msg.',
    },
    es: {
      retr: '-ERR RETR necesita un argumento: RETR número (por ejemplo, RETR 1)',
      user: '-ERR USER necesita un argumento: USER nombre (por ejemplo, USER guest)',
      top: '-ERR demasiados argumentos: TOP número líneas (por ejemplo, TOP 1 0)',
      explain: 'El comando se escribe así: RETR número.',
    },
    ca: {
      retr: '-ERR RETR necessita un argument: RETR número (per exemple, RETR 1)',
      user: '-ERR USER necessita un argument: USER nom (per exemple, USER guest)',
      top: "-ERR massa arguments: TOP número línies (per exemple, TOP 1 0)",
      explain: "L'ordre s'escriu així: RETR número.",
    },
  }
  for (const lang of LANGUAGES.filter(l => WORDS[l])) {
    const words = WORDS[lang]!
    for (const wire of new Set([lang, 'en'])) {
      const server = await testServer(undefined, { lang, wireLang: wire })
      const c = await RawClient.open(server.port)
      await c.line()
      t.equal(await c.cmd('USER'), WORDS[wire]!.user, `${lang} server, wire ${wire}: USER's usage`)
      await c.cmd('USER guest')
      await c.cmd('PASS visitor')
      t.equal(await c.cmd('RETR'), WORDS[wire]!.retr, `${lang} server, wire ${wire}: RETR's usage`)
      const reply = server.events.filter((e): e is Extract<Pop3Event, { type: 'reply' }> => e.type === 'reply').at(-1)!
      t.same(reply.params, { verb: 'RETR', usage: { key: 'usage.RETR' }, example: 'RETR 1' }, 'the event keeps the usage\'s key, not its words')
      t.equal(explain(reply, translator(lang))[0], words.explain, `${lang} server, wire ${wire}: the log explains it in ${lang}`)
      t.equal(await c.cmd('TOP 1 0 0'), WORDS[wire]!.top, `${lang} server, wire ${wire}: TOP's usage`)
      // LANG switches the usage words with everything else
      const other = lang === 'en' ? 'es' : 'en'
      await c.cmd(`LANG ${other}`)
      t.equal(await c.cmd('RETR'), WORDS[other]!.retr, `after LANG ${other}: RETR's usage in ${other}`)
      c.end()
      await server.close()
    }
  }
})

t.test('check of exercise 6 (errors, a usage among them): recorded in one language, checked in another', async t => {
  const NUMBER = 6
  for (const lang of OTHERS) {
    for (const [recorded, checked] of [[lang, 'en'], ['en', lang]]) {
      const ex = (await loadExercises(join(ROOT, 'exercises'), recorded)).find(e => e.number === NUMBER)!
      t.equal(ex.lang, recorded, `exercise ${NUMBER} is written in ${recorded}`)
      const { server, maillist, transcripts } = await sampleServer({ lang: recorded })
      await playSteps(t, server, ex.steps, { lang: recorded })
      await server.close()
      const entries = readdirSync(transcripts).flatMap(f => readFileSync(join(transcripts, f), 'utf8').trim().split('\n').map(l => JSON.parse(l)))
      const usage = entries.find(e => e.type === 'reply' && e.key === 'args.missing')
      t.same(usage?.params, { verb: 'RETR', usage: { key: 'usage.RETR' }, example: 'RETR 1' }, `recorded in ${recorded}: the transcript keeps RETR's usage by key`)
      const cli = runCli(['check', String(NUMBER), '--maillist', maillist, '--lang', checked])
      t.equal(await cli.exit, 0, `recorded in ${recorded}, checked with --lang ${checked}: done`)
      t.match(cli.stdout(), translator(checked)('check.allDone', { total: ex.steps.filter(s => s.goal).length, number: NUMBER }), `the report in ${checked}`)
    }
  }
})

t.test('the language of the environment, with no flag: banner, log, --help and errors', async t => {
  for (const [locale, lang] of [['es_ES.UTF-8', 'es'], ['ca_ES.UTF-8', 'ca'], ['C.UTF-8', 'en']] as const) {
    if (!LANGUAGES.includes(lang)) {
      t.comment(`no ${lang} catalogue yet: LANG=${locale} is not checked`)
      continue
    }
    const tt = translator(lang)
    const env = { LANG: locale, LC_ALL: '', LC_MESSAGES: '' }
    const cli = runCli(['--port', '0'], { env })
    const [, port] = await cli.waitFor(/127\.0\.0\.1:(\d+)/)
    t.match(cli.stdout(), tt('banner.title', { version: VERSION }), `LANG=${locale}: the banner in ${lang}`)
    if (OTHERS.length) t.match(cli.stdout(), tt('banner.language', { language: tt(`language.${lang}` as MessageKey), options: '', example: '' }).split('.')[0]!, `LANG=${locale}: it says which language and how to change it`)
    const c = await RawClient.open(Number(port))
    t.match(await c.line(), `+OK ${tt('greeting', { stamp: '<' })}`, `LANG=${locale}: the greeting in ${lang}`)
    t.equal(await c.cmd('STAT'), `-ERR ${tt('state.needLogin', { verb: 'STAT' })}`)
    c.end()
    await cli.waitFor(/STAT[\s\S]*STAT[\s\S]*RFC 2449 §5\)\.?\n/) // the line and the reply's explanation
    const log = cli.stdout().replace(/\s+/g, ' ') // unwrapped
    t.match(log, tt('cmd.STAT'), `LANG=${locale}: the log explains the command in ${lang}`)
    t.match(log, tt('state.needLogin.explain'), `LANG=${locale}: and the reply`)
    cli.child.kill('SIGINT')
    await cli.exit

    const help = runCli(['--help'], { env })
    t.equal(await help.exit, 0)
    t.match(help.stdout(), tt('help.main', { version: '', languages: LANGUAGES.join(', '), connections: '' }).split('\n')[2]!, `LANG=${locale}: --help in ${lang}`)
    const flag = runCli(['--lang', lang, 'help', 'check'], { env: { LANG: 'C' } })
    t.equal(await flag.exit, 0)
    t.match(flag.stdout(), tt('help.check', { languages: LANGUAGES.join(', ') }).split('\n')[0]!, `--lang ${lang}: help check in ${lang}`)
  }
})

t.test('--lang is checked by every command that takes it: one line, exit 2', async t => {
  for (const command of [[], ['serve'], ['reset'], ['exercises'], ['check', '1'], ['guide', '1'], ['demo', '1', '--auto'], ['help']]) {
    const cli = runCli([...command, '--lang', 'xx'])
    t.equal(await cli.exit, 2, `${command.join(' ') || '(serve)'} --lang xx: exit 2`)
    t.equal(cli.stderr(), `smallpop3: option --lang must be one of: ${LANGUAGES.join(', ')}, not "xx"\n`, `${command.join(' ') || '(serve)'}: one line`)
  }
  for (const lang of LANGUAGES) {
    const cli = runCli(['exercises', '--lang', lang.toUpperCase()])
    t.equal(await cli.exit, 0, `--lang ${lang.toUpperCase()}: a tag in capitals is fine`)
  }
})

t.test('smallpop3 exercises in each language: a translation where there is one, else English, said so', async t => {
  for (const lang of LANGUAGES) {
    const tt = translator(lang)
    const all = await loadExercises(join(ROOT, 'exercises'), lang)
    const cli = runCli(['exercises', '--lang', lang])
    t.equal(await cli.exit, 0)
    for (const ex of all) {
      const line = cli.stdout().split('\n').find(l => l.includes(`check ${ex.number})`)) ?? ''
      t.match(line, ex.title, `${lang}: exercise ${ex.number} listed with its title`)
      if (ex.lang === lang) t.notMatch(line, tt('exercises.inEnglish'), `${lang}: exercise ${ex.number} translated`)
      else {
        t.comment(`exercise ${ex.number} has no ${lang} translation: listed in English`)
        t.match(line, tt('exercises.inEnglish'), `${lang}: exercise ${ex.number} says it is in English`)
      }
    }
  }
})

t.test('check decides by catalogue key: a session recorded in one language is checked in another', async t => {
  const NUMBER = 4 // deleting: logs in, lists, deletes, RSET, QUIT's UPDATE
  for (const lang of OTHERS) {
    const translated = (await loadExercises(join(ROOT, 'exercises'), lang)).find(e => e.number === NUMBER)!
    if (translated.lang !== lang) t.comment(`exercise ${NUMBER} has no ${lang} translation: the English one stands in`)
    for (const [recorded, checked] of [[lang, 'en'], ['en', lang]]) {
      const ex = (await loadExercises(join(ROOT, 'exercises'), recorded)).find(e => e.number === NUMBER)!
      const { server, maillist, transcripts } = await sampleServer({ lang: recorded })
      await playSteps(t, server, ex.steps, { lang: recorded })
      await server.close()
      const entries = readdirSync(transcripts).flatMap(f => readFileSync(join(transcripts, f), 'utf8').trim().split('\n').map(l => JSON.parse(l)))
      const replies = entries.filter(e => e.type === 'reply')
      t.ok(replies.length > 5 && replies.every(r => typeof r.key === 'string' && typeof r.raw === 'string' && r.params), `recorded in ${recorded}: every reply with its key and parameters beside its text`)
      const cli = runCli(['check', String(NUMBER), '--maillist', maillist, '--lang', checked])
      t.equal(await cli.exit, 0, `recorded in ${recorded}, checked with --lang ${checked}: done`)
      const goals = ex.steps.filter(s => s.goal).length
      t.match(cli.stdout(), translator(checked)('check.allDone', { total: goals, number: NUMBER }), `the report in ${checked}`)
    }
  }
})

t.test('a failed UPDATE\'s reason carries its key, so the log says it in the log\'s language', async t => {
  for (const lang of LANGUAGES) {
    const tr = translator(lang)
    const event: Pop3Event = {
      time: new Date().toISOString(), session: 1, type: 'update', ok: false, kind: 'mbox', path: '/tmp/x', deleted: 0, left: 7,
      reason: en['store.changed'], reasonKey: 'store.changed', reasonParams: {},
    }
    t.equal(explain(event, tr)[0], tr('ev.update.failed', { reason: tr('store.changed') }), `${lang}: the reason in ${lang}`)
  }
})

t.test("RELOAD's counts take the noun's number in each language", async t => {
  const counts = { accounts: 1, added: 1, removed: 0, changed: 2 }
  t.equal(translator('en')('admin.reload.ok', counts), 'maillist read again: 1 account, 1 added, 0 removed, 2 changed')
  t.equal(translator('es')('admin.reload.ok', counts), 'maillist leído de nuevo: 1 cuenta, 1 añadida, 0 quitadas, 2 cambiadas')
  t.equal(translator('ca')('admin.reload.ok', counts), 'fitxer de comptes llegit de nou: 1 compte, 1 afegit, 0 eliminats, 2 canviats')
})
