// The API server's warning about hostAliases entries that repeat an IP (A.20).
import { defineRule } from '../../src/rule.js'
import { warning } from '../../src/validation/pod.js'

export default defineRule({
  meta: {
    id: 'pod/duplicate-host-alias-ip',
    category: 'server',
    severity: 'warning',
    description: 'Two hostAliases entries with the same IP, which the API server accepts with a warning.',
    remediation: 'List all the hostnames of an IP in one hostAliases entry.',
    messages: {
      duplicate: '{{error}}. Merge the hostnames into the first entry for this IP.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const seen = new Set<string>()
        spec.hostAliases?.forEach((alias, i) => {
          const ip = alias?.ip ?? ''
          if (seen.has(ip)) ctx.report('duplicate', warning([...visit.path, 'hostAliases', i, 'ip'], `duplicate ip ${JSON.stringify(ip)}`))
          seen.add(ip)
        })
      },
    }
  },
})
