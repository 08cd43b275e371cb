import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, unset } from '../../src/validation/container.js'

const POLICIES = ['File', 'FallbackToLogsOnError']

export default defineRule({
  meta: {
    id: 'container/termination-message',
    category: 'server',
    severity: 'error',
    description: 'A container sets a terminationMessagePolicy other than File or FallbackToLogsOnError.',
    remediation: 'Set terminationMessagePolicy to File or FallbackToLogsOnError, or leave it out (File).',
    messages: {
      policy: '{{error}}. The policy is case-sensitive.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const policy = c.container.terminationMessagePolicy
          if (!unset(policy) && !POLICIES.includes(policy as string)) {
            ctx.report('policy', fieldError.notSupported([...c.path, 'terminationMessagePolicy'], policy, POLICIES))
          }
        }
      },
    }
  },
})
