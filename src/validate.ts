// Layer 2: each object against the schema of its apiVersion/kind for the chosen Kubernetes version (built-in
// kinds) or against its CustomResourceDefinition; removed and deprecated APIs.
import { builtinKind, CrdRegistry, type SchemaIssue } from './schema/index.js'
import type { FileFindings } from './findings.js'
import { locate } from './locate.js'
import { describeObject, type Manifest } from './manifests.js'
import { formatPath } from './field-path.js'
import { rules } from '../rules/index.js'
import type { Span } from './yaml/document.js'
import { firstKey, runRules, spanOf, type RunRulesContext } from './run-rules.js'
import type { Fix, PathSegment } from './types.js'
import type { KubeObject } from './rule.js'
import { suggestKind } from './kinds.js'

export const CRD_API_VERSION = 'apiextensions.k8s.io/v1'

export interface ValidateContext extends RunRulesContext {
  kubernetesVersion: string
  out: FileFindings
  /** receives every object the API server would store: its value as the rules saw it, and whether it decoded cleanly */
  onObject?(m: Manifest, value: KubeObject, found: { builtin: boolean; accepted: boolean; unchecked?: boolean }): void
}

// a value the server cannot decode stops it before its validation runs: so do the rules, which could not trust the
// types. An unknown field that looks like a typo of a known one stops them too: what they would report as missing
// is probably there under the misspelt name. Other unknown fields do not hide the rest of what is wrong.
const DECODE_ERRORS = new Set(['invalid-type', 'invalid-format', 'invalid-quantity'])
const stopsRules = (issue: SchemaIssue) => DECODE_ERRORS.has(issue.code) || (issue.code === 'unknown-field' && issue.suggestion !== undefined)

/** Validates a manifest whose kind is built in; returns false when it must wait for the CustomResourceDefinitions. */
export function validateBuiltin(m: Manifest, ctx: ValidateContext): boolean {
  const status = builtinKind(ctx.kubernetesVersion, m.apiVersion, m.kind)
  // needed only for a finding on the apiVersion
  const apiVersionAt = () => valueSpan(m, ['apiVersion'])
  const data = { apiVersion: m.apiVersion, kind: m.kind }
  switch (status.status) {
    case 'served':
      if (status.deprecated) {
        const { since, removedIn, replacement } = status.deprecated
        ctx.out.report(rules.apiDeprecated, 'deprecated', {
          data: { ...data, since, removal: removedIn ? ` and removed in ${removedIn}` : '', replacement: replacement ? `; use ${replacement}` : '' },
          span: apiVersionAt(),
          object: m.ref,
          path: [...m.prefix, 'apiVersion'],
          fix: replacementFix(replacement),
        })
      }
      checkObject(m, status.validate(m.value), true, ctx)
      return true
    case 'removed':
      ctx.out.report(rules.apiNotServed, 'removed', {
        data: { ...data, removedIn: status.removedIn, replacement: status.replacement ? `; use ${status.replacement}` : '' },
        span: apiVersionAt(),
        object: m.ref,
        path: [...m.prefix, 'apiVersion'],
        fix: replacementFix(status.replacement),
      })
      // still in the index, so that what refers to it is not reported too: the apiVersion is the one mistake
      ctx.onObject?.(m, m.value as KubeObject, { builtin: true, accepted: false })
      return true
    case 'not-yet-served':
      ctx.out.report(rules.apiNotServed, 'notYetServed', {
        data: { ...data, firstServedIn: status.firstServedIn, version: ctx.kubernetesVersion },
        span: apiVersionAt(),
        object: m.ref,
        path: [...m.prefix, 'apiVersion'],
      })
      ctx.onObject?.(m, m.value as KubeObject, { builtin: true, accepted: false })
      return true
    case 'unknown': {
      const suggestion = suggestKind(ctx.kubernetesVersion, m.apiVersion, m.kind)
      if (suggestion === undefined) return false
      const kindAt = valueSpan(m, ['kind'])
      if (suggestion === null) {
        ctx.out.report(rules.schemaUnknownKind, 'unknownKind', { data, span: kindAt, object: m.ref, path: [...m.prefix, 'kind'] })
      } else {
        ctx.out.report(rules.schemaUnknownKind, 'unknownKindSuggest', { data: { ...data, suggestion }, span: kindAt, object: m.ref, path: [...m.prefix, 'kind'] })
      }
      return true
    }
  }
  return true
}

/** A custom resource, once every CustomResourceDefinition of the run is known. */
export function validateCustom(m: Manifest, crds: CrdRegistry, ctx: ValidateContext): void {
  const schema = crds.lookup(m.apiVersion, m.kind)
  if (!schema) {
    ctx.out.report(rules.schemaNoSchema, 'noSchema', { data: { apiVersion: m.apiVersion, kind: m.kind }, span: valueSpan(m, ['kind']), object: m.ref, path: [...m.prefix, 'kind'] })
    ctx.onObject?.(m, m.value as KubeObject, { builtin: false, accepted: false, unchecked: true })
    return
  }
  checkObject(m, schema.validate(m.value), false, ctx)
}

function checkObject(m: Manifest, issues: readonly SchemaIssue[], builtin: boolean, ctx: ValidateContext): void {
  reportIssues(m, issues, ctx)
  const accepted = !issues.some(stopsRules)
  const value = accepted ? runRules(m, builtin, ctx) : (m.value as KubeObject)
  ctx.onObject?.(m, value, { builtin, accepted })
}

/** A CustomResourceDefinition whose schema cannot validate its custom resources is reported once, on itself. */
export function checkCrd(m: Manifest, ctx: ValidateContext, registry?: CrdRegistry): void {
  // registering is what finds the problems: into the run's registry when there is one, so it is done once
  const problems = (registry ?? new CrdRegistry(ctx.kubernetesVersion)).add(m.value)
  if (problems.length === 0) return
  ctx.out.report(rules.schemaCrdUnusable, 'unusable', {
    data: { name: m.ref.name ?? '(unnamed)', detail: problems.join('; ') },
    span: valueSpan(m, ['kind']),
    object: m.ref,
    path: [...m.prefix, 'spec'],
  })
}

function reportIssues(m: Manifest, issues: readonly SchemaIssue[], ctx: ValidateContext): void {
  const object = describeObject(m.ref)
  for (const issue of issues) {
    const path = [...m.prefix, ...issue.path]
    const located = locate(m.node, issue.path)
    const related = located.via.map((s) => ({ ...s, message: 'reached through this alias' }))
    switch (issue.code) {
      case 'unknown-field': {
        const parent = formatPath(path.slice(0, -1))
        const where = parent ? ` (${parent})` : ''
        const span = located.key ?? located.node
        const field = issue.property ?? String(issue.path.at(-1))
        if (issue.suggestion) {
          ctx.out.report(rules.schemaUnknownField, 'unknownFieldSuggest', {
            data: { field, object, where, suggestion: issue.suggestion },
            span,
            object: m.ref,
            path,
            related,
            // a key to rename; without one (a path that ends in a list item) the fix would not be certain
            fix: located.key ? { title: `Rename "${field}" to "${issue.suggestion}"`, text: issue.suggestion } : undefined,
          })
        } else {
          ctx.out.report(rules.schemaUnknownField, 'unknownField', { data: { field, object, where }, span, object: m.ref, path, related })
        }
        break
      }
      case 'required': {
        // nothing to underline for a missing field: point at the key of the object that lacks it
        const span = located.key ?? (path.length === 0 ? valueSpan(m, ['kind']) : firstKey(located.node))
        const full = [...path, issue.property ?? '?']
        ctx.out.report(rules.schemaRequired, 'required', { data: { path: formatPath(full), object, property: issue.property }, span, object: m.ref, path: full, related })
        break
      }
      case 'invalid-type':
      case 'invalid-format':
      case 'invalid-quantity':
        ctx.out.report(rules.schemaInvalidType, 'invalidType', { data: { path: formatPath(path), detail: issue.message }, span: spanOf(located, ctx.out, 'value'), object: m.ref, path, related })
        break
      case 'invalid-enum':
      case 'invalid-value':
        ctx.out.report(rules.schemaInvalidValue, 'invalidValue', { data: { path: formatPath(path), detail: issue.message }, span: spanOf(located, ctx.out, 'value'), object: m.ref, path, related })
        break
    }
  }
}

function replacementFix(apiVersion: string | undefined): Fix | undefined {
  return apiVersion ? { title: `Change apiVersion to ${apiVersion}`, text: apiVersion } : undefined
}

function valueSpan(m: Manifest, path: PathSegment[]): Span {
  const at = locate(m.node, path)
  return at.exact ? { start: at.node.start, end: at.node.end } : { start: m.node.start, end: m.node.start + 1 }
}
