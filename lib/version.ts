import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The package's own folder, wherever it is installed (dist/.. or lib/..). */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url))

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version
