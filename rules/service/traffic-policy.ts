import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { externallyAccessible } from '../../src/validation/service.js'

const POLICIES = ['Cluster', 'Local']

/** trafficDistribution values by release (D.1): the field arrives in 1.30 behind an alpha gate (dropped when off) */
function trafficDistributions(minor: number): readonly string[] | undefined {
  if (minor < 31) return undefined
  if (minor < 34) return ['PreferClose']
  return ['PreferClose', 'PreferSameZone', 'PreferSameNode']
}

export default defineRule({
  meta: {
    id: 'service/traffic-policy',
    category: 'server',
    severity: 'error',
    description: 'A Service has an unknown or misplaced externalTrafficPolicy, internalTrafficPolicy, healthCheckNodePort or trafficDistribution.',
    remediation: 'Use Cluster or Local for the traffic policies, set externalTrafficPolicy only on externally reachable Services, and use a trafficDistribution the target version knows.',
    messages: {
      externalPolicyNotAccessible: '{{error}}: only NodePort and LoadBalancer Services, or ClusterIP Services with externalIPs, take it. Remove it.',
      externalPolicyNotSupported: '{{error}}.',
      healthCheckNodePort: '{{error}}. Remove healthCheckNodePort.',
      internalPolicyNotSupported: '{{error}}.',
      trafficDistributionNotSupported: '{{error}} (Kubernetes {{version}}).',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        const spec = service.spec ?? {}
        const external = spec.externalTrafficPolicy
        if (!externallyAccessible(spec)) {
          // the shared defaults also give Cluster to other types with externalIPs, which the server leaves unset
          const maybeDefaulted = external === 'Cluster' && (spec.externalIPs?.length ?? 0) > 0
          if (external && !maybeDefaulted) ctx.report('externalPolicyNotAccessible', fieldError.invalid(['spec', 'externalTrafficPolicy'], external, 'may only be set for externally-accessible services'))
        } else if (external && !POLICIES.includes(external)) {
          ctx.report('externalPolicyNotSupported', fieldError.notSupported(['spec', 'externalTrafficPolicy'], external, POLICIES))
        }
        const needsHealthCheck = spec.type === 'LoadBalancer' && external === 'Local'
        if (!needsHealthCheck && spec.healthCheckNodePort) {
          ctx.report('healthCheckNodePort', fieldError.invalid(['spec', 'healthCheckNodePort'], spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"))
        }
        const internal = spec.internalTrafficPolicy
        if (internal != null && !POLICIES.includes(internal)) ctx.report('internalPolicyNotSupported', fieldError.notSupported(['spec', 'internalTrafficPolicy'], internal, POLICIES))
        const distribution = spec.trafficDistribution
        const supported = trafficDistributions(ctx.minor)
        if (distribution != null && supported && !supported.includes(distribution)) {
          ctx.report('trafficDistributionNotSupported', fieldError.notSupported(['spec', 'trafficDistribution'], distribution, supported), { data: { version: ctx.kubernetesVersion } })
        }
      },
    }
  },
})
