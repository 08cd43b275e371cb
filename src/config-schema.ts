// The JSON Schema of `.seaworthy.yaml`, made from rule metadata: the config reader validates against it first, and
// editors complete and check the file with the committed copy (config-schema/seaworthy.schema.json).
// `x-expected` says in words what a value must be; `x-unknown` names what an unknown key is (a setting, a rule, an
// option) — both only shape the messages.
import type { KnownRule } from './config.js'
import { CUSTOM_PREFIX, POLICY_NAME } from './custom-policies.js'
import { PRESETS } from './rule-settings.js'
import { SUPPORTED_KUBERNETES_VERSIONS } from './schema/versions.js'
import type { OptionSpec } from './rule.js'

export type Schema = Record<string, unknown>

export const CONFIG_SCHEMA_FILE = 'config-schema/seaworthy.schema.json'
export const CONFIG_VALIDATOR_FILE = 'config-schema/validator.cjs'

const LEVEL: Schema = {
  description: 'off, info, warning or error',
  'x-expected': 'off, info, warning or error',
  enum: ['off', 'info', 'warning', 'error', false],
}

// `pattern: "\\S"` rather than minLength: the compiled validator then needs no runtime helper
const text = (expected: string, extra: Schema = {}): Schema => ({ type: 'string', pattern: '\\S', 'x-expected': expected, ...extra })
const strings = (expected: string): Schema => ({ anyOf: [text(expected), { type: 'array', items: text(expected) }], 'x-expected': `${expected}, or a list of them` })

function optionSchema(spec: OptionSpec): Schema {
  const base: Schema = { description: spec.description, default: spec.default }
  if (spec.type === 'string[]') return { ...base, type: 'array', items: { type: 'string' }, 'x-expected': 'a list of strings' }
  if (spec.type === 'number') return { ...base, type: 'number', ...(spec.min === undefined ? {} : { minimum: spec.min }), 'x-expected': `a number${spec.min === undefined ? '' : ` of at least ${spec.min}`}` }
  return { ...base, type: spec.type, 'x-expected': `a ${spec.type}` }
}

function ruleSetting(rule: KnownRule): Schema {
  if (!rule.options) return { ...LEVEL, description: rule.description }
  const options: Schema = { type: 'object', properties: Object.fromEntries(Object.entries(rule.options).map(([k, s]) => [k, optionSchema(s)])), additionalProperties: false, 'x-unknown': 'option' }
  return {
    description: rule.description,
    'x-expected': 'off, info, warning or error, or a list [level, options]',
    anyOf: [
      LEVEL,
      {
        type: 'array',
        minItems: 1,
        maxItems: 2,
        items: [LEVEL, options],
      },
    ],
  }
}

function rulesSchema(rules: readonly KnownRule[], withOptions: boolean): Schema {
  const common = { type: 'object', 'x-expected': 'a mapping of rule ids to off, info, warning or error', 'x-unknown': 'rule' }
  if (!withOptions) {
    // one check for every id: the validator the run uses stays small
    const setting = { 'x-expected': 'off, info, warning or error, or a list [level, options]', anyOf: [LEVEL, { type: 'array', minItems: 1, maxItems: 2, items: [LEVEL, { type: 'object', 'x-expected': 'a mapping of options' }] }] }
    return { ...common, propertyNames: { anyOf: [{ enum: rules.map((r) => r.id) }, { pattern: `^${CUSTOM_PREFIX}` }] }, additionalProperties: setting }
  }
  return {
    ...common,
    properties: Object.fromEntries(rules.map((r) => [r.id, ruleSetting(r)])),
    // the config's own custom policies
    patternProperties: { [`^${CUSTOM_PREFIX}`]: LEVEL },
    additionalProperties: false,
  }
}

const TAINT: Schema = {
  'x-expected': '"key=value:NoSchedule", "key:NoSchedule", or a mapping with key, value and effect',
  anyOf: [
    text('"key=value:NoSchedule" or "key:NoSchedule"'),
    {
      type: 'object',
      required: ['key', 'effect'],
      properties: { key: text('a taint key such as "dedicated"'), value: { type: 'string', 'x-expected': 'a string' }, effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'], 'x-expected': 'one of NoSchedule, PreferNoSchedule, NoExecute' } },
      additionalProperties: false,
    },
  ],
}

const CLUSTER: Schema = {
  type: 'object',
  description: 'a profile of the cluster the manifests are for',
  'x-expected': 'a mapping',
  'x-unknown': 'cluster setting',
  properties: {
    kubernetesVersion: {
      type: 'string',
      enum: [...SUPPORTED_KUBERNETES_VERSIONS],
      description: 'the version checked against when --kubernetes-version is not given',
      'x-expected': `one of the supported Kubernetes versions (${SUPPORTED_KUBERNETES_VERSIONS.join(', ')})`,
    },
    namespace: text('a namespace name such as "prod"', { description: 'the namespace of objects that name none' }),
    nodePortRange: text('a range such as "30000-32767" (the API server\'s --service-node-port-range)', { description: "the API server's --service-node-port-range", pattern: '^\\d+-\\d+$' }),
    serviceCIDR: text('a CIDR, or two separated by a comma', { description: "the API server's --service-cluster-ip-range" }),
    clusterDomain: text('a domain name such as "cluster.local"', { description: 'the cluster DNS domain' }),
    nodes: {
      type: 'array',
      description: 'the kinds of node of the cluster',
      'x-expected': 'a list',
      items: {
        type: 'object',
        required: ['name'],
        'x-expected': 'a mapping with a name (and count, labels, taints, allocatable)',
        properties: {
          name: text('a non-empty string'),
          count: { type: 'integer', minimum: 1, 'x-expected': 'a positive whole number' },
          labels: { type: 'object', additionalProperties: { type: 'string', 'x-expected': 'a string' }, 'x-expected': 'a mapping of label keys to values' },
          taints: { type: 'array', items: TAINT, 'x-expected': 'a list' },
          allocatable: { type: 'object', additionalProperties: { type: ['string', 'number'], 'x-expected': 'a quantity such as "4", "500m" or "16Gi"' }, 'x-expected': 'a mapping of resource names to quantities' },
        },
        additionalProperties: false,
      },
    },
    storageClasses: {
      type: 'array',
      description: 'the storage classes of the cluster',
      'x-expected': 'a list',
      items: {
        'x-expected': 'a storage class name, or a mapping with a name (and default: true)',
        anyOf: [text('a storage class name'), { type: 'object', required: ['name'], properties: { name: text('a storage class name'), default: { type: 'boolean', 'x-expected': 'true or false' } }, additionalProperties: false }],
      },
    },
    existing: {
      type: 'array',
      description: 'objects created outside the input',
      'x-expected': 'a list',
      items: {
        'x-expected': '"Kind/namespace/name", "Kind/name", or a mapping with kind, name and namespace',
        anyOf: [
          text('"Kind/namespace/name" or "Kind/name"'),
          { type: 'object', required: ['kind', 'name'], properties: { kind: text('a kind such as "Secret"'), namespace: text('a namespace name'), name: text('an object name') }, additionalProperties: false },
        ],
      },
    },
  },
  additionalProperties: false,
}

const POLICY: Schema = {
  type: 'object',
  required: ['id', 'expression'],
  'x-expected': 'a mapping with an id, an expression and a message',
  properties: {
    id: text('"custom/" and a name of lowercase letters, digits and dashes, such as "custom/team-label"', { pattern: `^${CUSTOM_PREFIX}${POLICY_NAME.source.slice(1)}` }),
    description: text('a non-empty string'),
    kinds: strings('a kind such as "Deployment", or "apps/Deployment"'),
    match: text('a CEL expression', { description: 'the policy applies only where this is true' }),
    expression: text('a CEL expression that is true when the object complies'),
    message: text('a non-empty string'),
    messageExpression: text('a CEL expression', { description: 'a CEL string shown instead of message' }),
    severity: { enum: ['error', 'warning', 'info'], 'x-expected': 'error, warning or info' },
    path: text('a field path such as "spec.template.spec"'),
    remediation: text('a non-empty string'),
  },
  additionalProperties: false,
}

/**
 * The schema of the config file, for the rules given. Without `withOptions`, the one the run validates with, a
 * rule's options need only be a mapping (the reader checks each against the rule's own spec), so it stays small.
 */
export function configSchema(rules: readonly KnownRule[], withOptions = true): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'generated by scripts/generate-docs.ts from rule metadata (npm run generate:docs); do not edit',
    title: 'seaworthy configuration (.seaworthy.yaml)',
    type: 'object',
    'x-expected': 'a mapping',
    'x-unknown': 'setting',
    properties: {
      extends: { enum: [...PRESETS], description: 'the preset the rules start from', 'x-expected': `a preset: ${PRESETS.join(', ')}` },
      rules: rulesSchema(rules, withOptions),
      overrides: {
        type: 'array',
        description: 'settings for the files some globs match, in order',
        'x-expected': 'a list',
        items: { type: 'object', required: ['files'], properties: { files: strings('a glob such as "k8s/dev/**"'), rules: rulesSchema(rules, withOptions) }, additionalProperties: false, 'x-expected': 'a mapping with files (globs) and rules' },
      },
      ignorePatterns: { ...strings('a glob such as "charts/**" (relative to the config file)'), description: 'files not linted at all' },
      disallowSuppressions: { type: 'boolean', description: 'ignore (and report) suppression comments and annotations in manifests', 'x-expected': 'true or false' },
      policies: { type: 'array', items: POLICY, description: 'custom policies: CEL expressions over object and objects', 'x-expected': 'a list' },
      cluster: CLUSTER,
    },
    additionalProperties: false,
  }
}

/** a schema node by its JSON pointer (`#/properties/rules/…`) */
export function schemaAt(schema: Schema, pointer: string): Schema | undefined {
  let node: unknown = schema
  for (const token of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
  }
  return typeof node === 'object' && node !== null ? (node as Schema) : undefined
}
