/** Making a rename or an unlink survive a power cut: the folder that holds it is synced too. */
import { open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r')
  try {
    await fh.sync()
  } catch {
    // some file systems cannot fsync a directory; the rename is still atomic
  } finally {
    await fh.close()
  }
}

let written = 0

/**
 * Replaces the file at `path` with `text` so that it is never seen half
 * written, not even after a crash: a temporary file beside it, fsync,
 * rename over the old one, fsync of the folder. The file keeps its mode.
 */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const mode = await stat(path).then(st => st.mode & 0o777, () => 0o644)
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++written}.tmp`)
  const fh = await open(tmp, 'wx', mode)
  try {
    await fh.writeFile(text)
    await fh.sync()
  } catch (err) {
    await fh.close()
    await unlink(tmp).catch(() => {})
    throw err
  }
  await fh.close()
  try {
    await rename(tmp, path)
  } catch (err) {
    await unlink(tmp).catch(() => {})
    throw err
  }
  await syncDir(dirname(path))
}
