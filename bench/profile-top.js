#!/usr/bin/env node
// The functions with the most self time in V8 CPU profiles (.cpuprofile, from node --cpu-prof).
//   node bench/profile-top.js FILE_OR_FOLDER... [--top 10]
// Self time: the time samples found the function itself on top of the stack, not its callees.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '10' } }, allowPositionals: true })
const files = positionals.flatMap(p => (statSync(p).isDirectory() ? readdirSync(p).filter(f => f.endsWith('.cpuprofile')).map(f => join(p, f)) : [p]))
if (files.length === 0) {
  console.error('profile-top: no .cpuprofile given')
  process.exit(2)
}

const self = new Map()
let total = 0
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'))
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame
    const where = url ? `${url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url}:${lineNumber + 1}` : ''
    const key = `${functionName || '(anonymous)'} ${where}`.trim()
    const us = profile.timeDeltas[i] ?? 0
    self.set(key, (self.get(key) ?? 0) + us)
    total += us
  })
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))
console.log(`${files.length} profile(s), ${(total / 1e6).toFixed(1)} s sampled`)
for (const [key, us] of top) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
