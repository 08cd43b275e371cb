// Helpers shared by the pod family's rules: paths and label checks worded as core validation words them.
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import { formatPath } from '../field-path.js'
import { qualifiedName } from '../name-formats.js'
import type { PathSegment } from '../types.js'

export type Path = readonly PathSegment[]

/** unset in Go terms: absent, null or the zero string */
export const isSet = (v: unknown): boolean => v !== undefined && v !== null && v !== ''

import { lengthUnit } from './selector.js'

export { lengthUnit }

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

/** 0..0777: `defaultMode` and item modes */
export function fileMode(mode: number | undefined | null, path: Path): FieldError[] {
  if (typeof mode !== 'number' || (mode >= 0 && mode <= 0o777)) return []
  return [fieldError.invalid(path, mode, 'must be a number between 0 and 0777 (octal), both inclusive')]
}
