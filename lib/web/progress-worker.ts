/**
 * Reads progress from the transcripts (lib/admin/progress.ts) in a worker
 * thread of its own: judging every recent session of a class takes from
 * milliseconds to seconds, and must never hold up the POP3 sessions, which
 * the main thread serves.
 */
import { parentPort } from 'node:worker_threads'
import { progress } from '../admin/progress.js'

export interface ProgressRequest {
  id: number
  dir: string
  users: string[]
}

parentPort?.on('message', async ({ id, dir, users }: ProgressRequest) => {
  try {
    parentPort!.postMessage({ id, progress: await progress(dir, users) })
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error).message })
  }
})
