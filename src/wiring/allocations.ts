// Cluster-wide allocations (node ports, cluster IPs): who in the run asked first for a value, and whether two
// Services are surely applied to the same cluster.
import { posix } from 'node:path'
import type { IndexedObject, ObjectIndex } from '../object-index.js'
import type { PathSegment } from '../types.js'

/** One value a Service asks the allocator for, and where it is written. */
export interface Claim<K> {
  service: IndexedObject
  key: K
  path: PathSegment[]
}

/** Finds, for each claim of a Service, the first other Service of the run that claims the same value. */
export function firstClaims<K, C extends Claim<K>>(index: ObjectIndex, claimsOf: (service: IndexedObject) => C[]): (self: IndexedObject) => Array<{ claim: C; first: C }> {
  let byKey: Map<K, C[]> | undefined
  return (self) => {
    if (!byKey) {
      byKey = new Map()
      for (const service of index.ofKind('Service')) {
        if (!service.accepted || !service.builtin) continue
        for (const c of claimsOf(service)) {
          const list = byKey.get(c.key)
          if (list) list.push(c)
          else byKey.set(c.key, [c])
        }
      }
    }
    // a Service defined twice is one object: the second definition replaces the first (input/duplicate-object)
    return claimsOf(self).flatMap((claim) => {
      const first = byKey!.get(claim.key)?.find((c) => c.service.seq < self.seq && !sameObject(c.service, self))
      return first ? [{ claim, first }] : []
    })
  }
}

const sameObject = (a: IndexedObject, b: IndexedObject): boolean => a.name !== '' && a.name === b.name && a.namespace === b.namespace

/** one file, or one folder and one namespace: surely applied to the same cluster */
export const appliedTogether = (a: IndexedObject, b: IndexedObject): boolean =>
  a.filePath === b.filePath || (posix.dirname(a.filePath) === posix.dirname(b.filePath) && a.namespace === b.namespace)
