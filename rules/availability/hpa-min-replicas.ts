// Policy: HorizontalPodAutoscalers that may scale down to a single pod (peer concept 69: kube-score
// horizontalpodautoscaler-replicas and Polaris hpaMinAvailability use 2, kube-linter hpa-minimum-three-replicas 3).
import { defineRule } from '../../src/rule.js'

/** the fewest replicas that keep serving while one pod is down (kube-score, Polaris; kube-linter asks for 3) */
const MIN_REPLICAS = 2
const OPTIONS = { minReplicas: { type: 'number', default: MIN_REPLICAS, min: 1, description: 'the fewest replicas asked for (kube-score and Polaris: 2; kube-linter: 3)' } } as const

export default defineRule({
  meta: {
    id: 'availability/hpa-min-replicas',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    options: OPTIONS,
    description: `A HorizontalPodAutoscaler whose minReplicas (1 when left out) is below ${MIN_REPLICAS}, so at quiet times its workload runs a single pod.`,
    remediation: `Set spec.minReplicas to ${MIN_REPLICAS} or more.`,
    messages: {
      tooFew:
        'The HPA may scale its target down to {{min}} {{pods}}: at quiet times a restart, a reschedule or a node drain leaves nothing serving. Set spec.minReplicas to {{threshold}} or more.',
    },
  },
  create(ctx) {
    return {
      HorizontalPodAutoscaler(hpa) {
        const min: unknown = hpa.spec?.minReplicas
        const threshold = ctx.options.minReplicas as number
        // 0 is scale-to-zero (HPAScaleToZero), chosen on purpose; below that is autoscaling/replicas's error
        if (typeof min !== 'number' || min < 1 || min >= threshold) return
        ctx.report('tooFew', { path: ['spec', 'minReplicas'], text: '' }, { data: { min, pods: min === 1 ? 'pod' : 'pods', threshold } })
      },
    }
  },
})
