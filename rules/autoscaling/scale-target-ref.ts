import { fieldError } from '../../src/field-errors.js'
import { pathSegmentName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { hpaView } from '../../src/validation/autoscaling.js'

export default defineRule({
  meta: {
    id: 'autoscaling/scale-target-ref',
    category: 'server',
    severity: 'error',
    description: "A HorizontalPodAutoscaler's scaleTargetRef has an empty kind or name, or one that cannot be a path segment.",
    remediation: 'Name the workload to scale: its kind (e.g. Deployment) and its name.',
    messages: {
      required: '{{error}}. Name the workload to scale, e.g. kind: Deployment.',
      invalid: '{{error}}. Use the kind and name of the workload, without "/" or "%".',
    },
  },
  create(ctx) {
    return {
      HorizontalPodAutoscaler(hpa) {
        const view = hpaView(ctx.apiVersion, hpa)
        if (!view) return
        for (const field of ['kind', 'name'] as const) {
          const path = ['spec', 'scaleTargetRef', field]
          const value = view.scaleTargetRef?.[field] ?? ''
          if (value === '') ctx.report('required', fieldError.required(path))
          else for (const msg of pathSegmentName(value)) ctx.report('invalid', fieldError.invalid(path, value, msg))
        }
      },
    }
  },
})
