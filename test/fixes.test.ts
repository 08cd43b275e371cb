// The certain fixes findings carry (for the editor's quick fixes): what replaces the finding's own range.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { lint } from '../src/lint.js'

async function fixes(text: string, kubernetesVersion = '1.35') {
  const report = await lint({ sources: [{ path: 'in.yaml', text }], kubernetesVersion, cwd: '/nonexistent' })
  return report.results[0].messages.filter((m) => m.fix).map((m) => ({ ruleId: m.ruleId, at: `${m.line}:${m.column}-${m.endColumn}`, fix: m.fix }))
}

test('a misspelt field: its key, renamed to the field it was meant to be', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      imagePolicy: Always\n'
  assert.deepEqual(await fixes(text), [{ ruleId: 'schema/unknown-field', at: '9:7-18', fix: { title: 'Rename "imagePolicy" to "imagePullPolicy"', text: 'imagePullPolicy' } }])
})

test('a removed or deprecated apiVersion: the replacement, in the same quotes', async () => {
  const pdb = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: PodDisruptionBudget\nmetadata:\n  name: p\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: a }\n`
  assert.deepEqual(await fixes(pdb('policy/v1beta1')), [{ ruleId: 'api/not-served', at: '1:13-27', fix: { title: 'Change apiVersion to policy/v1', text: 'policy/v1' } }])
  assert.deepEqual(await fixes(pdb("'policy/v1beta1'"), '1.24'), [{ ruleId: 'api/deprecated', at: '1:13-29', fix: { title: 'Change apiVersion to policy/v1', text: "'policy/v1'" } }])
})

test('no fix when the finding names no certain replacement', async () => {
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      zzzqqq: 1\n'
  assert.deepEqual(await fixes(text), [])
})

test('a Service that nearly selects a workload: its selector value, changed to the pod label', async () => {
  const text = `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: "frontend" }
  ports: [{ port: 80 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: frontnd } }
  template:
    metadata: { labels: { app: frontnd } }
    spec: { containers: [{ name: web, image: nginx:1.27 }] }
`
  assert.deepEqual(await fixes(text), [{ ruleId: 'service/selects-nothing', at: '5:20-30', fix: { title: 'Change the selector\'s app to "frontnd"', text: 'frontnd' } }])
})
