// Piped input: `helm template … | seaworthy lint -` files findings under Helm's `# Source:` paths, at their
// place in the stream; `kustomize build … | seaworthy lint -` (no such comments) stays one stream.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { lint } from '../src/lint.js'
import { sourceSections } from '../src/stream-sources.js'
import { fixturesDir, repoRoot } from './helpers.js'

const helm = readFileSync(path.join(fixturesDir, 'situations/piped/helm-template.yaml'), 'utf8')
const kustomize = readFileSync(path.join(fixturesDir, 'situations/piped/kustomize-build.yaml'), 'utf8')
const bin = path.join(repoRoot, 'bin/seaworthy.js')
const run = (args: string[], input: string) => spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

test('sections start at the `---` of a document whose head names its Source', () => {
  assert.deepEqual(sourceSections(helm), [
    { line: 1, filePath: 'shop/templates/serviceaccount.yaml' },
    { line: 13, filePath: 'shop/templates/configmap.yaml' },
    { line: 27, filePath: 'shop/templates/service.yaml' },
    { line: 48, filePath: 'shop/templates/deployment.yaml' },
    { line: 102, filePath: 'shop/templates/hpa.yaml' },
    { line: 127, filePath: 'shop/templates/tests/test-connection.yaml' },
  ])
  // a first document without ---, CRLF line ends, and a "# Source:" comment below content, which names nothing
  const text = '# Source: a/templates/x.yaml\r\nkind: A\r\n# Source: not/a/head.yaml\r\n---\r\n\r\n# note\r\n# Source: a/templates/y.yaml \r\nkind: B\r\n'
  assert.deepEqual(sourceSections(text), [
    { line: 1, filePath: 'a/templates/x.yaml' },
    { line: 4, filePath: 'a/templates/y.yaml' },
  ])
  assert.deepEqual(sourceSections(kustomize), [])
})

test('lint(): findings of a split source are filed by template, at their line and column in the stream', async () => {
  const report = await lint({ sources: [{ path: '<stdin>', text: helm, splitBySource: true }], cwd: repoRoot })
  assert.deepEqual(report.results.map((r) => r.filePath), [
    'shop/templates/configmap.yaml',
    'shop/templates/deployment.yaml',
    'shop/templates/hpa.yaml',
    'shop/templates/service.yaml',
    'shop/templates/serviceaccount.yaml',
    'shop/templates/tests/test-connection.yaml',
  ])
  const found = report.results.flatMap((r) => r.messages.map((m) => [r.filePath, m.ruleId, m.line, m.column, m.related.map((x) => `${x.filePath}:${x.line}:${x.column}`)]))
  assert.deepEqual(found, [
    ['shop/templates/configmap.yaml', 'schema/invalid-type', 26, 14, []],
    ['shop/templates/deployment.yaml', 'workload/replicas-with-hpa', 61, 13, ['shop/templates/hpa.yaml:114:3']],
    ['shop/templates/service.yaml', 'service/target-port', 42, 19, ['shop/templates/deployment.yaml:75:7']],
  ])
  assert.equal(helm.split('\n')[25], '  CACHE_TTL: 300')
  assert.deepEqual({ files: report.summary.files, objects: report.summary.objects, documents: report.summary.documents }, { files: 6, objects: 6, documents: 6 })
  // the same text from a file is one file
  const plain = await lint({ sources: [{ path: 'rendered.yaml', text: helm }], cwd: repoRoot })
  assert.deepEqual(plain.results.map((r) => [r.filePath, r.messages.length]), [['rendered.yaml', 3]])
})

test('what comes before the first Source keeps the stream name', async () => {
  const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: before\n  lables: {}\n${helm}`
  const report = await lint({ sources: [{ path: 'rendered.yaml', text, splitBySource: true }], cwd: repoRoot })
  const first = report.results.find((r) => r.filePath === 'rendered.yaml')
  assert.deepEqual(first?.messages.map((m) => [m.ruleId, m.line]), [['schema/unknown-field', 5]])
  assert.ok(report.results.some((r) => r.filePath === 'shop/templates/configmap.yaml' && r.messages[0].line === 31))
})

test('helm template | seaworthy lint -', () => {
  const r = run(['lint', '-'], helm)
  assert.equal(r.status, 1, r.stderr)
  assert.match(r.stdout, /^shop\/templates\/configmap\.yaml:26:14 +error +data\[CACHE_TTL\]/m)
  assert.match(r.stdout, /^shop\/templates\/service\.yaml:42:19 +warning .*service\/target-port$/m)
  assert.match(r.stdout, /↳ shop\/templates\/deployment\.yaml:75:7 the containers of Deployment shop/)
  assert.match(r.stdout, /in 6 files, 6 objects checked/)
  // --stdin-filename names only what no Source comment names
  const named = JSON.parse(run(['lint', '-', '--stdin-filename', 'rendered.yaml', '--format', 'json'], helm).stdout)
  assert.ok(!named.results.some((x: { filePath: string }) => x.filePath === 'rendered.yaml'))
})

test('kustomize build | seaworthy lint -: one stream, checks across its documents', () => {
  const r = run(['lint', '-', '--format', 'json'], kustomize)
  assert.equal(r.status, 0, r.stderr)
  const report = JSON.parse(r.stdout)
  assert.deepEqual(report.results.map((x: { filePath: string }) => x.filePath), ['<stdin>'])
  assert.deepEqual(report.results[0].messages.map((m: { ruleId: string; line: number }) => [m.ruleId, m.line]), [['service/selects-nothing', 42]])
  assert.equal(report.summary.objects, 4)
})

test('a large multi-document stream on stdin', () => {
  // 1,000 copies of the kustomize output, each in its own namespace: 4,000 objects, about 1.3 MB
  const copies = Array.from({ length: 1000 }, (_, i) => kustomize.replaceAll('namespace: shop', `namespace: shop-${i}`))
  const r = run(['lint', '-', '--format', 'json'], copies.join('---\n'))
  assert.equal(r.status, 0, r.stderr)
  const report = JSON.parse(r.stdout)
  assert.equal(report.summary.objects, 4000)
  const lines = report.results[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'service/selects-nothing').map((m: { line: number }) => m.line)
  assert.equal(lines.length, 1000)
  const perCopy = kustomize.split('\n').length
  assert.deepEqual(lines.slice(0, 3), [42, 42 + perCopy, 42 + 2 * perCopy])
})
