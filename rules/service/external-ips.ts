import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { IP_MESSAGE, nonSpecialIPErrors, parseIPSloppy } from '../../src/validation/service.js'

export default defineRule({
  meta: {
    id: 'service/external-ips',
    category: 'server',
    severity: 'error',
    description: 'A Service lists an external IP that is not an IP address, or is unspecified, loopback or link-local.',
    remediation: 'List routable addresses of the nodes or load balancers that receive the traffic, such as 192.0.2.10.',
    messages: {
      invalidIP: '{{error}}.',
      specialIP: '{{error}}: such an address cannot route traffic to the Service from outside.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        ;(service.spec?.externalIPs ?? []).forEach((ip, i) => {
          const path = ['spec', 'externalIPs', i]
          if (!parseIPSloppy(ip)) ctx.report('invalidIP', fieldError.invalid(path, ip, IP_MESSAGE))
          else for (const msg of nonSpecialIPErrors(ip)) ctx.report('specialIP', fieldError.invalid(path, ip, msg))
        })
      },
    }
  },
})
