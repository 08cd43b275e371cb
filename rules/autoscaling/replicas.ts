import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { hpaView } from '../../src/validation/autoscaling.js'

export default defineRule({
  meta: {
    id: 'autoscaling/replicas',
    category: 'server',
    severity: 'error',
    description: 'A HorizontalPodAutoscaler has a replica range the API server rejects: minReplicas below 1, maxReplicas below 1, or maxReplicas below minReplicas.',
    remediation: 'Set 1 <= minReplicas <= maxReplicas.',
    messages: {
      minReplicas: '{{error}}. Scaling to zero needs the HPAScaleToZero feature gate, which is off by default; use 1 or more.',
      maxReplicas: '{{error}}. Set maxReplicas to 1 or more.',
      maxBelowMin: '{{error}}. Raise maxReplicas to at least minReplicas ({{min}}).',
    },
  },
  create(ctx) {
    return {
      HorizontalPodAutoscaler(hpa) {
        const view = hpaView(ctx.apiVersion, hpa)
        if (!view) return
        const { minReplicas: min, maxReplicas: max } = view
        if (min < 1) ctx.report('minReplicas', fieldError.invalid(['spec', 'minReplicas'], min, 'must be greater than or equal to 1'))
        // maxReplicas is required by the schema; an absent one decodes as 0
        const maxValue = max ?? 0
        if (maxValue < 1) ctx.report('maxReplicas', fieldError.invalid(['spec', 'maxReplicas'], maxValue, 'must be greater than 0'))
        if (maxValue < min) ctx.report('maxBelowMin', fieldError.invalid(['spec', 'maxReplicas'], maxValue, 'must be greater than or equal to `minReplicas`'), { data: { min } })
      },
    }
  },
})
