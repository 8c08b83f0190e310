/** Word-wrapping, on its own: the banner needs it, and not the log's renderer (render/terminal.ts), which --quiet never loads. */

/**
 * Word-wraps a line of text to `columns` columns, breaking only at spaces (the
 * space where it breaks is dropped; other spaces, as a student typed them,
 * stay). Only a word longer than the width, like a long path, is cut. An
 * empty text gives no line.
 */
export function wrap(text: string, columns: number): string[] {
  const width = Math.max(1, columns) // a terminal narrower than the indentation still gets every character
  const lines: string[] = []
  let line: string | undefined
  for (const word of text.split(' ')) {
    if (line === undefined) line = word
    else if (line.trim() !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = `${line} ${word}`
  }
  if (line) lines.push(line)
  const cut = (l: string): string[] => (l.length <= width ? [l] : [l.slice(0, width), ...cut(l.slice(width))])
  return lines.flatMap(cut)
}
