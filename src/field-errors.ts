// Errors worded as the API server words them (apimachinery field.Error): `<path>: <Type>[: <value>][: <detail>]`,
// so that a user who has seen kubectl recognises them. Paths are relative to the object, as the server prints them.
import { formatPath } from './field-path.js'
import type { PathSegment } from './types.js'

export interface FieldError {
  /** where the error is, from the object's root */
  path: readonly PathSegment[]
  /** the server's text, e.g. `spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
  text: string
}

/** a value as the server prints it: strings quoted, numbers and booleans bare, the rest as JSON */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value) ?? 'null'
}

function error(path: readonly PathSegment[], type: string, value: string | undefined, detail: string | undefined): FieldError {
  let text = `${formatPath(path)}: ${type}`
  if (value !== undefined) text += `: ${value}`
  if (detail) text += `: ${detail}`
  return { path, text }
}

export const fieldError = {
  required: (path: readonly PathSegment[], detail?: string) => error(path, 'Required value', undefined, detail),
  invalid: (path: readonly PathSegment[], value: unknown, detail: string) => error(path, 'Invalid value', renderValue(value), detail),
  notSupported: (path: readonly PathSegment[], value: unknown, supported: readonly string[]) =>
    error(path, 'Unsupported value', renderValue(value), `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`),
  forbidden: (path: readonly PathSegment[], detail: string) => error(path, 'Forbidden', undefined, detail),
  duplicate: (path: readonly PathSegment[], value: unknown) => error(path, 'Duplicate value', renderValue(value), undefined),
  tooLong: (path: readonly PathSegment[], limit: number) => error(path, 'Too long', undefined, `may not be more than ${limit} bytes`),
  tooMany: (path: readonly PathSegment[], count: number, limit: number) => error(path, 'Too many', String(count), `must have at most ${limit} items`),
  notFound: (path: readonly PathSegment[], value: unknown) => error(path, 'Not found', renderValue(value), undefined),
}
