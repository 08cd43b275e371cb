// Helpers of the RBAC rules: the rules of a Role or ClusterRole, whether one of them grants a verb on a resource,
// matched the way the API server's RBAC authorizer matches (wildcards, `*/subresource`), and the role a binding names.
import type { IndexedObject } from '../object-index.js'
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

/**
 * What exec and attach are authorized as: create for kubectl's SPDY streams, and get for a WebSocket upgrade before
 * the API server asked for create there too (Polaris counts both).
 */
export const POD_EXEC: Permission = { verbs: ['create', 'get'], resources: ['pods/exec', 'pods/attach'], groups: [''] }

// the seven verbs Polaris counts as "every verb" when a rule lists them instead of `*`
const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']

/**
 * Whether a rule grants as much as cluster-admin does on resources (Polaris' test): `*` API groups and resources,
 * with `*` verbs or all of get, list, watch, create, update, patch and delete.
 */
export function grantsEverything(rule: RoleRule): boolean {
  return rule.apiGroups.includes('*') && rule.resources.includes('*') && (rule.verbs.includes('*') || ALL_VERBS.every((v) => rule.verbs.includes(v)))
}

/** what a binding's roleRef names: a ClusterRole, or a Role of the binding's own namespace */
export interface BoundRole {
  kind: 'Role' | 'ClusterRole'
  name: string
  /** the binding's namespace for a Role; undefined for a ClusterRole */
  namespace: string | undefined
}

/** the role a RoleBinding or ClusterRoleBinding names; undefined when roleRef is not one the API server accepts */
export function boundRole(binding: IndexedObject): BoundRole | undefined {
  const ref = binding.value.roleRef
  if (binding.group !== 'rbac.authorization.k8s.io' || !isBinding(binding.kind) || !isObj(ref) || typeof ref.name !== 'string' || ref.name === '') return undefined
  if (ref.kind === 'ClusterRole') return { kind: 'ClusterRole', name: ref.name, namespace: undefined }
  // a ClusterRoleBinding can only name a ClusterRole (the API server refuses a Role)
  if (ref.kind === 'Role' && binding.kind === 'RoleBinding') return { kind: 'Role', name: ref.name, namespace: binding.namespace }
  return undefined
}

// the ClusterRoles the API server creates (and reconciles at each start) besides the system: ones
const BUILTIN_CLUSTER_ROLES = new Set(['cluster-admin', 'admin', 'edit', 'view'])
// the Roles it creates in its own namespaces (bootstrappolicy's namespace roles)
const BUILTIN_ROLES: Readonly<Record<string, readonly string[]>> = {
  'kube-system': [
    'extension-apiserver-authentication-reader',
    'system::leader-locking-kube-controller-manager',
    'system::leader-locking-kube-scheduler',
    'system:controller:bootstrap-signer',
    'system:controller:cloud-provider',
    'system:controller:token-cleaner',
  ],
  'kube-public': ['system:controller:bootstrap-signer'],
}

/** whether every cluster has the role: the API server's bootstrap ClusterRoles and Roles */
export function isBuiltinRole(role: BoundRole): boolean {
  if (role.kind === 'ClusterRole') return isSystemName(role.name) || BUILTIN_CLUSTER_ROLES.has(role.name)
  return role.namespace !== undefined && (BUILTIN_ROLES[role.namespace]?.includes(role.name) ?? false)
}

/** the built-in ClusterRoles that grant exec and attach (admin and edit through the rules aggregated into them) */
export const BUILTIN_EXEC_ROLES: ReadonlySet<string> = new Set(['cluster-admin', 'admin', 'edit'])

// the group every cluster-admin credential is in: the authorizer lets its members do anything already
const isMastersGroup = (s: unknown): boolean => isObj(s) && s.kind === 'Group' && s.name === 'system:masters'

/** the subjects of a binding as "ServiceAccount ns/name, Group g", or "no subject yet" */
export function subjectList(binding: KubeObject): string {
  const subjects = Array.isArray(binding.subjects) ? binding.subjects : []
  const names = subjects.filter(isObj).map((s) => `${String(s.kind)} ${typeof s.namespace === 'string' ? `${s.namespace}/` : ''}${String(s.name)}`)
  return names.length > 0 ? names.join(', ') : 'no subject yet'
}

/** a binding whose subjects are all system:masters grants nothing they do not have */
export function grantsNothingNew(binding: KubeObject): boolean {
  const subjects = Array.isArray(binding.subjects) ? binding.subjects : []
  return subjects.length > 0 && subjects.every(isMastersGroup)
}
