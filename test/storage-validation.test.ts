// Quantity reading for storage requests and HPA targets.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { claimSpecErrors, formatMilli, isFractional } from '../src/validation/storage.js'
import { parseQuantity, sign, type Quantity } from '../src/validation/quantity.js'

const q = (v: unknown): Quantity => {
  const r = parseQuantity(v)
  assert.ok(r, String(v))
  return r
}

test('sign', () => {
  for (const zero of ['0', '0Gi', '0.0', '+0', '-0', '0e3', 0, '.0']) assert.equal(sign(q(zero)), 0, String(zero))
  for (const pos of ['1', '1Gi', '0.5', '1n', '1e-9', 10, '100m']) assert.equal(sign(q(pos)), 1, String(pos))
  for (const neg of ['-1', '-1Gi', '-0.5', -3]) assert.equal(sign(q(neg)), -1, String(neg))
})

test('fractional byte values, after rounding up to milli units', () => {
  for (const f of ['1500m', '0.5', '1.5', '1n', '1e-3']) assert.ok(isFractional(q(f)), f)
  for (const i of ['1', '1.5Gi', '0.5Ki', '10Gi', '1k', '1000m', '1e3', 5]) assert.ok(!isFractional(q(i)), String(i))
  assert.equal(formatMilli(q('1500m')), '1500m')
  assert.equal(formatMilli(q('0.5')), '500m')
  assert.equal(formatMilli(q('1.5e0')), '1500e-3')
})

test('not a quantity', () => {
  for (const bad of ['', 'abc', '1GB', '1 Gi', null, true]) assert.equal(parseQuantity(bad), undefined, String(bad))
})

test('claimSpecErrors: a complete claim passes', () => {
  assert.deepEqual(claimSpecErrors({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: '' }, ['spec'], 35), [])
})

test('claimSpecErrors: paths as the server prints them, placed on the written field', () => {
  const errs = claimSpecErrors({ accessModes: ['ReadWriteOncePod', 'rwo'], resources: { requests: { storage: '-1Gi' } } }, ['spec'], 35)
  assert.deepEqual(
    errs.map((e) => e.error.text),
    [
      'spec.accessModes: Unsupported value: "rwo": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      'spec.resources[storage]: Invalid value: "-1Gi": must be greater than zero',
    ],
  )
  assert.deepEqual(errs[0].error.path, ['spec', 'accessModes', 1])
  assert.deepEqual(errs[1].error.path, ['spec', 'resources', 'requests', 'storage'])
})

test('claimSpecErrors: ReadWriteOncePod is unknown before 1.27', () => {
  const errs = claimSpecErrors({ accessModes: ['ReadWriteOncePod'], resources: { requests: { storage: '1Gi' } } }, ['spec'], 26)
  assert.equal(errs.length, 1)
  assert.match(errs[0].error.text, /Unsupported value: "ReadWriteOncePod"/)
})

test('claimSpecErrors: data sources are copied into each other, so one alone is never a mismatch', () => {
  const base = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } }
  assert.deepEqual(claimSpecErrors({ ...base, dataSourceRef: { apiGroup: 'example.com', kind: 'Dataset', name: 'd' } }, ['spec'], 35), [])
  const mismatch = claimSpecErrors({ ...base, dataSource: { kind: 'PersistentVolumeClaim', name: 'a' }, dataSourceRef: { kind: 'PersistentVolumeClaim', name: 'b' } }, ['spec'], 35)
  assert.deepEqual(mismatch.map((e) => e.error.text), ['spec: Invalid value: "spec.dataSource": must match dataSourceRef'])
})
