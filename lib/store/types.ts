/**
 * What the protocol needs of a maildrop, whatever it is stored as (mbox or
 * maildir). Message numbers are 1-based in the protocol and 0-based here.
 */
import type { Readable } from 'node:stream'
import { LocalizedError, type MessageKey, type Params } from '../i18n/index.js'

export interface MessageInfo {
  /** Octets as delivered: CRLF line ends, before dot-stuffing (RFC 1939 §5). */
  size: number
  /** Unique id (RFC 1939 §7 UIDL): 1 to 70 characters from 0x21 to 0x7E. */
  uid: string
}

export interface CommitResult {
  deleted: number
  left: number
}

export interface Maildrop {
  readonly path: string
  readonly kind: 'mbox' | 'maildir'
  /** The messages as they were at login; fixed for the whole session. */
  readonly messages: readonly MessageInfo[]
  /**
   * The delivered bytes of message `index` (CRLF lines, not dot-stuffed).
   * Rejects with StoreError EGONE when the message vanished under the server.
   */
  open(index: number): Promise<Readable>
  /** RETR read the message: a maildir moves it from new/ to cur/ at UPDATE. */
  seen(index: number): void
  /** UPDATE state (RFC 1939 §6): removes the messages, atomically. */
  commit(deleted: ReadonlySet<number>): Promise<CommitResult>
  /** Lets another session open the maildrop. Safe to call twice. */
  release(): Promise<void>
}

/** Error codes a store throws, each mapped to a response code on the wire. */
/**
 * EINUSE: locked by another session; EMAILDROP: missing or not a maildrop;
 * EGONE: a message vanished; EUNFINISHED: an UPDATE stopped after it began
 * changing the maildrop (the next open finishes it); EBUSY: a delivery
 * agent held the mbox's lock for longer than the server waits.
 */
export type StoreErrorCode = 'EINUSE' | 'EMAILDROP' | 'EGONE' | 'EUNFINISHED' | 'EBUSY'

export class StoreError extends LocalizedError {
  constructor(readonly code: StoreErrorCode, key: MessageKey, params?: Params) {
    super(key, params)
  }
}
