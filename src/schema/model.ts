// The one schema shape the validator walks, built from either a built-in definition or a CRD's structural schema.
import type { PathSegment } from '../types.js'

export type { PathSegment }

export type SchemaIssueCode =
  | 'unknown-field'
  | 'invalid-type'
  | 'required'
  | 'invalid-format'
  | 'invalid-enum'
  | 'invalid-quantity'
  | 'invalid-value'

export interface SchemaIssue {
  code: SchemaIssueCode
  /** unknown-field: includes the unknown key; required: the object lacking the property; otherwise the bad value */
  path: PathSegment[]
  /** unknown-field and required: the property name */
  property?: string
  /** in the words of the API server's decode or validation error, without the path */
  message: string
  /** unknown-field: a known sibling the key was probably meant to be */
  suggestion?: string
}

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean'

export interface SchemaNode {
  /** another built-in definition, by name; when set, the other fields are unused */
  ref?: string
  /** undefined accepts any JSON type */
  type?: JsonType
  /** values with their own decoding rules */
  special?: 'quantity' | 'int-or-string'
  format?: string
  properties?: Map<string, SchemaNode>
  /** schema of map values */
  additionalProperties?: SchemaNode
  /** keys outside `properties` are kept rather than rejected (x-kubernetes-preserve-unknown-fields) */
  allowUnknown?: boolean
  items?: SchemaNode
  required?: readonly string[]
  /** CRDs only: null is a value here, not "unset" */
  nullable?: boolean
  /** CRDs only: a default fills a missing or null value before validation */
  hasDefault?: boolean
  /** CRDs only: x-kubernetes-embedded-resource */
  embeddedResource?: boolean
  enum?: readonly unknown[]
  pattern?: RegExp
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: boolean
  exclusiveMaximum?: boolean
  multipleOf?: number
  minItems?: number
  maxItems?: number
  uniqueItems?: boolean
  minProperties?: number
  maxProperties?: number
  allOf?: SchemaNode[]
  anyOf?: SchemaNode[]
  oneOf?: SchemaNode[]
  not?: SchemaNode
}
