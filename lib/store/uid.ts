/**
 * UIDs from content digests (RFC 1939 §7: unique in the maildrop, the same
 * across sessions). Two identical messages share a digest, so the second
 * and later copies get a suffix: ".2", ".3", … in the order they appear.
 */
export function uniqueIds(digests: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return digests.map(d => {
    const n = (seen.get(d) ?? 0) + 1
    seen.set(d, n)
    return n === 1 ? d : `${d}.${n}`
  })
}
