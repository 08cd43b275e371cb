// Label selector validation: the server's messages, and placement on the key or value at fault.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { labelMapErrors, labelSelectorErrors } from '../src/validation/selector.js'

const texts = (errs: { error: { text: string } }[]) => errs.map((e) => e.error.text)

test('a valid selector has no errors', () => {
  assert.deepEqual(labelSelectorErrors({ matchLabels: { app: 'web', 'app.kubernetes.io/name': '' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }, { key: 'x', operator: 'Exists' }] }, ['spec', 'selector'], 35), [])
  assert.deepEqual(labelSelectorErrors(undefined, ['spec', 'selector'], 35), [])
  assert.deepEqual(labelSelectorErrors({}, ['spec', 'selector'], 35), [])
})

test('matchLabels errors name the map and sit on the entry', () => {
  const errs = labelMapErrors({ 'bad key': 'x', app: 'has space' }, ['spec', 'selector', 'matchLabels'], 35)
  assert.equal(errs.length, 2)
  assert.match(errs[0].error.text, /^spec\.selector\.matchLabels: Invalid value: "bad key": name part must consist of/)
  assert.deepEqual(errs[0].error.path, ['spec', 'selector', 'matchLabels', { key: 'bad key' }])
  assert.equal(errs[0].point, 'key')
  assert.match(errs[1].error.text, /^spec\.selector\.matchLabels: Invalid value: "has space": a valid label must be an empty string/)
  assert.equal(errs[1].point, 'value')
})

test('length unit: characters before 1.34, bytes from 1.34', () => {
  const long = 'a'.repeat(64)
  assert.match(texts(labelMapErrors({ app: long }, ['m'], 33))[0], /must be no more than 63 characters/)
  assert.match(texts(labelMapErrors({ app: long }, ['m'], 34))[0], /must be no more than 63 bytes/)
})

test('operators and values', () => {
  const errs = texts(
    labelSelectorErrors(
      {
        matchExpressions: [
          { key: 'a', operator: 'In', values: [] },
          { key: 'b', operator: 'Exists', values: ['x'] },
          { key: 'c', operator: 'in', values: ['x'] },
          { key: 'd', operator: 'NotIn', values: ['bad value'] },
        ],
      },
      ['spec', 'selector'],
      35,
    ),
  )
  assert.deepEqual(errs.slice(0, 3), [
    "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    'spec.selector.matchExpressions[2].operator: Invalid value: "in": not a valid selector operator',
  ])
  assert.match(errs[3], /^spec\.selector\.matchExpressions\[3\]\.values\[0\]: Invalid value: "bad value": a valid label/)
})

test('expression keys are qualified names', () => {
  const errs = texts(labelSelectorErrors({ matchExpressions: [{ key: '', operator: 'Exists' }] }, ['s'], 35))
  // an empty name part fails both the emptiness check and the regex, as in Go's IsQualifiedName
  assert.equal(errs.length, 2)
  assert.equal(errs[0], 's.matchExpressions[0].key: Invalid value: "": name part must be non-empty')
  assert.match(errs[1], /^s\.matchExpressions\[0\]\.key: Invalid value: "": name part must consist of alphanumeric characters/)
})
