// `seaworthy simulate`: golden text and JSON for a realistic application (fixtures/situations/simulate), and the
// command run through the real bin.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { formatSimulationJson, formatSimulationText } from '../src/format/simulation.js'
import { analyse } from '../src/lint.js'
import { simulate } from '../src/simulate/outcomes.js'
import { repoRoot } from './helpers.js'

const dir = 'fixtures/situations/simulate'
const now = new Date('2026-11-20T12:00:00Z')

const golden = (name: string, actual: string) => {
  const file = path.join(repoRoot, 'test/golden', name)
  if (process.env.UPDATE_SNAPSHOTS === '1') writeFileSync(file, actual)
  assert.equal(actual, readFileSync(file, 'utf8'))
}

async function report(files: string[], config?: string) {
  const run = await analyse({ patterns: files.map((f) => `${dir}/${f}`), cwd: repoRoot, ...(config ? { configPath: `${dir}/${config}` } : {}) })
  return { version: 1 as const, kubernetesVersion: run.kubernetesVersion, now: now.toISOString(), outcomes: simulate(run.index, { now }) }
}

test('simulate: an application with a cluster profile, as text', async () => {
  golden('simulate.txt', formatSimulationText(await report(['context/db.yaml', 'context/web.yaml', 'context/jobs.yaml'], 'context/.seaworthy.yaml'), { color: false }))
})

test('simulate: the same application as JSON', async () => {
  golden('simulate.json', formatSimulationJson(await report(['context/db.yaml', 'context/web.yaml', 'context/jobs.yaml'], 'context/.seaworthy.yaml')))
})

test('simulate: what goes wrong without the cluster profile and the other files', async () => {
  golden('simulate-broken.txt', formatSimulationText(await report(['broken.yaml']), { color: false }))
})

test('simulate through the bin: text by default, exit 0, --now respected', () => {
  const out = execFileSync(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), 'simulate', '--now', '2026-11-20T12:00:00Z', `${dir}/context/jobs.yaml`], { cwd: repoRoot, encoding: 'utf8' })
  assert.match(out, /^CronJob default\/report {2}\("0 3 \* \* 1-5", Europe\/Berlin\)/m)
  assert.match(out, /next runs {3}2026-11-23 03:00 CET, 2026-11-24 03:00 CET, 2026-11-25 03:00 CET/)
})

test('simulate through the bin: a bad --now is a usage failure', () => {
  assert.throws(
    () => execFileSync(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), 'simulate', '--now', 'tomorrow', `${dir}/context/jobs.yaml`], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' }),
    (e: any) => e.status === 2 && /--now takes an ISO 8601 time/.test(String(e.stderr)),
  )
})

test('--namespace puts objects that name none in that namespace, for lint and simulate', () => {
  const bin = path.join(repoRoot, 'bin/seaworthy.js')
  const out = execFileSync(process.execPath, [bin, 'simulate', '-n', 'batch', '--format', 'json', `${dir}/context/jobs.yaml`], { cwd: repoRoot, encoding: 'utf8' })
  assert.deepEqual([...new Set(JSON.parse(out).outcomes.map((o: any) => o.object.namespace))], ['batch'])
  const lint = execFileSync(process.execPath, [bin, 'lint', '--namespace', 'shop', '--format', 'json', 'fixtures/service/selects-nothing/invalid-partial.yaml'], { cwd: repoRoot, encoding: 'utf8' })
  assert.match(lint, /Service api selects no pods: no pod template in namespace shop has/)
})
