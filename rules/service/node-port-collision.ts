import type { Service } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { nameOf } from '../../src/wiring/describe.js'
import { appliedTogether, firstClaims, type Claim } from '../../src/wiring/allocations.js'

export default defineRule({
  meta: {
    id: 'service/node-port-collision',
    category: 'wiring',
    severity: 'error',
    description: 'Two Services of the input ask for the same nodePort, which the API server allocates only once in the whole cluster.',
    remediation: 'Give each Service its own nodePort, or leave nodePort out and let the cluster choose a free one.',
    messages: {
      elsewhere:
        '{{error}}: {{other}} in {{file}} already asks for node port {{port}}. If both are applied to one cluster, whichever is second is refused; if they are for different clusters, lint each on its own.',
      taken:
        '{{error}}: {{other}} already asks for node port {{port}}, and node ports are shared by the whole cluster, so whichever of the two is applied second is refused. Pick another port or leave nodePort out.',
    },
  },
  wire(ctx) {
    const collisions = firstClaims(ctx.index, claimsOf)
    return {
      Service(_service, self) {
        for (const { claim, first } of collisions(self)) {
          const other = nameOf(first.service, ctx.cluster.namespace)
          ctx.report(appliedTogether(first.service, self) ? 'taken' : 'elsewhere', {
            at: claim.path,
            data: { error: fieldError.invalid(claim.path, claim.key, 'provided port is already allocated').text, other, port: claim.key, file: first.service.filePath },
            // in another folder and namespace, the two may well be for different clusters
            severity: appliedTogether(first.service, self) ? undefined : 'warning',
            related: [{ object: first.service, path: first.path, message: `node port ${claim.key} of ${other}` }],
          })
        }
      },
    }
  },
})

/** the node ports a Service asks for: one claim per number (TCP and UDP ports of one Service may share one) */
function claimsOf(self: IndexedObject): Claim<number>[] {
  const spec = (self.value as Service).spec
  if (!spec || (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer')) return []
  const out: Claim<number>[] = []
  const seen = new Set<number>()
  const add = (port: unknown, path: PathSegment[]) => {
    // 0 or absent: the cluster picks a free port
    if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || seen.has(port)) return
    seen.add(port)
    out.push({ service: self, key: port, path })
  }
  spec.ports?.forEach((p, i) => add(p.nodePort, ['spec', 'ports', i, 'nodePort']))
  // the health check port comes from the same allocator
  if (spec.type === 'LoadBalancer') add(spec.healthCheckNodePort, ['spec', 'healthCheckNodePort'])
  return out
}
