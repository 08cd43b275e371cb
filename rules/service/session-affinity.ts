import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'

const AFFINITIES = ['ClientIP', 'None']
const MAX_TIMEOUT = 86400

export default defineRule({
  meta: {
    id: 'service/session-affinity',
    category: 'server',
    severity: 'error',
    description: 'A Service has an unknown sessionAffinity, or a ClientIP affinity timeout outside 1-86400 seconds.',
    remediation: 'Use sessionAffinity None or ClientIP, with a timeoutSeconds between 1 and 86400 (the default is 10800).',
    messages: {
      affinityNotSupported: '{{error}}.',
      invalidTimeout: '{{error}}. Use 1-86400 seconds (86400 itself is accepted), or leave it out for the default 10800 (3 hours).',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        const spec = service.spec ?? {}
        const affinity = spec.sessionAffinity
        if (affinity && !AFFINITIES.includes(affinity)) ctx.report('affinityNotSupported', fieldError.notSupported(['spec', 'sessionAffinity'], affinity, AFFINITIES))
        // a missing config or timeout is defaulted to 10800 by the server
        const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds
        if (affinity === 'ClientIP' && typeof timeout === 'number' && (timeout <= 0 || timeout > MAX_TIMEOUT)) {
          ctx.report('invalidTimeout', fieldError.invalid(['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'], timeout, `must be greater than 0 and less than ${MAX_TIMEOUT}`))
        }
      },
    }
  },
})
