// Pods that fit no node of the cluster profile (k8s-semantics B.8): the workload is accepted and its pods stay
// Pending with FailedScheduling.
import type { PodSpec } from 'kubernetes-types/core/v1.js'
import type { NodeProfile } from '../../src/config.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { placement, podRequests, type Placement } from '../../src/simulate/scheduling.js'
import type { PathSegment } from '../../src/types.js'
import { containersOf } from '../../src/validation/container.js'
import { compareQuantities, formatQuantity, parseQuantity, resourceQuantity, type Quantity } from '../../src/validation/quantity.js'
import { nameOf } from '../../src/wiring/describe.js'

type Path = readonly PathSegment[]

// the kinds whose pods the default scheduler places (a DaemonSet's: workload/daemonset-placement)
const SCHEDULED = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'Job', 'CronJob', 'ReplicationController'])
// the order of the checks placement() makes
const STAGE: Record<NonNullable<Placement['reason']>, number> = { selector: 0, taint: 1, resources: 2 }

export default defineRule({
  meta: {
    id: 'pod/unschedulable',
    category: 'wiring',
    severity: 'warning',
    description: "A workload's pods fit no node of the cluster profile, by node selector or affinity, untolerated taints, or requests larger than any node.",
    remediation: 'Make the node selector, tolerations and requests agree with the nodes the pods are meant for, or correct the cluster profile.',
    messages: {
      selector:
        '{{pods}} {{fit}} none of the {{total}} nodes of the cluster profile: no node has {{labels}}, so {{stay}} Pending (FailedScheduling 0/{{total}} nodes are available: {{event}}). Correct the nodeSelector, or label the nodes meant.',
      affinity:
        '{{pods}} {{fit}} none of the {{total}} nodes of the cluster profile: no node matches the required node affinity, so {{stay}} Pending (FailedScheduling 0/{{total}} nodes are available: {{event}}). Correct the affinity terms, or label the nodes meant.',
      taint:
        '{{pods}} {{fit}} none of the {{total}} nodes of the cluster profile: {{which}} has a taint without a toleration ({{taints}}), so {{stay}} Pending (FailedScheduling 0/{{total}} nodes are available: {{event}}). Add a toleration for the taint of the nodes meant.',
      resources:
        '{{pods}} {{fit}} none of the {{total}} nodes of the cluster profile: {{each}} {{request}} {{resource}}, more than the {{allocatable}} allocatable on {{node}}, the largest node left to it, so {{stay}} Pending (FailedScheduling 0/{{total}} nodes are available: {{event}}). Lower the request, or add larger nodes.',
      mixed:
        '{{pods}} {{fit}} none of the {{total}} nodes of the cluster profile, so {{stay}} Pending (FailedScheduling 0/{{total}} nodes are available: {{event}}). Make the requests fit the nodes meant.',
    },
  },
  wire(ctx) {
    return {
      PodSpec(spec, self) {
        const nodes = ctx.cluster.nodes
        if (!nodes || !SCHEDULED.has(self.kind)) return
        // a node name bypasses the scheduler
        if (typeof spec.nodeName === 'string' && spec.nodeName !== '') return
        const placed = placement(spec, nodes, { daemonSet: false })
        if (placed.some((p) => p.fits)) return
        const base = self.pods!.specPath
        const total = nodes.reduce((n, node) => n + node.count, 0)
        const one = self.kind === 'Pod'
        const data = { pods: one ? nameOf(self, ctx.cluster.namespace) : `The pods of ${nameOf(self, ctx.cluster.namespace)}`, stay: one ? 'it stays' : 'they stay', fit: one ? 'fits' : 'fit', each: one ? 'it requests' : 'each pod requests', total, event: schedulerEvent(placed) }
        // the fault is the check the nodes meant fail: the last one any node gets to
        const furthest = Math.max(...placed.map((p) => STAGE[p.reason!]))
        const meant = placed.filter((p) => STAGE[p.reason!] === furthest)
        const reason = meant[0].reason

        if (reason === 'selector') {
          const labels = missingLabels(spec, nodes)
          if (labels) ctx.report('selector', { at: [...base, 'nodeSelector'], point: 'key', data: { ...data, labels } })
          else ctx.report('affinity', { at: [...base, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'], point: 'key', data })
          return
        }
        if (reason === 'taint') {
          const taints = [...new Set(meant.map((p) => `${p.detail} on ${p.node.name}`))].join(', ')
          const which = meant.length < placed.length ? 'every node that matches the node selector and affinity' : 'every node'
          ctx.report('taint', { at: spec.tolerations ? [...base, 'tolerations'] : base, point: 'key', data: { ...data, which, taints } })
          return
        }
        const resource = sameResource(meant)
        if (resource) {
          const largest = largestNode(meant.map((p) => p.node), resource)
          const request = podRequests(spec)[resource]
          ctx.report('resources', {
            at: requestPath(spec, self, resource) ?? base,
            point: 'value',
            data: { ...data, resource, request: request ? formatQuantity(request) : '?', node: largest.node.name, allocatable: largest.amount ? formatQuantity(largest.amount) : 'none' },
          })
          return
        }
        ctx.report('mixed', { at: base, point: 'key', data })
      },
    }
  },
})

/** the scheduler's summary: "2 Insufficient cpu, 3 node(s) didn't match Pod's node affinity/selector" */
function schedulerEvent(placed: readonly Placement[]): string {
  const counts = new Map<string, number>()
  for (const p of placed) {
    if (p.fits) continue
    const text = p.reason === 'selector' ? "node(s) didn't match Pod's node affinity/selector" : p.reason === 'taint' ? `node(s) had untolerated taint ${taintText(p.detail!)}` : `Insufficient ${resourceOf(p.detail!)}`
    counts.set(text, (counts.get(text) ?? 0) + p.node.count)
  }
  return [...counts.entries()]
    .map(([text, n]) => `${n} ${text}`)
    .sort()
    .join(', ')
}

// "dedicated=gpu:NoSchedule" as the scheduler prints it: {dedicated: gpu}
function taintText(detail: string): string {
  const keyValue = detail.slice(0, detail.lastIndexOf(':'))
  const eq = keyValue.indexOf('=')
  return eq < 0 ? `{${keyValue}: }` : `{${keyValue.slice(0, eq)}: ${keyValue.slice(eq + 1)}}`
}

const resourceOf = (detail: string): string => detail.slice(0, detail.indexOf(':'))

function sameResource(placed: readonly Placement[]): string | undefined {
  const names = new Set(placed.map((p) => resourceOf(p.detail ?? '')))
  return names.size === 1 ? [...names][0] : undefined
}

/** "disktype=ssd" when no node has that label; "a=1, b=2" when no node has them together; undefined when the selector fits some node */
function missingLabels(spec: PodSpec, nodes: readonly NodeProfile[]): string | undefined {
  const pairs = Object.entries(spec.nodeSelector ?? {})
  if (pairs.length === 0 || nodes.some((n) => pairs.every(([k, v]) => n.labels[k] === v))) return undefined
  const absent = pairs.find(([k, v]) => !nodes.some((n) => n.labels[k] === v))
  return (absent ? [absent] : pairs).map(([k, v]) => `${k}=${v}`).join(', ')
}

function largestNode(nodes: readonly NodeProfile[], resource: string): { node: NodeProfile; amount: Quantity | undefined } {
  let best: { node: NodeProfile; amount: Quantity | undefined } = { node: nodes[0], amount: undefined }
  for (const node of nodes) {
    const amount = Object.hasOwn(node.allocatable, resource) ? parseQuantity(node.allocatable[resource]) : undefined
    if (amount && (!best.amount || compareQuantities(amount, best.amount) > 0)) best = { node, amount }
  }
  return best
}

/** the request that weighs most: the pod-level one, else the largest container's (a limit stands for a missing request) */
function requestPath(spec: PodSpec, self: IndexedObject, resource: string): Path | undefined {
  const base = self.pods!.specPath
  const podLevel = (spec as PodSpec & { resources?: { requests?: Record<string, unknown> } }).resources?.requests
  if (podLevel && resource in podLevel) return [...base, 'resources', 'requests', resource]
  let best: { at: Path; q: Quantity } | undefined
  for (const c of containersOf(spec, { path: base, template: self.kind !== 'Pod', kind: self.kind })) {
    for (const field of ['requests', 'limits'] as const) {
      const q = resourceQuantity(c.container.resources?.[field]?.[resource])
      if (!q) continue
      if (!best || compareQuantities(q, best.q) > 0) best = { at: [...c.path, 'resources', field, resource], q }
      break
    }
  }
  return best?.at
}
