// A PodDisruptionBudget with neither minAvailable nor maxUnavailable (peer concept 64: kube-score
// poddisruptionbudget-has-policy). The disruption controller then counts 0 expected pods, and a budget that
// expects none allows no disruption (k8s-semantics B.9, src/simulate/pdb.ts): every eviction of its pods is refused.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { isConvertibleSelector, isEmptySelector } from '../../src/validation/workload.js'
import { nameOf } from '../../src/wiring/describe.js'

const set = (v: unknown): boolean => v !== undefined && v !== null

export default defineRule({
  meta: {
    id: 'policy/empty-budget',
    category: 'wiring',
    severity: 'error',
    description: 'A PodDisruptionBudget that sets neither minAvailable nor maxUnavailable, which the disruption controller reads as allowing no disruption, so every eviction of its pods is refused.',
    remediation: 'Set maxUnavailable: 1, or a minAvailable below the number of pods the budget selects.',
    messages: {
      empty:
        '{{name}} sets neither minAvailable nor maxUnavailable: the disruption controller then expects 0 pods and allows no disruption, so kubectl drain, node upgrades and the cluster autoscaler wait forever on {{pods}}, retrying "Cannot evict pod as it would violate the pod\'s disruption budget." Set maxUnavailable: 1, or a minAvailable below the number of pods.',
    },
  },
  wire(ctx) {
    const describe = (o: IndexedObject) => nameOf(o, ctx.cluster.namespace)
    return {
      PodDisruptionBudget(pdb, self) {
        const spec = pdb.spec
        if (set(spec?.minAvailable) || set(spec?.maxUnavailable)) return
        const selector = spec?.selector
        // policy/v1beta1 reads an empty selector as no pods
        const usable = !!selector && isConvertibleSelector(selector) && (self.apiVersion === 'policy/v1' || !isEmptySelector(selector))
        const matched = usable ? ctx.index.podsSelectedBy(self.namespace, selector as LabelSelector) : []
        const pods = matched.length > 0 ? `the pods of ${[...new Set(matched.map(describe))].join(', ')}` : 'every pod it selects'
        ctx.report('empty', {
          at: spec ? ['spec'] : [],
          point: 'key',
          data: { name: describe(self), pods },
          related: matched.map((o) => ({ object: o, message: `the pods of ${describe(o)}` })),
        })
      },
    }
  },
})
