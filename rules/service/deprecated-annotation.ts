import { defineRule } from '../../src/rule.js'
import { TOPOLOGY_AWARE_HINTS, TOPOLOGY_MODE } from '../../src/validation/service.js'

export default defineRule({
  meta: {
    id: 'service/deprecated-annotation',
    category: 'server',
    severity: 'warning',
    description: 'A Service uses the annotation service.kubernetes.io/topology-aware-hints, which the API server warns is deprecated since 1.27.',
    remediation: 'Rename the annotation to service.kubernetes.io/topology-mode (same values), or use spec.trafficDistribution.',
    messages: {
      topologyAwareHints: 'Warning: {{error}}.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        if (ctx.minor < 27) return
        const annotations = service.metadata?.annotations ?? {}
        if (!Object.hasOwn(annotations, TOPOLOGY_AWARE_HINTS)) return
        const text = `annotation ${TOPOLOGY_AWARE_HINTS} is deprecated, please use ${TOPOLOGY_MODE} instead`
        ctx.report('topologyAwareHints', { path: ['metadata', 'annotations', { key: TOPOLOGY_AWARE_HINTS }], text }, { point: 'key' })
      },
    }
  },
})
