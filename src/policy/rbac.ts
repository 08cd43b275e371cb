// Helpers of the RBAC rules: the rules of a Role or ClusterRole, and whether one of them grants a verb on a
// resource, matched the way the API server's RBAC authorizer matches (wildcards, `*/subresource`).
import type { KubeObject } from '../rule.js'
import type { PathSegment } from '../types.js'
import { isObj } from '../validation/metadata.js'

/** one entry of a role's `rules`, with the lists the authorizer reads (an absent list is empty) */
export interface RoleRule {
  index: number
  path: readonly PathSegment[]
  apiGroups: readonly string[]
  resources: readonly string[]
  verbs: readonly string[]
  resourceNames: readonly string[]
}

/** what a rule is asked about: any of these verbs on any of these resources in one of these API groups */
export interface Permission {
  verbs: readonly string[]
  /** `pods`, `pods/exec`… */
  resources: readonly string[]
  /** "" for the core group */
  groups: readonly string[]
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [])

export const isRole = (kind: string): boolean => kind === 'Role' || kind === 'ClusterRole'
export const isBinding = (kind: string): boolean => kind === 'RoleBinding' || kind === 'ClusterRoleBinding'

/** metadata.name, "" when there is none */
export const objectName = (o: KubeObject): string => (typeof o.metadata?.name === 'string' ? o.metadata.name : '')

/**
 * Whether the RBAC rules leave the object alone: names with the `system:` prefix, which Kubernetes keeps for its
 * own components (the API server reconciles its bootstrap roles), as Polaris exempts them.
 */
export const isSystemName = (name: string): boolean => name.startsWith('system:')

/**
 * The rules a Role or ClusterRole grants as written; none for an aggregated ClusterRole, whose rules the
 * controller manager fills in from the roles it selects (and overwrites what the manifest says).
 */
export function roleRules(role: KubeObject): RoleRule[] {
  if (role.kind === 'ClusterRole' && isObj(role.aggregationRule)) return []
  if (!Array.isArray(role.rules)) return []
  return role.rules.flatMap((r: unknown, index) =>
    isObj(r)
      ? [{ index, path: ['rules', index], apiGroups: strings(r.apiGroups), resources: strings(r.resources), verbs: strings(r.verbs), resourceNames: strings(r.resourceNames) }]
      : [],
  )
}

// the authorizer's resource match: `*`, the exact resource, or `*/<subresource>` for a subresource
function resourceMatches(written: string, wanted: string): boolean {
  if (written === '*' || written === wanted) return true
  const slash = wanted.indexOf('/')
  return slash > 0 && written === `*${wanted.slice(slash)}`
}

/** the first verb of `want` the rule grants on one of its resources, or undefined */
export function grants(rule: RoleRule, want: Permission): { verb: string; resource: string } | undefined {
  if (!rule.apiGroups.some((g) => g === '*' || want.groups.includes(g))) return undefined
  const verb = want.verbs.find((v) => rule.verbs.includes(v)) ?? (rule.verbs.includes('*') ? '*' : undefined)
  if (verb === undefined) return undefined
  const resource = want.resources.find((wanted) => rule.resources.some((written) => resourceMatches(written, wanted)))
  return resource === undefined ? undefined : { verb, resource }
}

/** where to point in a rule: the first entry of `list` that matches one of `values` (or is `*`), else the list itself */
export function entryPath(rule: RoleRule, list: 'verbs' | 'resources' | 'apiGroups', values: readonly string[]): PathSegment[] {
  const entries = rule[list]
  const i = entries.findIndex((e) => e === '*' || values.some((v) => resourceMatches(e, v)))
  return i < 0 ? [...rule.path, list] : [...rule.path, list, i]
}
