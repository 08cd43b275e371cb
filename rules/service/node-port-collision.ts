import { posix } from 'node:path'
import type { Service } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { nameOf } from '../../src/wiring/describe.js'

/** One node port a Service asks for, and where. */
interface Claim {
  service: IndexedObject
  port: number
  path: PathSegment[]
}

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
    let claims: Map<number, Claim[]> | undefined
    /** every explicit node port of the run, in run order */
    const claimsOfRun = (): Map<number, Claim[]> => {
      if (claims) return claims
      claims = new Map()
      for (const service of ctx.index.ofKind('Service')) {
        if (!service.accepted || !service.builtin) continue
        for (const c of claimsOf(service)) {
          const list = claims.get(c.port)
          if (list) list.push(c)
          else claims.set(c.port, [c])
        }
      }
      return claims
    }
    return {
      Service(_service, self) {
        for (const claim of claimsOf(self)) {
          // a Service defined twice is one object: the second definition replaces the first (input/duplicate-object)
          const first = claimsOfRun().get(claim.port)?.find((c) => c.service.seq < self.seq && !sameObject(c.service, self))
          if (!first) continue
          const other = nameOf(first.service, ctx.cluster.namespace)
          ctx.report(appliedTogether(first.service, self) ? 'taken' : 'elsewhere', {
            at: claim.path,
            data: { error: fieldError.invalid(claim.path, claim.port, 'provided port is already allocated').text, other, port: claim.port, file: first.service.filePath },
            // in another folder and namespace, the two may well be for different clusters
            severity: appliedTogether(first.service, self) ? undefined : 'warning',
            related: [{ object: first.service, path: first.path, message: `node port ${claim.port} of ${other}` }],
          })
        }
      },
    }
  },
})

/** the node ports a Service asks for: one claim per number (TCP and UDP ports of one Service may share one) */
function claimsOf(self: IndexedObject): Claim[] {
  const spec = (self.value as Service).spec
  if (!spec || (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer')) return []
  const out: Claim[] = []
  const seen = new Set<number>()
  const add = (port: unknown, path: PathSegment[]) => {
    // 0 or absent: the cluster picks a free port
    if (typeof port !== 'number' || !Number.isInteger(port) || port <= 0 || seen.has(port)) return
    seen.add(port)
    out.push({ service: self, port, path })
  }
  spec.ports?.forEach((p, i) => add(p.nodePort, ['spec', 'ports', i, 'nodePort']))
  // the health check port comes from the same allocator
  if (spec.type === 'LoadBalancer') add(spec.healthCheckNodePort, ['spec', 'healthCheckNodePort'])
  return out
}

const sameObject = (a: IndexedObject, b: IndexedObject): boolean => a.name !== '' && a.name === b.name && a.namespace === b.namespace

/** one file, or one folder and one namespace: surely applied to the same cluster */
const appliedTogether = (a: IndexedObject, b: IndexedObject): boolean =>
  a.filePath === b.filePath || (posix.dirname(a.filePath) === posix.dirname(b.filePath) && a.namespace === b.namespace)
