// Helpers of the metadata policy rules (required label, required annotation, forbidden annotation): the
// `key` / `key=pattern` entries their options list, and the kinds they apply to, read the way kube-linter's
// required-label / required-annotation / forbidden-annotation templates read their `key` and `value` params.
import { ToolError } from '../errors.js'
import { isObj } from '../validation/metadata.js'

/** One entry of a rule's option: a key (or a key prefix ending in `*`) and, after `=`, a pattern for its value. */
export interface KeyRule {
  /** as the config writes it, for messages */
  written: string
  /** the key, or the prefix before the `*` */
  key: string
  prefix: boolean
  /** the value pattern, matched against the whole value; undefined for any value */
  value: RegExp | undefined
  /** the pattern as written */
  pattern: string | undefined
}

/** kube-linter's DeploymentLike without OpenShift's DeploymentConfig: Pods and the built-in kinds that create them */
export const POD_CREATING_KINDS: readonly string[] = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'Pod']

/** Reads `key` or `key=regex` entries (label and annotation keys cannot hold `=`); a bad pattern is a config error. */
export function keyRules(ruleId: string, option: string, entries: readonly string[]): KeyRule[] {
  return entries.map((written) => {
    const eq = written.indexOf('=')
    const rawKey = (eq < 0 ? written : written.slice(0, eq)).trim()
    const pattern = eq < 0 ? undefined : written.slice(eq + 1)
    if (rawKey === '' || rawKey === '*') throw new ToolError(`rule "${ruleId}": option ${option} entry "${written}" names no key`)
    let value: RegExp | undefined
    if (pattern !== undefined) {
      try {
        value = new RegExp(`^(?:${pattern})$`, 'u')
      } catch (e) {
        throw new ToolError(`rule "${ruleId}": option ${option} entry "${written}" has an invalid value pattern: ${(e as Error).message}`)
      }
    }
    const prefix = rawKey.endsWith('*')
    return { written, key: prefix ? rawKey.slice(0, -1) : rawKey, prefix, value, pattern }
  })
}

/** the entries of a label or annotation map whose key the rule names, in written order */
export function matchingEntries(map: unknown, rule: KeyRule): Array<[string, string]> {
  if (!isObj(map)) return []
  const out: Array<[string, string]> = []
  for (const [k, v] of Object.entries(map)) {
    if (rule.prefix ? k.startsWith(rule.key) : k === rule.key) out.push([k, typeof v === 'string' ? v : v == null ? '' : String(v)])
  }
  return out
}

/** whether a value is one the rule's pattern allows (any value when it has none) */
export const valueMatches = (rule: KeyRule, value: string): boolean => rule.value === undefined || rule.value.test(value)

/** A required key a map lacks: `entry` is the one whose value the pattern refuses, undefined when no key matches. */
export interface Unmet {
  rule: KeyRule
  entry: [key: string, value: string] | undefined
}

/** the rules no entry of the map satisfies (kube-linter: some key that matches with a value that matches) */
export function unmetRequirements(map: unknown, rules: readonly KeyRule[]): Unmet[] {
  const out: Unmet[] = []
  for (const rule of rules) {
    const found = matchingEntries(map, rule)
    if (!found.some(([, v]) => valueMatches(rule, v))) out.push({ rule, entry: found[0] })
  }
  return out
}

/** how a message names the key: `owner`, or `starting with team.example.com/` */
export const keyName = (rule: KeyRule): string => (rule.prefix ? `starting with ${rule.key}` : rule.key)

/** the object's name for messages */
export function nameOf(metadata: Record<string, unknown> | undefined): string {
  const name = metadata?.name
  return typeof name === 'string' && name !== '' ? name : '(unnamed)'
}

/** whether the `kinds` option takes in this kind (`*` for every kind) */
export const kindSelected = (kinds: readonly string[], kind: string): boolean => kinds.includes('*') || kinds.includes(kind)
