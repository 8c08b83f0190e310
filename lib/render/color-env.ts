/**
 * The colour level that the environment and the stream decide on their own
 * (NO_COLOR, FORCE_COLOR, not a terminal), without chalk: chalk is slow to
 * load, and a server whose banner goes to a pipe or a file has no use for it.
 */
export function levelFromEnv(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): 0 | 1 | 2 | 3 | undefined {
  if (env.NO_COLOR) return 0 // chalk does not look at NO_COLOR itself
  const force = env.FORCE_COLOR
  if (force !== undefined) {
    if (force === '' || force === 'true') return 1
    const n = Number(force)
    if (force === 'false' || n === 0) return 0
    if (n >= 1 && n <= 3) return n as 1 | 2 | 3
  }
  if (!stream.isTTY) return 0
  return undefined // a terminal: what it supports, chalk's supports-color says (render/color.ts)
}
