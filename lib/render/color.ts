/**
 * Whether to colour, following the terminal's conventions: NO_COLOR (any
 * non-empty value) turns colour off; FORCE_COLOR (0 to 3) forces a level;
 * otherwise colour only on a TTY.
 */
import { Chalk, supportsColor, type ChalkInstance } from 'chalk'
import { levelFromEnv } from './color-env.js'

export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 {
  return levelFromEnv(stream, env) ?? (supportsColor ? (supportsColor.level as 0 | 1 | 2 | 3) || 1 : 1)
}

export function chalkFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): ChalkInstance {
  return new Chalk({ level: colorLevel(stream, env) })
}
