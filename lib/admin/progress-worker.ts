/** The worker thread of progressOffThread() (lib/admin/progress.ts): it judges, the main thread serves. */
import { parentPort } from 'node:worker_threads'
import { progress } from './progress.js'

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
