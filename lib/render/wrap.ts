/** Word-wrapping, on its own: the banner needs it, and not the log's renderer (render/terminal.ts), which --quiet never loads. */

/**
 * Word-wraps a line of text to `columns` columns, breaking only at spaces (the
 * space where it breaks is dropped; other spaces, as a student typed them,
 * stay). Only a word longer than the width, like a long path, is cut. An
 * empty text gives no line.
 */
export function wrap(text: string, columns: number): string[] {
  const width = Math.max(1, columns) // a terminal narrower than the indentation still gets every character
  if (text.length <= width) return text === '' ? [] : [text] // what fits is what the loop below would give back: most lines
  // The line being filled is text[start, end): whole words and the single spaces between them, as they were typed.
  const lines: string[] = []
  let start = 0
  let end = text.indexOf(' ')
  if (end === -1) end = text.length
  /** Whether the line has more than blanks: a line of only spaces is never ended at a space. */
  let solid = hasInk(text, 0, end)
  while (end < text.length) {
    const from = end + 1 // the next word, after the one space that ends this one
    let to = text.indexOf(' ', from)
    if (to === -1) to = text.length
    if (solid && end - start + 1 + (to - from) > width) {
      lines.push(text.slice(start, end))
      start = from
      solid = false
    }
    end = to
    solid ||= hasInk(text, from, to)
  }
  if (end > start) lines.push(text.slice(start, end))
  const cut = (l: string): string[] => (l.length <= width ? [l] : [l.slice(0, width), ...cut(l.slice(width))])
  return lines.flatMap(cut)
}

/** Whether text[from, to) has a character that is not white space (what String.trim keeps). */
function hasInk(text: string, from: number, to: number): boolean {
  if (from >= to) return false
  const c = text.charCodeAt(from)
  return (c > 32 && c < 127) || /\S/.test(text.slice(from, to))
}
