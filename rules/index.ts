// Every rule, in one list: the engine, `seaworthy rules`, the docs and the tests read it from here.
import type { Rule } from '../src/rule.js'
import apiDeprecated from './api/deprecated.js'
import apiNotServed from './api/not-served.js'
import inputMissingType from './input/missing-type.js'
import inputNotAnObject from './input/not-an-object.js'
import schemaCrdUnusable from './schema/crd-unusable.js'
import schemaInvalidType from './schema/invalid-type.js'
import schemaInvalidValue from './schema/invalid-value.js'
import schemaNoSchema from './schema/no-schema.js'
import schemaRequired from './schema/required.js'
import schemaUnknownField from './schema/unknown-field.js'
import schemaUnknownKind from './schema/unknown-kind.js'
import yamlAliasLimit from './yaml/alias-limit.js'
import yamlDuplicateKey from './yaml/duplicate-key.js'
import yamlJsonIncompatible from './yaml/json-incompatible.js'
import yamlSyntax from './yaml/syntax.js'

export const rules = {
  yamlSyntax,
  yamlDuplicateKey,
  yamlAliasLimit,
  yamlJsonIncompatible,
  inputNotAnObject,
  inputMissingType,
  schemaUnknownField,
  schemaRequired,
  schemaInvalidType,
  schemaInvalidValue,
  schemaUnknownKind,
  schemaNoSchema,
  schemaCrdUnusable,
  apiNotServed,
  apiDeprecated,
} as const

export const allRules: readonly Rule[] = Object.values(rules)
