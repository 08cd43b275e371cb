import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { withRuleTable } from '../scripts/generate-docs.js'
import { repoRoot } from './helpers.js'

test('README rule table is generated from rule metadata (npm run generate:docs)', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  assert.equal(readme, withRuleTable(readme))
})
