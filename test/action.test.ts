// The GitHub Action as a runner runs it: `node dist-action/index.js` from a checkout of this repository (without
// node_modules: the bundle must be whole), with INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { ACTION_BUNDLE, buildAction } from '../scripts/build-action.js'
import { repoRoot } from './helpers.js'

test('the committed action bundle is what npm run build:action makes', async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'seaworthy-action-build-')), 'index.js')
  await buildAction(out)
  assert.ok(readFileSync(out).equals(readFileSync(ACTION_BUNDLE)), 'dist-action/index.js is stale: run npm run build:action and commit it')
})

test('action.yml runs the bundle on node24 and declares the inputs and outputs the bundle reads', () => {
  const yml = readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')
  assert.match(yml, /^runs:\n {2}using: node24\n {2}main: dist-action\/index\.js$/m)
  for (const input of ['paths', 'kubernetes-version', 'config', 'fail-on', 'max-warnings', 'sarif-file']) assert.match(yml, new RegExp(`^ {2}${input}:$`, 'm'), input)
  for (const output of ['error-count', 'warning-count', 'sarif-file']) assert.match(yml.slice(yml.indexOf('\noutputs:')), new RegExp(`^ {2}${output}:$`, 'm'), output)
})

// a checkout of the action: what the runner downloads, with no node_modules
const checkout = path.join(mkdtempSync(path.join(tmpdir(), 'seaworthy-action-')), 'action')
for (const p of ['package.json', 'action.yml', 'dist-action', 'schemas', 'config-schema']) cpSync(path.join(repoRoot, p), path.join(checkout, p), { recursive: true })

interface Run {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  workspace: string
}

/** the step: inputs as the runner passes them (INPUT_ + upper case, spaces to _, dashes kept) */
function runAction(files: Record<string, string>, inputs: Record<string, string>): Run {
  const root = mkdtempSync(path.join(tmpdir(), 'seaworthy-runner-'))
  const workspace = path.join(root, 'workspace')
  for (const [to, from] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, to)), { recursive: true })
    cpSync(path.join(repoRoot, from), path.join(workspace, to))
  }
  const outputFile = path.join(root, 'output')
  const summaryFile = path.join(root, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const defaults = { paths: '.', 'kubernetes-version': '', config: '', 'fail-on': 'error', 'max-warnings': '', 'sarif-file': 'seaworthy.sarif' }
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_ACTIONS: 'true' }
  for (const [k, v] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const r = spawnSync(process.execPath, [path.join(checkout, 'dist-action/index.js')], { cwd: workspace, env, encoding: 'utf8' })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8'), workspace }
}

/** `name<<delimiter`, the value's lines, `delimiter` */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!m) continue
    const end = lines.indexOf(m[2], i + 1)
    out[m[1]] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return out
}

const badAndCrossFile = {
  'k8s/web.yaml': 'fixtures/schema/unknown-field/invalid.yaml',
  'k8s/svc.yaml': 'fixtures/service/selects-nothing/invalid.yaml',
  'k8s/ok.yaml': 'fixtures/schema/required/valid.yaml',
}

test('failing run: annotations at exact positions, outputs, summary table, SARIF file, exit 1', () => {
  assert.ok(existsSync(path.join(checkout, 'dist-action/index.js')))
  const r = runAction(badAndCrossFile, { paths: 'k8s', 'sarif-file': 'results/seaworthy.sarif' })
  assert.equal(r.status, 1, r.stderr)
  assert.equal(r.stderr, '')
  assert.match(r.stdout, /^::error title=schema\/unknown-field,file=k8s\/web\.yaml,line=18,endLine=18,col=11,endColumn=22::Unknown field "imagePolicy" in Deployment web/m)
  assert.match(r.stdout, /^::warning title=service\/selects-nothing,file=k8s\/svc\.yaml,line=\d+,endLine=\d+,col=\d+,endColumn=\d+::/m)
  assert.match(r.stdout, /^::error::seaworthy found 3 errors and \d+ warnings?\.$/m)
  assert.equal(r.outputs['error-count'], '3')
  assert.ok(Number(r.outputs['warning-count']) >= 1, r.outputs['warning-count'])
  assert.equal(r.outputs['sarif-file'], 'results/seaworthy.sarif')
  assert.match(r.summary, /^<h2>seaworthy<\/h2>\n<p>3 errors, /)
  assert.match(r.summary, /<tr><td>error<\/td><td><code>k8s\/web\.yaml:18:11<\/code><\/td><td><a href="[^"]+\/rules\/schema\/unknown-field\.md">schema\/unknown-field<\/a><\/td><td>Unknown field &quot;imagePolicy&quot;/)
  const rows = r.summary.match(/<tr><td>/g)?.length ?? 0
  const sarif = JSON.parse(readFileSync(path.join(r.workspace, 'results/seaworthy.sarif'), 'utf8'))
  assert.equal(sarif.runs[0].results.length, rows)
  assert.equal(sarif.runs[0].results.filter((x: any) => x.level === 'error').length, 3)
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'k8s/svc.yaml')
})

test('passing runs: clean input, and fail-on never; max-warnings and fail-on warning fail on warnings', () => {
  const clean = runAction({ 'ok.yaml': 'fixtures/schema/required/valid.yaml' }, {})
  assert.equal(clean.status, 0, clean.stdout + clean.stderr)
  assert.doesNotMatch(clean.stdout, /::error/)
  assert.deepEqual([clean.outputs['error-count'], clean.outputs['warning-count'], clean.outputs['sarif-file']], ['0', '0', 'seaworthy.sarif'])
  assert.match(clean.summary, /^<h2>seaworthy<\/h2>\n<p>0 errors, 0 warnings and 0 notes in 1 file \(1 object\)/)
  assert.equal(JSON.parse(readFileSync(path.join(clean.workspace, 'seaworthy.sarif'), 'utf8')).runs[0].results.length, 0)

  const never = runAction(badAndCrossFile, { paths: 'k8s', 'fail-on': 'never' })
  assert.equal(never.status, 0)
  assert.match(never.stdout, /^::error title=schema\/unknown-field,/m)

  const warningsOnly = { 'svc.yaml': 'fixtures/service/selects-nothing/invalid.yaml' }
  assert.equal(runAction(warningsOnly, {}).status, 0)
  assert.equal(runAction(warningsOnly, { 'fail-on': 'warning' }).status, 1)
  const capped = runAction(warningsOnly, { 'max-warnings': '0' })
  assert.equal(capped.status, 1)
  assert.match(capped.stdout, /^::error::seaworthy found 0 errors and \d+ warnings? \(max-warnings: 0\)\.$/m)
})

test('bad settings fail the step with one line, no stack trace', () => {
  const r = runAction({ 'ok.yaml': 'fixtures/schema/required/valid.yaml' }, { 'fail-on': 'sometimes' })
  assert.equal(r.status, 1)
  assert.equal(r.stdout, '::error::seaworthy: fail-on takes error, warning or never, not "sometimes".\n')
  const version = runAction({ 'ok.yaml': 'fixtures/schema/required/valid.yaml' }, { 'kubernetes-version': '1.2' })
  assert.equal(version.status, 1)
  assert.match(version.stdout, /^::error::seaworthy: Unsupported Kubernetes version "1\.2"; supported: /)
  assert.doesNotMatch(version.stdout + version.stderr, /\n\s+at /)
})

test('the npm package ships what the CLI needs, and not the action', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  const files = new Set<string>((JSON.parse(r.stdout)[0].files as Array<{ path: string }>).map((f) => f.path))
  for (const f of ['bin/seaworthy.js', 'dist/src/cli-loader.js', 'dist/src/cli.bundle.cjs', 'schemas/definitions.json', 'schemas/kinds.json', 'config-schema/validator.cjs', 'rules/schema/unknown-field.md']) assert.ok(files.has(f), f)
  assert.ok(![...files].some((f) => f.startsWith('dist-action/') || f.startsWith('dist/src/action') || f === 'action.yml'))
})
