// Helpers shared by the pod family's rules: paths and label checks worded as core validation words them.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import { formatPath } from '../field-path.js'
import { labelValue, qualifiedName } from '../name-formats.js'
import type { PathSegment } from '../types.js'

export type Path = readonly PathSegment[]

/** unset in Go terms: absent, null or the zero string */
export const isSet = (v: unknown): boolean => v !== undefined && v !== null && v !== ''

/** label keys and values say `bytes` from 1.34 (apimachinery content package), `characters` before */
export const lengthUnit = (minor: number): 'bytes' | 'characters' => (minor >= 34 ? 'bytes' : 'characters')

/** a warning as kubectl prints it: `<path>: <text>` */
export function warning(path: Path, text: string): FieldError {
  return { path, text: `${formatPath(path)}: ${text}` }
}

/** the containers and init containers of a pod spec with their paths */
export function containersOf(spec: PodSpec, specPath: Path): { container: Container; path: Path }[] {
  const out: { container: Container; path: Path }[] = []
  for (const key of ['initContainers', 'containers'] as const) {
    spec[key]?.forEach((container, i) => {
      if (container) out.push({ container, path: [...specPath, key, i] })
    })
  }
  return out
}

/** validatePathNoBacksteps: one error when any `/`-separated element is `..` */
export function noBacksteps(value: string, path: Path): FieldError[] {
  return value.split('/').includes('..') ? [fieldError.invalid(path, value, "must not contain '..'")] : []
}

/** validateLocalDescendingPath: relative, with no `..` element */
export function localDescendingPath(value: string, path: Path): FieldError[] {
  const errs = value.startsWith('/') ? [fieldError.invalid(path, value, 'must be a relative path')] : []
  return [...errs, ...noBacksteps(value, path)]
}

/** validateLocalNonReservedPath: a local descending path that does not start with `..` (reserved for the atomic writer) */
export function localNonReservedPath(value: string, path: Path): FieldError[] {
  const errs = localDescendingPath(value, path)
  if (value.startsWith('..') && !value.startsWith('../')) errs.push(fieldError.invalid(path, value, "must not start with '..'"))
  return errs
}

/** ValidateLabelName: a qualified name, one error per message */
export function labelName(key: string, path: Path, minor: number): FieldError[] {
  return qualifiedName(key, lengthUnit(minor)).map((msg) => fieldError.invalid(path, key, msg))
}

/** ValidateLabels: keys and values, errors on the map's own path */
export function labels(map: Record<string, string> | undefined, path: Path, minor: number): FieldError[] {
  const errs: FieldError[] = []
  for (const [k, v] of Object.entries(map ?? {})) {
    errs.push(...labelName(k, path, minor))
    if (typeof v === 'string') errs.push(...labelValue(v, lengthUnit(minor)).map((msg) => fieldError.invalid(path, v, msg)))
  }
  return errs
}

/** ValidateLabelSelector (v1-val) */
export function labelSelector(selector: LabelSelector | undefined | null, path: Path, minor: number): FieldError[] {
  if (!selector) return []
  const errs = labels(selector.matchLabels, [...path, 'matchLabels'], minor)
  selector.matchExpressions?.forEach((req, j) => {
    if (!req) return
    const at: Path = [...path, 'matchExpressions', j]
    const values = req.values ?? []
    if (req.operator === 'In' || req.operator === 'NotIn') {
      if (values.length === 0) errs.push(fieldError.required([...at, 'values'], "must be specified when `operator` is 'In' or 'NotIn'"))
    } else if (req.operator === 'Exists' || req.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(fieldError.forbidden([...at, 'values'], "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
    } else {
      errs.push(fieldError.invalid([...at, 'operator'], req.operator ?? '', 'not a valid selector operator'))
    }
    errs.push(...labelName(req.key ?? '', [...at, 'key'], minor))
    values.forEach((v, k) => {
      if (typeof v === 'string') errs.push(...labelValue(v, lengthUnit(minor)).map((msg) => fieldError.invalid([...at, 'values', k], v, msg)))
    })
  })
  return errs
}

/** 0..0777: `defaultMode` and item modes */
export function fileMode(mode: number | undefined | null, path: Path): FieldError[] {
  if (typeof mode !== 'number' || (mode >= 0 && mode <= 0o777)) return []
  return [fieldError.invalid(path, mode, 'must be a number between 0 and 0777 (octal), both inclusive')]
}
