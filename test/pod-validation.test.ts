// Pod family helpers: the path checks and label checks worded as core validation words them.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fileMode, localDescendingPath, localNonReservedPath, noBacksteps } from '../src/validation/pod.js'

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
