// The doc examples of the policy rules are executed: the first yaml block under "## Incorrect" must fire the rule,
// the first under "## Correct" must not. Each is a complete manifest, linted on its own with the rule turned on, that
// the API server would accept (no error from any rule). A config snippet under "## Options" that sets the rule's
// options (`rules: { <id>: [level, { … }] }`) is what the examples run with: for rules that need configuring.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { parse } from 'yaml'
import { lint } from '../src/lint.js'
import { POLICY_CATEGORIES } from '../src/rule.js'
import { allRules } from '../rules/index.js'
import { repoRoot } from './helpers.js'

/** the first ```yaml block of a `## <heading>` section, if there is one */
export function exampleUnder(markdown: string, heading: string): string | undefined {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(`${heading}\n`))
  return section ? /^```yaml\n([\s\S]*?)^```/m.exec(section)?.[1] : undefined
}

/** the options the doc's config snippet under "## Options" gives the rule, if it has one */
function exampleOptions(markdown: string, id: string): Record<string, unknown> | undefined {
  const snippet = exampleUnder(markdown, 'Options')
  const setting = snippet === undefined ? undefined : (parse(snippet) as { rules?: Record<string, unknown> } | null)?.rules?.[id]
  return Array.isArray(setting) ? (setting[1] as Record<string, unknown>) : undefined
}

async function hitsOf(id: string, level: 'error' | 'warning' | 'info', text: string, options?: Record<string, unknown>) {
  const report = await lint({ sources: [{ path: 'doc.yaml', text }], cwd: repoRoot, rules: { [id]: { level, options } } })
  const messages = report.results.flatMap((r) => r.messages)
  const errors = messages.filter((m) => m.severity === 'error' && m.ruleId !== id).map((m) => `${m.ruleId}: ${m.message}`)
  assert.deepEqual(errors, [], `the example is not a valid manifest`)
  return messages.filter((m) => m.ruleId === id)
}

for (const rule of allRules.filter((r) => POLICY_CATEGORIES.has(r.meta.category))) {
  const { id, severity } = rule.meta
  test(`${id}: doc examples`, async () => {
    const doc = readFileSync(path.join(repoRoot, 'rules', `${id}.md`), 'utf8')
    const incorrect = exampleUnder(doc, 'Incorrect')
    const correct = exampleUnder(doc, 'Correct')
    assert.ok(incorrect, `rules/${id}.md has no yaml block under ## Incorrect`)
    assert.ok(correct, `rules/${id}.md has no yaml block under ## Correct`)
    const options = exampleOptions(doc, id)
    assert.notEqual((await hitsOf(id, severity, incorrect, options)).length, 0, `the Incorrect example of rules/${id}.md does not fire ${id}`)
    assert.deepEqual(await hitsOf(id, severity, correct, options), [], `the Correct example of rules/${id}.md fires ${id}`)
  })
}
