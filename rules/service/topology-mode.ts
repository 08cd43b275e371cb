import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { TOPOLOGY_AWARE_HINTS, TOPOLOGY_MODE } from '../../src/validation/service.js'

export default defineRule({
  meta: {
    id: 'service/topology-mode',
    category: 'server',
    severity: 'error',
    description: 'A Service sets both topology annotations, topology-mode and the deprecated topology-aware-hints, to different values.',
    remediation: 'Keep only service.kubernetes.io/topology-mode, or give both annotations the same value.',
    messages: {
      mismatch: '{{error}}. Remove the deprecated topology-aware-hints annotation.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        if (ctx.minor < 27) return // topology-mode arrives in 1.27 (KEP-2433)
        const annotations = (service.metadata?.annotations ?? {}) as Record<string, string | null>
        if (!Object.hasOwn(annotations, TOPOLOGY_MODE) || !Object.hasOwn(annotations, TOPOLOGY_AWARE_HINTS)) return
        const mode = annotations[TOPOLOGY_MODE] ?? ''
        if (mode === (annotations[TOPOLOGY_AWARE_HINTS] ?? '')) return
        ctx.report('mismatch', fieldError.invalid(['metadata', 'annotations', { key: TOPOLOGY_MODE }], mode, `must match annotations[${TOPOLOGY_AWARE_HINTS}] when both are specified`))
      },
    }
  },
})
