// Every translated exercise played against a server in its language, word for word, and `smallpop3 check
// --lang` must agree; an exercise without a translation is said (t.comment), not skipped silently.
import t from 'tap'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LANGUAGES, selfSignedCertificate, translator } from '../dist/index.js'
import { loadExercises } from '../dist/exercises.js'
import { playSteps, ROOT, runCli, sampleServer } from './helpers.js'

const cert = await selfSignedCertificate(mkdtempSync(join(tmpdir(), 'smallpop3-ex-tls-')))
const others = LANGUAGES.filter(l => l !== 'en')
if (!others.length) t.comment('only English has a catalogue: no translation to play')

for (const lang of others) {
  const exercises = await loadExercises(join(ROOT, 'exercises'), lang)
  // a language's sixteen walkthroughs take longer than one file's usual time on a busy machine
  t.setTimeout(Math.max(120_000, exercises.length * 15_000 * others.length))
  for (const ex of exercises) {
    if (ex.lang !== lang) {
      t.comment(`exercise ${ex.number} (${ex.id}) has no ${lang} translation (exercises/${lang}/${ex.id}.md): not played in ${lang}`)
      continue
    }
    t.test(`${lang} exercise ${ex.number} (${ex.id}): the walkthrough works against a ${lang} server, word for word, and check --lang ${lang} says done`, async t => {
      const { server, maillist } = await sampleServer({ tls: cert, tlsPort: 0, lang })
      t.teardown(() => server.close())
      await playSteps(t, server, ex.steps, { lang, ca: cert.cert })
      const cli = runCli(['check', String(ex.number), '--maillist', maillist, '--lang', lang])
      t.equal(await cli.exit, 0, 'check exits 0')
      t.notMatch(cli.stdout(), /✘/)
      t.match(cli.stdout(), translator(lang)('check.allDone', { total: ex.steps.filter(s => s.goal).length, number: ex.number }), `the report in ${lang}`)
    })
  }
}
