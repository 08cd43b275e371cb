// rules/CONCEPTS.md, the peers' concepts and where seaworthy has them: all 93 rows, and every rule it names exists.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { allRules } from '../rules/index.js'
import { repoRoot } from './helpers.js'

test('rules/CONCEPTS.md has a row for each of the 93 concepts and names only rules that exist', () => {
  const text = readFileSync(path.join(repoRoot, 'rules/CONCEPTS.md'), 'utf8')
  const rows = text.split('\n').filter((l) => /^\| \d+ \|/.test(l))
  assert.deepEqual(rows.map((r) => Number(r.split('|')[1])), Array.from({ length: 93 }, (_, i) => i + 1))
  const ids = new Set(allRules.map((r) => r.meta.id))
  const named = [...text.matchAll(/`([a-z-]+\/[a-z-]+)`/g)].map((m) => m[1]).filter((id) => !id.endsWith('/*'))
  assert.deepEqual(named.filter((id) => !ids.has(id)), [])
})
