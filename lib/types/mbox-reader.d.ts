// mbox-reader 1.2 ships no types; these cover what smallpop3 uses.
declare module 'mbox-reader' {
  import type { Readable } from 'node:stream'
  export interface MboxMessage {
    returnPath: string
    time: Date | false
    /** The message, lines joined with LF, >From unquoted, the last line end dropped. */
    content: Buffer
    headers: Map<string, string[]>
    flags: string[]
    labels: string[]
    readSize: number
  }
  export function mboxReader(input: Readable, options?: { gz?: boolean }): AsyncGenerator<MboxMessage>
}
