import { fieldError } from '../../src/field-errors.js'
import { qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { CIDR_MESSAGE, isCIDRSloppy } from '../../src/validation/service.js'

const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges'
const ONLY_LB = "may only be used when `type` is 'LoadBalancer'"

export default defineRule({
  meta: {
    id: 'service/load-balancer',
    category: 'server',
    severity: 'error',
    description: 'A Service sets load balancer fields without type LoadBalancer, or gives source ranges that are not CIDRs or a loadBalancerClass that is not a qualified name.',
    remediation: 'Set type LoadBalancer or remove the load balancer fields, and write source ranges as CIDRs such as 10.0.0.0/8.',
    messages: {
      onlyLoadBalancer: '{{error}}. Set `type: LoadBalancer` or remove it.',
      invalidSourceRange: '{{error}}.',
      invalidClass: '{{error}}. Use a qualified name such as example.com/internal-lb.',
    },
  },
  create(ctx) {
    const unit = ctx.minor >= 34 ? 'bytes' : 'characters'
    return {
      Service(service) {
        const spec = service.spec ?? {}
        const lb = spec.type === 'LoadBalancer'
        const ranges = spec.loadBalancerSourceRanges ?? []
        const annotations = (service.metadata?.annotations ?? {}) as Record<string, string | null>
        if (ranges.length > 0) {
          // the server's path has a capital L (sic); the finding sits on the field as written
          if (!lb) ctx.report('onlyLoadBalancer', { ...fieldError.forbidden(['spec', 'LoadBalancerSourceRanges'], ONLY_LB), path: ['spec', 'loadBalancerSourceRanges'] }, { point: 'key' })
          ranges.forEach((raw, i) => {
            const value = raw.trim()
            if (!isCIDRSloppy(value)) ctx.report('invalidSourceRange', { ...fieldError.invalid(['spec', 'LoadBalancerSourceRanges', i], value, CIDR_MESSAGE), path: ['spec', 'loadBalancerSourceRanges', i] })
          })
        } else if (Object.hasOwn(annotations, SOURCE_RANGES_ANNOTATION)) {
          const path = ['metadata', 'annotations', { key: SOURCE_RANGES_ANNOTATION }]
          if (!lb) ctx.report('onlyLoadBalancer', fieldError.forbidden(path, ONLY_LB), { point: 'key' })
          const value = (annotations[SOURCE_RANGES_ANNOTATION] ?? '').trim()
          if (value !== '') {
            for (const cidr of value.split(',').map((s) => s.trim())) {
              if (!isCIDRSloppy(cidr)) ctx.report('invalidSourceRange', fieldError.invalid(path, cidr, CIDR_MESSAGE))
            }
          }
        }
        if (spec.allocateLoadBalancerNodePorts != null && !lb) ctx.report('onlyLoadBalancer', fieldError.forbidden(['spec', 'allocateLoadBalancerNodePorts'], ONLY_LB), { point: 'key' })
        if (spec.loadBalancerClass != null) {
          if (!lb) ctx.report('onlyLoadBalancer', fieldError.forbidden(['spec', 'loadBalancerClass'], ONLY_LB), { point: 'key' })
          else for (const msg of qualifiedName(spec.loadBalancerClass, unit)) ctx.report('invalidClass', fieldError.invalid(['spec', 'loadBalancerClass'], spec.loadBalancerClass, msg))
        }
      },
    }
  },
})
