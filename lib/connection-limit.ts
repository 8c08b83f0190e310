/**
 * How many connections the server serves at once by default: well below the
 * process's limit on open files, so that a crowd of idle connections can
 * never leave a student's login without a descriptor for its maildrop.
 *
 * The soft limit is what counts. Node itself raises it to the hard limit
 * when it starts (src/node.cc, PlatformInit), so on a system that allows
 * more, the server already has more: nothing to re-run or raise here.
 */
import { readFileSync } from 'node:fs'

/** Descriptors kept for everything but sessions: the listening socket, stdio, the maillist, log files. */
const RESERVED = 64
/** A session may hold three: its socket, its maildrop (or lock) and a message being sent. */
const PER_SESSION = 3
/** More than a lab ever needs; each idle session costs some memory too. */
const CAP = 4000
/** Where the limit cannot be read (not Linux): safe under the usual limits of 256 and 1,024. */
const FALLBACK = 100

/** The soft limit on open files (RLIMIT_NOFILE), or undefined where it cannot be read. */
export function openFilesLimit(limits = '/proc/self/limits'): number | undefined {
  let text: string
  try {
    text = readFileSync(limits, 'utf8')
  } catch {
    return undefined
  }
  const soft = /^Max open files\s+(\S+)/m.exec(text)?.[1]
  if (soft === undefined) return undefined
  return soft === 'unlimited' ? Infinity : Number(soft) || undefined
}

/** The default for maxConnections: (soft limit − 64) / 3, at least 1, at most 4,000. */
export function defaultMaxConnections(limit = openFilesLimit()): number {
  if (limit === undefined) return FALLBACK
  return Math.max(1, Math.min(CAP, Math.floor((limit - RESERVED) / PER_SESSION)))
}
