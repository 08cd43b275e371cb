// Policy: Deployments and StatefulSets that run several pods (or that an HPA scales) with no PodDisruptionBudget of
// the input selecting their pods (peer concept 63: kube-score deployment-/statefulset-has-poddisruptionbudget,
// Polaris missingPodDisruptionBudget).
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { selectorMatches } from '../../src/validation/workload.js'
import { nameOf } from '../../src/wiring/describe.js'
import { hpasScaling } from '../../src/wiring/scale-target.js'

/** below this many pods a budget protects nothing: a drain of the only pod is an outage either way (kube-score) */
const MIN_PODS = 2

/** whether the budget selects the workload's pods: a missing selector selects none, an empty one all (policy/v1) */
function budgetSelects(pdb: IndexedObject, workload: IndexedObject): boolean {
  const selector = valueAt(pdb.value, ['spec', 'selector'])
  if (typeof selector !== 'object' || selector === null) return false
  return selectorMatches(selector as LabelSelector, workload.pods!.labels, workload.pods!.generatedKeys)
}

export default defineRule({
  meta: {
    id: 'availability/pod-disruption-budget',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    description: `A Deployment or StatefulSet with ${MIN_PODS} or more replicas, or that a HorizontalPodAutoscaler scales, whose pods no PodDisruptionBudget of the input selects.`,
    remediation: 'Add a PodDisruptionBudget in the same namespace whose selector matches the pod template\'s labels, with maxUnavailable: 1 (or a minAvailable below the replica count).',
    messages: {
      missing:
        '{{name}} {{runs}}, but no PodDisruptionBudget {{where}} selects its pods: a node drain or cluster upgrade may evict all of them at once. Add a PodDisruptionBudget whose selector matches the pod template\'s labels, with maxUnavailable: 1.',
    },
  },
  wire(ctx) {
    const check = (self: IndexedObject) => {
      if (!self.pods || self.namespace === undefined) return
      const replicas = valueAt(self.value, ['spec', 'replicas'])
      // 0 parks the workload (and turns its HPA off)
      if (typeof replicas !== 'number' || replicas === 0) return
      const scaling = hpasScaling(ctx.index, self)
      const max = Math.max(0, ...scaling.map((s) => s.target.view.maxReplicas ?? 0))
      if (replicas < MIN_PODS && max < MIN_PODS) return
      if (ctx.index.ofKind('PodDisruptionBudget', self.namespace).some((pdb) => pdb.accepted && budgetSelects(pdb, self))) return
      const runs = scaling.length > 0 ? `is scaled by ${nameOf(scaling[0].hpa, ctx.cluster.namespace)} up to ${max} pods` : `runs ${replicas} replicas`
      ctx.report('missing', {
        at: [...self.pods.specPath.slice(0, -1), 'metadata', 'labels'],
        point: 'key',
        data: { name: nameOf(self, ctx.cluster.namespace), runs, where: `in namespace ${self.namespace}` },
      })
    }
    return { Deployment: (_d, self) => check(self), StatefulSet: (_s, self) => check(self) }
  },
})
