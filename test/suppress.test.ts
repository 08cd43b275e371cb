// The suppress stage alone: directives read from the text, annotations from the objects, and how they are matched
// against findings; then through lint(), with the policy switch and with worker threads.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { FileFindings, type IdentifiedFinding } from '../src/findings.js'
import { lint } from '../src/lint.js'
import { toManifests } from '../src/manifests.js'
import { applySuppressions, matches, readDirectives, readSuppressions, splitReason, type Suppression } from '../src/suppress.js'
import { readYamlDocuments } from '../src/yaml/read.js'

function read(text: string): Suppression[] {
  const documents = readYamlDocuments(text)
  return readSuppressions({ text, documents, manifests: toManifests(documents, new FileFindings('f.yaml', text)) })
}

function finding(ruleId: string, line: number, column = 3, object: IdentifiedFinding['object'] = { apiVersion: 'v1', kind: 'Service', namespace: null, name: 'web' }): IdentifiedFinding {
  return { ruleId, messageId: 'm', severity: 'warning', message: 'x', line, column, endLine: line, endColumn: column + 1, object, path: null, related: [] }
}

const ids = (found: readonly IdentifiedFinding[]) => found.map((f) => `${f.line} ${f.ruleId}${f.ruleId === 'input/unused-suppression' ? ` ${f.messageId}` : ''}`)

test('splitReason: ids by commas or spaces, the reason after --', () => {
  assert.deepEqual(splitReason(' service/selects-nothing, ingress/* pod/missing-reference -- pods come from the chart'), {
    rules: ['service/selects-nothing', 'ingress/*', 'pod/missing-reference'],
    reason: 'pods come from the chart',
  })
  assert.deepEqual(splitReason(''), { rules: [], reason: null })
  assert.deepEqual(splitReason('-- every rule, for a reason'), { rules: [], reason: 'every rule, for a reason' })
  assert.deepEqual(splitReason('a/b --'), { rules: ['a/b'], reason: null })
})

test('matches: a full id or an area glob', () => {
  assert.ok(matches('service/selects-nothing', 'service/selects-nothing'))
  assert.ok(matches('service/*', 'service/target-port'))
  assert.ok(!matches('service/*', 'servicex/a'))
  assert.ok(!matches('service/target-port', 'service/selects-nothing'))
})

test('directives: the lines each one covers', () => {
  const text = [
    'apiVersion: v1 # seaworthy-disable-line schema/*', // 1
    'kind: Service', // 2
    '  # seaworthy-disable-next-line service/selects-nothing, service/target-port -- pods elsewhere', // 3
    'metadata: {name: web}', // 4
    '#seaworthy-disable', // 5
    'spec: {}', // 6
    '# seaworthy-enable', // 7
    'data: "# seaworthy-disable-line yaml/syntax"', // 8: in a string, not a comment
    '# seaworthy-disabled service/type', // 9: not a directive
  ].join('\n')
  const found = readDirectives(text, readYamlDocuments(text))
  assert.deepEqual(
    found.map((s) => [s.form, s.at.line, s.at.column, s.covers.map((c) => `${c.rule ?? '*'} ${c.from.line}-${c.to.line}`)]),
    [
      ['disable-line', 1, 16, ['schema/* 1-2']],
      ['disable-next-line', 3, 3, ['service/selects-nothing 4-5', 'service/target-port 4-5']],
      ['disable', 5, 1, ['* 5-7']],
      ['enable', 7, 1, []],
    ],
  )
  assert.equal(found[1].reason, 'pods elsewhere')
  assert.equal(found[0].reason, null)
})

test('a block disable lasts to the end of its document, or covers the file when it comes before any content', () => {
  const text = ['# seaworthy-disable api/deprecated', '---', 'a: 1', '# seaworthy-disable service/*', 'b: 2', '---', 'c: 3'].join('\n')
  const [top, inner] = readDirectives(text)
  assert.deepEqual([top.covers[0].from.line, top.covers[0].to.line > 1e6], [1, true])
  assert.deepEqual([inner.covers[0].from.line, inner.covers[0].to.line], [4, 6])
})

test('a block disable text inside a block scalar is not a comment', () => {
  const text = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', '  a: |', '    # seaworthy-disable', '    x', '# seaworthy-disable-line', 'b: 1'].join('\n')
  assert.deepEqual(
    readDirectives(text, readYamlDocuments(text)).map((s) => s.at.line),
    [8],
  )
})

test('enable of one rule after a disable of every rule, or of its area, takes only that rule out', () => {
  const text = ['a: 1', '# seaworthy-disable', '# seaworthy-disable service/*', '# seaworthy-enable service/target-port', 'b: 2'].join('\n')
  const found = readDirectives(text)
  const out = applySuppressions([finding('service/target-port', 5), finding('service/type', 5), finding('schema/required', 5)], found)
  assert.deepEqual(ids(out), ['5 service/target-port'])
})

test('unknown ids are reported with a did-you-mean, and suppress nothing', () => {
  const found = readDirectives('a: 1 # seaworthy-disable-line service/selects-nothin, servise/*')
  assert.deepEqual(found[0].unknown, [
    { rule: 'service/selects-nothin', suggestion: 'service/selects-nothing' },
    { rule: 'servise/*', suggestion: 'service/*' },
  ])
  const out = applySuppressions([finding('service/selects-nothing', 1)], found)
  assert.deepEqual(ids(out), ['1 service/selects-nothing', '1 input/unused-suppression unknownRule', '1 input/unused-suppression unknownRule'])
})

test('applying: suppressed findings go, unused suppressions and ids are reported, an enable that ends nothing too', () => {
  const text = [
    'kind: Service # seaworthy-disable-line service/selects-nothing, service/type', // 1
    '# seaworthy-disable-next-line', // 2
    'metadata: {}', // 3
    '# seaworthy-enable service/type', // 4
  ].join('\n')
  const out = applySuppressions([finding('service/selects-nothing', 1), finding('yaml/syntax', 3, 1, null), finding('service/type', 4)], readDirectives(text))
  assert.deepEqual(ids(out), ['1 input/unused-suppression unusedRules', '4 input/unused-suppression endsNothing', '4 service/type'])
  assert.match(out[0].message, /No finding of service\/type was suppressed here/)
})

test('annotations: on the object and its pod template cover the object; the peers are aliases; YAML problems are out of reach', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    ignore-check.kube-linter.io/mismatching-selector: "the selector is set by the chart"
    ignore-check.kube-linter.io/sorted-keys: "not a seaworthy rule: for kube-linter alone"
spec:
  template:
    metadata:
      annotations:
        seaworthy.dev/ignore: "pod/missing-reference -- the Secret is created by the operator"
        kube-score/ignore: container-ports-check,environment-variable-key-duplication
        polaris.fairwinds.com/pdbDisruptionsIsZero-exempt: "false"
    spec: {}
---
apiVersion: v1
kind: Service
metadata:
  name: s
  annotations:
    polaris.fairwinds.com/exempt: "True"
`
  const found = read(text)
  assert.deepEqual(
    found.map((s) => [s.written, s.at.line, s.at.column, s.reportUnused, s.covers.map((c) => c.rule ?? '*'), s.covers[0].from.line, s.covers[0].to.line]),
    [
      ['ignore-check.kube-linter.io/mismatching-selector', 6, 5, false, ['workload/selector'], 1, 16],
      ['seaworthy.dev/ignore', 12, 9, true, ['pod/missing-reference'], 1, 16],
      ['kube-score/ignore', 13, 9, false, ['container/duplicate-env'], 1, 16],
      ['polaris.fairwinds.com/exempt', 22, 5, false, ['*'], 17, 23],
    ],
  )
  assert.equal(found[1].path, 'spec.template.metadata.annotations[seaworthy.dev/ignore]')
  assert.equal(found[1].reason, 'the Secret is created by the operator')
  const out = applySuppressions(
    [finding('workload/selector', 9), finding('container/duplicate-env', 15), finding('yaml/duplicate-key', 15, 5, null), finding('schema/required', 18), finding('pod/missing-reference', 17)],
    found,
  )
  // the Deployment's seaworthy.dev/ignore covers the Deployment only: the finding on line 17 is the Service's
  assert.deepEqual(ids(out), ['12 input/unused-suppression unused', '15 yaml/duplicate-key'])
})

test('disallowed: nothing is suppressed, every suppression gets an info finding', () => {
  const found = readDirectives('a: 1 # seaworthy-disable-line service/type, nope/x')
  const out = applySuppressions([finding('service/type', 1)], found, { disallow: true })
  assert.deepEqual(
    out.map((f) => [f.ruleId, f.messageId, f.severity]),
    [
      ['service/type', 'm', 'warning'],
      ['input/unused-suppression', 'disallowed', 'info'],
    ],
  )
})

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  # seaworthy-disable-next-line service/selects-nothing -- the pods are in another repository
  selector: { app: web }
  ports: [{ port: 80 }]
`

test('lint: a layer-4 finding is suppressed, on one thread and in workers, and counted out', async () => {
  for (const workers of [0, 2]) {
    const report = await lint({ sources: [{ path: 'a.yaml', text: service }, { path: 'b.yaml', text: service.replace('name: web', 'name: api') }], cwd: '/', workers })
    assert.deepEqual(
      report.results.map((r) => r.messages.map((m) => m.ruleId)),
      [[], []],
    )
    assert.equal(report.summary.infoCount + report.summary.warningCount, 0)
  }
})

test('lint: suppressions: { disallow: true } reports the directive and keeps the finding', async () => {
  const report = await lint({ sources: [{ path: 'a.yaml', text: service }], cwd: '/', suppressions: { disallow: true } })
  assert.deepEqual(
    report.results[0].messages.map((m) => [m.ruleId, m.line]),
    [
      ['input/unused-suppression', 6],
      ['service/selects-nothing', 7],
    ],
  )
})
