// The small decoders and helpers of the schema stage, against the behaviour of the Go code they copy.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { base64Error, integerOverflow, isRfc3339 } from '../src/schema/formats.js'
import { QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, quantityError } from '../src/schema/quantity.js'
import { compilePattern } from '../src/schema/structural.js'
import { editDistance, suggestField } from '../src/schema/suggest.js'
import { formatRanges, inRanges, SUPPORTED_KUBERNETES_VERSIONS } from '../src/schema/versions.js'

test('resource.ParseQuantity', () => {
  for (const ok of ['0', '1', '-1', '+1', '1.5', '.5', '5.', '100m', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei', '1n', '1u', '1k', '1M', '1G', '1T', '1P', '1E', '1e3', '1E-3', '1e+3', ' 2Gi ', 7, 0.1]) {
    assert.equal(quantityError(ok), undefined, String(ok))
  }
  for (const bad of ['', ' ', '1GB', '1gi', '1 Gi', '1.2.3', '1Mi5i', 'abc', true, null, {}]) assert.equal(quantityError(bad), QUANTITY_FORMAT_ERROR, String(bad))
  for (const bad of ['1kM', '1e', '1Mi5', '1ki', '1K']) assert.equal(quantityError(bad), QUANTITY_SUFFIX_ERROR, bad)
})

test('encoding/base64 StdEncoding errors and their byte offsets', () => {
  for (const ok of ['', 'aGVsbG8=', 'aGVsbA==', 'aGVs', 'aGVs\r\nbG8=', 'aG==\n']) assert.equal(base64Error(ok), undefined, JSON.stringify(ok))
  const offsets: [string, number][] = [['aGVsbG8', 4], ['a', 0], ['====', 0], ['aGVsbG8=x', 8], ['aG=', 3], ['not base64!', 3], ['aGVsbG8=\n=', 9], ['é', 0]]
  for (const [input, offset] of offsets) assert.equal(base64Error(input), `illegal base64 data at input byte ${offset}`, JSON.stringify(input))
})

test('time.Parse(time.RFC3339)', () => {
  for (const ok of ['2024-01-01T00:00:00Z', '2024-01-01T00:00:00.5Z', '2024-01-01T00:00:00+05:30', '2024-02-29T12:00:00Z', '2024-01-01T9:00:00Z']) assert.ok(isRfc3339(ok), ok)
  for (const bad of ['2024-01-01', '2024-01-01T00:00:00', '2024-01-01t00:00:00Z', '2024-01-01T24:00:00Z', '2023-02-29T00:00:00Z', '2024-01-01T00:00:00+0530', ' 2024-01-01T00:00:00Z']) {
    assert.ok(!isRfc3339(bad), bad)
  }
})

test('integer formats', () => {
  assert.equal(integerOverflow('int32', 2 ** 31 - 1), false)
  assert.equal(integerOverflow('int32', 2 ** 31), true)
  assert.equal(integerOverflow('int32', -(2 ** 31) - 1), true)
  assert.equal(integerOverflow('int64', 2 ** 53), false)
  assert.equal(integerOverflow('int64', 1e19), true)
  assert.equal(integerOverflow(undefined, 1e300), false)
})

test('did-you-mean', () => {
  assert.equal(suggestField('imagePolicy', ['image', 'imagePullPolicy', 'name']), 'imagePullPolicy')
  assert.equal(suggestField('ImagePullPolicy', ['imagePullPolicy']), 'imagePullPolicy')
  assert.equal(suggestField('contianerPort', ['containerPort', 'hostPort']), 'containerPort')
  assert.equal(suggestField('resource', ['resources', 'resizePolicy']), 'resources')
  assert.equal(suggestField('xyz', ['name', 'image']), undefined)
  assert.equal(editDistance('ab', 'ba'), 1)
  assert.equal(editDistance('kitten', 'sitting'), 3)
  assert.equal(editDistance('kitten', 'sitting', 1), 2)
})

test('version ranges', () => {
  const all = SUPPORTED_KUBERNETES_VERSIONS
  assert.equal(formatRanges(['1.23', '1.24', '1.25', '1.27', '1.35'], all), '1.23-1.25,1.27,1.35')
  assert.equal(formatRanges([], all), '')
  assert.ok(inRanges('1.23-1.25,1.27', '1.24'))
  assert.ok(inRanges('1.23-1.25,1.27', '1.27'))
  assert.ok(!inRanges('1.23-1.25,1.27', '1.26'))
})

test('RE2 patterns in JavaScript', () => {
  assert.ok(compilePattern('^(?i)(on|off)$')?.test('ON'))
  assert.ok(compilePattern('^((?i)jan|feb)$')?.test('JAN'))
  assert.ok(compilePattern('^[[:alpha:]][[:digit:]]+$')?.test('a12'))
  assert.ok(compilePattern('\\Aab\\z')?.test('ab'))
  assert.ok(compilePattern('^(?P<word>\\w+)$')?.test('abc'))
  assert.ok(compilePattern('^\\pL+$')?.test('é'))
  assert.ok(compilePattern('^a\\-b$')?.test('a-b'))
  assert.equal(compilePattern('['), undefined)
})
