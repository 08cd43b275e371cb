// Custom policies from the config file's `policies:`: a CEL expression over `object` (the manifest as written) and
// `objects` (every object of the run) that must hold, as a ValidatingAdmissionPolicy's validations must. Each policy
// becomes a layer-4 rule of its own id (`custom/<name>`), so levels, overrides and suppressions treat it as any rule.
import { createRequire } from 'node:module'
import type { Environment, ParseResult } from '@marcbachmann/cel-js'
import type { IndexedObject } from './object-index.js'
import { defineRule, type Rule } from './rule.js'
import type { PathSegment, Severity } from './types.js'

/** One entry of `policies:`, as read from the config file (plain data: it crosses to worker threads). */
export interface PolicyDefinition {
  /** `custom/<name>` */
  id: string
  description?: string
  /** `Kind` (any group) or `group/Kind`; every kind when absent */
  kinds?: string[]
  /** CEL: the policy applies only to objects where this is true */
  match?: string
  /** CEL: true when the object complies */
  expression: string
  /** shown when the expression is false */
  message?: string
  /** CEL: a string shown instead of `message` */
  messageExpression?: string
  severity: Severity
  /** where the finding points, e.g. `spec.template.spec`; the object's name when absent */
  path?: PathSegment[]
  remediation?: string
}

export const CUSTOM_PREFIX = 'custom/'
/** what the name after `custom/` may be */
export const POLICY_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/

/** the expression fields of a policy, with what each must evaluate to */
export const POLICY_EXPRESSIONS = { match: 'bool', expression: 'bool', messageExpression: 'string' } as const
type ExpressionField = keyof typeof POLICY_EXPRESSIONS

/** A mistake in an expression: what is wrong, at which character of the expression. */
export interface ExpressionProblem {
  message: string
  offset: number
}

let environment: Environment | undefined
// loaded when a config has policies, not at start-up: it takes some 20 ms
const loadCel = () => createRequire(import.meta.url)('@marcbachmann/cel-js') as typeof import('@marcbachmann/cel-js')
const env = () =>
  (environment ??= new (loadCel().Environment)({ enableOptionalTypes: true, homogeneousAggregateLiterals: false })
    .registerVariable('object', 'map', { description: 'the object as written in the manifest' })
    .registerVariable('objects', 'list', { description: 'every object of the run, as written' }))

// the config reader compiles each expression to check it, and the policy's rule uses it: compiled once
const compiledExpressions = new Map<string, ParseResult | ExpressionProblem>()

/** the compiled expression, or what keeps it from compiling or from giving the type its field needs */
export function compileExpression(source: string, field: ExpressionField): ParseResult | ExpressionProblem {
  const key = `${field}\0${source}`
  let result = compiledExpressions.get(key)
  if (!result) compiledExpressions.set(key, (result = compile(source, field)))
  return result
}

function compile(source: string, field: ExpressionField): ParseResult | ExpressionProblem {
  let parsed: ParseResult
  try {
    parsed = env().parse(source)
  } catch (e) {
    return problemOf(e)
  }
  const checked = parsed.check()
  if (!checked.valid) return problemOf(checked.error)
  const wanted = POLICY_EXPRESSIONS[field]
  if (checked.type !== wanted && checked.type !== 'dyn') {
    return { message: `${field} must evaluate to a ${wanted === 'bool' ? 'bool (true or false)' : 'string'}, not ${checked.type}`, offset: 0 }
  }
  return parsed
}

function problemOf(e: unknown): ExpressionProblem {
  const err = e as { summary?: string; message?: string; range?: { start: number } }
  return { message: err.summary ?? err.message ?? String(e), offset: err.range?.start ?? 0 }
}

/** The value CEL sees: nulls dropped (the API server reads them as unset), whole numbers as CEL ints. */
export function celValue(value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(celValue)
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== null && v !== undefined) out[k] = celValue(v)
    return out
  }
  return value
}

const compiledRules = new WeakMap<readonly PolicyDefinition[], Rule[]>()

/** the rules of a config's policies (compiled once per config) */
export function policyRules(policies: readonly PolicyDefinition[] | undefined): Rule[] {
  if (!policies?.length) return []
  let out = compiledRules.get(policies)
  if (!out) compiledRules.set(policies, (out = policies.map(policyRule)))
  return out
}

function compiled(source: string, field: ExpressionField): ParseResult {
  const result = compileExpression(source, field)
  // the config reader compiled every expression already and stopped at the first that did not compile
  if (!('ast' in result)) throw new Error(`custom policy ${field} does not compile: ${result.message}`)
  return result
}

/** the run's objects as CEL sees them, made once per run and only for policies that read `objects` */
const runObjects = new WeakMap<object, unknown[]>()
/** each object as CEL sees it, made once for all the policies that check it */
const objectValues = new WeakMap<IndexedObject, unknown>()
const objectValue = (o: IndexedObject): unknown => {
  let value = objectValues.get(o)
  if (value === undefined) objectValues.set(o, (value = celValue(o.raw)))
  return value
}

function policyRule(p: PolicyDefinition): Rule {
  const expression = compiled(p.expression, 'expression')
  const match = p.match === undefined ? undefined : compiled(p.match, 'match')
  const messageExpression = p.messageExpression === undefined ? undefined : compiled(p.messageExpression, 'messageExpression')
  const readsObjects = [p.expression, p.match, p.messageExpression].some((s) => s !== undefined && /\bobjects\b/.test(s))
  const kinds = p.kinds?.map((k) => (k.includes('/') ? { group: k.slice(0, k.lastIndexOf('/')), kind: k.slice(k.lastIndexOf('/') + 1) } : { kind: k }))
  const applies = (o: IndexedObject) => !kinds || kinds.some((k) => k.kind === o.kind && (k.group === undefined || k.group === (o.group || 'core')))
  const fallback = p.message ?? `the object does not satisfy ${p.expression.replace(/\s+/g, ' ').trim()}`
  return defineRule({
    // a team's policy on a custom resource holds whether or not the input carries its CustomResourceDefinition
    wireUnchecked: true,
    meta: {
      id: p.id,
      category: 'custom',
      severity: p.severity,
      description: p.description ?? fallback,
      remediation: p.remediation ?? fallback,
      messages: { violated: '{{message}}', failed: '{{message}} (the policy could not be evaluated on this object: {{error}})' },
    },
    wire(ctx) {
      return {
        Object(self) {
          if (!applies(self)) return
          let objects: unknown[] | undefined
          if (readsObjects) {
            objects = runObjects.get(ctx.index)
            if (!objects) runObjects.set(ctx.index, (objects = ctx.index.objects.filter((o) => o.accepted).map(objectValue)))
          }
          const vars = { object: objectValue(self), objects: objects ?? [] }
          const at = p.path ?? (self.name ? ['metadata', 'name'] : ['kind'])
          let result: unknown
          try {
            if (match && match(vars) !== true) return
            result = expression(vars)
          } catch (e) {
            // as a ValidatingAdmissionPolicy with failurePolicy Fail: an expression that cannot be evaluated rejects
            ctx.report('failed', { at, data: { message: p.message ?? fallback, error: problemOf(e).message } })
            return
          }
          if (result === true) return
          let message = p.message ?? fallback
          if (messageExpression) {
            try {
              const text = messageExpression(vars)
              if (typeof text === 'string' && text.trim() !== '') message = text
            } catch {
              // as the API server: a messageExpression that fails falls back to the message
            }
          }
          ctx.report('violated', { at, data: { message } })
        },
      }
    },
  })
}
