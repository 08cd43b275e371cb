// Label selectors and rolling-update amounts as the API server validates them (apimachinery metav1 validation,
// labels.Selector matching, apps validation's int-or-percent helpers), shared by the workload and job rules.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import type { PathSegment } from '../types.js'
import { labelSelectorErrors } from './selector.js'

type Labels = Record<string, string>

const present = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null

// the one ValidateLabelSelector, shared with the other families
export { labelSelectorErrors, type PlacedError } from './selector.js'

/** whether metav1.LabelSelectorAsSelector converts it without an error (the same checks, in labels.NewRequirement) */
export function isConvertibleSelector(selector: LabelSelector): boolean {
  return labelSelectorErrors(selector, [], 35).length === 0
}

/** no matchLabels and no matchExpressions: `{}` */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0
}

/**
 * labels.Selector.Matches for a converted selector: every matchLabels pair and every requirement must hold.
 * `ignoreKeys` are keys whose requirements the caller knows hold (labels the server generates).
 */
export function selectorMatches(selector: LabelSelector, labels: Labels, ignoreKeys: ReadonlySet<string> = new Set()): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (ignoreKeys.has(key)) continue
    if (!Object.hasOwn(labels, key) || labels[key] !== String(value ?? '')) return false
  }
  for (const expr of selector.matchExpressions ?? []) {
    const key = expr.key ?? ''
    if (ignoreKeys.has(key)) continue
    const has = Object.hasOwn(labels, key)
    const values = expr.values ?? []
    switch (expr.operator) {
      case 'In':
        if (!has || !values.includes(labels[key])) return false
        break
      case 'NotIn':
        if (has && values.includes(labels[key])) return false
        break
      case 'Exists':
        if (!has) return false
        break
      case 'DoesNotExist':
        if (has) return false
        break
      default:
        return false
    }
  }
  return true
}

/** template labels as the server sees them: a map of strings (null values decode to "") */
export function templateLabels(labels: Record<string, string | null> | null | undefined): Labels {
  const out: Labels = {}
  for (const [k, v] of Object.entries(labels ?? {})) out[k] = v ?? ''
  return out
}

export type IntOrString = number | string

const PERCENT = /^[0-9]+%$/

/** getPercentValue: the number of a valid percent string */
export function percentValue(value: IntOrString | null | undefined): number | undefined {
  if (typeof value !== 'string' || !PERCENT.test(value)) return undefined
  return Number(value.slice(0, -1))
}

/** getIntOrPercentValue: a percent's number, an int, or a string's strconv.Atoi (0 when it is not a number) */
export function intOrPercentValue(value: IntOrString | null | undefined): number {
  if (!present(value)) return 0
  const percent = percentValue(value)
  if (percent !== undefined) return percent
  if (typeof value === 'number') return value
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : 0
}

/** ValidatePositiveIntOrPercent: a non-negative int, or a percent string */
export function positiveIntOrPercentErrors(value: IntOrString | null | undefined, path: readonly PathSegment[]): FieldError[] {
  if (!present(value)) return []
  if (typeof value === 'number') return value < 0 ? [fieldError.invalid(path, value, 'must be greater than or equal to 0')] : []
  if (PERCENT.test(value)) return []
  return [
    fieldError.invalid(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"),
  ]
}

/** IsNotMoreThan100Percent */
export function notMoreThan100PercentErrors(value: IntOrString | null | undefined, path: readonly PathSegment[]): FieldError[] {
  const percent = percentValue(value)
  return percent !== undefined && percent > 100 ? [fieldError.invalid(path, value, 'must not be greater than 100%')] : []
}

/** ValidateNonnegativeField for an optional number */
export function nonNegativeErrors(value: number | null | undefined, path: readonly PathSegment[]): FieldError[] {
  return typeof value === 'number' && value < 0 ? [fieldError.invalid(path, value, 'must be greater than or equal to 0')] : []
}
