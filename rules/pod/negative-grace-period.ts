// The API server's warning about a negative terminationGracePeriodSeconds (k8s-semantics A.2.7 S11, A.20).
import { defineRule } from '../../src/rule.js'
import { warning } from '../../src/validation/pod.js'

export default defineRule({
  meta: {
    id: 'pod/negative-grace-period',
    category: 'server',
    severity: 'warning',
    description: 'A negative terminationGracePeriodSeconds, which the API server accepts with a warning and treats as 1.',
    remediation: 'Use 0 or more seconds (0 kills at once), or leave the field out for the default of 30.',
    messages: {
      negative: '{{error}}. Use 0 or more.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const value = spec.terminationGracePeriodSeconds
        if (typeof value === 'number' && value < 0) {
          ctx.report('negative', warning([...visit.path, 'terminationGracePeriodSeconds'], 'must be >= 0; negative values are invalid and will be treated as 1'))
        }
      },
    }
  },
})
