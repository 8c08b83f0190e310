/**
 * Whether to colour, following the terminal's conventions: NO_COLOR (any
 * non-empty value) turns colour off; FORCE_COLOR (0 to 3) forces a level;
 * otherwise colour only on a TTY.
 */
import { Chalk, supportsColor, type ChalkInstance } from 'chalk'

export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR) return 0 // chalk does not look at NO_COLOR itself
  const force = env.FORCE_COLOR
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1
    const n = Number(force)
    if (force === 'false' || n === 0) return 0
    if (n >= 1 && n <= 3) return n as 1 | 2 | 3
  }
  if (!stream.isTTY) return 0
  return supportsColor ? (supportsColor.level as 0 | 1 | 2 | 3) || 1 : 1
}

export function chalkFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) })
}
