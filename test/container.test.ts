// resource.Quantity as the container rules read it: exact values, comparison across units, the canonical String().
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { handlerErrors, type HandlerCheck } from '../src/validation/container.js'
import { compareQuantities, formatQuantity, isFractional, milliValue, parseQuantity, resourceQuantity } from '../src/validation/quantity.js'

const q = (v: string | number) => {
  const parsed = parseQuantity(v)
  assert.ok(parsed, `${v} parses`)
  return parsed
}

test('parses decimal, binary and exponent quantities, and YAML numbers', () => {
  assert.equal(compareQuantities(q('500m'), q('0.5')), 0)
  assert.equal(compareQuantities(q(0.5), q('500m')), 0)
  assert.equal(compareQuantities(q('1Gi'), q('1024Mi')), 0)
  assert.equal(compareQuantities(q('1G'), q('1Gi')), -1)
  assert.equal(compareQuantities(q('1e3'), q('1k')), 0)
  assert.equal(compareQuantities(q('2'), q('1500m')), 1)
  assert.equal(compareQuantities(q('-100m'), q('0')), -1)
  assert.equal(compareQuantities(q('.5'), q('500m')), 0)
})

test('rejects what the server fails to decode', () => {
  for (const bad of ['', '1GB', '1gi', 'abc', '.', '1.2.3', 'Mi']) assert.equal(parseQuantity(bad), undefined, bad)
})

test('rounds up to nano at parse and to milli for resource lists', () => {
  assert.equal(formatQuantity(q('0.1n')), '1n')
  const r = resourceQuantity('0.0001')
  assert.ok(r)
  assert.equal(formatQuantity(r), '1m')
  assert.equal(milliValue(q('1.5')), 1500n)
})

test('prints the canonical form, as Quantity.String()', () => {
  const cases: [string | number, string][] = [
    ['0.5', '500m'], ['500m', '500m'], ['1000', '1k'], ['1500', '1500'], ['1000m', '1'], ['1.5Gi', '1536Mi'], ['1Gi', '1Gi'], ['2048Ki', '2Mi'],
    ['512', '512'], ['1024', '1024'], ['0.5Ki', '512'], ['4.1Gi', '4402341478400m'], ['1e3', '1e3'], ['0', '0'], ['-100m', '-100m'], [2, '2'], ['1Mi', '1Mi'],
  ]
  for (const [input, out] of cases) assert.equal(formatQuantity(q(input)), out, String(input))
})

test('tells fractional values', () => {
  assert.equal(isFractional(q('128m')), true)
  assert.equal(isFractional(q('1000m')), false)
  assert.equal(isFractional(q('1Gi')), false)
})

test('handler checks: one handler, ports as numbers or names, sleep against the grace period', () => {
  const probe: HandlerCheck = { types: ['exec', 'httpGet', 'tcpSocket', 'grpc'], gracePeriod: undefined, minor: 35 }
  const texts = (h: Record<string, unknown>, check = probe) => handlerErrors(h, ['p'], check).map((e) => e.error.text)
  assert.deepEqual(texts({}), ['p: Required value: must specify a handler type'])
  assert.deepEqual(texts({ exec: { command: ['true'] }, tcpSocket: { port: 80 } }), ['p.tcpSocket: Forbidden: may not specify more than 1 handler type'])
  assert.deepEqual(texts({ httpGet: { port: 'http' } }), [])
  assert.deepEqual(texts({ httpGet: { port: '8080' } }), ['p.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)'])
  assert.deepEqual(texts({ grpc: { port: 70000 } }), ['p.grpc.port: Invalid value: 70000: must be between 1 and 65535, inclusive'])
  const hook: HandlerCheck = { types: ['exec', 'httpGet', 'tcpSocket', 'sleep'], gracePeriod: 30, minor: 35 }
  assert.deepEqual(texts({ sleep: { seconds: 0 } }, hook), [])
  assert.deepEqual(texts({ sleep: { seconds: 31 } }, hook), ['p.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30)'])
  assert.deepEqual(texts({ sleep: { seconds: 0 } }, { ...hook, minor: 31 }), ['p.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30)'])
})
