/**
 * The certificate of the POP3S listener: loaded from files (--cert, --key),
 * or generated once, self-signed, by the `selfsigned` package and kept in
 * the state folder so that it (and its fingerprint) stays the same between
 * runs. No ASN.1 is written by hand here.
 */
import { createSecureContext } from 'node:tls'
import { X509Certificate } from 'node:crypto'
import { chmod, readFile, rename, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { LocalizedError } from './i18n/index.js'
import { makeFolder } from './folders.js'

export interface Certificate {
  cert: string
  key: string
  /** Where they were read from (or written to). */
  certPath: string
  keyPath: string
  /** True when it was generated now. */
  generated: boolean
}

/** A certificate or key file that cannot be read or used: one line for the student. */
export class CertificateError extends LocalizedError {}

/** SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints it: colon-separated uppercase hex. */
export function fingerprintOf(cert: string | Buffer): string {
  return new X509Certificate(cert).fingerprint256
}

/** Reads --cert and --key, and checks that they make a usable pair. */
export async function loadCertificate(certPath: string, keyPath: string): Promise<Certificate> {
  const read = async (path: string): Promise<string> => {
    try {
      return await readFile(path, 'utf8')
    } catch (err) {
      throw new CertificateError('tls.unreadable', { path, code: (err as NodeJS.ErrnoException).code ?? 'EIO' })
    }
  }
  const cert = await read(certPath)
  const key = await read(keyPath)
  try {
    new X509Certificate(cert)
  } catch {
    throw new CertificateError('tls.notCertificate', { path: certPath })
  }
  try {
    createSecureContext({ cert, key })
  } catch (err) {
    throw new CertificateError('tls.badPair', { cert: certPath, key: keyPath, reason: (err as Error).message })
  }
  return { cert, key, certPath, keyPath, generated: false }
}

/**
 * The self-signed certificate kept in `dir` (cert.pem, key.pem), made when
 * missing, for localhost, 127.0.0.1, ::1 and this machine's name.
 */
export async function selfSignedCertificate(dir: string): Promise<Certificate> {
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  try {
    return await loadCertificate(certPath, keyPath) // kept from an earlier run
  } catch (err) {
    if (!(err instanceof CertificateError && err.params.code === 'ENOENT')) throw err
  }
  const names = [...new Set(['localhost', hostname()])]
  const now = new Date()
  const { generate } = await import('selfsigned') // only the first time: the library is slow to load, and start-up is not
  const pems = await generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'smallpop3 self-signed for learning' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 3600_000), // a client whose clock is a little behind still accepts it
    notAfterDate: new Date(now.getTime() + 10 * 365 * 24 * 3600_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...names.map(value => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }, { type: 7 as const, ip: '::1' }],
      },
    ],
  })
  await makeFolder(dir, 0o700)
  // written beside, then renamed: a half-written pair is never read back
  const tmp = `.new-${process.pid}`
  await writeFile(keyPath + tmp, pems.private, { mode: 0o600 })
  await chmod(keyPath + tmp, 0o600) // whatever the umask
  await writeFile(certPath + tmp, pems.cert)
  await rename(keyPath + tmp, keyPath)
  await rename(certPath + tmp, certPath)
  return { cert: pems.cert, key: pems.private, certPath, keyPath, generated: true }
}
