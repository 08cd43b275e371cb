// Helpers of the security rules: the containers of a pod spec with their security contexts, capability names as
// runtimes read them, and the host paths that give a container the node.
import { posix } from 'node:path'
import type { Capabilities, PodSpec, SecurityContext } from 'kubernetes-types/core/v1.js'
import type { FieldError } from '../field-errors.js'
import type { PodSpecVisit } from '../rule.js'
import type { PathSegment } from '../types.js'
import { containersOf, type ContainerVisit } from '../validation/container.js'
import { isObj } from '../validation/metadata.js'

export interface SecuredContainer extends ContainerVisit {
  /** the container's securityContext, {} when it has none */
  securityContext: SecurityContext
}

/** every container of the pod, ephemeral ones included: policy is about what runs on the node */
export function securedContainers(spec: PodSpec, visit: PodSpecVisit): SecuredContainer[] {
  return containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers']).map((c) => ({
    ...c,
    securityContext: isObj(c.container.securityContext) ? c.container.securityContext : {},
  }))
}

/** a capability as the runtimes compare it: upper case, without the `CAP_` prefix (containerd and CRI-O add it) */
export function capabilityName(written: string): string {
  const upper = written.toUpperCase()
  return upper.startsWith('CAP_') ? upper.slice(4) : upper
}

/** the entries of `capabilities.add`, with their index and their name as the runtimes read it */
export function addedCapabilities(capabilities: Capabilities | undefined): { index: number; written: string; name: string }[] {
  const add: unknown = isObj(capabilities) ? capabilities.add : undefined
  if (!Array.isArray(add)) return []
  return add.flatMap((written: unknown, index) => (typeof written === 'string' ? [{ index, written, name: capabilityName(written) }] : []))
}

/** a host path compared as the node resolves it: `//` and trailing slashes folded, `/var/run` being `/run` */
export function normaliseHostPath(path: string): string {
  const normal = posix.normalize(path.trim()).replace(/\/+$/, '') || '/'
  return normal === '/var/run' || normal.startsWith('/var/run/') ? normal.slice(4) : normal
}

// host directories that hold the node's configuration, kernel interfaces, devices, binaries or every pod's data:
// kube-linter's sensitive-host-mounts list, plus /root, /run and the kubelet's and runtimes' state
const SENSITIVE_DIRECTORIES: ReadonlySet<string> = new Set([
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/etc/kubernetes',
  '/lib',
  '/proc',
  '/root',
  '/run',
  '/sys',
  '/usr',
  '/var/lib/containerd',
  '/var/lib/docker',
  '/var/lib/kubelet',
])

// the container runtimes' API sockets, by file name (wherever a distribution puts them) and by folder
const RUNTIME_SOCKETS: ReadonlySet<string> = new Set(['docker.sock', 'containerd.sock', 'crio.sock', 'cri-dockerd.sock', 'dockershim.sock'])
const RUNTIME_SOCKET_FOLDERS: readonly string[] = ['/run/containerd', '/run/crio', '/run/docker', '/run/k3s/containerd']

export type HostPathRisk = 'runtimeSocket' | 'sensitive'

/** why mounting this host path gives the node away, if it does */
export function hostPathRisk(path: string): HostPathRisk | undefined {
  const normal = normaliseHostPath(path)
  if (RUNTIME_SOCKETS.has(posix.basename(normal))) return 'runtimeSocket'
  if (RUNTIME_SOCKET_FOLDERS.some((f) => normal === f || normal.startsWith(`${f}/`))) return 'runtimeSocket'
  return SENSITIVE_DIRECTORIES.has(normal) ? 'sensitive' : undefined
}

/** the pod's hostPath volumes, with their index */
export function hostPathVolumes(spec: PodSpec): { index: number; name: string; path: string }[] {
  const volumes: unknown = spec.volumes
  if (!Array.isArray(volumes)) return []
  return volumes.flatMap((v: unknown, index) => {
    if (!isObj(v) || !isObj(v.hostPath) || typeof v.hostPath.path !== 'string') return []
    return [{ index, name: typeof v.name === 'string' ? v.name : '', path: v.hostPath.path }]
  })
}

/** the text of a policy finding: the message template says it all */
export const finding = (path: readonly PathSegment[]): FieldError => ({ path, text: '' })
