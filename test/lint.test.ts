// lint() as a library: determinism across thread counts, CRDs across files, in-memory sources, every version.
import assert from 'node:assert/strict'
import path from 'node:path'
import { test } from 'node:test'
import { formatJson } from '../src/format/index.js'
import { lint } from '../src/lint.js'
import { SUPPORTED_KUBERNETES_VERSIONS } from '../src/schema/index.js'
import { fixturesDir, repoRoot } from './helpers.js'

test('the same bytes out on one thread and in workers', async () => {
  const options = { patterns: ['fixtures'], cwd: repoRoot, crdPaths: [path.join(fixturesDir, 'situations/crd-via-flag/context')] }
  const one = formatJson(await lint({ ...options, workers: 0 }))
  const two = formatJson(await lint({ ...options, workers: 2 }))
  const three = formatJson(await lint({ ...options, workers: 3 }))
  assert.equal(two, one)
  assert.equal(three, one)
})

test('custom resources are validated against a CRD from another file, in workers too', async () => {
  const crd = path.join(fixturesDir, 'situations/crd-via-flag/context/widget-crd.yaml')
  const crs = path.join(fixturesDir, 'situations/crd-via-flag/widgets.yaml')
  for (const workers of [0, 2]) {
    const report = await lint({ patterns: [crd, crs], cwd: repoRoot, workers })
    const ids = report.results.flatMap((r) => r.messages.map((m) => m.ruleId))
    assert.ok(ids.includes('schema/unknown-field'), `workers ${workers}: ${ids.join(', ')}`)
    assert.ok(!ids.includes('schema/no-schema'), `workers ${workers}`)
  }
})

test('in-memory sources are linted under their given path', async () => {
  const report = await lint({ sources: [{ path: 'stdin.yaml', text: '\uFEFFapiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: 1\n' }], cwd: repoRoot })
  assert.equal(report.results[0].filePath, 'stdin.yaml')
  assert.deepEqual(
    report.results[0].messages.map((m) => [m.ruleId, m.line, m.column]),
    [['schema/invalid-type', 6, 6]],
  )
})

test('every supported Kubernetes version loads its schemas and validates a Deployment', async () => {
  for (const version of SUPPORTED_KUBERNETES_VERSIONS) {
    const good = await lint({ patterns: ['fixtures/schema/required/valid.yaml'], cwd: repoRoot, kubernetesVersion: version })
    assert.equal(good.summary.errorCount + good.summary.warningCount, 0, `${version}: ${formatJson(good)}`)
    const bad = await lint({ patterns: ['fixtures/schema/unknown-field/invalid.yaml'], cwd: repoRoot, kubernetesVersion: version })
    assert.ok(bad.results[0].messages.some((m) => m.ruleId === 'schema/unknown-field' && m.line === 18), version)
  }
})
