// Label selectors and label maps as apimachinery validates them (k8s-semantics §0.3 "Label selector"):
// ValidateLabelSelector, ValidateLabelSelectorRequirement, ValidateLabels. The server names the whole
// matchLabels map; the errors here keep its wording and are placed on the offending key or value.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import { labelValue, qualifiedName } from '../name-formats.js'
import type { PathSegment } from '../types.js'

type Path = readonly PathSegment[]

/** label key/value messages say "bytes" from 1.34 (apimachinery `content`), "characters" before */
export const lengthUnit = (minor: number): 'bytes' | 'characters' => (minor >= 34 ? 'bytes' : 'characters')

export interface PlacedError {
  error: FieldError
  /** underline the map key rather than its value */
  point: 'key' | 'value'
}

/** ValidateLabels: a label map; errors name the map, and sit on the key or value at fault */
export function labelMapErrors(labels: unknown, path: Path, minor: number): PlacedError[] {
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return []
  const out: PlacedError[] = []
  for (const [key, value] of Object.entries(labels)) {
    const at = [...path, { key }]
    for (const msg of qualifiedName(key, lengthUnit(minor))) out.push({ error: { ...fieldError.invalid(path, key, msg), path: at }, point: 'key' })
    if (typeof value !== 'string') continue
    for (const msg of labelValue(value, lengthUnit(minor))) out.push({ error: { ...fieldError.invalid(path, value, msg), path: at }, point: 'value' })
  }
  return out
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist'])

/** ValidateLabelSelector with invalid label values not allowed (the rule for objects being created) */
export function labelSelectorErrors(selector: LabelSelector | null | undefined, path: Path, minor: number): PlacedError[] {
  if (!selector) return []
  const out = labelMapErrors(selector.matchLabels, [...path, 'matchLabels'], minor)
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []
  expressions.forEach((expr, i) => {
    if (!expr) return
    const at = [...path, 'matchExpressions', i]
    const values = Array.isArray(expr.values) ? expr.values : []
    const operator = expr.operator ?? ''
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) out.push({ error: fieldError.required([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"), point: 'value' })
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0) out.push({ error: fieldError.forbidden([...at, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"), point: 'value' })
    } else if (!OPERATORS.has(operator)) {
      out.push({ error: fieldError.invalid([...at, 'operator'], operator, 'not a valid selector operator'), point: 'value' })
    }
    const key = expr.key ?? ''
    for (const msg of qualifiedName(key, lengthUnit(minor))) out.push({ error: fieldError.invalid([...at, 'key'], key, msg), point: 'value' })
    values.forEach((value, j) => {
      if (typeof value !== 'string') return
      for (const msg of labelValue(value, lengthUnit(minor))) out.push({ error: fieldError.invalid([...at, 'values', j], value, msg), point: 'value' })
    })
  })
  return out
}
