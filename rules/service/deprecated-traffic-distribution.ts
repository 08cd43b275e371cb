import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'service/deprecated-traffic-distribution',
    category: 'server',
    severity: 'warning',
    description: 'A Service uses trafficDistribution PreferClose, which Kubernetes 1.35 deprecates in favour of PreferSameZone.',
    remediation: 'Write trafficDistribution: PreferSameZone, which means the same.',
    messages: {
      preferClose: 'Warning: {{error}}.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        if (ctx.minor < 35 || service.spec?.trafficDistribution !== 'PreferClose') return
        ctx.report('preferClose', { path: ['spec', 'trafficDistribution'], text: 'spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"' })
      },
    }
  },
})
