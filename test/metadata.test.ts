// The ObjectMeta and config helpers of src/validation: name functions per kind, label and annotation maps, Secret contents.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { goJsonMapError, secretData } from '../src/validation/config.js'
import { annotationErrors, kubeFinalizerError, labelErrors, nameRuleFor } from '../src/validation/metadata.js'

test('name functions by kind, with generateName masking', () => {
  const service = nameRuleFor('v1', 'Service', true, 35)
  assert.equal(service.fn('web', false).length, 0)
  assert.equal(service.fn('2048-game', false).length, 1)
  assert.deepEqual(service.fn('web-', true), [])
  assert.equal(service.fn('web-', false).length, 1)
  assert.deepEqual(nameRuleFor('apps/v1', 'StatefulSet', true, 27).fn('db.primary', false), ['must not contain dots'])
  assert.deepEqual(nameRuleFor('apps/v1', 'StatefulSet', true, 26).fn('db.primary', false), [])
  assert.deepEqual(nameRuleFor('policy/v1', 'PodDisruptionBudget', true, 35).fn('Web_PDB', false), [])
  assert.deepEqual(nameRuleFor('policy/v1', 'PodDisruptionBudget', true, 35).fn('..', false), ["may not be '..'"])
  assert.deepEqual(nameRuleFor('rbac.authorization.k8s.io/v1', 'ClusterRole', true, 35).fn('system:a', false), [])
  assert.equal(nameRuleFor('example.com/v1', 'Widget', false, 35).fn('Nightly', false).length, 1)
})

test('labels: key and value errors on the map path, placed on the entry', () => {
  const errors = labelErrors({ 'a/b/c': 'x', ok: 'bad value', skip: '-' }, ['metadata', 'labels'], 35, 'skip')
  assert.deepEqual(errors.map((e) => e.part), ['key', 'value'])
  assert.match(errors[1].error.text, /^metadata\.labels: Invalid value: "bad value": a valid label/)
  assert.deepEqual(errors[1].error.path, ['metadata', 'labels', { key: 'ok' }])
  assert.match(labelErrors({ k: 'x'.repeat(64) }, ['l'], 33)[0].error.text, /63 characters/)
  assert.match(labelErrors({ k: 'x'.repeat(64) }, ['l'], 34)[0].error.text, /63 bytes/)
})

test('annotations: keys lower-cased, size counted in bytes', () => {
  assert.deepEqual(annotationErrors({ 'Example.COM/Key': 'v' }, ['a'], 35).keys, [])
  assert.equal(annotationErrors({ 'a b': 'v' }, ['a'], 35).keys.length, 1)
  assert.equal(annotationErrors({ k: 'é'.repeat(131071) }, ['a'], 35).size, undefined)
  assert.ok(annotationErrors({ k: 'é'.repeat(131072) }, ['a'], 35).size)
})

test('finalizers: unprefixed names must be standard', () => {
  assert.equal(kubeFinalizerError('kubernetes', ['f']), undefined)
  assert.equal(kubeFinalizerError('example.com/x', ['f']), undefined)
  assert.ok(kubeFinalizerError('cleanup', ['f']))
})

test('Secret contents: stringData over decoded data', () => {
  const data = secretData({ data: { a: 'c2VjcmV0', b: 'eA==' }, stringData: { b: 'plain' } })
  assert.equal(data.get('a')?.toString(), 'secret')
  assert.equal(data.get('b')?.toString(), 'plain')
})

test("docker config JSON as Go's json.Unmarshal into a map sees it", () => {
  const check = (s: string) => goJsonMapError(Buffer.from(s))
  assert.equal(check('{"auths":{}}'), undefined)
  assert.equal(check('null'), undefined)
  assert.equal(check(''), 'unexpected end of JSON input')
  assert.equal(check('auths'), "invalid character 'a' looking for beginning of value")
  assert.equal(check('[1]'), 'json: cannot unmarshal array into Go value of type map[string]interface {}')
  assert.equal(check('"x"'), 'json: cannot unmarshal string into Go value of type map[string]interface {}')
  assert.equal(check('true'), 'json: cannot unmarshal bool into Go value of type map[string]interface {}')
})

test('a null map value is an empty string whose key is present, as Go decodes it', () => {
  const data = secretData({ data: { 'tls.key': null as unknown as string } })
  assert.equal(data.get('tls.key')?.length, 0)
})
