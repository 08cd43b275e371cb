// Context files (--context, LintOptions.context): their objects take part in the checks across objects, their own
// findings are not reported — how the pre-commit hook lints the staged files in the repository's context.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { lint } from '../src/lint.js'
import { WEB_DEPLOYMENT, WEB_SERVICE, fixturesDir, repoRoot } from './helpers.js'

// an unknown field: an error wherever this file is linted
const BROKEN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  lables: {}
`

/** a repository: k8s/deployment.yaml, k8s/service.yaml, other/broken.yaml */
function repository(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-context-'))
  mkdirSync(path.join(dir, 'k8s'))
  mkdirSync(path.join(dir, 'other'))
  writeFileSync(path.join(dir, 'k8s/deployment.yaml'), WEB_DEPLOYMENT)
  writeFileSync(path.join(dir, 'k8s/service.yaml'), WEB_SERVICE)
  writeFileSync(path.join(dir, 'other/broken.yaml'), BROKEN)
  return dir
}

const ids = (report: Awaited<ReturnType<typeof lint>>) => report.results.flatMap((r) => r.messages.map((m) => `${r.filePath} ${m.ruleId}`))

test('a Service linted alone selects nothing; with the repository as context it finds its Deployment', async () => {
  const cwd = repository()
  const alone = await lint({ patterns: ['k8s/service.yaml'], cwd })
  assert.ok(ids(alone).includes('k8s/service.yaml service/selects-nothing'), ids(alone).join('\n'))
  for (const workers of [0, 2]) {
    const report = await lint({ patterns: ['k8s/service.yaml'], context: ['.'], cwd, workers })
    assert.deepEqual(ids(report), ['k8s/service.yaml service/target-port'], `workers ${workers}`)
    // the finding on the linted file keeps its related location in the context file
    const [finding] = report.results[0].messages
    assert.deepEqual(
      finding.related.map((r) => [r.filePath, r.line, r.column]),
      [['k8s/deployment.yaml', 14, 7]],
    )
  }
})

test('context files are not reported, nor counted; a file both linted and in the context is reported', async () => {
  const cwd = repository()
  const report = await lint({ patterns: ['k8s/deployment.yaml'], context: ['.'], cwd })
  assert.deepEqual(report.results.map((r) => r.filePath), ['k8s/deployment.yaml'])
  assert.equal(report.summary.files, 1)
  assert.equal(report.summary.objects, 1)
  assert.equal(report.summary.errorCount, 0)
  const both = await lint({ patterns: ['other/broken.yaml'], context: ['other', '**/*.yaml'], cwd })
  assert.deepEqual(ids(both), ['other/broken.yaml schema/unknown-field'])
})

test('an in-memory source stands for the context file at its path', async () => {
  const cwd = repository()
  const fixed = WEB_SERVICE.replace('htpp', 'http')
  const report = await lint({ sources: [{ path: 'k8s/service.yaml', text: fixed }], context: ['.'], cwd })
  assert.deepEqual(report.results.map((r) => [r.filePath, r.messages.length]), [['k8s/service.yaml', 0]])
})

test('custom resources are validated against a CRD in a context file', async () => {
  const crs = path.join(fixturesDir, 'situations/crd-via-flag/widgets.yaml')
  const report = await lint({ patterns: [crs], context: [path.join(fixturesDir, 'situations/crd-via-flag/context')], cwd: repoRoot })
  assert.ok(ids(report).some((id) => id.endsWith('schema/unknown-field')), ids(report).join('\n'))
  assert.ok(!ids(report).some((id) => id.endsWith('schema/no-schema')))
  assert.equal(report.results.length, 1)
})

test('with the linted files\' earlier texts, what their change breaks in a context file is reported, not what was wrong before', async () => {
  const cwd = repository()
  writeFileSync(path.join(cwd, 'k8s/deployment.yaml'), WEB_DEPLOYMENT.replaceAll('app: web', 'app: web-v2'))
  for (const workers of [0, 2]) {
    const report = await lint({ patterns: ['k8s/deployment.yaml'], context: ['.'], cwd, workers, contextBaseline: (file) => (file.endsWith('deployment.yaml') ? WEB_DEPLOYMENT : null) })
    // the Service's target-port finding and the broken ConfigMap were there before the change
    assert.deepEqual(ids(report), ['k8s/service.yaml service/selects-nothing'], `workers ${workers}`)
  }
  // a new file: its earlier text is none, and the Service found no pods before it either
  const report = await lint({ patterns: ['k8s/deployment.yaml'], context: ['.'], cwd, contextBaseline: () => null })
  assert.deepEqual(ids(report), [])
})

test('seaworthy lint --context', () => {
  const cwd = repository()
  const bin = path.join(repoRoot, 'bin/seaworthy.js')
  const r = spawnSync(process.execPath, [bin, 'lint', '--context', '.', '--format', 'json', 'k8s/service.yaml'], { cwd, encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  const report = JSON.parse(r.stdout)
  assert.deepEqual(report.results.map((x: { filePath: string }) => x.filePath), ['k8s/service.yaml'])
  assert.deepEqual(report.results[0].messages.map((m: { ruleId: string }) => m.ruleId), ['service/target-port'])
})
