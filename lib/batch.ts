/**
 * Text gathered and written in one go: at most `ms` after its first piece
 * came, at once when `size` characters wait, or when flushed. Each write is
 * a system call, and wakes whatever reads the other end; the explained log
 * and the transcripts both write their lines this way.
 */
export interface Batch {
  add(text: string): void
  /** Writes what waits, now. */
  flush(): void
  /** Characters waiting. */
  readonly waiting: number
}

export function batch(write: (text: string) => void, ms: number, size: number, opts: { unref?: boolean } = {}): Batch {
  let pending: string[] = []
  let waiting = 0
  let timer: NodeJS.Timeout | undefined
  const flush = (): void => {
    clearTimeout(timer)
    timer = undefined
    if (!pending.length) return
    const text = pending.length === 1 ? pending[0]! : pending.join('')
    pending = []
    waiting = 0
    write(text)
  }
  return {
    add(text) {
      pending.push(text)
      waiting += text.length
      if (waiting >= size) flush()
      else if (!timer) {
        timer = setTimeout(flush, ms)
        if (opts.unref) timer.unref()
      }
    },
    flush,
    get waiting() {
      return waiting
    },
  }
}
