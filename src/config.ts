// The project's config file, `.seaworthy.yaml`, found in the working folder or the nearest folder above it, or
// named with --config. For now it holds the `cluster:` section: settings of the target cluster that change what
// the API server accepts.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { ToolError } from './errors.js'
import { LineIndex } from './lines.js'
import { locate } from './locate.js'
import { readText } from './read-file.js'
import { readYamlDocuments } from './yaml/read.js'
import { parseCIDRSloppy } from './validation/network.js'

export const CONFIG_FILE_NAME = '.seaworthy.yaml'

/** A node taint as `kubectl taint` writes it: key[=value]:effect. */
export interface NodeTaint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
}

/** A kind of node in the cluster profile (one entry may stand for `count` identical nodes). */
export interface NodeProfile {
  name: string
  /** how many nodes of this shape; default 1 */
  count: number
  labels: Record<string, string>
  taints: NodeTaint[]
  /** allocatable resources as quantities, e.g. { cpu: "4", memory: "16Gi", pods: "110" } */
  allocatable: Record<string, string>
}

export interface StorageClassProfile {
  name: string
  /** annotated storageclass.kubernetes.io/is-default-class: "true" */
  default: boolean
}

/** An object known to exist in the cluster though it is not in the input (created out of band). */
export interface ExistingObject {
  kind: string
  /** absent for cluster-scoped kinds, and then also matches any namespace for namespaced ones */
  namespace?: string
  name: string
}

export interface ClusterSettings {
  /** the Kubernetes version of the cluster, used when --kubernetes-version is not given */
  kubernetesVersion?: string
  /** the namespace of objects that name none (kubectl's current namespace); default "default" */
  namespace: string
  /** the API server's --service-node-port-range */
  nodePortRange: { min: number; max: number }
  /** the cluster DNS domain */
  clusterDomain: string
  /** the API server's --service-cluster-ip-range, one CIDR per IP family; empty when unknown (nothing is checked) */
  serviceCIDRs: string[]
  /** the cluster's nodes; undefined when unknown (nothing is checked against nodes) */
  nodes?: NodeProfile[]
  /** the cluster's storage classes; undefined when unknown */
  storageClasses?: StorageClassProfile[]
  /** objects that exist outside the input */
  existing: ExistingObject[]
}

export const DEFAULT_CLUSTER: ClusterSettings = {
  namespace: 'default',
  nodePortRange: { min: 30000, max: 32767 },
  clusterDomain: 'cluster.local',
  serviceCIDRs: [],
  existing: [],
}

export interface Config {
  /** the file it came from, when there was one */
  file: string | undefined
  cluster: ClusterSettings
}

/** the nearest `.seaworthy.yaml` at or above `cwd`, or the one named */
export function loadConfig(options: { cwd: string; configPath?: string }): Config {
  const file = options.configPath ? path.resolve(options.cwd, options.configPath) : findUp(options.cwd)
  if (!file) return { file: undefined, cluster: DEFAULT_CLUSTER }
  if (!existsSync(file)) throw new ToolError(`Cannot read config file ${options.configPath}: not found`)
  return { file, cluster: parseConfig(readText(file), file) }
}

function findUp(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME)
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) return undefined
  }
}

export function parseConfig(text: string, file: string): ClusterSettings {
  const lines = new LineIndex(text)
  const fail = (offset: number, message: string): never => {
    const { line, column } = lines.position(offset)
    throw new ToolError(`${file}:${line}:${column}: ${message}`)
  }
  const docs = readYamlDocuments(text)
  const problem = docs.flatMap((d) => d.problems)[0]
  if (problem) fail(problem.start, problem.message)
  const doc = docs[0]
  if (!doc || doc.value === null || doc.value === undefined) return DEFAULT_CLUSTER
  const root = doc.root!
  if (typeof doc.value !== 'object' || Array.isArray(doc.value)) fail(doc.start, 'the config file must be a mapping')
  const top = doc.value as Record<string, unknown>
  for (const key of Object.keys(top)) if (key !== 'cluster') fail(locate(root, [key]).key?.start ?? 0, `unknown setting "${key}" (known: cluster)`)
  const cluster = { ...DEFAULT_CLUSTER }
  const section = top.cluster
  if (section === undefined || section === null) return cluster
  if (typeof section !== 'object' || Array.isArray(section)) fail(locate(root, ['cluster']).node.start, '"cluster" must be a mapping')
  for (const [key, value] of Object.entries(section as Record<string, unknown>)) {
    const at = locate(root, ['cluster', key])
    if (key === 'nodePortRange') {
      const m = typeof value === 'string' ? /^(\d+)-(\d+)$/.exec(value) : null
      const min = Number(m?.[1])
      const max = Number(m?.[2])
      if (!m || min < 1 || max > 65535 || min > max) fail(at.node.start, 'cluster.nodePortRange must look like "30000-32767" (the API server\'s --service-node-port-range)')
      cluster.nodePortRange = { min, max }
    } else if (key === 'clusterDomain') {
      if (typeof value !== 'string' || value === '') fail(at.node.start, 'cluster.clusterDomain must be a domain name such as "cluster.local"')
      cluster.clusterDomain = value as string
    } else if (key === 'serviceCIDR') {
      const cidrs = typeof value === 'string' ? value.split(',').map((c) => c.trim()) : []
      if (cidrs.length === 0 || cidrs.length > 2 || cidrs.some((c) => parseCIDRSloppy(c) === undefined)) {
        fail(at.node.start, 'cluster.serviceCIDR must be a CIDR, or two separated by a comma for a dual-stack cluster (the API server\'s --service-cluster-ip-range)')
      }
      cluster.serviceCIDRs = cidrs
    } else {
      fail(at.key?.start ?? at.node.start, `unknown cluster setting "${key}" (known: nodePortRange, serviceCIDR, clusterDomain)`)
    }
  }
  return cluster
}
