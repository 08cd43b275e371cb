// Kinds grouped in one place: where each kind keeps its pod spec, and which of them the API server validates.
import type { PathSegment } from './types.js'

export interface PodSpecSite {
  /** path of the pod spec in the object */
  path: readonly PathSegment[]
  /** a template (not a Pod): some rules apply to Pods only, some to templates only */
  template: boolean
}

const POD_SPEC_PATHS: Record<string, readonly PathSegment[]> = {
  'v1 Pod': ['spec'],
  'v1 PodTemplate': ['template', 'spec'],
  'v1 ReplicationController': ['spec', 'template', 'spec'],
  'apps/v1 Deployment': ['spec', 'template', 'spec'],
  'apps/v1 ReplicaSet': ['spec', 'template', 'spec'],
  'apps/v1 DaemonSet': ['spec', 'template', 'spec'],
  'apps/v1 StatefulSet': ['spec', 'template', 'spec'],
  'batch/v1 Job': ['spec', 'template', 'spec'],
  'batch/v1 CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
}

// by kind, then apiVersion: looked up for every object, so without building a key string each time
const PATHS_BY_KIND = new Map<string, Map<string, PodSpecSite>>()
for (const [key, path] of Object.entries(POD_SPEC_PATHS)) {
  const [apiVersion, kind] = key.split(' ')
  let byApiVersion = PATHS_BY_KIND.get(kind)
  if (!byApiVersion) PATHS_BY_KIND.set(kind, (byApiVersion = new Map()))
  byApiVersion.set(apiVersion, Object.freeze({ path, template: kind !== 'Pod' }))
}

/** Where the API server validates a pod spec in this object (none for StatefulSets before 1.34, which it did not validate). */
export function podSpecSite(apiVersion: string, kind: string, minor: number): PodSpecSite | undefined {
  const site = PATHS_BY_KIND.get(kind)?.get(apiVersion)
  if (!site) return undefined
  if (kind === 'StatefulSet' && minor < 34) return undefined
  return site
}

// the same kinds in the API versions removed since (extensions/v1beta1, apps/v1beta2, batch/v1beta1…)
const POD_SPEC_PATHS_BY_KIND: Record<string, readonly PathSegment[]> = Object.fromEntries(
  Object.entries(POD_SPEC_PATHS).map(([key, path]) => [key.slice(key.indexOf(' ') + 1), path]),
)

/** Where this kind keeps the spec of the pods it creates (a Pod: its own spec), whatever the server validates. */
export function podSpecPath(apiVersion: string, kind: string): readonly PathSegment[] | undefined {
  return PATHS_BY_KIND.get(kind)?.get(apiVersion)?.path ?? POD_SPEC_PATHS_BY_KIND[kind]
}
