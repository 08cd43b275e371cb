// Walks a value along its schema once and collects issues. Built-in kinds follow the API server's typed decoder
// (null is the zero value; a wrong JSON type cannot be decoded); custom resources follow its structural-schema
// validation (null is pruned unless nullable; defaults fill missing fields). Never mutates the value.
import { base64Error, crdFormatError, integerOverflow, isRfc3339 } from './formats.js'
import { messages } from './messages.js'
import type { JsonType, PathSegment, SchemaIssue, SchemaIssueCode, SchemaNode } from './model.js'
import { quantityError } from './quantity.js'
import { suggestField } from './suggest.js'

export interface WalkOptions {
  /** the definition a `ref` names */
  resolve(ref: string): SchemaNode
  flavour: 'builtin' | 'crd'
  /** parts of the object the server treats differently, by dotted path of property names (e.g. "status") */
  scopes?: ReadonlyMap<string, Scope>
}

export interface Scope {
  /** the server does not enforce required fields here (status, or pod templates it does not validate) */
  required?: false
  /** only unknown fields are checked here (a CR's status when the status subresource discards it) */
  values?: false
}

export function validateValue(value: unknown, root: SchemaNode, options: WalkOptions): SchemaIssue[] {
  const walk = new Walk(options)
  walk.check(value, root)
  return walk.issues
}

// Embedded resources (x-kubernetes-embedded-resource) carry these without listing them; metadata is loose.
const EMBEDDED: ReadonlyMap<string, SchemaNode> = new Map<string, SchemaNode>([
  ['apiVersion', { type: 'string' }],
  ['kind', { type: 'string' }],
  ['metadata', { type: 'object' }],
])

class Walk {
  issues: SchemaIssue[] = []
  private readonly path: PathSegment[] = []
  private required = true
  private values = true
  /** off inside allOf/anyOf/oneOf/not: structural schemas declare fields outside those */
  private strictKeys = true

  constructor(private readonly options: WalkOptions) {}

  check(value: unknown, schema: SchemaNode): void {
    const node = this.deref(schema)
    if (value === null) return this.checkNull(node)
    if (!this.values) return this.checkKeysOnly(value, node)
    if (node.special === 'quantity') {
      const error = quantityError(value)
      if (error) this.report('invalid-quantity', error)
      return
    }
    if (node.special === 'int-or-string') {
      if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) return this.report('invalid-type', messages.intOrString(value))
      if (typeof value === 'number' && node.format === 'int32' && integerOverflow('int32', value)) return this.report('invalid-format', messages.decodeOverflow(value, 'int32'))
    } else if (node.type !== undefined && !hasType(value, node.type)) {
      const crd = this.options.flavour === 'crd'
      return this.report('invalid-type', crd ? messages.crdType(value, node.type) : messages.decodeType(value, node))
    }
    if (isObject(value)) this.checkObject(value, node)
    else if (Array.isArray(value)) this.checkArray(value, node)
    else if (typeof value === 'string') this.checkString(value, node)
    else if (typeof value === 'number') this.checkNumber(value, node)
    if (node.enum && !node.enum.some((allowed) => sameValue(allowed, value))) this.report('invalid-enum', messages.unsupported(value, node.enum))
    if (node.allOf || node.anyOf || node.oneOf || node.not) this.checkCombinators(value, node)
  }

  private deref(node: SchemaNode): SchemaNode {
    while (node.ref !== undefined) node = this.options.resolve(node.ref)
    return node
  }

  // Go decodes null as the zero value; a structural schema rejects it unless nullable (only list items get here).
  private checkNull(node: SchemaNode): void {
    if (this.options.flavour === 'builtin' || !this.values || node.nullable || node.type === undefined) return
    this.report('invalid-type', messages.crdType(null, node.type))
  }

  private checkObject(obj: Record<string, unknown>, node: SchemaNode): void {
    const props = node.properties
    const builtin = this.options.flavour === 'builtin'
    for (const key of Object.keys(obj)) {
      const v = obj[key]
      const sub = props?.get(key) ?? (node.embeddedResource ? EMBEDDED.get(key) : undefined)
      if (sub) {
        if (v === null && (builtin || !this.keepsNull(sub))) continue
        this.descend(key, v, sub)
      } else if (node.additionalProperties) {
        if (v !== null) this.descend({ key }, v, node.additionalProperties)
      } else if (props && !node.allowUnknown && this.strictKeys) {
        const known = node.embeddedResource ? [...props.keys(), ...EMBEDDED.keys()] : props.keys()
        this.report('unknown-field', messages.unknownField(key), { property: key, key, suggestion: suggestField(key, known) })
      }
    }
    if (this.required && node.required) {
      for (const name of node.required) if (this.isMissing(obj[name], props?.get(name))) this.report('required', messages.required(), { property: name })
    }
    if (this.required && node.embeddedResource) {
      for (const name of ['apiVersion', 'kind']) {
        if (obj[name] === undefined || obj[name] === null || obj[name] === '') this.report('required', messages.embeddedRequired(), { property: name })
      }
    }
    const count = Object.keys(obj).length
    if (node.maxProperties !== undefined && count > node.maxProperties) this.report('invalid-value', messages.tooMany(count, node.maxProperties))
    if (node.minProperties !== undefined && count < node.minProperties) this.report('invalid-value', messages.invalid(count, `should have at least ${node.minProperties} properties`))
  }

  private isMissing(value: unknown, sub: SchemaNode | undefined): boolean {
    if (this.options.flavour === 'crd' && sub && this.deref(sub).hasDefault) return false
    return value === undefined || (value === null && !(this.options.flavour === 'crd' && sub !== undefined && this.keepsNull(sub)))
  }

  private keepsNull(sub: SchemaNode): boolean {
    const node = this.deref(sub)
    return node.nullable === true && !node.hasDefault
  }

  private checkArray(arr: unknown[], node: SchemaNode): void {
    if (node.items) for (let i = 0; i < arr.length; i++) this.descend(i, arr[i], node.items)
    if (node.maxItems !== undefined && arr.length > node.maxItems) this.report('invalid-value', messages.tooMany(arr.length, node.maxItems))
    if (node.minItems !== undefined && arr.length < node.minItems) this.report('invalid-value', messages.invalid(arr.length, `should have at least ${node.minItems} items`))
    if (node.uniqueItems) {
      const seen = new Set<string>()
      for (const item of arr) {
        const key = canonical(item)
        if (seen.has(key)) this.report('invalid-value', messages.duplicate(item))
        seen.add(key)
      }
    }
  }

  private checkString(s: string, node: SchemaNode): void {
    if (node.format) {
      if (this.options.flavour === 'builtin') {
        if (node.format === 'date-time' && !isRfc3339(s)) this.report('invalid-format', messages.dateTime(s))
        else if (node.format === 'byte') {
          const error = base64Error(s)
          if (error) this.report('invalid-format', messages.invalid(s, error))
        }
      } else {
        const error = crdFormatError(node.format, s)
        if (error) this.report('invalid-format', messages.invalid(s, error))
      }
    }
    if (node.maxLength !== undefined || node.minLength !== undefined) {
      const length = [...s].length
      if (node.maxLength !== undefined && length > node.maxLength) this.report('invalid-value', messages.tooLong(node.maxLength))
      if (node.minLength !== undefined && length < node.minLength) this.report('invalid-value', messages.invalid(s, `should be at least ${node.minLength} chars long`))
    }
    if (node.pattern && !node.pattern.test(s)) this.report('invalid-value', messages.invalid(s, `should match '${node.pattern.source}'`))
  }

  private checkNumber(n: number, node: SchemaNode): void {
    if (this.options.flavour === 'builtin' && (node.format === 'int32' || node.format === 'int64') && integerOverflow(node.format, n)) {
      this.report('invalid-format', messages.decodeOverflow(n, node.format))
    }
    const { maximum, minimum, multipleOf } = node
    if (maximum !== undefined && (node.exclusiveMaximum ? n >= maximum : n > maximum)) {
      this.report('invalid-value', messages.invalid(n, `should be less than ${node.exclusiveMaximum ? '' : 'or equal to '}${maximum}`))
    }
    if (minimum !== undefined && (node.exclusiveMinimum ? n <= minimum : n < minimum)) {
      this.report('invalid-value', messages.invalid(n, `should be greater than ${node.exclusiveMinimum ? '' : 'or equal to '}${minimum}`))
    }
    if (multipleOf !== undefined && multipleOf > 0 && !isMultiple(n, multipleOf)) this.report('invalid-value', messages.invalid(n, `should be a multiple of ${multipleOf}`))
  }

  private checkCombinators(value: unknown, node: SchemaNode): void {
    for (const branch of node.allOf ?? []) this.inBranch(() => this.check(value, branch))
    if (node.anyOf && !node.anyOf.some((b) => this.passes(value, b))) this.report('invalid-value', messages.invalid(value, 'must validate at least one schema (anyOf)'))
    if (node.oneOf && node.oneOf.filter((b) => this.passes(value, b)).length !== 1) {
      this.report('invalid-value', messages.invalid(value, 'must validate one and only one schema (oneOf)'))
    }
    if (node.not && this.passes(value, node.not)) this.report('invalid-value', messages.invalid(value, 'must not validate the schema (not)'))
  }

  private passes(value: unknown, branch: SchemaNode): boolean {
    const kept = this.issues
    this.issues = []
    this.inBranch(() => this.check(value, branch))
    const ok = this.issues.length === 0
    this.issues = kept
    return ok
  }

  private inBranch(run: () => void): void {
    const strict = this.strictKeys
    this.strictKeys = false
    run()
    this.strictKeys = strict
  }

  // Under a CR status the server keeps only what it prunes to: report unknown fields and nothing else.
  private checkKeysOnly(value: unknown, node: SchemaNode): void {
    if (isObject(value)) {
      const props = node.properties
      for (const key of Object.keys(value)) {
        const sub = props?.get(key) ?? (node.embeddedResource ? EMBEDDED.get(key) : undefined)
        if (sub) this.descend(key, value[key], sub)
        else if (node.additionalProperties) this.descend({ key }, value[key], node.additionalProperties)
        else if (props && !node.allowUnknown) this.report('unknown-field', messages.unknownField(key), { property: key, key, suggestion: suggestField(key, props.keys()) })
      }
    } else if (Array.isArray(value) && node.items) {
      for (let i = 0; i < value.length; i++) this.descend(i, value[i], node.items)
    }
  }

  private descend(segment: PathSegment, value: unknown, node: SchemaNode): void {
    const { required, values } = this
    this.path.push(segment)
    if (this.options.scopes && typeof segment === 'string' && this.path.length <= 3) {
      const scope = this.options.scopes.get(this.path.join('.'))
      if (scope?.required === false) this.required = false
      if (scope?.values === false) this.values = false
    }
    this.check(value, node)
    this.path.pop()
    this.required = required
    this.values = values
  }

  private report(code: SchemaIssueCode, message: string, extra?: { property: string; key?: string; suggestion?: string }): void {
    const path = extra?.key === undefined ? [...this.path] : [...this.path, extra.key]
    const issue: SchemaIssue = { code, path, message }
    if (extra) issue.property = extra.property
    if (extra?.suggestion !== undefined) issue.suggestion = extra.suggestion
    this.issues.push(issue)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'object': return isObject(value)
    case 'array': return Array.isArray(value)
    case 'integer': return typeof value === 'number' && Number.isInteger(value)
    default: return typeof value === type
  }
}

function isMultiple(n: number, of: number): boolean {
  const q = n / of
  return Math.abs(q - Math.round(q)) < 1e-9
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && canonical(a) === canonical(b))
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`
  return JSON.stringify(value) ?? 'null'
}
