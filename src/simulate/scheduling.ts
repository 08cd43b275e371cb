// Where a pod can run among the cluster profile's nodes (k8s-semantics §B.8): node selector and required node
// affinity, NoSchedule/NoExecute taints against tolerations (with a DaemonSet's automatic ones), and requests
// against an empty node's allocatable.
import type { NodeSelectorRequirement, PodSpec, ResourceRequirements, Toleration } from 'kubernetes-types/core/v1.js'
import type { NodeProfile, NodeTaint } from '../config.js'
import { addQuantities, compareQuantities, formatQuantity, parseQuantity, resourceQuantity, sign, type Quantity } from '../validation/quantity.js'
import { selectorMatches } from '../validation/workload.js'

type Requests = Record<string, Quantity>

/** Toleration.ToleratesTaint: effect and key must agree where set; Equal (or no operator) needs the same value. */
export function tolerates(tolerations: Toleration[] | undefined, taint: NodeTaint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false
    if (t.key && t.key !== taint.key) return false
    if (t.operator === 'Exists') return true
    return (t.operator === undefined || t.operator === '' || t.operator === 'Equal') && (t.value ?? '') === (taint.value ?? '')
  })
}

const exists = (key: string, effect: string): Toleration => ({ key: `node.kubernetes.io/${key}`, operator: 'Exists', effect })
const DAEMON_TOLERATIONS = [
  exists('not-ready', 'NoExecute'),
  exists('unreachable', 'NoExecute'),
  exists('disk-pressure', 'NoSchedule'),
  exists('memory-pressure', 'NoSchedule'),
  exists('pid-pressure', 'NoSchedule'),
  exists('unschedulable', 'NoSchedule'),
]
const HOST_NETWORK_TOLERATION = exists('network-unavailable', 'NoSchedule')

/** The tolerations of a DaemonSet's pods: the template's, plus AddOrUpdateDaemonPodTolerations's (not the control-plane taint's). */
export function daemonSetTolerations(spec: PodSpec): Toleration[] {
  const out = [...(spec.tolerations ?? [])]
  const same = (a: Toleration, b: Toleration) =>
    (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === b.operator && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '')
  for (const t of spec.hostNetwork === true ? [...DAEMON_TOLERATIONS, HOST_NETWORK_TOLERATION] : DAEMON_TOLERATIONS) {
    // an identical toleration is replaced, which drops its tolerationSeconds
    const i = out.findIndex((o) => same(o, t))
    if (i >= 0) out[i] = t
    else out.push(t)
  }
  return out
}

/** nodeSelector (every pair) and required node affinity (terms ORed, requirements in a term ANDed) on the node. */
export function nodeSelectorMatches(spec: PodSpec, node: NodeProfile): boolean {
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) if (node.labels[key] !== value) return false
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!required) return true
  return (required.nodeSelectorTerms ?? []).some((term) => {
    const expressions = term?.matchExpressions ?? []
    const fields = term?.matchFields ?? []
    // an empty term matches no node
    if (expressions.length + fields.length === 0) return false
    return expressions.every((r) => labelRequirement(r, node.labels)) && fields.every((r) => fieldRequirement(r, node))
  })
}

function labelRequirement(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  if (r.operator !== 'Gt' && r.operator !== 'Lt') return selectorMatches({ matchExpressions: [r] }, labels)
  // both sides must parse as 64-bit integers
  const int = (s: string | undefined) => (s !== undefined && /^[+-]?[0-9]+$/.test(s) ? BigInt(s) : undefined)
  const label = int(Object.hasOwn(labels, r.key) ? labels[r.key] : undefined)
  const bound = int(r.values?.[0])
  if (label === undefined || bound === undefined) return false
  return r.operator === 'Gt' ? label > bound : label < bound
}

// matchFields supports only metadata.name, with In and NotIn
function fieldRequirement(r: NodeSelectorRequirement, node: NodeProfile): boolean {
  if (r.key !== 'metadata.name') return false
  const values = r.values ?? []
  if (r.operator === 'In') return values.includes(node.name)
  if (r.operator === 'NotIn') return !values.includes(node.name)
  return false
}

// src/defaults.ts copies limits into requests only for Pods, but the server does the same (SetDefaults_Pod) to the
// pods a controller creates from a template, so a limit stands for a missing request
function requestsOf(resources: ResourceRequirements | null | undefined): Requests {
  const out: Requests = {}
  for (const [name, value] of Object.entries({ ...(resources?.limits ?? {}), ...(resources?.requests ?? {}) })) {
    const q = resourceQuantity(value)
    if (q) out[name] = q
  }
  return out
}

const add = (a: Requests, b: Requests): Requests => {
  const out = { ...a }
  for (const [name, q] of Object.entries(b)) out[name] = out[name] ? addQuantities(out[name], q) : q
  return out
}
const max = (a: Requests, b: Requests): Requests => {
  const out = { ...a }
  for (const [name, q] of Object.entries(b)) if (!out[name] || compareQuantities(q, out[name]) > 0) out[name] = q
  return out
}

// IsSupportedPodLevelResource
const POD_LEVEL = new Set(['cpu', 'memory'])

/**
 * The pod's requests as the scheduler sums them (component-helpers resource.PodRequests): containers plus native
 * sidecars, or the largest init container with the sidecars started before it if more; pod-level requests replace
 * cpu and memory when set; the RuntimeClass overhead is added.
 */
export function podRequests(spec: PodSpec): Requests {
  let total: Requests = {}
  for (const c of spec.containers ?? []) total = add(total, requestsOf(c.resources))
  let sidecars: Requests = {}
  let initPeak: Requests = {}
  for (const c of spec.initContainers ?? []) {
    const own = requestsOf(c.resources)
    if (c.restartPolicy === 'Always') {
      total = add(total, own)
      sidecars = add(sidecars, own)
      initPeak = max(initPeak, sidecars)
    } else {
      initPeak = max(initPeak, add(own, sidecars))
    }
  }
  total = max(total, initPeak)
  const podLevel = requestsOf((spec as PodSpec & { resources?: ResourceRequirements }).resources)
  for (const [name, q] of Object.entries(podLevel)) if (POD_LEVEL.has(name)) total[name] = q
  const overhead: Requests = {}
  for (const [name, value] of Object.entries(spec.overhead ?? {})) {
    const q = resourceQuantity(value)
    if (q) overhead[name] = q
  }
  return add(total, overhead)
}

export interface Placement {
  node: NodeProfile
  fits: boolean
  /** the first check the node fails */
  reason?: 'selector' | 'taint' | 'resources'
  /** e.g. the taint "dedicated=gpu:NoSchedule", or "cpu: requests 8, allocatable 4" */
  detail?: string
}

// allocatable a profile may leave out without meaning zero; any other resource the node does not list it has none of
const UNKNOWN_WHEN_ABSENT = new Set(['cpu', 'memory', 'ephemeral-storage'])

/** Per node: whether the pod can be placed there, checked as the scheduler (or the DaemonSet controller) does. */
export function placement(spec: PodSpec, nodes: NodeProfile[], options: { daemonSet: boolean }): Placement[] {
  const tolerations = options.daemonSet ? daemonSetTolerations(spec) : spec.tolerations
  const requests = podRequests(spec)
  return nodes.map((node) => {
    if (!nodeSelectorMatches(spec, node)) return { node, fits: false, reason: 'selector' }
    // PreferNoSchedule only steers the scheduler
    const taint = node.taints.find((t) => t.effect !== 'PreferNoSchedule' && !tolerates(tolerations, t))
    if (taint) return { node, fits: false, reason: 'taint', detail: `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}` }
    const short = shortfall(requests, node)
    return short ? { node, fits: false, reason: 'resources', detail: short } : { node, fits: true }
  })
}

// the first requested resource an empty node cannot supply
function shortfall(requests: Requests, node: NodeProfile): string | undefined {
  for (const [name, request] of Object.entries(requests)) {
    if (sign(request) <= 0) continue
    const listed = Object.hasOwn(node.allocatable, name) ? parseQuantity(node.allocatable[name]) : undefined
    if (!listed && UNKNOWN_WHEN_ABSENT.has(name)) continue
    if (!listed || compareQuantities(request, listed) > 0) {
      return `${name}: requests ${formatQuantity(request)}, allocatable ${listed ? formatQuantity(listed) : '0'}`
    }
  }
  return undefined
}
