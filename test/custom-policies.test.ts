// Custom policies in the config file: CEL over `object` and `objects`, reported like any rule, and a broken
// expression a config error at its own line and column.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { parseConfigFile } from '../src/config.js'
import { celValue } from '../src/custom-policies.js'
import type { IdentifiedFinding } from '../src/findings.js'
import { lint } from '../src/lint.js'
import { allRules } from '../rules/index.js'
import { formatters } from '../src/format/index.js'
import { repoRoot } from './helpers.js'

const known = allRules.map((r) => r.meta)

const POLICIES = `policies:
  - id: custom/team-label
    description: Every workload names the team that owns it.
    kinds: [apps/Deployment, StatefulSet]
    expression: has(object.metadata.labels) && "team" in object.metadata.labels
    message: add a team label, so that alerts reach the owners
    path: metadata.labels
  - id: custom/max-replicas
    kinds: Deployment
    match: object.metadata.namespace != "batch"
    expression: |
      !has(object.spec.replicas) ||
        object.spec.replicas <= 10
    messageExpression: '"replicas " + string(object.spec.replicas) + " is above 10"'
    message: too many replicas
    severity: error
    path: spec.replicas
  - id: custom/service-has-deployment
    kinds: [core/Service]
    expression: objects.exists(o, o.kind == "Deployment" && o.metadata.name == object.metadata.name)
    message: no Deployment of the same name
  - id: custom/image-registry
    kinds: [Deployment]
    expression: object.spec.template.spec.containers.all(c, c.image.startsWith("registry.acme.dev/"))
    message: images come from registry.acme.dev
    path: spec.template.spec.containers
`

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 12
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx:1.27}]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: nightly
  namespace: batch
  labels: {team: data}
spec:
  replicas: 20
  selector: {matchLabels: {app: nightly}}
  template:
    metadata: {labels: {app: nightly}}
    spec:
      containers: [{name: job, image: registry.acme.dev/nightly:2}]
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: shop
spec:
  selector: {app: web}
  ports: [{port: 80}]
`

async function run(config: string, manifests = MANIFESTS, extra: Parameters<typeof lint>[0] = {}): Promise<IdentifiedFinding[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-policies-'))
  writeFileSync(path.join(dir, '.seaworthy.yaml'), config)
  const report = await lint({ sources: [{ path: 'app.yaml', text: manifests }], cwd: dir, ...extra })
  return report.results.flatMap((r) => r.messages as IdentifiedFinding[]).filter((m) => m.ruleId.startsWith('custom/'))
}

const brief = (f: IdentifiedFinding) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} (${f.messageId}) ${f.path}: ${f.message}`

test('each policy reports where its expression is false, at its path, with its message and severity', async () => {
  assert.deepEqual((await run(POLICIES)).map(brief), [
    '3:1 warning custom/team-label (violated) metadata.labels: add a team label, so that alerts reach the owners',
    '7:13 error custom/max-replicas (violated) spec.replicas: replicas 12 is above 10',
    '12:19 warning custom/image-registry (violated) spec.template.spec.containers: images come from registry.acme.dev',
    '40:9 warning custom/service-has-deployment (violated) metadata.name: no Deployment of the same name',
  ])
  // the same findings when worker threads read the files
  assert.deepEqual(await run(POLICIES, MANIFESTS, { workers: 2 }), await run(POLICIES))
})

test('custom policies take levels, overrides and suppressions like any rule', async () => {
  const off = await run(`${POLICIES}rules:\n  custom/team-label: off\noverrides:\n  - files: ["app.yaml"]\n    rules: {custom/max-replicas: info}\n`)
  assert.deepEqual(
    off.map((f) => `${f.ruleId} ${f.severity}`),
    ['custom/max-replicas info', 'custom/image-registry warning', 'custom/service-has-deployment warning'],
  )
  const suppressed = await run(POLICIES, MANIFESTS.replace('  replicas: 12', '  # seaworthy-disable-next-line custom/max-replicas -- a launch-week peak\n  replicas: 12'))
  assert.equal(suppressed.some((f) => f.ruleId === 'custom/max-replicas'), false)
  const all = await run(POLICIES, `# seaworthy-disable custom/*\n${MANIFESTS}`)
  assert.deepEqual(all, [])
})

test('an expression that cannot be evaluated on an object is a finding that says why', async () => {
  const found = await run(`policies:
  - id: custom/owner
    kinds: [Service]
    expression: object.metadata.annotations["acme.dev/owner"] != ""
    message: name the owner in acme.dev/owner
`)
  assert.equal(found.length, 2)
  assert.equal(found[0].messageId, 'failed')
  assert.match(found[0].message, /^name the owner in acme\.dev\/owner \(the policy could not be evaluated on this object: No such key: annotations\)$/)
})

test('the object is seen as the API server reads it: nulls unset, whole numbers CEL ints', () => {
  assert.deepEqual(celValue({ a: null, b: [1, null, 1.5], c: { d: 'x' } }), { b: [1n, 1.5], c: { d: 'x' } })
})

/** what reading this config file says is wrong with it */
function configMistake(text: string): string {
  try {
    parseConfigFile(text, 'c.yaml', known)
  } catch (e) {
    return (e as Error).message
  }
  return 'no error'
}

test('a broken expression is a config error at its line and column, in any scalar style', () => {
  const mistake = (policy: string) => configMistake(`policies:\n  - id: custom/x\n    message: m\n${policy}`)
  assert.equal(mistake('    expression: object.spec.replicas >\n'), 'c.yaml:4:39: policies[0].expression: Unexpected token: EOF')
  assert.equal(mistake('    expression: "object.spec.x + \\"a\\" > undeclared"\n'), 'c.yaml:4:42: policies[0].expression: Unknown variable: undeclared')
  assert.equal(mistake('    expression: |\n      has(object.spec) &&\n        object.spec.replicas +* 2\n'), 'c.yaml:6:31: policies[0].expression: Unexpected token: MULTIPLY')
  assert.equal(mistake('    expression: object.spec.replicas + 1\n'), 'c.yaml:4:17: policies[0].expression: expression must evaluate to a bool (true or false), not int')
  assert.equal(mistake('    expression: "true"\n    match: nope(\n'), 'c.yaml:5:17: policies[0].match: Unexpected token: EOF')
  assert.equal(mistake('    expression: "true"\n    messageExpression: object.spec.replicas > 1\n'), 'c.yaml:5:24: policies[0].messageExpression: messageExpression must evaluate to a string, not bool')
})

test('policy settings are checked with positions', () => {
  const mistake = configMistake
  assert.match(mistake('policies:\n  - id: team\n    expression: "true"\n    message: m\n'), /^c\.yaml:2:9: policies\[0\]\.id must be "custom\/" and a name/)
  assert.match(mistake('policies:\n  - id: custom/x\n    expression: "true"\n'), /^c\.yaml:2:5: policies\[0\] is missing "message"/)
  assert.match(mistake('policies:\n  - {id: custom/x, expression: "true", message: m}\n  - {id: custom/x, expression: "true", message: m}\n'), /^c\.yaml:3:10: policies\[1\]\.id must be unique/)
  assert.match(mistake('policies:\n  - id: custom/x\n    expression: "true"\n    message: m\n    severity: fatal\n'), /^c\.yaml:5:15: policies\[0\]\.severity must be error, warning or info/)
  assert.match(mistake('policies:\n  - id: custom/x\n    expresion: "true"\n    message: m\n'), /^c\.yaml:3:5: unknown setting "expresion"/)
  assert.match(mistake('policies:\n  - id: custom/x\n    expression: "true"\n    message: m\n    path: spec..x\n'), /^c\.yaml:5:11: policies\[0\]\.path must be a field path/)
  assert.match(mistake('policies:\n  - id: custom/x\n    expression: "true"\n    message: m\nrules:\n  custom/y: off\n'), /^c\.yaml:6:3: unknown rule "custom\/y"; did you mean "custom\/x"\?/)
  assert.match(mistake('policies:\n  - id: custom/x\n    expression: "true"\n    message: m\n    path: metadata.labels[app.kubernetes.io/name]\n'), /^no error$/)
})

test('the README example config runs and prints what the README shows', async () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('### Custom policies'))
  const config = /```yaml\n([\s\S]*?)```/.exec(section)![1]
  const shown = /```console\n\$ seaworthy lint app\.yaml\n([\s\S]*?)```/.exec(section)![1].trimEnd().split('\n')
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-policies-'))
  writeFileSync(path.join(dir, '.seaworthy.yaml'), config)
  const report = await lint({ sources: [{ path: 'app.yaml', text: MANIFESTS }], cwd: dir })
  const printed = formatters.stylish(report, { color: false }).split('\n')
  for (const line of shown) assert.ok(printed.includes(line), `README line not printed: ${line}\n${printed.join('\n')}`)
})

test('a policy also checks custom resources whose CustomResourceDefinition the input does not carry', async () => {
  const found = await run(
    `policies:\n  - id: custom/rollout-canary\n    kinds: [argoproj.io/Rollout]\n    expression: has(object.spec.strategy.canary)\n    message: rollouts use canary steps\n    path: spec.strategy\n`,
    'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  strategy:\n    blueGreen: {activeService: web}\n',
  )
  assert.deepEqual(found.map(brief), ['7:5 warning custom/rollout-canary (violated) spec.strategy: rollouts use canary steps'])
})
