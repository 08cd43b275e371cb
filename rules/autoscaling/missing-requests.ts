import { valueAt } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { missingRequests, utilizationMetrics } from '../../src/simulate/hpa.js'
import { nameOf } from '../../src/wiring/describe.js'
import { scaledWorkload, scaleTargetOf } from '../../src/wiring/scale-target.js'

export default defineRule({
  meta: {
    id: 'autoscaling/missing-requests',
    category: 'wiring',
    severity: 'error',
    description: 'A HorizontalPodAutoscaler scales on resource utilization, but a container of its target sets no request for that resource, so utilization cannot be computed.',
    remediation: 'Set resources.requests for the resource on every container the metric covers (sidecars too), or use an AverageValue target.',
    messages: {
      missing:
        '{{name}} scales {{target}} on {{resource}} utilization ({{percent}}% of requests{{implicit}}), but container "{{container}}" sets no {{resource}} request: the HPA will show <unknown>/{{percent}}% and never scale (FailedGetResourceMetric: missing request for {{resource}} in container {{container}}). Set resources.requests.{{resource}} on {{scope}}.',
    },
  },
  wire(ctx) {
    return {
      HorizontalPodAutoscaler(_hpa, self) {
        const target = scaleTargetOf(self)
        if (!target) return
        const workload = scaledWorkload(ctx.index, self, target)
        const spec = workload?.accepted ? workload.pods?.spec : undefined
        if (!workload || !spec) return
        // a LimitRange of the namespace may give the containers default requests at admission
        if (ctx.index.ofKind('LimitRange', self.namespace).length > 0) return
        const name = nameOf(self, ctx.cluster.namespace)
        const targetName = nameOf(workload, ctx.cluster.namespace)
        for (const metric of utilizationMetrics(target.view)) {
          const field = metric.type === 'Resource' ? 'resource' : 'containerResource'
          const metricPath = target.view.metricSource(metric.index, [field])
          // the default metric (none written) has no place in the source: point at spec
          const written = valueAt(self.raw, metricPath) !== undefined
          for (const gap of missingRequests(metric, spec)) {
            ctx.report('missing', {
              at: written ? metricPath : ['spec'],
              point: written ? 'value' : 'key',
              data: {
                name,
                target: targetName,
                resource: metric.resource,
                percent: metric.targetPercent,
                implicit: written ? '' : ', the default when no metric is given',
                container: gap.container,
                scope: metric.container === undefined ? 'every container of the pod, sidecars included' : `container ${gap.container}`,
              },
              related: [{ object: workload, path: [...workload.pods!.specPath, gap.list, gap.index], message: `container ${gap.container} of ${targetName}, without a ${metric.resource} request` }],
            })
          }
        }
      },
    }
  },
})
