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

/** Where the API server validates a pod spec in this object (none for StatefulSets before 1.34, which it did not validate). */
export function podSpecSite(apiVersion: string, kind: string, minor: number): PodSpecSite | undefined {
  const path = POD_SPEC_PATHS[`${apiVersion} ${kind}`]
  if (!path) return undefined
  if (kind === 'StatefulSet' && minor < 34) return undefined
  return { path, template: kind !== 'Pod' }
}

// the same kinds in the API versions removed since (extensions/v1beta1, apps/v1beta2, batch/v1beta1…)
const POD_SPEC_PATHS_BY_KIND: Record<string, readonly PathSegment[]> = Object.fromEntries(
  Object.entries(POD_SPEC_PATHS).map(([key, path]) => [key.slice(key.indexOf(' ') + 1), path]),
)

/** Where this kind keeps the spec of the pods it creates (a Pod: its own spec), whatever the server validates. */
export function podSpecPath(apiVersion: string, kind: string): readonly PathSegment[] | undefined {
  return POD_SPEC_PATHS[`${apiVersion} ${kind}`] ?? POD_SPEC_PATHS_BY_KIND[kind]
}
