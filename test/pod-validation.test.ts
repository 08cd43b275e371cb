// Pod family helpers: the path checks and label checks worded as core validation words them.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fileMode, labels, labelSelector, localDescendingPath, localNonReservedPath, noBacksteps } from '../src/validation/pod.js'

const texts = (errs: { text: string }[]) => errs.map((e) => e.text)

test('noBacksteps: any ".." element, once', () => {
  assert.deepEqual(texts(noBacksteps('a/../b/..', ['p'])), [`p: Invalid value: "a/../b/..": must not contain '..'`])
  assert.deepEqual(noBacksteps('a/..b/c..', ['p']), [])
})

test('localDescendingPath: relative and without backsteps', () => {
  assert.deepEqual(texts(localDescendingPath('/abs/../x', ['p'])), [
    'p: Invalid value: "/abs/../x": must be a relative path',
    `p: Invalid value: "/abs/../x": must not contain '..'`,
  ])
  assert.deepEqual(localDescendingPath('conf/app.yaml', ['p']), [])
})

test('localNonReservedPath: "..x" is reserved, "../x" is a backstep', () => {
  assert.deepEqual(texts(localNonReservedPath('..data', ['p'])), [`p: Invalid value: "..data": must not start with '..'`])
  assert.deepEqual(texts(localNonReservedPath('../data', ['p'])), [`p: Invalid value: "../data": must not contain '..'`])
  assert.deepEqual(localNonReservedPath('data/..x', ['p']), [])
})

test('fileMode: 0 to 0777, YAML 0644 being 420', () => {
  assert.deepEqual(fileMode(0o644, ['m']), [])
  assert.deepEqual(fileMode(0, ['m']), [])
  assert.deepEqual(fileMode(511, ['m']), [])
  assert.deepEqual(texts(fileMode(644, ['m'])), ['m: Invalid value: 644: must be a number between 0 and 0777 (octal), both inclusive'])
  assert.equal(fileMode(-1, ['m']).length, 1)
  assert.deepEqual(fileMode(undefined, ['m']), [])
})

test('labels: errors on the map path, bytes from 1.34', () => {
  assert.deepEqual(labels({ 'kubernetes.io/os': 'linux', role: '' }, ['nodeSelector'], 35), [])
  const long = 'x'.repeat(64)
  assert.deepEqual(texts(labels({ a: long }, ['nodeSelector'], 35)), [`nodeSelector: Invalid value: "${long}": must be no more than 63 bytes`])
  assert.deepEqual(texts(labels({ a: long }, ['nodeSelector'], 33)), [`nodeSelector: Invalid value: "${long}": must be no more than 63 characters`])
})

test('labelSelector: operators and values', () => {
  const errs = labelSelector({ matchExpressions: [{ key: 'app', operator: 'In' }, { key: 'tier', operator: 'Exists', values: ['x'] }, { key: 'k', operator: 'Equals' }] }, ['s'], 35)
  assert.deepEqual(texts(errs), [
    "s.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
    "s.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    's.matchExpressions[2].operator: Invalid value: "Equals": not a valid selector operator',
  ])
  assert.deepEqual(labelSelector(undefined, ['s'], 35), [])
})
