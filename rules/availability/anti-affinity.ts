// Policy: Deployments and StatefulSets of several pods that nothing keeps on different nodes (peer concept 54:
// kube-linter no-anti-affinity, kube-score deployment-has-host-podantiaffinity / statefulset-has-host-podantiaffinity).
// A topology spread constraint over the same key spreads them too.
import type { PodAffinityTerm, PodSpec } from 'kubernetes-types/core/v1.js'
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { selectorMatches } from '../../src/validation/workload.js'
import { labelList, nameOf } from '../../src/wiring/describe.js'
import { hpasScaling } from '../../src/wiring/scale-target.js'

const OPTIONS = {
  minReplicas: { type: 'number', default: 2, min: 2, description: 'the fewest pods (replicas, or an HPA\'s maxReplicas) that must be spread (kube-linter and kube-score: 2)' },
  topologyKey: { type: 'string', default: 'kubernetes.io/hostname', description: 'the node label the pods must be spread over (kube-linter and kube-score: kubernetes.io/hostname)' },
} as const

/** a term or constraint over the key, where it is written, and whether it selects the workload's own pods */
interface Spreading {
  at: readonly PathSegment[]
  own: boolean
  /** a null labelSelector matches nothing: pod/null-label-selector says so */
  hasSelector: boolean
}

/** the podAntiAffinity terms (required and preferred) and topology spread constraints over `key` */
function spreadingOver(spec: PodSpec, specPath: readonly PathSegment[], key: string, self: IndexedObject): Spreading[] {
  const out: Spreading[] = []
  const pods = self.pods!
  const selects = (selector: PodAffinityTerm['labelSelector']) => !!selector && selectorMatches(selector, pods.labels, pods.generatedKeys)
  // a term counts pods of its own namespace unless it names others (a namespaceSelector we cannot read counts as covering)
  const ownNamespace = (t: PodAffinityTerm) => (t.namespaces ?? []).length === 0 || t.namespaces!.includes(self.namespace ?? '') || !!t.namespaceSelector
  const anti = spec.affinity?.podAntiAffinity
  const anyPath = [...specPath, 'affinity', 'podAntiAffinity']
  anti?.requiredDuringSchedulingIgnoredDuringExecution?.forEach((t, i) => {
    if (t?.topologyKey === key) out.push({ at: [...anyPath, 'requiredDuringSchedulingIgnoredDuringExecution', i], own: selects(t.labelSelector) && ownNamespace(t), hasSelector: !!t.labelSelector })
  })
  anti?.preferredDuringSchedulingIgnoredDuringExecution?.forEach((w, i) => {
    const t = w?.podAffinityTerm
    if (t?.topologyKey === key) out.push({ at: [...anyPath, 'preferredDuringSchedulingIgnoredDuringExecution', i, 'podAffinityTerm'], own: selects(t.labelSelector) && ownNamespace(t), hasSelector: !!t.labelSelector })
  })
  spec.topologySpreadConstraints?.forEach((c, i) => {
    if (c?.topologyKey === key) out.push({ at: [...specPath, 'topologySpreadConstraints', i], own: selects(c.labelSelector), hasSelector: !!c.labelSelector })
  })
  return out
}

export default defineRule({
  meta: {
    id: 'availability/anti-affinity',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    options: OPTIONS,
    description:
      'A Deployment or StatefulSet of 2 or more pods (replicas, or an HPA\'s maxReplicas) with no podAntiAffinity term or topology spread constraint over kubernetes.io/hostname that selects its own pods.',
    remediation: 'Add a preferred podAntiAffinity term, or a topologySpreadConstraint, with topologyKey kubernetes.io/hostname and a labelSelector matching the pod template\'s labels.',
    messages: {
      missing:
        '{{name}} {{runs}}, but no podAntiAffinity term or topologySpreadConstraint over {{key}} keeps them apart: the scheduler may place several, or all, on one node, and losing that node takes them down together. Add a preferredDuringSchedulingIgnoredDuringExecution podAntiAffinity term (or a topologySpreadConstraint) with topologyKey {{key}} whose labelSelector matches the pod template\'s labels.',
      notOwnPods:
        'This spreads over {{key}}, but its labelSelector does not select the pods of {{name}} ({{labels}}), so it does not keep them apart from each other. Make the labelSelector match the pod template\'s labels.',
    },
  },
  wire(ctx) {
    const check = (self: IndexedObject) => {
      const spec = self.pods?.spec
      if (!spec || !self.accepted) return
      const replicas = valueAt(self.value, ['spec', 'replicas'])
      // 0 parks the workload (and turns its HPA off)
      if (typeof replicas !== 'number' || replicas === 0) return
      const scaling = hpasScaling(ctx.index, self)
      const pods = Math.max(replicas, ...scaling.map((s) => s.target.view.maxReplicas ?? 0))
      if (pods < (ctx.options.minReplicas as number)) return
      const key = ctx.options.topologyKey as string
      const spreading = spreadingOver(spec, self.pods!.specPath, key, self)
      if (spreading.some((s) => s.own)) return
      const name = nameOf(self, ctx.cluster.namespace)
      if (spreading.length > 0) {
        for (const s of spreading.filter((t) => t.hasSelector)) ctx.report('notOwnPods', { at: [...s.at, 'labelSelector'], point: 'key', data: { name, key, labels: labelList(self.pods!.labels) } })
        return
      }
      const runs = scaling.length > 0 && pods > replicas ? `is scaled by ${nameOf(scaling[0].hpa, ctx.cluster.namespace)} up to ${pods} pods` : `runs ${replicas} replicas`
      ctx.report('missing', { at: [...self.pods!.specPath, 'affinity'], point: 'key', data: { name, runs, key } })
    }
    return { Deployment: (_d, self) => check(self), StatefulSet: (_s, self) => check(self) }
  },
})
