// One id, four places: the rule module, its doc, its fixtures (one that fires, one that must not), its index entry.
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { allRules } from '../rules/index.js'
import { fixturesDir, lintFixture, listFiles, repoRoot } from './helpers.js'

const ids = allRules.map((r) => r.meta.id)

test('rule ids are unique and match their module paths', () => {
  assert.equal(new Set(ids).size, ids.length)
  const modules = listFiles(path.join(repoRoot, 'rules')).filter((f) => f.endsWith('.ts') && path.basename(f) !== 'index.ts').map((f) => f.replace(/\.ts$/, ''))
  assert.deepEqual([...modules].sort(), [...ids].sort())
})

test('every fixtures folder belongs to a rule or to a situation', () => {
  const folders = new Set(listFiles(fixturesDir).map((f) => f.split('/').slice(0, 2).join('/')))
  for (const folder of folders) assert.ok(ids.includes(folder) || folder.startsWith('situations/'), `fixtures/${folder} matches no rule`)
})

for (const rule of allRules) {
  const { id } = rule.meta
  test(`${id}: doc, metadata and fixtures`, async () => {
    const doc = path.join(repoRoot, 'rules', `${id}.md`)
    assert.ok(existsSync(doc), `rules/${id}.md is missing`)
    const text = readFileSync(doc, 'utf8')
    assert.match(text, new RegExp(`^# ${id.replace('/', '\\/')}\\b`, 'm'), `rules/${id}.md must start with "# ${id}"`)
    assert.ok(rule.meta.description.endsWith('.') && rule.meta.remediation.endsWith('.'), 'description and remediation are sentences')
    const files = listFiles(path.join(fixturesDir, id)).filter((f) => /\.(ya?ml|json)$/.test(f) && !f.includes('context/'))
    const invalid = files.filter((f) => path.basename(f).startsWith('invalid'))
    const valid = files.filter((f) => path.basename(f).startsWith('valid'))
    assert.ok(invalid.length > 0, `fixtures/${id}/invalid*.yaml is missing`)
    assert.ok(valid.length > 0, `fixtures/${id}/valid*.yaml is missing`)
    for (const f of invalid) {
      const report = await lintFixture(path.join(fixturesDir, id, f))
      assert.ok(report.results.some((r) => r.messages.some((m) => m.ruleId === id)), `${id} does not fire on fixtures/${id}/${f}`)
    }
    for (const f of valid) {
      const report = await lintFixture(path.join(fixturesDir, id, f))
      const hits = report.results.flatMap((r) => r.messages).filter((m) => m.ruleId === id)
      assert.deepEqual(hits, [], `${id} fires on fixtures/${id}/${f}`)
    }
  })
}
