// Bad input is never fatal: every fixture, with values swapped at random for values of the wrong type (null, lists,
// maps, numbers), is linted and simulated as one run; neither fails, and no object's simulation breaks.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { parseAllDocuments, stringify } from 'yaml'
import { analyse } from '../src/lint.js'
import { simulate } from '../src/simulate/outcomes.js'
import { fixturesDir, listFiles } from './helpers.js'

const WRONG = [null, 0, -1, 'x', [], {}, ['a'], { a: 1 }, true, 1.5, '', 'None']

function mutated(seed: number): Array<{ path: string; text: string }> {
  let state = seed
  const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
  const mutate = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(mutate)
    if (typeof v !== 'object' || v === null) return v
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = k === 'apiVersion' || k === 'kind' ? x : random() < 0.06 ? WRONG[Math.floor(random() * WRONG.length)] : mutate(x)
    return out
  }
  const sources = []
  for (const rel of listFiles(fixturesDir).filter((f) => /\.ya?ml$/.test(f))) {
    const docs = parseAllDocuments(readFileSync(path.join(fixturesDir, rel), 'utf8'))
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) continue
    try {
      sources.push({ path: `mutated/${rel}`, text: docs.map((d) => stringify(mutate(d.toJS()))).join('---\n') })
    } catch {
      // the alias bomb and its kin: the yaml package refuses to expand them, as seaworthy does
    }
  }
  return sources
}

const cluster = {
  nodes: [{ name: 'node', count: 2, labels: { 'kubernetes.io/os': 'linux' }, taints: [{ key: 'dedicated', effect: 'NoSchedule' as const }], allocatable: { cpu: '2', memory: '4Gi' } }],
  storageClasses: [{ name: 'standard', default: true }],
}

for (const seed of [3, 21, 144]) {
  test(`mutated fixtures (seed ${seed}): lint and simulate finish, and every object is simulated`, async () => {
    const run = await analyse({ sources: mutated(seed), cwd: '/', cluster })
    assert.ok(run.checked.length > 100)
    const broken = simulate(run.index, { now: new Date('2026-11-20T12:00:00Z') }).flatMap((o) => o.facts.filter((f) => f.topic === 'error').map((f) => `${o.object.filePath}: ${o.object.kind} ${o.object.name}: ${f.text}`))
    assert.deepEqual(broken, [])
  })
}
