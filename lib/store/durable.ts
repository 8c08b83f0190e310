/** Making a rename or an unlink survive a power cut: the folder that holds it is synced too. */
import { open } from 'node:fs/promises'

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
