// Issue messages, worded like the API server's decode errors (built-in kinds, typed Go decoding) and validation
// errors (field.Error types; kube-openapi for custom resources). The engine prefixes the path.
import { integerRange } from './formats.js'
import type { SchemaNode } from './model.js'

/** A value as the server prints it: strings quoted, scalars bare, collections as (shortened) JSON. */
export function render(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

/** JSON type names as Go's decoder reports them ("cannot unmarshal bool into …"). */
export function goKind(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'number') return Number.isInteger(value) ? 'number' : `number ${value}`
  return typeof value
}

/** The type a built-in field decodes into, in the words of Go's decoder. */
export function goType(node: SchemaNode): string {
  switch (node.type) {
    case 'integer': return node.format === 'int32' ? 'int32' : 'int64'
    case 'number': return 'float64'
    case 'boolean': return 'bool'
    case 'object': return node.additionalProperties ? 'map' : 'object'
    case 'array': return 'array'
    default: return node.type ?? 'any'
  }
}

export const messages = {
  unknownField: (key: string) => `unknown field "${key}"`,
  required: () => 'Required value',
  embeddedRequired: () => 'Required value: must not be empty',
  decodeType(value: unknown, node: SchemaNode): string {
    const hint = node.type === 'string' && (typeof value === 'boolean' || typeof value === 'number') ? '; quote the value if it is meant as a string' : ''
    return `cannot unmarshal ${goKind(value)} into a field of type ${goType(node)}${hint}`
  },
  decodeOverflow: (value: number, format: 'int32' | 'int64') =>
    `cannot unmarshal number ${value} into a field of type ${format} (must be between ${integerRange(format)})`,
  intOrString: (value: unknown) => `Invalid value: ${render(value)}: must be an integer or a string`,
  dateTime: (value: string) => `parsing time ${JSON.stringify(value)} as "2006-01-02T15:04:05Z07:00": not an RFC 3339 date-time`,
  crdType: (value: unknown, expected: string) => `Invalid value: ${render(value)}: must be of type ${expected}`,
  invalid: (value: unknown, detail: string) => `Invalid value: ${render(value)}: ${detail}`,
  unsupported: (value: unknown, allowed: readonly unknown[]) =>
    `Unsupported value: ${render(value)}: supported values: ${allowed.map((v) => render(v)).join(', ')}`,
  tooLong: (max: number) => `Too long: may not be longer than ${max}`,
  tooMany: (count: number, max: number) => `Too many: ${count}: must have at most ${max} items`,
  duplicate: (value: unknown) => `Duplicate value: ${render(value)}`,
}
