// Custom resources against their CustomResourceDefinition, as the API server validates them (strict field validation).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { parseAllDocuments } from 'yaml'
import { CrdRegistry, type SchemaIssue } from '../src/schema/index.js'

const FIXTURES = new URL('../../fixtures/situations/schema-stage/', import.meta.url)

function documents(name: string): any[] {
  return parseAllDocuments(readFileSync(new URL(name, FIXTURES), 'utf8'), { version: '1.1', merge: true }).map((d) => d.toJS())
}

function registry(): CrdRegistry {
  const r = new CrdRegistry('1.35')
  assert.deepEqual(r.add(documents('crd-widgets.yaml')[0]), [])
  return r
}

const widget = () => structuredClone(documents('widgets.yaml')[0])

function validate(value: any, r = registry()): SchemaIssue[] {
  const found = r.lookup(value.apiVersion, value.kind)
  assert.ok(found, `${value.apiVersion} ${value.kind} is registered`)
  return found.validate(value)
}

const brief = (issues: SchemaIssue[]) => issues.map((i) => `${i.code} ${JSON.stringify(i.path)}${i.property ? ` ${i.property}` : ''}`)

test('every served version is registered, the others are not', () => {
  const r = registry()
  assert.equal(r.lookup('example.com/v1', 'Widget')?.namespaced, true)
  assert.ok(r.lookup('example.com/v1beta1', 'Widget'))
  assert.equal(r.lookup('example.com/v1alpha1', 'Widget'), undefined)
  assert.equal(r.lookup('example.com/v1', 'Gadget'), undefined)
})

test('the custom resources the server accepts have no issues', () => {
  const r = registry()
  for (const cr of documents('widgets.yaml')) assert.deepEqual(validate(cr, r), [], cr.metadata.name)
})

test('wrong type, per version', () => {
  assert.deepEqual(validate({ ...widget(), spec: { size: '3', color: 'red' } }), [
    { code: 'invalid-type', path: ['spec', 'size'], message: 'Invalid value: "3": must be of type integer' },
  ])
  assert.deepEqual(brief(validate({ apiVersion: 'example.com/v1beta1', kind: 'Widget', metadata: { name: 'x' }, spec: { size: 3 } })), ['invalid-type ["spec","size"]'])
})

test('unknown fields are rejected, with a suggestion', () => {
  const w = widget()
  w.spec.colour = 'red'
  w.metadata.nmae = 'x'
  const issues = validate(w)
  assert.deepEqual(issues.map((i) => [JSON.stringify(i.path), i.suggestion]), [
    ['["metadata","nmae"]', 'name'],
    ['["spec","colour"]', 'color'],
  ])
})

test('required fields of the CRD are enforced, except under status or when a default fills them', () => {
  const w = widget()
  delete w.spec.color
  w.spec.size = null
  assert.deepEqual(brief(validate(w)), ['required ["spec"] size', 'required ["spec"] color'])
  const r = new CrdRegistry('1.35')
  const crd = documents('crd-widgets.yaml')[0]
  crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.color.default = 'red'
  assert.deepEqual(r.add(crd), [])
  const defaulted = widget()
  delete defaulted.spec.color
  assert.deepEqual(validate(defaulted, r), [])
})

test('preserve-unknown-fields subtrees, nullable fields and int-or-string', () => {
  const w = widget()
  w.spec.config = { any: { shape: [null, 1, 'x'] } }
  w.spec.port = 8080
  assert.deepEqual(validate(w), [])
  w.spec.port = true
  assert.deepEqual(validate(w), [{ code: 'invalid-type', path: ['spec', 'port'], message: 'Invalid value: true: must be an integer or a string' }])
  w.spec.port = 1.5
  assert.deepEqual(brief(validate(w)), ['invalid-type ["spec","port"]'])
})

test('null is pruned from objects, but is a wrong value in a list', () => {
  const w = widget()
  w.spec.name = null
  w.spec.tags = ['a', null]
  assert.deepEqual(validate(w), [{ code: 'invalid-type', path: ['spec', 'tags', 1], message: 'Invalid value: null: must be of type string' }])
})

test('enum, bounds, pattern, lengths and item counts', () => {
  const w = widget()
  w.spec.color = 'purple'
  w.spec.size = 200
  w.spec.name = 'Bad_Name_That_Is_Far_Too_Long'
  w.spec.tags = ['a', 'b', 'c', 'd']
  assert.deepEqual(validate(w).map((i) => `${i.code} ${i.message}`), [
    'invalid-value Invalid value: 200: should be less than or equal to 100',
    'invalid-enum Unsupported value: "purple": supported values: "red", "green", "blue"',
    'invalid-value Too many: 4: must have at most 3 items',
    'invalid-value Too long: may not be longer than 20',
    `invalid-value Invalid value: "Bad_Name_That_Is_Far_Too_Long": should match '^[a-z][a-z0-9-]*$'`,
  ])
})

test('embedded resources need apiVersion and kind', () => {
  const w = widget()
  delete w.spec.template.kind
  assert.deepEqual(brief(validate(w)), ['required ["spec","template"] kind'])
})

test('metadata is ObjectMeta', () => {
  const w = widget()
  w.metadata.labels.app = 1
  w.metadata.creationTimestamp = null
  assert.deepEqual(brief(validate(w)), ['invalid-type ["metadata","labels",{"key":"app"}]'])
})

test('with the status subresource, status keeps only its unknown-field check', () => {
  const w = widget()
  w.status = { phase: 5, phaze: 'Running' }
  assert.deepEqual(brief(validate(w)), ['unknown-field ["status","phaze"] phaze'])
})

test('an object schema without properties prunes, and so rejects, every field', () => {
  const r = new CrdRegistry('1.35')
  assert.deepEqual(r.add(crdOf({ type: 'object', properties: { spec: { type: 'object' } } })), [])
  assert.deepEqual(brief(validate({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec: { a: 1 } }, r)), ['unknown-field ["spec","a"] a'])
})

test('allOf, anyOf, oneOf and not', () => {
  const r = new CrdRegistry('1.35')
  const spec = {
    type: 'object',
    properties: { a: { type: 'string' }, b: { type: 'string' }, n: { type: 'integer', not: { enum: [13] } } },
    anyOf: [{ required: ['a'] }, { required: ['b'] }],
    oneOf: [{ properties: { a: { pattern: '^x' } } }, { properties: { a: { pattern: '^xy' } } }],
  }
  assert.deepEqual(r.add(crdOf({ type: 'object', properties: { spec } })), [])
  const thing = (s: unknown) => ({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, spec: s })
  assert.deepEqual(validate(thing({ a: 'xa', n: 1 }), r), [])
  assert.deepEqual(validate(thing({ n: 13 }), r).map((i) => i.message), [
    'Invalid value: 13: must not validate the schema (not)',
    'Invalid value: {"n":13}: must validate at least one schema (anyOf)',
    // without `a` both oneOf branches hold
    'Invalid value: {"n":13}: must validate one and only one schema (oneOf)',
  ])
  assert.deepEqual(validate(thing({ a: 'xyz' }), r).map((i) => i.message), ['Invalid value: {"a":"xyz"}: must validate one and only one schema (oneOf)'])
})

test('RE2 patterns with inline flags work', () => {
  const r = new CrdRegistry('1.35')
  assert.deepEqual(r.add(crdOf({ type: 'object', properties: { level: { type: 'string', pattern: '^(?i)(debug|info)?$' } } })), [])
  const thing = (level: string) => ({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' }, level })
  assert.deepEqual(validate(thing('DEBUG'), r), [])
  assert.equal(validate(thing('trace'), r).length, 1)
})

test('legacy CRDs: apiextensions.k8s.io/v1beta1 without a schema keeps everything', () => {
  const r = new CrdRegistry('1.35')
  const legacy = { apiVersion: 'apiextensions.k8s.io/v1beta1', kind: 'CustomResourceDefinition', spec: { group: 'example.com', version: 'v1', names: { kind: 'Old' }, scope: 'Cluster' } }
  assert.deepEqual(r.add(legacy), [])
  const found = r.lookup('example.com/v1', 'Old')
  assert.equal(found?.namespaced, false)
  assert.deepEqual(found?.validate({ apiVersion: 'example.com/v1', kind: 'Old', metadata: { name: 'o' }, anything: { goes: true } }), [])
})

test('broken or partial CRDs give problems, never an exception', () => {
  const r = new CrdRegistry('1.35')
  for (const broken of [null, 'text', [], {}, { spec: null }, { spec: { group: 'example.com' } }, { spec: { group: 'example.com', names: { kind: 'X' }, versions: 'v1' } }]) {
    assert.doesNotThrow(() => r.add(broken))
  }
  assert.deepEqual(r.add({}), ['spec.group and spec.names.kind are required'])
  const badPattern = crdOf({ type: 'object', properties: { a: { type: 'string', pattern: '[' } } })
  assert.match(r.add(badPattern)[0], /^spec\.versions\[0\]\.schema\.openAPIV3Schema\.properties\[a\]\.pattern: "\[" is not a valid regular expression$/)
  assert.equal(r.lookup('example.com/v1', 'Thing'), undefined)
  const noSchema = crdOf(undefined)
  assert.deepEqual(r.add(noSchema), ['spec.versions[0].schema.openAPIV3Schema is required'])
  assert.deepEqual(r.add(crdOf({ type: 'object', properties: { a: 'not a schema', b: { type: 'strin' } } })), [
    'spec.versions[0].schema.openAPIV3Schema.properties[a]: a schema must be an object',
    'spec.versions[0].schema.openAPIV3Schema.properties[b].type: unsupported type "strin"',
  ])
})

function crdOf(openAPIV3Schema: unknown): unknown {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'things.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'things', kind: 'Thing' },
      versions: [{ name: 'v1', served: true, storage: true, schema: openAPIV3Schema === undefined ? undefined : { openAPIV3Schema } }],
    },
  }
}
