// resources/range with the bounds of Polaris' custom resourceRange check (its check.yaml: limits only, memory
// 100Mi-6G, cpu 100m-2) agrees with that check's own fixtures; and bad bounds stop the run as a configuration error.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { ToolError } from '../src/errors.js'
import { lint } from '../src/lint.js'
import { sharedDir } from './helpers.js'

const ID = 'resources/range'
const dir = path.join(sharedDir, 'conformance/polaris/test/checks/resourceRange')
const POLARIS_BOUNDS = { fields: ['limits'], memoryMin: '100Mi', memoryMax: '6G', cpuMin: '100m', cpuMax: '2' }

async function hits(text: string, options: Record<string, unknown>): Promise<string[]> {
  const report = await lint({ sources: [{ path: 'pod.yaml', text }], rules: { [ID]: { level: 'warning', options } } })
  return report.results.flatMap((r) => r.messages).filter((m) => m.ruleId === ID).map((m) => m.path ?? '')
}

test('resources/range agrees with Polaris resourceRange on its fixtures, given the same bounds', async (t) => {
  if (!existsSync(dir)) {
    t.skip('../shared/conformance/polaris not found')
    return
  }
  const files = readdirSync(dir).filter((f) => /^(success|failure).*\.ya?ml$/.test(f)).sort()
  assert.ok(files.length >= 4)
  for (const file of files) {
    const found = await hits(readFileSync(path.join(dir, file), 'utf8'), POLARIS_BOUNDS)
    assert.equal(found.length > 0, file.startsWith('failure'), `${file}: ${found.join(', ') || 'no finding'}`)
  }
})

test('resources/range reports nothing with every bound unset', async () => {
  const none = { memoryMin: '' }
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      resources:\n        limits: {cpu: "64", memory: 1}\n'
  assert.deepEqual(await hits(pod, none), [])
  assert.deepEqual(await hits(pod, {}), ['spec.containers[0].resources.limits.memory'])
})

test('resources/range: a bound that is no quantity, or a minimum above its maximum, is a configuration error', async () => {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "nginx:1.27"}\n'
  await assert.rejects(hits(pod, { cpuMax: '2 cores' }), (e: unknown) => e instanceof ToolError && /cpuMax: "2 cores" is not a quantity/.test(e.message))
  await assert.rejects(hits(pod, { memoryMin: '1Gi', memoryMax: '512Mi' }), (e: unknown) => e instanceof ToolError && /memoryMin is above memoryMax/.test(e.message))
  await assert.rejects(hits(pod, { fields: ['request'] }), ToolError)
})
