// The facts in the exercises' prose, not only in their ```pop3 blocks: a reply quoted in backticks
// is what the server answers to the command the prose names, at that point of the exercise, and
// matches a catalogue template; an octet count stated for a line is that line's length (issue 8).
import t from 'tap'
import { cpSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { selfSignedCertificate, startServer, type RunningServer } from '../dist/index.js'
import { isVerb } from '../dist/commands.js'
import { loadExercises, matches, type Exercise, type Step } from '../dist/exercises.js'
import en from '../dist/i18n/en.js'
import { Player } from '../dist/player.js'
import { ROOT } from './helpers.js'

const all = await loadExercises(join(ROOT, 'exercises'))
// as `npx smallpop3` serves: STLS on the plain port, and a POP3S port
const cert = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-facts-tls-')))

interface Quote {
  text: string
  /** Where it is in the file. */
  at: number
}

/** A Markdown file's prose: its fenced and indented code blocks blanked out, so that places stay the same. */
const proseOf = (markdown: string): string =>
  markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, m => ' '.repeat(m.length)).replace(/^(?: {4}|\t).*$/gm, m => ' '.repeat(m.length))

/** The inline code spans of a Markdown file's prose. */
function inlineCode(markdown: string): Quote[] {
  const prose = proseOf(markdown)
  // a span opens and closes with backtick runs of one length (``` ``a`b`` ```, as in CommonMark)
  return [...prose.matchAll(/(?<!`)(`+)(?!`)([\s\S]+?)(?<!`)\1(?!`)/g)].map(m => ({ text: m[2]!.replace(/\s*\n\s*/g, ' ').trim(), at: m.index! }))
}

/** A quoted reply: `+OK …` or `-ERR …` with more than the status and a response code. */
const isReply = (text: string): boolean => /^(\+OK|-ERR)\b/.test(text) && !/^(\+OK|-ERR)( \[[^\]]+\])?$/.test(text)

/** Parameters that may hold spaces: the rest (names, numbers, ids) are one word each. */
const PHRASES = new Set(['reason', 'what', 'usage', 'example'])

/**
 * The catalogue's reply texts (the keys that have an explanation) as status
 * lines: `{x}` a word (or any text for a phrase), `{x|one|many}` a number and its noun.
 */
const catalogue = en as Record<string, string>
const TEMPLATES = Object.entries(catalogue)
  .filter(([key]) => `${key}.explain` in catalogue)
  .map(([key, template]) => {
    const body = template
      .split(/(\{\w+(?:\|[^|}]*\|[^}]*)?\})/)
      .map((part, i) => {
        if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        const plural = /\|([^|}]*)\|([^}]*)\}$/.exec(part)
        if (plural) return `[\\d,]+ (?:${plural[1]}|${plural[2]})`
        return PHRASES.has(part.slice(1, -1)) ? '.+' : '\\S+'
      })
      .join('')
    return { key, re: new RegExp(`^(?:\\+OK|-ERR)(?: \\[(?:AUTH|IN-USE|SYS/TEMP|SYS/PERM)\\])?${body ? ' ' + body : ''}$`) }
  })

/** The catalogue key whose template the quoted status line fits ("..." in the quote stands for any text). */
const templateOf = (quote: string): string | undefined => TEMPLATES.find(({ re }) => re.test(quote.replaceAll('...', 'x')))?.key

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen']
const N = `(\\d+|${NUMBERS.join('|')})`
const number = (word: string): number => (/^\d+$/.test(word) ? Number(word) : NUMBERS.indexOf(word.toLowerCase()))

/** What the prose says about the length of a quoted line: "`X` is N octets, M with the CRLF", "the N octets of `X`". */
function octetClaims(markdown: string): { line: string; octets: number; crlf?: number; said: string; at: number }[] {
  const prose = proseOf(markdown)
  const claims = [...prose.matchAll(new RegExp(`\`([^\`]+)\` (?:is|are) ${N} octets(?:, ${N} with the CRLF)?`, 'gi'))].map(m => ({
    line: m[1]!, octets: number(m[2]!), crlf: m[3] === undefined ? undefined : number(m[3]), said: m[0], at: m.index!,
  }))
  for (const m of prose.matchAll(new RegExp(`the ${N} octets (?:of )?\`([^\`]+)\``, 'gi'))) {
    claims.push({ line: m[2]!, octets: number(m[1]!), crlf: undefined, said: m[0], at: m.index! })
  }
  return claims
}

/** Every "N octets" and "N messages" of the prose, where it is. */
const countsIn = (markdown: string): { n: number; said: string; at: number }[] =>
  [...proseOf(markdown).matchAll(new RegExp(`\\b${N} (octets|messages)\\b`, 'gi'))].map(m => ({ n: number(m[1]!), said: m[0], at: m.index! }))

/** A fresh copy of the bundled sample, served. */
async function freshServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'smallpop3-facts-'))
  for (const name of ['maillist', 'mbox.mail', 'mailboxes']) cpSync(join(ROOT, name), join(dir, name), { recursive: true })
  return startServer({ port: 0, maillist: join(dir, 'maillist'), tls: cert, tlsPort: 0 })
}

/**
 * The student's connections after doing the exercise up to a point: every
 * step before `step`, and that step's first `blocks` blocks, played by the
 * exercise player (TLS, STLS and SASL continuations included). Returns the
 * player and the label of the last block done.
 */
async function doneUpTo(server: RunningServer, ex: Exercise, step: number, blocks: number): Promise<{ player: Player; session: number; tls: boolean }> {
  const steps: Step[] = ex.steps.filter(s => s.number <= step).map(s => (s.number < step ? s : { ...s, blocks: s.blocks.slice(0, blocks) }))
  const last = steps.flatMap(s => s.blocks).at(-1)
  const player = new Player({ port: server.port, events: server, accounts: server.accounts, tls: { port: server.tlsPort, ca: cert.cert } })
  for await (const _ of player.play(steps));
  return { player, session: last?.session ?? 1, tls: last?.tls ?? false }
}

/** Where each step's text starts in the file, and where its ```pop3 blocks start. */
function layout(ex: Exercise): { step: number; start: number; blocks: number[] }[] {
  return ex.steps.map(s => {
    const start = ex.markdown.indexOf(s.text)
    return { step: s.number, start, blocks: [...s.text.matchAll(/^```pop3/gm)].map(m => start + m.index!) }
  })
}

let played = 0
let measured = 0

for (const ex of all) {
  t.test(`exercise ${ex.number} (${ex.id}): the replies quoted in its prose are the server's`, async t => {
    const steps = layout(ex)
    const code = inlineCode(ex.markdown)
    for (const quote of code.filter(q => isReply(q.text))) {
      t.ok(templateOf(quote.text), `"${quote.text}" is a reply of the catalogue, word for word`)
      const where = steps.filter(s => s.start !== -1 && s.start <= quote.at).at(-1)
      // the command the prose names: the last one quoted before the reply, in the same step
      const named = code.filter(c => c.at < quote.at && c.at >= (where?.start ?? 0) && isVerb(c.text.split(' ')[0]!.toUpperCase())).at(-1)
      if (!named) {
        t.notOk(quote.text.includes('...'), `"${quote.text}" has "..." in it, so it must follow the command it answers`)
        continue
      }
      const server = await freshServer()
      try {
        const { player, session, tls } = await doneUpTo(server, ex, where?.step ?? 0, where ? where.blocks.filter(b => b < quote.at).length : 0)
        try {
          await player.ready(session, undefined, tls)
          const answer = (await player.send(named.text, session)).status
          t.ok(matches(quote.text, answer), `${named.text} → "${answer}", as the prose says: "${quote.text}"`)
          played++
        } finally {
          await player.close()
        }
      } finally {
        await server.close()
      }
    }
  })

  t.test(`exercise ${ex.number} (${ex.id}): the octets and messages counted in its prose`, async t => {
    const replies = ex.steps.flatMap(s => s.blocks.flatMap(b => b.exchanges.flatMap(x => [x.status ?? '', ...x.body]))).join('\n')
    const claims = octetClaims(ex.markdown)
    for (const claim of claims) {
      const octets = Buffer.byteLength(claim.line)
      t.equal(claim.octets, octets, `"${claim.said}": ${JSON.stringify(claim.line)} is ${octets} octets`)
      if (claim.crlf !== undefined) t.equal(claim.crlf, octets + 2, `"${claim.said}": with CRLF, ${octets + 2}`)
      measured++
    }
    // any other count is one the server says in the exercise's replies, which the exercise test plays
    const inCode = inlineCode(ex.markdown)
    for (const count of countsIn(ex.markdown)) {
      if (claims.some(c => count.at >= c.at && count.at < c.at + c.said.length)) continue
      if (inCode.some(c => count.at > c.at && count.at < c.at + c.text.length)) continue
      t.match(replies, new RegExp(`\\b${count.n}\\b`), `"${count.said}" is a number the server says in this exercise`)
    }
  })
}

t.test('the prose checks found facts to check', async t => {
  t.ok(played >= 1, `${played} quoted replies played against the server`)
  t.ok(measured >= 1, `${measured} octet counts of quoted lines measured`)
})

t.test('README: the replies it quotes are replies of the catalogue, word for word', async t => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const quotes = inlineCode(readme).filter(q => isReply(q.text))
  t.ok(quotes.length >= 3, `${quotes.length} quoted replies`)
  for (const q of quotes) t.ok(templateOf(q.text), `"${q.text}"`)
})
