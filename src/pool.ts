// Runs the per-file stages in worker threads. Files go out one at a time, largest first, to whichever worker is
// free; custom resources wait until every worker has read its files, then get the CRDs they need.
import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import type { CheckSettings, FileCheckResult } from './check-file.js'
import { crdKey } from './crd-files.js'
import { ToolError } from './errors.js'
import type { FromWorker, ToWorker } from './worker.js'
import type { Location, PathSegment } from './types.js'

export interface PoolInput {
  filePath: string
  absolute: string | undefined
  text: string | undefined
}

export interface PoolOptions {
  settings: CheckSettings
  /** CRDs from --crd */
  extraCrds: readonly unknown[]
  workers: number
}

interface CrdHolder {
  filePath: string
  worker: WorkerHandle
  id: number
  index: number
}

/** A worker answers its messages in order, so replies are matched to requests first in, first out. */
export class WorkerHandle {
  private readonly worker: Worker
  private readonly waiting: Array<(m: FromWorker) => void> = []
  private failure: Error | undefined

  constructor(settings: CheckSettings) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings })
    this.worker.on('message', (m: FromWorker) => this.waiting.shift()?.(m))
    this.worker.on('error', (e) => {
      this.failure = e
      for (const w of this.waiting.splice(0)) w({ type: 'failed', message: e.message })
    })
  }

  request(message: ToWorker): Promise<FromWorker> {
    if (this.failure) return Promise.reject(new ToolError(`internal failure: ${this.failure.message}`))
    return new Promise((resolve, reject) => {
      this.waiting.push((m) => (m.type === 'failed' ? reject(new ToolError(`internal failure: ${m.message}`)) : resolve(m)))
      this.worker.postMessage(message)
    })
  }

  terminate(): Promise<number> {
    return this.worker.terminate()
  }
}

/** A file's result and the way back to the worker that holds its source. */
export interface PooledResult {
  result: FileCheckResult
  worker: WorkerHandle
  id: number
}

/** Places anchors in files read by workers: the worker holding each file finds the position. */
export async function locateInWorkers(requests: ReadonlyArray<{ from: PooledResult; manifest: number; path: readonly PathSegment[]; point: 'key' | 'value' }>): Promise<Location[]> {
  const byWorker = new Map<WorkerHandle, number[]>()
  requests.forEach((r, i) => byWorker.set(r.from.worker, [...(byWorker.get(r.from.worker) ?? []), i]))
  const out: Location[] = new Array(requests.length)
  await Promise.all(
    [...byWorker].map(async ([worker, indices]) => {
      const reply = await worker.request({ type: 'locate', anchors: indices.map((i) => ({ id: requests[i].from.id, manifest: requests[i].manifest, path: [...requests[i].path], point: requests[i].point })) })
      if (reply.type === 'located') reply.locations.forEach((l, k) => (out[indices[k]] = l))
    }),
  )
  return out
}

/** Checks the files in workers, then hands the results to `after` while the workers still hold the files' sources. */
export async function runInWorkers<T>(inputs: readonly PoolInput[], options: PoolOptions, after: (results: PooledResult[]) => Promise<T>): Promise<T> {
  const queue = batches([...inputs].sort((a, b) => sizeOf(b) - sizeOf(a)))
  const handles = Array.from({ length: Math.min(options.workers, queue.length) }, () => new WorkerHandle(options.settings))
  try {
    const holders = new Map<string, CrdHolder[]>()
    const needs = new Map<WorkerHandle, Set<string>>()
    let nextId = 0
    await Promise.all(
      handles.map(async (worker) => {
        needs.set(worker, new Set())
        for (let batch = queue.shift(); batch; batch = queue.shift()) {
          const files = batch.map((input) => ({ id: nextId++, ...input }))
          const reply = await worker.request({ type: 'check', files })
          if (reply.type !== 'checked') continue
          reply.files.forEach(({ crdKeys, pendingKeys }, i) => {
            const { id, filePath } = files[i]
            crdKeys.forEach((key, index) => key && holders.set(key, [...(holders.get(key) ?? []), { filePath, worker, id, index }]))
            for (const key of pendingKeys) needs.get(worker)!.add(key)
          })
        }
      }),
    )
    const extraByKey = new Map<string, unknown[]>()
    for (const crd of options.extraCrds) {
      const key = crdKey(crd)
      if (key) extraByKey.set(key, [...(extraByKey.get(key) ?? []), crd])
    }
    const fetched = new Map<string, unknown[]>()
    const fetch = async (key: string): Promise<unknown[]> => {
      if (!fetched.has(key)) {
        const found: unknown[] = [...(extraByKey.get(key) ?? [])]
        // the same order as on one thread: by file, then by position in the file
        const sorted = [...(holders.get(key) ?? [])].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : a.index - b.index))
        for (const h of sorted) {
          const reply = await h.worker.request({ type: 'send-crd', id: h.id, index: h.index })
          if (reply.type === 'crd') found.push(reply.crd)
        }
        fetched.set(key, found)
      }
      return fetched.get(key)!
    }
    const wanted = [...new Set([...needs.values()].flatMap((keys) => [...keys]))].sort()
    await Promise.all(wanted.map(fetch))
    const replies = await Promise.all(
      handles.map(async (worker) => ({ worker, reply: await worker.request({ type: 'finish', crds: [...needs.get(worker)!].sort().flatMap((key) => fetched.get(key)!) }) })),
    )
    return await after(replies.flatMap(({ worker, reply }) => (reply.type === 'results' ? reply.results.map(({ id, ...result }) => ({ result, worker, id })) : [])))
  } finally {
    await Promise.all(handles.map((h) => h.terminate()))
  }
}

// small files travel together: one message per file would cost more than reading it
const BATCH_BYTES = 256 * 1024

function batches(sorted: PoolInput[]): PoolInput[][] {
  const out: PoolInput[][] = []
  let current: PoolInput[] = []
  let bytes = 0
  for (const input of sorted) {
    current.push(input)
    bytes += sizeOf(input)
    if (bytes >= BATCH_BYTES) {
      out.push(current)
      current = []
      bytes = 0
    }
  }
  if (current.length) out.push(current)
  return out
}

function sizeOf(input: PoolInput): number {
  if (input.text !== undefined) return input.text.length
  try {
    return statSync(input.absolute!).size
  } catch {
    return 0
  }
}
