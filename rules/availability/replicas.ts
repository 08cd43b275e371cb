// Policy: Deployments and StatefulSets with fewer than two replicas and no HPA of the input scaling them (peer
// concept 53: kube-score deployment-replicas and Polaris deploymentMissingReplicas use 2, kube-linter uses 3).
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'
import { hpasScaling } from '../../src/wiring/scale-target.js'

/** the fewest replicas that keep serving while one pod is down (kube-score, Polaris; kube-linter asks for 3) */
const MIN_REPLICAS = 2
const OPTIONS = { minReplicas: { type: 'number', default: MIN_REPLICAS, min: 1, description: 'the fewest replicas asked for (kube-score and Polaris: 2; kube-linter: 3)' } } as const

export default defineRule({
  meta: {
    id: 'availability/replicas',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    options: OPTIONS,
    description: `A Deployment or StatefulSet with fewer than ${MIN_REPLICAS} replicas (1 when spec.replicas is left out) that no HorizontalPodAutoscaler of the input scales.`,
    remediation: `Set spec.replicas to ${MIN_REPLICAS} or more, or let an HPA with minReplicas of ${MIN_REPLICAS} or more scale the workload.`,
    messages: {
      tooFew:
        '{{name}} runs {{replicas}} {{pods}}: while it restarts, is rescheduled or its node is drained, nothing serves. Set spec.replicas to {{min}} or more, or let a HorizontalPodAutoscaler scale it.',
    },
  },
  wire(ctx) {
    const check = (self: IndexedObject) => {
      const replicas = valueAt(self.value, ['spec', 'replicas'])
      // 0 parks the workload on purpose
      const min = ctx.options.minReplicas as number
      if (typeof replicas !== 'number' || replicas === 0 || replicas >= min) return
      // the HPA's minReplicas is availability/hpa-min-replicas's concern
      if (hpasScaling(ctx.index, self).length > 0) return
      const written = valueAt(self.raw, ['spec', 'replicas']) !== undefined
      ctx.report('tooFew', {
        at: written ? ['spec', 'replicas'] : ['spec'],
        point: written ? 'value' : 'key',
        data: { name: nameOf(self, ctx.cluster.namespace), replicas, pods: replicas === 1 ? 'pod' : 'pods', min },
      })
    }
    return { Deployment: (_d, self) => check(self), StatefulSet: (_s, self) => check(self) }
  },
})
