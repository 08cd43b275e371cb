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
  const kinds = allKinds()
  const builtinGroups = new Set(Object.keys(kinds).map(groupOf))
  if (!builtinGroups.has(group)) return undefined
  const served: Array<{ apiVersion: string; kind: string }> = []
  for (const [av, byKind] of Object.entries(kinds)) {
    for (const k of Object.keys(byKind)) {
      if (k.endsWith('List') || !byKind[k].schema?.startsWith('io.k8s.api')) continue
      if (builtinKind(kubernetesVersion, av, k).status === 'served') served.push({ apiVersion: av, kind: k })
    }
  }
  const show = (c: { apiVersion: string; kind: string }) => `"${c.kind}" in version "${c.apiVersion}"`
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

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash === -1 ? '' : apiVersion.slice(0, slash)
}
