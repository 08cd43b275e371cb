import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'
import { hpasScaling } from '../../src/wiring/scale-target.js'

export default defineRule({
  meta: {
    id: 'workload/replicas-with-hpa',
    category: 'wiring',
    severity: 'warning',
    description: 'A Deployment, StatefulSet or ReplicaSet that a HorizontalPodAutoscaler scales also sets spec.replicas, so every apply resets the count the HPA chose.',
    remediation: "Remove spec.replicas from the manifest of a workload an HPA scales, and set the range with the HPA's minReplicas and maxReplicas.",
    messages: {
      fights:
        '{{name}} sets spec.replicas: {{replicas}}, but {{hpa}} scales it between {{min}} and {{max}}: every kubectl apply of this manifest sets the count back to {{replicas}}, removing or adding pods, until the HPA corrects it again. Remove spec.replicas and let the HPA own it.',
    },
  },
  wire(ctx) {
    const check = (self: IndexedObject) => {
      // the defaulted value always has replicas: only the manifest as written tells whether it sets them
      const replicas = valueAt(self.raw, ['spec', 'replicas'])
      // 0 parks the workload (and turns autoscaling off): deliberate
      if (typeof replicas !== 'number' || replicas === 0) return
      const scaling = hpasScaling(ctx.index, self)
      if (scaling.length === 0) return
      const { view } = scaling[0].target
      ctx.report('fights', {
        at: ['spec', 'replicas'],
        data: { name: nameOf(self, ctx.cluster.namespace), replicas, hpa: nameOf(scaling[0].hpa, ctx.cluster.namespace), min: view.minReplicas, max: view.maxReplicas ?? '?' },
        related: scaling.map(({ hpa }) => ({ object: hpa, path: ['spec', 'scaleTargetRef'], message: `${nameOf(hpa, ctx.cluster.namespace)} scales it` })),
      })
    }
    return { Deployment: (_d, self) => check(self), StatefulSet: (_s, self) => check(self), ReplicaSet: (_r, self) => check(self) }
  },
})
