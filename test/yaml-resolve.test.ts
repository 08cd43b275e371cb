// Scalars and keys as Kubernetes decodes them (go-yaml v2 under sigs.k8s.io/yaml), through both readers.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { keyString, resolvePlainScalar } from '../src/yaml/resolve.js'
import { parseYamlDocuments } from '../src/yaml/parse.js'
import { readYamlDocuments } from '../src/yaml/read.js'

const plain: Array<[string, unknown]> = [
  ['y', true], ['Y', true], ['yes', true], ['Yes', true], ['YES', true], ['on', true], ['On', true], ['ON', true], ['true', true], ['True', true], ['TRUE', true],
  ['n', false], ['N', false], ['no', false], ['No', false], ['NO', false], ['off', false], ['Off', false], ['OFF', false], ['false', false], ['FALSE', false],
  ['yEs', 'yEs'], ['oN', 'oN'],
  ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
  ['0644', 420], ['0o644', 420], ['0x1F', 31], ['0b101', 5], ['-0b101', -5], ['1_000', 1000], ['+12', 12], ['-0', 0], ['0', 0],
  ['08', 8], ['1e3', 1000], ['1.10', 1.1], ['.5', 0.5], ['-1.5e-3', -0.0015], ['1.', 1],
  ['1:30', '1:30'], ['2024-01-01', '2024-01-01'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  ['0x', '0x'], ['1e', '1e'], ['1.2.3', '1.2.3'], ['v1', 'v1'], ['<<', '<<'], ['.inf', Infinity], ['-.Inf', -Infinity],
  ['9223372036854775807', 2 ** 63], ['18446744073709551615', 2 ** 64], ['99999999999999999999', 1e20],
]

for (const [source, expected] of plain) {
  test(`plain scalar ${JSON.stringify(source)} reads as ${String(expected)}`, () => {
    assert.deepEqual(resolvePlainScalar(source), expected)
  })
}

test('.nan is NaN', () => assert.ok(Number.isNaN(resolvePlainScalar('.nan'))))

test('non-string keys become the strings Kubernetes uses', () => {
  assert.equal(keyString(true), 'true')
  assert.equal(keyString(false), 'false')
  assert.equal(keyString(420), '420')
  assert.equal(keyString('x'), 'x')
  assert.equal(keyString(null), undefined)
})

test('both readers agree on a document full of YAML 1.1 scalars, quoted ones stay strings', () => {
  const text = 'a: yes\nb: "yes"\nc: \'on\'\nd: 0644\ne: 1:30\nf: !!str 12\ng: 2024-01-01\non: key\nn: 1\nh: |\n  yes\n'
  const expected = { a: true, b: 'yes', c: 'on', d: 420, e: '1:30', f: '12', g: '2024-01-01', true: 'key', false: 1, h: 'yes\n' }
  assert.deepEqual(parseYamlDocuments(text)[0].value, expected)
  assert.deepEqual(readYamlDocuments(text)[0].value, expected)
})
