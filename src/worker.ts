// A worker thread of the pool: keeps its files' checks between the two phases.
import { parentPort, workerData } from 'node:worker_threads'
import { FileCheck, type CheckSettings, type FileCheckResult } from './check-file.js'
import { crdKey, resourceKey } from './crd-files.js'
import { readText } from './read-file.js'
import { CrdRegistry } from './schema/index.js'
import type { Location, PathSegment } from './types.js'

export type ToWorker =
  | { type: 'check'; files: Array<{ id: number; filePath: string; absolute: string | undefined; text: string | undefined }> }
  | { type: 'send-crd'; id: number; index: number }
  | { type: 'finish'; crds: unknown[] }
  | { type: 'locate'; anchors: Array<{ id: number; manifest: number; path: PathSegment[]; point: 'key' | 'value' }> }

export type FromWorker =
  | { type: 'checked'; files: Array<{ crdKeys: Array<string | undefined>; pendingKeys: string[] }> }
  | { type: 'crd'; crd: unknown }
  | { type: 'results'; results: Array<FileCheckResult & { id: number }> }
  | { type: 'located'; locations: Location[] }
  | { type: 'failed'; message: string }

const settings = workerData as CheckSettings
const checks = new Map<number, FileCheck>()

parentPort?.on('message', (m: ToWorker) => {
  try {
    parentPort!.postMessage(handle(m))
  } catch (e) {
    parentPort!.postMessage({ type: 'failed', message: (e as Error).message } satisfies FromWorker)
  }
})

function handle(m: ToWorker): FromWorker {
  switch (m.type) {
    case 'check': {
      const files = m.files.map((f) => {
        const check = new FileCheck(f.filePath, f.text ?? readText(f.absolute!), settings)
        check.phaseOne()
        checks.set(f.id, check)
        return { crdKeys: check.crds.map(crdKey), pendingKeys: [...new Set(check.pending.map((p) => resourceKey(p.apiVersion, p.kind)))] }
      })
      return { type: 'checked', files }
    }
    case 'send-crd':
      return { type: 'crd', crd: checks.get(m.id)!.crds[m.index] }
    case 'finish': {
      const ids = [...checks.keys()].sort((a, b) => a - b)
      if (ids.some((id) => checks.get(id)!.pending.length > 0)) {
        const registry = new CrdRegistry(settings.kubernetesVersion)
        for (const crd of m.crds) registry.add(crd)
        for (const id of ids) checks.get(id)!.phaseTwo(registry)
      }
      return { type: 'results', results: ids.map((id) => ({ ...checks.get(id)!.result(), id })) }
    }
    case 'locate':
      return { type: 'located', locations: m.anchors.map((a) => checks.get(a.id)!.locate(a.manifest, a.path, a.point)) }
  }
}
