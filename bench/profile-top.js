#!/usr/bin/env node
// The functions with the most self time in V8 CPU profiles (.cpuprofile, from node --cpu-prof).
//   node bench/profile-top.js FILE_OR_FOLDER... [--top 10] [--after SECONDS]
// --after skips the first seconds of each profile (a slow start-up, say).
// Self time: the time samples found the function itself on top of the stack, not its callees. A
// native function (no file of its own) is shown with the nearest JavaScript caller that has one.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '10' }, after: { type: 'string', default: '0' } }, allowPositionals: true })
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
  const parent = new Map(profile.nodes.flatMap(n => (n.children ?? []).map(c => [c, n.id])))
  const where = ({ url, lineNumber }) => `${url.startsWith('file://') ? relative(ROOT, fileURLToPath(url)) : url}:${lineNumber + 1}`
  const caller = id => {
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const frame = byId.get(p).callFrame
      if (frame.url && !frame.url.startsWith('node:')) return `${frame.functionName || '(anonymous)'} ${where(frame)}`
    }
    return ''
  }
  let elapsed = 0
  profile.samples.forEach((id, i) => {
    elapsed += profile.timeDeltas[i] ?? 0
    if (elapsed < Number(values.after) * 1e6) return
    const frame = byId.get(id).callFrame
    const name = frame.functionName || '(anonymous)'
    const key = frame.url ? `${name} ${where(frame)}` : name.startsWith('(') ? name : `${name} ← ${caller(id) || '?'}`
    const us = profile.timeDeltas[i] ?? 0
    self.set(key, (self.get(key) ?? 0) + us)
    total += us
  })
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))
console.log(`${files.length} profile(s), ${(total / 1e6).toFixed(1)} s sampled`)
for (const [key, us] of top) console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${((100 * us) / total).toFixed(1).padStart(5)} %  ${key}`)
