// The pod's restartPolicy must be one of the three the API server knows (k8s-semantics A.2.7 S1).
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'

const POLICIES = ['Always', 'OnFailure', 'Never']

export default defineRule({
  meta: {
    id: 'pod/restart-policy',
    category: 'server',
    severity: 'error',
    description: 'A pod restartPolicy the API server does not know (the values are case sensitive).',
    remediation: 'Use Always, OnFailure or Never, spelled exactly so.',
    messages: {
      unsupported: '{{error}}. The values are case sensitive.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const policy = spec.restartPolicy
        // "" is defaulted to Always, like an absent field
        if (typeof policy === 'string' && policy !== '' && !POLICIES.includes(policy)) {
          ctx.report('unsupported', fieldError.notSupported([...visit.path, 'restartPolicy'], policy, POLICIES))
        }
      },
    }
  },
})
