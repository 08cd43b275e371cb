// A CRD's openAPIV3Schema (JSONSchemaProps) as a SchemaNode, with the problems that make it unusable.
import type { JsonType, SchemaNode } from './model.js'

const JSON_TYPES = new Set<string>(['object', 'array', 'string', 'integer', 'number', 'boolean'])

/**
 * The problems that make a CRD schema unusable (a node that is not a schema, an unknown type, a pattern no
 * engine compiles). A light walk over the structural keywords only: add() runs it for every CRD of a run,
 * while fromStructural() runs only for the kinds that custom resources use.
 */
export function schemaProblems(raw: unknown, at: string, problems: string[]): void {
  if (!isObject(raw)) {
    problems.push(`${at}: a schema must be an object`)
    return
  }
  if (raw.type !== undefined && raw.type !== '' && !(typeof raw.type === 'string' && JSON_TYPES.has(raw.type))) {
    problems.push(`${at}.type: unsupported type ${JSON.stringify(raw.type)}`)
  }
  if (typeof raw.pattern === 'string' && !compilePattern(raw.pattern)) {
    problems.push(`${at}.pattern: ${JSON.stringify(raw.pattern)} is not a valid regular expression`)
  }
  forEachChild(raw, at, (child, childAt) => schemaProblems(child, childAt, problems))
}

function forEachChild(raw: Record<string, unknown>, at: string, visit: (child: unknown, at: string) => void): void {
  if (isObject(raw.properties)) for (const [k, v] of Object.entries(raw.properties)) visit(v, `${at}.properties[${k}]`)
  if (isObject(raw.additionalProperties)) visit(raw.additionalProperties, `${at}.additionalProperties`)
  if (isObject(raw.items)) visit(raw.items, `${at}.items`)
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = raw[key]
    if (Array.isArray(branches)) branches.forEach((b, i) => visit(b, `${at}.${key}[${i}]`))
  }
  if (raw.not !== undefined) visit(raw.not, `${at}.not`)
}

/** A schema schemaProblems() found no fault with, as a SchemaNode. `pruning` is false for legacy CRDs that keep unknown fields. */
export function fromStructural(raw: unknown, pruning: boolean): SchemaNode {
  if (!isObject(raw)) return {}
  const node: SchemaNode = {}
  if (typeof raw.type === 'string' && JSON_TYPES.has(raw.type)) node.type = raw.type as JsonType
  if (raw.nullable === true) node.nullable = true
  if (raw.default !== undefined) node.hasDefault = true
  if (typeof raw.format === 'string' && raw.format !== '') node.format = raw.format
  if (isObject(raw.properties)) {
    node.properties = new Map(Object.entries(raw.properties).map(([k, v]) => [k, fromStructural(v, pruning)]))
  }
  if (raw.additionalProperties === true) node.additionalProperties = {}
  else if (isObject(raw.additionalProperties)) node.additionalProperties = fromStructural(raw.additionalProperties, pruning)
  if (isObject(raw.items)) node.items = fromStructural(raw.items, pruning)
  if (Array.isArray(raw.required)) node.required = raw.required.filter((r): r is string => typeof r === 'string')
  if (Array.isArray(raw.enum)) node.enum = raw.enum
  if (typeof raw.pattern === 'string') node.pattern = compilePattern(raw.pattern)
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'multipleOf', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const) {
    if (typeof raw[key] === 'number') node[key] = raw[key]
  }
  if (raw.exclusiveMinimum === true) node.exclusiveMinimum = true
  if (raw.exclusiveMaximum === true) node.exclusiveMaximum = true
  if (raw.uniqueItems === true) node.uniqueItems = true
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = raw[key]
    if (Array.isArray(branches)) node[key] = branches.map((b) => fromStructural(b, pruning))
  }
  if (raw.not !== undefined) node.not = fromStructural(raw.not, pruning)
  if (raw['x-kubernetes-int-or-string'] === true) node.special = 'int-or-string'
  if (raw['x-kubernetes-embedded-resource'] === true) node.embeddedResource = true
  if (raw['x-kubernetes-preserve-unknown-fields'] === true || !pruning) node.allowUnknown = true
  // pruning drops every field of an object schema that declares none: strict field validation reports them
  if (node.type === 'object' && !node.properties && !node.additionalProperties && !node.allowUnknown) node.properties = new Map()
  return node
}

/**
 * A Go RE2 pattern as a JavaScript RegExp. RE2-only spellings are translated; inline flags such as `^(?i)(a|b)$`
 * or `((?i)x|y)` become flags of the whole expression, which can only accept more, never reject what RE2 accepts.
 * Undefined when the pattern does not compile, which is a problem of the CRD.
 */
export function compilePattern(pattern: string): RegExp | undefined {
  if (compiled.has(pattern)) return compiled.get(pattern)
  const regexp = translatePattern(pattern)
  compiled.set(pattern, regexp)
  return regexp
}

// CRD bundles repeat the same few patterns thousands of times
const compiled = new Map<string, RegExp | undefined>()

function translatePattern(pattern: string): RegExp | undefined {
  const flags = new Set<string>()
  const source = pattern
    .replace(/\(\?([imsU]+)\)/g, (_, f: string) => {
      for (const flag of f) flags.add(flag)
      return ''
    })
    .replace(/\(\?([imsU]+):/g, (_, f: string) => {
      for (const flag of f) flags.add(flag)
      return '(?:'
    })
    .replace(/\(\?P</g, '(?<')
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\\p([A-Z])/g, '\\p{$1}')
    .replace(/\\P([A-Z])/g, '\\P{$1}')
    .replace(/\[:(\^?)([a-z]+):\]/g, (whole, negated: string, name: string) => (negated ? whole : POSIX_CLASSES[name] ?? whole))
  flags.delete('U') // ungreedy matching does not change whether a string matches
  for (const unicode of ['u', '']) {
    try {
      return new RegExp(source, [...flags].join('') + unicode)
    } catch {
      // without the u flag JavaScript accepts more escapes, as RE2 does
    }
  }
  return undefined
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-/:-@[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
