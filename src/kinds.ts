// Unknown kinds of built-in API groups: kubectl's "no matches for kind", with the kind the user probably meant.
import { allKinds } from './schema/catalog.js'
import { builtinKind } from './schema/index.js'
import { suggestField } from './schema/suggest.js'

/**
 * undefined when the apiVersion's group is not a built-in one (so the object is a custom resource);
 * otherwise the likeliest served "apiVersion Kind" the user meant, or null when nothing is close.
 */
export function suggestKind(kubernetesVersion: string, apiVersion: string, kind: string): string | null | undefined {
  const group = groupOf(apiVersion)
  const { groups, served } = catalogOf(kubernetesVersion)
  if (!groups.has(group)) return undefined
  const show = (c: ServedKind) => `"${c.kind}" in version "${c.apiVersion}"`
  // the kind exists, in another version of the group or in another group (`apiVersion: v1, kind: Deployment`)
  const sameKind = served.filter((c) => c.kind === kind)
  const inGroup = sameKind.find((c) => groupOf(c.apiVersion) === group)
  if (inGroup ?? sameKind[0]) return show(inGroup ?? sameKind[0])
  // a misspelt kind of this apiVersion, else of the group
  for (const pool of [served.filter((c) => c.apiVersion === apiVersion), served.filter((c) => groupOf(c.apiVersion) === group)]) {
    const name = suggestField(kind, pool.map((c) => c.kind))
    if (name) return show(pool.find((c) => c.kind === name)!)
  }
  return null
}

interface ServedKind {
  apiVersion: string
  kind: string
}

const catalogs = new Map<string, { groups: Set<string>; served: ServedKind[] }>()

/** built-in groups (ever), and the object kinds a version serves; computed once per version */
function catalogOf(kubernetesVersion: string): { groups: Set<string>; served: ServedKind[] } {
  let catalog = catalogs.get(kubernetesVersion)
  if (!catalog) {
    const kinds = allKinds()
    const served: ServedKind[] = []
    for (const [apiVersion, byKind] of Object.entries(kinds)) {
      for (const kind of Object.keys(byKind)) {
        if (kind.endsWith('List') || !byKind[kind].schema?.startsWith('io.k8s.api')) continue
        if (builtinKind(kubernetesVersion, apiVersion, kind).status === 'served') served.push({ apiVersion, kind })
      }
    }
    catalog = { groups: new Set(Object.keys(kinds).map(groupOf)), served }
    catalogs.set(kubernetesVersion, catalog)
  }
  return catalog
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}
