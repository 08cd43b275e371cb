// Shared words of the policy rules on pod specs: a container's security settings once the pod-level ones it
// inherits are applied (the container's own value wins), and how a container is named in messages.
import type { PodSpec } from 'kubernetes-types/core/v1.js'
import type { PathSegment } from '../types.js'
import type { ContainerVisit } from '../validation/container.js'
import { isObj } from '../validation/metadata.js'

/** the settings a container inherits from the pod's securityContext when it sets none itself */
export type InheritedSetting = 'runAsNonRoot' | 'runAsUser' | 'runAsGroup' | 'seccompProfile'

export interface Effective {
  value: unknown
  /** where the value is set: the container's securityContext or the pod's */
  path: readonly PathSegment[]
  from: 'container' | 'pod'
}

/** the container's value of a setting, else the pod's, else undefined */
export function effectiveSetting(spec: PodSpec, specPath: readonly PathSegment[], c: ContainerVisit, key: InheritedSetting): Effective | undefined {
  const own: unknown = c.container.securityContext
  if (isObj(own) && own[key] !== undefined && own[key] !== null) return { value: own[key], path: [...c.path, 'securityContext', key], from: 'container' }
  const pod: unknown = spec.securityContext
  if (isObj(pod) && pod[key] !== undefined && pod[key] !== null) return { value: pod[key], path: [...specPath, 'securityContext', key], from: 'pod' }
  return undefined
}

/** Linux-only settings (users, capabilities, seccomp, read-only root) do not apply to Windows pods */
export const isWindowsPod = (spec: PodSpec): boolean => spec.os?.name === 'windows'

/** `container "web"`, `init container "migrate"`, for messages */
export function containerLabel(c: ContainerVisit): string {
  const kind = c.list === 'initContainers' ? 'init container' : c.list === 'ephemeralContainers' ? 'ephemeral container' : 'container'
  return `${kind} "${typeof c.container.name === 'string' ? c.container.name : c.index}"`
}
