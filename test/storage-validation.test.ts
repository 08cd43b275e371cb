// Quantity reading for storage requests and HPA targets.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatMilli, isFractional, parseQuantity, sign, type Quantity } from '../src/validation/storage.js'

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
