// Layer 3: the rules with handlers, on each object as the API server would see it (defaults applied), reporting
// at the source position of the field each error names.
import type { ClusterSettings } from './config.js'
import { withDefaults } from './defaults.js'
import type { FieldError } from './field-errors.js'
import type { FileFindings } from './findings.js'
import { podSpecSite, type PodSpecSite } from './kind-groups.js'
import { valueAt } from './object-index.js'
import { isObj } from './validation/metadata.js'
import { minorOf } from './schema/index.js'
import { locate, type Located } from './locate.js'
import type { Manifest } from './manifests.js'
import { defaultOptions, POLICY_CATEGORIES, type KubeObject, type ReportOptions, type Rule, type RuleContext, type RuleHandlers, type RuleOptions } from './rule.js'
import type { Span, YNode } from './yaml/document.js'
import type { PodSpec } from 'kubernetes-types/core/v1.js'

export interface RunRulesContext {
  kubernetesVersion: string
  cluster: ClusterSettings
  rules: readonly Rule[]
  out: FileFindings
  /** a rule's options for this file; its defaults when not given */
  optionsFor?: (rule: Rule) => RuleOptions
  /** rules turned off for this file, which need not run */
  isOff?: (rule: Rule) => boolean
}

/** Runs the rules on one object; returns the object as they saw it (with defaults, for built-in kinds). */
export function runRules(m: Manifest, builtin: boolean, env: RunRulesContext): KubeObject {
  const minor = minorOf(env.kubernetesVersion)
  const object = (builtin ? withDefaults(m.apiVersion, m.kind, m.value, minor) : m.value) as KubeObject
  // the server's rules see the pod specs it validates; the policy rules every pod spec (StatefulSets before 1.34)
  const sites = { server: builtin ? podSpecAt(object, podSpecSite(m.apiVersion, m.kind, minor)) : undefined, policy: builtin ? podSpecAt(object, podSpecSite(m.apiVersion, m.kind, Infinity)) : undefined }
  for (const rule of rulesFor(env, builtin ? m.kind : undefined, { server: sites.server !== undefined, policy: sites.policy !== undefined })) {
    if (env.isOff?.(rule)) continue
    const handlers: RuleHandlers = rule.create!(contextFor(rule, m, env, minor))
    handlers.Object?.(object)
    if (!builtin) continue
    const byKind = handlers[m.kind as keyof RuleHandlers] as ((o: unknown) => void) | undefined
    if (byKind && m.kind !== 'Object' && m.kind !== 'PodSpec') byKind(object)
    const found = sites[isPolicy(rule) ? 'policy' : 'server']
    if (found && handlers.PodSpec) handlers.PodSpec(found.spec, { path: found.site.path, template: found.site.template, kind: m.kind })
  }
  return object
}

// which handlers a rule has does not depend on the object: learn them once, and skip rules with nothing to do
const keysByRule = new WeakMap<Rule, Set<string>>()
const rulesByTarget = new WeakMap<readonly Rule[], Map<string, Array<Rule[] | undefined>>>()

const isPolicy = (rule: Rule): boolean => POLICY_CATEGORIES.has(rule.meta.category)

function podSpecAt(object: KubeObject, site: PodSpecSite | undefined): { site: PodSpecSite; spec: PodSpec } | undefined {
  const spec = site ? valueAt(object, site.path) : undefined
  return site && isObj(spec) ? { site, spec: spec as unknown as PodSpec } : undefined
}

/** the rules with a handler for this object: `Object`, its kind (built-ins), or `PodSpec` (the server's rules and the
 * policy rules may differ on whether the object has one) */
function rulesFor(env: RunRulesContext, builtinKind: string | undefined, hasPodSpec: { server: boolean; policy: boolean }): Rule[] {
  let byTarget = rulesByTarget.get(env.rules)
  if (!byTarget) rulesByTarget.set(env.rules, (byTarget = new Map()))
  // by kind, then by which of the two pod specs the object has
  let byKind = byTarget.get(builtinKind ?? '')
  if (!byKind) byTarget.set(builtinKind ?? '', (byKind = []))
  const target = (hasPodSpec.server ? 1 : 0) + (hasPodSpec.policy ? 2 : 0)
  let found = byKind[target]
  if (!found) {
    found = env.rules.filter((rule) => {
      if (!rule.create) return false
      const keys = handlerKeys(rule, env)
      const podSpec = isPolicy(rule) ? hasPodSpec.policy : hasPodSpec.server
      return keys.has('Object') || (builtinKind !== undefined && (keys.has(builtinKind) || (podSpec && keys.has('PodSpec'))))
    })
    byKind[target] = found
  }
  return found
}

function handlerKeys(rule: Rule, env: RunRulesContext): Set<string> {
  let keys = keysByRule.get(rule)
  if (!keys) {
    const probe: RuleContext = { kubernetesVersion: env.kubernetesVersion, minor: minorOf(env.kubernetesVersion), cluster: env.cluster, apiVersion: '', kind: '', options: defaultOptions(rule.meta), report() {} }
    keys = new Set(Object.keys(rule.create!(probe)))
    keysByRule.set(rule, keys)
  }
  return keys
}

function contextFor(rule: Rule, m: Manifest, env: RunRulesContext, minor: number): RuleContext {
  return {
    kubernetesVersion: env.kubernetesVersion,
    minor,
    cluster: env.cluster,
    apiVersion: m.apiVersion,
    kind: m.kind,
    options: env.optionsFor?.(rule) ?? defaultOptions(rule.meta),
    report(messageId: string, error: FieldError, options: ReportOptions = {}) {
      const located = locate(m.node, error.path)
      const related = located.via.map((s) => ({ ...s, message: 'reached through this alias' }))
      const span = spanOf(located, env.out, options.point ?? 'value')
      env.out.report(rule, messageId, {
        data: { ...options.data, error: error.text },
        span: { start: span.start, end: span.end },
        object: m.ref,
        path: [...m.prefix, ...error.path],
        related,
      })
    },
  }
}

/** What to underline for a located path: the value (or its key), a missing field's nearest parent key, and for a
 * block mapping or list as a whole its key rather than all its lines. */
export function spanOf(located: Located, out: FileFindings, point: 'key' | 'value'): Span {
  const { node } = located
  const collection = node.map !== undefined || node.items !== undefined
  const multiline = collection && out.lineOf(node.start) !== out.lineOf(Math.max(node.start, node.end - 1))
  if (located.exact && !multiline) return point === 'key' ? (located.key ?? node) : node
  return located.key ?? firstKey(node)
}

/** a mapping without a key of its own (a list item, the root): its first key rather than all its lines */
export function firstKey(node: YNode): Span {
  const first = node.map?.values().next().value
  return first?.key ?? { start: node.start, end: node.end }
}

