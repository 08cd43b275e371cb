// Label selectors: validation with the server's paths and words, and matching against template labels.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { intOrPercentValue, isConvertibleSelector, isEmptySelector, labelSelectorErrors, positiveIntOrPercentErrors, selectorMatches } from '../src/validation/workload.js'

const labels = { app: 'web', tier: 'frontend' }

test('matchLabels: every pair must be present and equal', () => {
  assert.ok(selectorMatches({ matchLabels: { app: 'web' } }, labels))
  assert.ok(selectorMatches({ matchLabels: { app: 'web', tier: 'frontend' } }, labels))
  assert.ok(!selectorMatches({ matchLabels: { app: 'api' } }, labels))
  assert.ok(!selectorMatches({ matchLabels: { app: 'web', env: 'prod' } }, labels))
  assert.ok(!selectorMatches({ matchLabels: { app: 'web' } }, {}))
})

test('matchExpressions: In, NotIn, Exists, DoesNotExist', () => {
  const m = (operator: string, key: string, values?: string[]) => selectorMatches({ matchExpressions: [{ key, operator, values }] }, labels)
  assert.ok(m('In', 'app', ['web', 'api']))
  assert.ok(!m('In', 'app', ['api']))
  assert.ok(!m('In', 'env', ['prod']))
  assert.ok(m('NotIn', 'app', ['api']))
  assert.ok(!m('NotIn', 'app', ['web']))
  assert.ok(m('NotIn', 'env', ['prod']), 'NotIn holds for a missing label')
  assert.ok(m('Exists', 'tier'))
  assert.ok(!m('Exists', 'env'))
  assert.ok(m('DoesNotExist', 'env'))
  assert.ok(!m('DoesNotExist', 'app'))
  assert.ok(selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['frontend'] }] }, labels))
  assert.ok(!selectorMatches({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['backend'] }] }, labels))
})

test('an empty selector matches everything; ignored keys hold', () => {
  assert.ok(isEmptySelector({}))
  assert.ok(isEmptySelector({ matchLabels: {}, matchExpressions: [] }))
  assert.ok(selectorMatches({}, {}))
  assert.ok(selectorMatches({ matchLabels: { 'controller-uid': 'x' } }, {}, new Set(['controller-uid'])))
})

test('a selector with errors does not convert (LabelSelectorAsSelector fails)', () => {
  assert.ok(isConvertibleSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }))
  assert.ok(!isConvertibleSelector({ matchExpressions: [{ key: 'app', operator: 'In' }] }))
  assert.ok(!isConvertibleSelector({ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] }))
  assert.ok(!isConvertibleSelector({ matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] }))
  assert.ok(!isConvertibleSelector({ matchLabels: { app: 'web server' } }))
  assert.ok(!isConvertibleSelector({ matchLabels: { 'app name': 'web' } }))
})

test('selector errors with the server\'s paths and words', () => {
  const texts = (s: Parameters<typeof labelSelectorErrors>[0], minor = 35) => labelSelectorErrors(s, ['spec', 'selector'], minor).map((e) => e.error.text)
  assert.deepEqual(texts({ matchLabels: { app: 'web' } }), [])
  assert.deepEqual(texts({ matchExpressions: [{ key: 'app', operator: 'In' }] }), ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"])
  assert.deepEqual(texts({ matchExpressions: [{ key: 'app', operator: 'Exists', values: ['a'] }] }), [
    "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
  ])
  assert.deepEqual(texts({ matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] }), ['spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator'])
  assert.match(texts({ matchLabels: { app: 'web server' } })[0], /^spec\.selector\.matchLabels: Invalid value: "web server": a valid label must be an empty string/)
  assert.match(texts({ matchLabels: { 'app name': 'web' } })[0], /^spec\.selector\.matchLabels: Invalid value: "app name": name part must consist of/)
  assert.match(texts({ matchLabels: { app: 'x'.repeat(64) } }, 33)[0], /must be no more than 63 characters$/)
  assert.match(texts({ matchLabels: { app: 'x'.repeat(64) } }, 34)[0], /must be no more than 63 bytes$/)
  const [placed] = labelSelectorErrors({ matchLabels: { 'app name': 'web' } }, ['spec', 'selector'], 35)
  assert.deepEqual(placed.error.path, ['spec', 'selector', 'matchLabels', { key: 'app name' }])
  assert.equal(placed.point, 'key')
})

test('int-or-percent values', () => {
  assert.equal(intOrPercentValue('25%'), 25)
  assert.equal(intOrPercentValue(3), 3)
  assert.equal(intOrPercentValue('0%'), 0)
  assert.equal(intOrPercentValue('abc'), 0)
  assert.equal(intOrPercentValue('5'), 5)
  assert.equal(intOrPercentValue(undefined), 0)
  assert.deepEqual(positiveIntOrPercentErrors('25%', ['x']), [])
  assert.deepEqual(positiveIntOrPercentErrors(0, ['x']), [])
  assert.equal(positiveIntOrPercentErrors(-1, ['x'])[0].text, 'x: Invalid value: -1: must be greater than or equal to 0')
  assert.match(positiveIntOrPercentErrors('25', ['x'])[0].text, /^x: Invalid value: "25": a valid percent string/)
  assert.equal(positiveIntOrPercentErrors('25 %', ['x']).length, 1)
})
