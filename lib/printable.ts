/** Text for the log: control bytes in caret notation (^H for backspace, ^@ for NUL, ^? for DEL). */
export function printable(text: string | Buffer): string {
  let out = ''
  for (const ch of typeof text === 'string' ? text : text.toString('utf8')) {
    const c = ch.codePointAt(0)!
    if (c < 0x20) out += '^' + String.fromCharCode(c + 0x40)
    else if (c === 0x7f) out += '^?'
    else out += ch
  }
  return out
}
