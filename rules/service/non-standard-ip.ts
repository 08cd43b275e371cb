import { formatPath } from '../../src/field-path.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { clusterIPsOf, ipWarning, parseIPSloppy } from '../../src/validation/service.js'

export default defineRule({
  meta: {
    id: 'service/non-standard-ip',
    category: 'server',
    severity: 'warning',
    description: 'A Service writes an IP address in a form the API server accepts today but warns will be rejected later, or an IPv6 address in non-canonical form.',
    remediation: 'Write the address the way the warning suggests: no leading zeros, plain IPv4 rather than IPv4-mapped IPv6, lower-case compressed IPv6.',
    messages: {
      nonStandard: 'Warning: {{error}}.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        if (ctx.minor < 33) return // the warnings come with the IP validation rework of 1.33 (KEP-4858)
        const spec = service.spec ?? {}
        const check = (path: PathSegment[], value: string, at: PathSegment[] = path) => {
          if (!parseIPSloppy(value)) return // an error, reported elsewhere
          const text = ipWarning(formatPath(path), value)
          if (text) ctx.report('nonStandard', { path: at, text })
        }
        const ips = clusterIPsOf(spec)
        if (!(ips.length === 1 && ips[0] === 'None') && ips.length > 0 && spec.type !== 'ExternalName') {
          ips.forEach((ip, i) => check(['spec', 'clusterIPs', i], ip, spec.clusterIPs?.length ? ['spec', 'clusterIPs', i] : ['spec', 'clusterIP']))
        }
        ;(spec.externalIPs ?? []).forEach((ip, i) => check(['spec', 'externalIPs', i], ip))
        if (spec.loadBalancerIP) check(['spec', 'loadBalancerIP'], spec.loadBalancerIP)
      },
    }
  },
})
