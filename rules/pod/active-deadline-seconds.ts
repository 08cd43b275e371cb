// A pod's activeDeadlineSeconds must be a positive 32-bit number (k8s-semantics A.2.7 S9).
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'pod/active-deadline-seconds',
    category: 'server',
    severity: 'error',
    description: 'A pod activeDeadlineSeconds below 1 or above 2147483647, which the API server rejects.',
    remediation: 'Set a deadline of at least one second, or leave the field out for no deadline.',
    messages: {
      outOfRange: '{{error}}. Leave activeDeadlineSeconds out for no deadline.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const value = spec.activeDeadlineSeconds
        if (typeof value === 'number' && (value < 1 || value > 2147483647)) {
          ctx.report('outOfRange', fieldError.invalid([...visit.path, 'activeDeadlineSeconds'], value, 'must be between 1 and 2147483647, inclusive'))
        }
      },
    }
  },
})
