import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'container/ephemeral',
    category: 'server',
    severity: 'error',
    description: 'A Pod or pod template lists ephemeralContainers, which can only be added to a running Pod.',
    remediation: 'Remove ephemeralContainers from the manifest; add them to a running Pod with kubectl debug.',
    messages: {
      onCreate: '{{error}}. Ephemeral containers are added to a running Pod through its ephemeralcontainers subresource (kubectl debug).',
      inTemplate: '{{error}}. Ephemeral containers are added to a running Pod through its ephemeralcontainers subresource (kubectl debug).',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (!Array.isArray(spec.ephemeralContainers) || spec.ephemeralContainers.length === 0) return
        const path = [...visit.path, 'ephemeralContainers']
        if (visit.template) ctx.report('inTemplate', fieldError.forbidden(path, 'ephemeral containers not allowed in pod template'))
        else ctx.report('onCreate', fieldError.forbidden(path, 'cannot be set on create'))
      },
    }
  },
})
