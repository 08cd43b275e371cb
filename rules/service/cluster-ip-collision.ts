import type { Service } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { clusterIPsOf, formatIP, parseIPSloppy } from '../../src/validation/service.js'
import { nameOf } from '../../src/wiring/describe.js'
import { appliedTogether, firstClaims, type Claim } from '../../src/wiring/allocations.js'

/** a cluster IP as written, and as the allocator compares it */
type IPClaim = Claim<string> & { written: string }

export default defineRule({
  meta: {
    id: 'service/cluster-ip-collision',
    category: 'wiring',
    severity: 'error',
    description: 'Two Services of the input ask for the same clusterIP, which the API server allocates to only one of them.',
    remediation: 'Give each Service its own clusterIP, or leave clusterIP out and let the cluster choose a free one.',
    messages: {
      elsewhere:
        '{{error}}: {{other}} in {{file}} already asks for cluster IP {{ip}}. If both are applied to one cluster, whichever is second is refused; if they are for different clusters, lint each on its own.',
      taken:
        '{{error}}: {{other}} already asks for cluster IP {{ip}}, and a cluster IP belongs to one Service, so whichever of the two is applied second is refused. Pick another address or leave clusterIP out.',
    },
  },
  wire(ctx) {
    const collisions = firstClaims(ctx.index, claimsOf)
    return {
      Service(service, self) {
        for (const { claim, first } of collisions(self)) {
          const other = nameOf(first.service, ctx.cluster.namespace)
          const ips = clusterIPsOf(service.spec!)
          const error = fieldError.invalid(['spec', 'clusterIPs'], ips, `failed to allocate IP ${claim.key}: provided IP is already allocated`).text
          ctx.report(appliedTogether(first.service, self) ? 'taken' : 'elsewhere', {
            at: claim.path,
            data: { error, other, ip: claim.written, file: first.service.filePath },
            // in another folder and namespace, the two may well be for different clusters
            severity: appliedTogether(first.service, self) ? undefined : 'warning',
            related: [{ object: first.service, path: first.path, message: `cluster IP ${first.written} of ${other}` }],
          })
        }
      },
    }
  },
})

/** the cluster IPs a Service asks for; "None" (headless) and "" (allocate one) ask for none */
function claimsOf(self: IndexedObject): IPClaim[] {
  const spec = (self.value as Service).spec
  if (!spec || spec.type === 'ExternalName') return []
  const fromList = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0
  const out: IPClaim[] = []
  clusterIPsOf(spec).forEach((written, i) => {
    if (typeof written !== 'string' || written === 'None' || written === '') return
    const bytes = parseIPSloppy(written)
    // an address the server cannot parse is service/cluster-ip's finding
    if (!bytes) return
    out.push({ service: self, key: formatIP(bytes), written, path: fromList ? ['spec', 'clusterIPs', i] : ['spec', 'clusterIP'] })
  })
  return out
}
