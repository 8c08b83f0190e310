/**
 * SASL PLAIN (RFC 4616), the one mechanism of AUTH (RFC 5034) here: one
 * base64 line holding the authorization identity, the user and the
 * password, separated by NUL bytes. Base64 is an encoding, not encryption:
 * anyone who sees the line can decode it, which is what the log shows.
 */
import { printable } from './printable.js'

/** The mechanisms AUTH offers, as CAPA's SASL line and a bare AUTH list them. */
export const MECHANISMS = ['PLAIN'] as const

/**
 * What a SASL mechanism's name looks like (RFC 4422 §3.1: up to 20 capitals,
 * digits, - and _), also typed in lower case; base64 credentials typed in
 * its place (mixed case, or longer, or padded) do not.
 */
export const MECHANISM_NAME = /^(?:[A-Z0-9_-]{1,20}|[a-z0-9_-]{1,20})$/

/** What a PLAIN response holds, or why it cannot be read. */
export type PlainResponse =
  | { ok: true; authzid: string; user: string; password: string }
  | { ok: false; why: 'base64' | 'parts' }

/** Strict base64 (RFC 4648 §4): what Buffer.from would quietly skip is refused. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Decodes base64 strictly; none when the text is not base64. `=` alone is the empty response (RFC 5034 §4). */
export function decodeBase64(text: string): Buffer | undefined {
  if (text === '=') return Buffer.alloc(0)
  if (text === '' || !BASE64.test(text)) return undefined
  return Buffer.from(text, 'base64')
}

/** Reads a PLAIN response: authzid NUL authcid NUL passwd (RFC 4616 §2). */
export function readPlain(text: string): PlainResponse {
  const bytes = decodeBase64(text)
  if (!bytes) return { ok: false, why: 'base64' }
  const parts = bytes.toString('utf8').split('\0')
  if (parts.length !== 3 || parts[1] === '' || parts[2] === '') return { ok: false, why: 'parts' }
  const [authzid, user, password] = parts as [string, string, string]
  return { ok: true, authzid, user, password }
}

/**
 * What a PLAIN response decodes to, for the log: each NUL shown as `\0`,
 * the password (everything after the second NUL, or the whole when there
 * are fewer) replaced by `mask` when one is given. None when it is not base64.
 */
export function showPlain(text: string, mask?: string): string | undefined {
  const bytes = decodeBase64(text)
  if (!bytes) return undefined
  let parts = bytes.toString('utf8').split('\0')
  if (mask !== undefined) parts = parts.length >= 3 ? [...parts.slice(0, 2), mask] : [mask]
  return parts.map(p => printable(p)).join('\\0')
}
