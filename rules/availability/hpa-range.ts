// Policy: HorizontalPodAutoscalers whose maxReplicas equals their minReplicas, so they can never scale (peer concept
// 70: Polaris hpaMaxAvailability). maxReplicas below minReplicas is the API server's error (autoscaling/replicas).
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'availability/hpa-range',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    description: 'A HorizontalPodAutoscaler whose maxReplicas equals its minReplicas (1 when left out), so it holds the workload at one count and never scales.',
    remediation: 'Raise spec.maxReplicas above spec.minReplicas to the most pods the workload may need, or remove the HPA and set spec.replicas on the workload.',
    messages: {
      fixed:
        'The HPA\'s maxReplicas is {{max}}, the same as its minReplicas (1 when left out): it can never add or remove a pod, so load it was meant to absorb goes unserved. Raise maxReplicas to the most pods the workload may need, or drop the HPA and set spec.replicas.',
    },
  },
  create(ctx) {
    return {
      HorizontalPodAutoscaler(hpa) {
        const max: unknown = hpa.spec?.maxReplicas
        // minReplicas is defaulted to 1 when left out
        const min: unknown = hpa.spec?.minReplicas
        if (typeof max !== 'number' || typeof min !== 'number' || max !== min) return
        ctx.report('fixed', { path: ['spec', 'maxReplicas'], text: '' }, { data: { max } })
      },
    }
  },
})
