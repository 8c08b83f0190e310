/**
 * UIDs from content digests (RFC 1939 §7: unique in the maildrop, the same
 * across sessions). Two identical messages share a digest, so each copy
 * gets a suffix: the first none, then ".2", ".3", … in the order they appear.
 *
 * A UID stays with its message for good: when one copy is deleted, the
 * copies after it must not move up and take its UID (a client that leaves
 * mail on the server would take a message it has for new, or miss one). So
 * after an UPDATE the store remembers, per digest, the suffixes of the
 * copies that are left and the next suffix never used (TwinMemory); a
 * digest that still has the plain numbering needs no entry. A digest with
 * no copy left is forgotten, so that the memory does not grow with every
 * deletion: a byte-identical message delivered again later (the same From
 * line and headers) takes its UID again, as the same message would.
 */
export type TwinMemory = Record<string, { copies: number[]; next: number }>

/** The suffix of the `j`-th copy (from 0) of digest `d`. */
function suffixOf(d: string, j: number, memory: TwinMemory): number {
  const m = memory[d]
  if (!m) return j + 1
  return j < m.copies.length ? m.copies[j]! : m.next + (j - m.copies.length)
}

/** Each copy's suffix, in order. */
function suffixes(digests: readonly string[], memory: TwinMemory): number[] {
  const seen = new Map<string, number>()
  return digests.map(d => {
    const j = seen.get(d) ?? 0
    seen.set(d, j + 1)
    return suffixOf(d, j, memory)
  })
}

export function uniqueIds(digests: readonly string[], memory: TwinMemory = {}): string[] {
  const n = suffixes(digests, memory)
  return digests.map((d, i) => (n[i] === 1 ? d : `${d}.${n[i]}`))
}

/** What to remember once only the messages for which `kept(i)` is true are left. */
export function twinsAfter(digests: readonly string[], kept: (i: number) => boolean, memory: TwinMemory): TwinMemory {
  const n = suffixes(digests, memory)
  const left = new Map<string, number[]>()
  const next = new Map<string, number>()
  digests.forEach((d, i) => {
    next.set(d, Math.max(next.get(d) ?? memory[d]?.next ?? 0, n[i]! + 1))
    if (kept(i)) left.set(d, [...(left.get(d) ?? []), n[i]!])
  })
  const out: TwinMemory = {}
  for (const [d, copies] of left) {
    const plain = copies.every((s, k) => s === k + 1) && next.get(d) === copies.length + 1
    if (!plain) out[d] = { copies, next: next.get(d)! }
  }
  return out
}
