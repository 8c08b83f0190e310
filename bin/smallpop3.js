#!/usr/bin/env node
// The smallpop3 command: a thin shim over the compiled CLI in dist/.
let cli
try {
  cli = await import('../dist/cli.js')
} catch (err) {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
    console.error('smallpop3: it is not built yet; run "npm install" (or "npm run build") in its folder first')
    process.exit(1)
  }
  throw err
}
process.exit(await cli.main(process.argv.slice(2)))
