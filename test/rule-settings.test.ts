// Which rules run at which severity: the config file's extends, rules, overrides and ignorePatterns, --fail-on and
// --print-config.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { parseConfigFile } from '../src/config.js'
import { lint } from '../src/lint.js'
import { allRules } from '../rules/index.js'
import { repoRoot } from './helpers.js'

// a Service that selects nothing (warning), and one in a namespace with no workloads (info)
const SERVICES = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: nginx:1.27 }]
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec:
  selector: { app: postgres }
  ports: [{ port: 5432 }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: other }
spec:
  selector: { app: api }
  ports: [{ port: 80 }]
`

function project(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-rules-'))
  writeFileSync(path.join(dir, '.seaworthy.yaml'), config)
  mkdirSync(path.join(dir, 'dev'))
  writeFileSync(path.join(dir, 'app.yaml'), SERVICES)
  writeFileSync(path.join(dir, 'dev', 'app.yaml'), SERVICES)
  return dir
}

const found = async (dir: string) =>
  (await lint({ patterns: ['.'], cwd: dir })).results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'service/selects-nothing').map((m) => `${r.filePath} ${m.severity}`))

test('no config: the rules keep their default severity, and a partial input stays info', async () => {
  const dir = project('')
  assert.deepEqual(await found(dir), ['app.yaml warning', 'app.yaml info', 'dev/app.yaml warning', 'dev/app.yaml info'])
})

test('rules: off drops a rule; a level replaces its severity, and what the rule made milder stays milder', async () => {
  assert.deepEqual(await found(project('rules:\n  service/selects-nothing: off\n')), [])
  assert.deepEqual(await found(project('rules:\n  service/selects-nothing: error\n')), ['app.yaml error', 'app.yaml info', 'dev/app.yaml error', 'dev/app.yaml info'])
  assert.deepEqual(await found(project('rules:\n  service/selects-nothing: info\n')), ['app.yaml info', 'app.yaml info', 'dev/app.yaml info', 'dev/app.yaml info'])
})

test('overrides apply to the files their globs match, relative to the config file, in order', async () => {
  const config = 'rules:\n  service/selects-nothing: error\noverrides:\n  - files: ["dev/**"]\n    rules:\n      service/selects-nothing: off\n'
  assert.deepEqual(await found(project(config)), ['app.yaml error', 'app.yaml info'])
})

test('ignorePatterns leave files out of the run', async () => {
  const report = await lint({ patterns: ['.'], cwd: project('ignorePatterns: ["dev/**"]\n') })
  assert.deepEqual(report.results.map((r) => r.filePath), ['app.yaml'])
})

test('config mistakes: an unknown rule with a did-you-mean, a bad level, an unknown preset, options where none are taken', () => {
  const known = allRules.map((r) => r.meta)
  const fails = (text: string, pattern: RegExp) => assert.throws(() => parseConfigFile(text, 'c.yaml', known), pattern)
  fails('rules:\n  service/selects-nothin: off\n', /c\.yaml:2:3: unknown rule "service\/selects-nothin"; did you mean "service\/selects-nothing"\?/)
  fails('rules:\n  service/selects-nothing: warn\n', /c\.yaml:2:28: rules\[service\/selects-nothing\] must be off, info, warning or error/)
  fails('extends: strictest\n', /c\.yaml:1:10: extends must be a preset: recommended, strict, all/)
  fails('rules:\n  service/selects-nothing: [error, { x: 1 }]\n', /takes no options/)
  fails('rule:\n  a: b\n', /c\.yaml:1:1: unknown setting "rule"; did you mean "rules"\?/)
  assert.equal(parseConfigFile('extends: all\n', 'c.yaml', known).rules.extends, 'all')
})

test('--fail-on: error by default, warning fails on warnings too, never only reports', () => {
  const dir = project('')
  const run = (...args: string[]) => {
    try {
      execFileSync(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), 'lint', ...args, 'app.yaml'], { cwd: dir, stdio: 'pipe' })
      return 0
    } catch (e: any) {
      return e.status
    }
  }
  assert.equal(run(), 0)
  assert.equal(run('--fail-on', 'warning'), 1)
  assert.equal(run('--fail-on', 'never', '--max-warnings', '0'), 0)
  assert.equal(run('--fail-on', 'sometimes'), 2)
})

test('--print-config shows the levels that apply to a file', () => {
  const dir = project('rules:\n  service/selects-nothing: error\noverrides:\n  - files: dev/**\n    rules:\n      service/selects-nothing: off\n')
  const print = (file: string) => JSON.parse(execFileSync(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), 'lint', '--print-config', file], { cwd: dir, encoding: 'utf8' }))
  assert.equal(print('app.yaml').rules['service/selects-nothing'], 'error')
  assert.equal(print('dev/app.yaml').rules['service/selects-nothing'], 'off')
  assert.equal(print('app.yaml').rules['schema/unknown-field'], 'error')
  assert.equal(print('app.yaml').extends, 'recommended')
})

test('disallowSuppressions in the config: a suppression comment is ignored, and said to be', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-rules-'))
  const service = 'apiVersion: v1\nkind: Service\nmetadata: { name: db }\nspec:\n  # seaworthy-disable-next-line service/selects-nothing\n  selector: { app: postgres }\n  ports: [{ port: 5432 }]\n'
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: web, image: nginx:1.27 }]\n'
  writeFileSync(path.join(dir, 'app.yaml'), `${deployment}---\n${service}`)
  const ids = async () => (await lint({ patterns: ['.'], cwd: dir })).results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.severity}`))
  assert.deepEqual(await ids(), [])
  writeFileSync(path.join(dir, '.seaworthy.yaml'), 'disallowSuppressions: true\n')
  assert.deepEqual((await ids()).sort(), ['input/unused-suppression info', 'service/selects-nothing warning'])
})

test('the level of input/unused-suppression applies to the suppress stage too', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-rules-'))
  writeFileSync(path.join(dir, 'app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\n# seaworthy-disable-next-line service/selects-nothing\ndata: { a: b }\n')
  const ids = async () => (await lint({ patterns: ['app.yaml'], cwd: dir })).results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.severity}`))
  assert.deepEqual(await ids(), ['input/unused-suppression warning'])
  writeFileSync(path.join(dir, '.seaworthy.yaml'), 'rules:\n  input/unused-suppression: off\n')
  assert.deepEqual(await ids(), [])
  writeFileSync(path.join(dir, '.seaworthy.yaml'), 'rules:\n  input/unused-suppression: error\n')
  assert.deepEqual(await ids(), ['input/unused-suppression error'])
})

test('rule options: checked against the rule\'s declared types, merged over its defaults per file', async () => {
  const { RuleLevels } = await import('../src/rule-settings.js')
  const { defineRule } = await import('../src/rule.js')
  const rule = defineRule({
    meta: {
      id: 'test/replicas', category: 'reliability', severity: 'warning', description: 'x.', remediation: 'y.', messages: { few: 'few' },
      options: { minReplicas: { type: 'number', default: 2, min: 1, description: 'the fewest replicas' }, kinds: { type: 'string[]', default: ['Deployment'], description: 'kinds' } },
    },
  })
  const known = [rule.meta]
  const parsed = parseConfigFile('rules:\n  test/replicas: [warning, { minReplicas: 3 }]\noverrides:\n  - files: dev/**\n    rules:\n      test/replicas: [info, { kinds: [StatefulSet] }]\n', 'c.yaml', known)
  const levels = new RuleLevels({ ...parsed.rules, base: '/repo', cwd: '/repo' }, [rule])
  assert.deepEqual(levels.optionsFor('app.yaml', rule), { minReplicas: 3, kinds: ['Deployment'] })
  assert.deepEqual(levels.optionsFor('dev/app.yaml', rule), { minReplicas: 3, kinds: ['StatefulSet'] })
  assert.equal(levels.forFile('dev/app.yaml').get('test/replicas'), 'info')
  assert.throws(() => parseConfigFile('rules:\n  test/replicas: [warning, { minReplica: 3 }]\n', 'c.yaml', known), /c\.yaml:2:30: rule "test\/replicas" has no option "minReplica"; did you mean "minReplicas"\?/)
  assert.throws(() => parseConfigFile('rules:\n  test/replicas: [warning, { minReplicas: 0 }]\n', 'c.yaml', known), /option "minReplicas" of rule "test\/replicas" must be a number of at least 1/)
})

test('policy options from the config: a higher replica minimum, cpu limits left out', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-rules-'))
  writeFileSync(
    path.join(dir, 'app.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  replicas: 2\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          resources: { limits: { memory: 1Gi } }\n',
  )
  const ids = async () => (await lint({ patterns: ['app.yaml'], cwd: dir })).results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${(m as any).messageId}`))
  writeFileSync(path.join(dir, '.seaworthy.yaml'), 'rules:\n  availability/replicas: warning\n  resources/limits: warning\n')
  assert.deepEqual(await ids(), ['resources/limits cpu'])
  writeFileSync(path.join(dir, '.seaworthy.yaml'), 'rules:\n  availability/replicas: [warning, { minReplicas: 3 }]\n  resources/limits: [warning, { cpu: false }]\n')
  assert.deepEqual(await ids(), ['availability/replicas tooFew'])
})
