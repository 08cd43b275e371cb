// Each formatter against its golden output (test/golden/), on a report that exercises every field.
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { formatGithub, formatJson, formatJunit, formatSarif, formatStylish } from '../src/format/index.js'
import type { LintReport } from '../src/types.js'
import { repoRoot } from './helpers.js'

const report: LintReport = {
  version: 1,
  tool: { name: 'seaworthy', version: '0.0.0-test' },
  kubernetesVersion: '1.35',
  results: [
    {
      filePath: 'k8s/web.yaml',
      messages: [
        {
          ruleId: 'schema/unknown-field',
          severity: 'error',
          message: 'Unknown field "imagePolicy" in Deployment web (spec.template.spec.containers[0]). Did you mean "imagePullPolicy"?',
          line: 18,
          column: 11,
          endLine: 18,
          endColumn: 22,
          object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: null, name: 'web' },
          path: 'spec.template.spec.containers[0].imagePolicy',
          related: [{ filePath: 'k8s/web.yaml', line: 9, column: 7, endLine: 9, endColumn: 12, message: 'reached through this alias' }],
        },
        { ruleId: 'api/deprecated', severity: 'warning', message: 'policy/v1beta1 PodDisruptionBudget is deprecated.', line: 120, column: 14, endLine: 120, endColumn: 28, object: null, path: 'apiVersion', related: [] },
      ],
      errorCount: 1,
      warningCount: 1,
      infoCount: 0,
    },
    { filePath: 'k8s/values.yaml', messages: [{ ruleId: 'input/not-an-object', severity: 'info', message: 'Not a Kubernetes object (no apiVersion/kind); skipped.', line: 1, column: 1, endLine: 1, endColumn: 5, object: null, path: null, related: [] }], errorCount: 0, warningCount: 0, infoCount: 1 },
    { filePath: 'k8s/ok.yaml', messages: [], errorCount: 0, warningCount: 0, infoCount: 0 },
  ],
  summary: { files: 3, documents: 5, objects: 4, errorCount: 1, warningCount: 1, infoCount: 1 },
}

const golden = (name: string, actual: string) => {
  const file = path.join(repoRoot, 'test/golden', name)
  if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, actual)
  assert.equal(actual, readFileSync(file, 'utf8'))
}

test('stylish', () => golden('stylish.txt', formatStylish(report, { color: false })))
test('stylish with colours', () => golden('stylish-color.txt', formatStylish(report, { color: true })))
test('json', () => golden('json.json', formatJson(report)))
test('json drops internal fields', () => {
  const withId = structuredClone(report)
  Object.assign(withId.results[0].messages[0], { messageId: 'unknownFieldSuggest' })
  assert.equal(formatJson(withId), formatJson(report))
})

// the CI formats: the same report, with the objects of each file, message ids, and text that needs escaping
const ci: LintReport = structuredClone(report)
ci.results[0].objects = [
  { apiVersion: 'apps/v1', kind: 'Deployment', namespace: null, name: 'web', line: 1 },
  { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web', line: 60 },
  { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', namespace: null, name: 'web', line: 118 },
]
Object.assign(ci.results[0].messages[0], { messageId: 'unknownFieldSuggest' })
ci.results[0].messages.push({
  ruleId: 'service/selects-nothing',
  severity: 'warning',
  message: 'Service shop/web selects app=web, tier=<front> & 100% of nothing:\nno pods match.',
  line: 66,
  column: 5,
  endLine: 67,
  endColumn: 14,
  object: { apiVersion: 'v1', kind: 'Service', namespace: 'shop', name: 'web' },
  path: 'spec.selector',
  related: [{ filePath: 'k8s/other, "v2".yaml', line: 3, column: 1, endLine: 3, endColumn: 9, message: 'the closest pod template' }],
})
ci.results[0].warningCount = 2
ci.results[1].objects = []
ci.summary.warningCount = 2

test('sarif', () => golden('sarif.json', formatSarif(ci)))
test('junit', () => golden('junit.xml', formatJunit(ci)))
test('github', () => golden('github.txt', formatGithub(ci)))

test('sarif fingerprints ignore lines and columns, and tell repeated findings apart', () => {
  const moved = structuredClone(ci)
  for (const m of moved.results[0].messages) Object.assign(m, { line: m.line + 7, endLine: m.endLine + 7, column: m.column + 2 })
  const prints = (r: LintReport) => JSON.parse(formatSarif(r)).runs[0].results.map((x: any) => x.partialFingerprints['seaworthy/v1'])
  assert.deepEqual(prints(moved), prints(ci))
  const twice = structuredClone(ci)
  twice.results[1].messages.push({ ...twice.results[1].messages[0], line: 9, endLine: 9 })
  const p = prints(twice)
  assert.equal(new Set(p).size, p.length)
})

test('github escapes data and properties as the runner expects', () => {
  const line = formatGithub(ci).split('\n')[2]
  assert.ok(line.startsWith('::warning file=k8s/web.yaml,line=66,endLine=67,title=service/selects-nothing::'), line)
  assert.ok(line.includes('100%25 of nothing:%0Ano pods match.%0A↳ k8s/other, "v2".yaml:3:1'), line)
})
