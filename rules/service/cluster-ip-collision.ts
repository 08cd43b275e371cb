import { posix } from 'node:path'
import type { Service } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { clusterIPsOf, formatIP, parseIPSloppy } from '../../src/validation/service.js'
import { nameOf } from '../../src/wiring/describe.js'

/** One cluster IP a Service asks for, and where. */
interface Claim {
  service: IndexedObject
  /** the address in canonical form, so 10.96.0.010 and 10.96.0.10 are one */
  ip: string
  /** as written */
  written: string
  path: PathSegment[]
}

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
    let claims: Map<string, Claim[]> | undefined
    /** every explicit cluster IP of the run, in run order */
    const claimsOfRun = (): Map<string, Claim[]> => {
      if (claims) return claims
      claims = new Map()
      for (const service of ctx.index.ofKind('Service')) {
        if (!service.accepted || !service.builtin) continue
        for (const c of claimsOf(service)) {
          const list = claims.get(c.ip)
          if (list) list.push(c)
          else claims.set(c.ip, [c])
        }
      }
      return claims
    }
    return {
      Service(service, self) {
        for (const claim of claimsOf(self)) {
          // a Service defined twice is one object: the second definition replaces the first (input/duplicate-object)
          const first = claimsOfRun().get(claim.ip)?.find((c) => c.service.seq < self.seq && !sameObject(c.service, self))
          if (!first) continue
          const other = nameOf(first.service, ctx.cluster.namespace)
          const ips = clusterIPsOf(service.spec!)
          const error = fieldError.invalid(['spec', 'clusterIPs'], ips, `failed to allocate IP ${claim.ip}: provided IP is already allocated`).text
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
function claimsOf(self: IndexedObject): Claim[] {
  const spec = (self.value as Service).spec
  if (!spec || spec.type === 'ExternalName') return []
  const fromList = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0
  const out: Claim[] = []
  clusterIPsOf(spec).forEach((written, i) => {
    if (typeof written !== 'string' || written === 'None' || written === '') return
    const bytes = parseIPSloppy(written)
    // an address the server cannot parse is service/cluster-ip's finding
    if (!bytes) return
    out.push({ service: self, ip: formatIP(bytes), written, path: fromList ? ['spec', 'clusterIPs', i] : ['spec', 'clusterIP'] })
  })
  return out
}

const sameObject = (a: IndexedObject, b: IndexedObject): boolean => a.name !== '' && a.name === b.name && a.namespace === b.namespace

/** one file, or one folder and one namespace: surely applied to the same cluster */
const appliedTogether = (a: IndexedObject, b: IndexedObject): boolean =>
  a.filePath === b.filePath || (posix.dirname(a.filePath) === posix.dirname(b.filePath) && a.namespace === b.namespace)
