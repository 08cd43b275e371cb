// The real `seaworthy` binary, as a user runs it.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { repoRoot } from './helpers.js'

const bin = path.join(repoRoot, 'bin/seaworthy.js')

function run(args: string[], options: { input?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, input: options.input ?? '', encoding: 'utf8', env: { ...process.env, ...options.env } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const fixture = (p: string) => path.join('fixtures', p)

test('exit 0 and a clean summary when nothing is wrong', () => {
  const r = run(['lint', fixture('schema/required/valid.yaml')])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /✔ No problems in 1 file, 1 object checked against Kubernetes 1\.35/)
})

test('exit 1 with path:line:col rows when there are errors; no colours when piped', () => {
  const r = run(['lint', fixture('schema/unknown-field/invalid.yaml')])
  assert.equal(r.code, 1)
  assert.match(r.stdout, /^fixtures\/schema\/unknown-field\/invalid\.yaml:18:11 +error +Unknown field "imagePolicy"/m)
  assert.ok(!r.stdout.includes("\u001b["))
})

test('--color forces colours', () => {
  assert.ok(run(["lint", "--color", fixture("schema/unknown-field/invalid.yaml")]).stdout.includes("\u001b["))
})

test('--format json has the documented shape', () => {
  const r = run(['lint', '--format', 'json', fixture('schema/unknown-field/invalid.yaml')])
  const report = JSON.parse(r.stdout)
  assert.deepEqual(Object.keys(report), ['version', 'tool', 'kubernetesVersion', 'results', 'summary'])
  assert.equal(report.tool.name, 'seaworthy')
  const [result] = report.results
  assert.equal(result.filePath, 'fixtures/schema/unknown-field/invalid.yaml')
  assert.deepEqual(Object.keys(result), ['filePath', 'messages', 'errorCount', 'warningCount', 'infoCount'])
  const m = result.messages[0]
  assert.deepEqual(Object.keys(m), ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'object', 'path', 'related'])
  assert.deepEqual(m.object, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: null, name: 'web' })
  assert.equal(m.path, 'spec.template.spec.containers[0].imagePolicy')
  assert.deepEqual(Object.keys(report.summary), ['files', 'documents', 'objects', 'errorCount', 'warningCount', 'infoCount'])
})

test('stdin with --stdin-filename', () => {
  const input = readFileSync(path.join(repoRoot, fixture('schema/unknown-field/invalid.yaml')), 'utf8')
  const r = run(['lint', '-', '--stdin-filename', 'chart/web.yaml', '--format', 'json'], { input })
  assert.equal(r.code, 1)
  assert.equal(JSON.parse(r.stdout).results[0].filePath, 'chart/web.yaml')
})

test('--output-file writes the report, --quiet keeps errors only', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-'))
  const out = path.join(dir, 'report.json')
  const r = run(['lint', '--quiet', '--format', 'json', '--output-file', out, fixture('input/not-an-object/invalid.yaml')])
  assert.equal(r.code, 0)
  assert.equal(r.stdout, '')
  const report = JSON.parse(readFileSync(out, 'utf8'))
  assert.equal(report.results[0].messages.length, 0)
})

test('--max-warnings turns warnings into a failing exit code', () => {
  const file = fixture('api/deprecated/invalid.yaml')
  assert.equal(run(['lint', '--kubernetes-version', '1.24', file]).code, 0)
  assert.equal(run(['lint', '--kubernetes-version', '1.24', '--max-warnings', '0', file]).code, 1)
})

test('usage errors exit 2 with one line and no stack trace', () => {
  for (const args of [['lint', '--kubernetes-version', '1.12', 'fixtures'], ['lint', '--format', 'xml', 'fixtures'], ['lint', 'no/such/dir'], ['lint', '--bogus'], ['lint', 'fixtures/**/*.nothing']]) {
    const r = run(args)
    assert.equal(r.code, 2, args.join(' '))
    assert.match(r.stderr, /^seaworthy: .+\n$/)
    assert.doesNotMatch(r.stderr, /at .+:\d+:\d+/)
  }
  assert.match(run(['lint', '--kubernetes-version', '1.12', 'fixtures']).stderr, /supported: 1\.23, .*1\.35/)
})

test('a folder without manifests is not an error', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-empty-'))
  writeFileSync(path.join(dir, 'notes.txt'), 'hello')
  const r = run(['lint', dir])
  assert.equal(r.code, 0, r.stderr)
  assert.match(r.stdout, /No problems in 0 files/)
})

test('rules lists every rule, as text and as JSON', () => {
  const text = run(['rules'])
  assert.equal(text.code, 0)
  assert.match(text.stdout, /^schema\/unknown-field +error +schema +/m)
  const rows = JSON.parse(run(['rules', '--format', 'json']).stdout)
  assert.ok(rows.some((r: { id: string }) => r.id === 'yaml/duplicate-key'))
  assert.deepEqual(Object.keys(rows[0]), ['id', 'severity', 'category', 'preset', 'description'])
})

test('--version and --help', () => {
  assert.match(run(['--version']).stdout, /^\d+\.\d+\.\d+\n$/)
  assert.match(run(['--help']).stdout, /Usage: seaworthy lint/)
})
