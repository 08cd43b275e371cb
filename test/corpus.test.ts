// False-positive check on real manifests that their projects deploy (../shared/corpus): every error seaworthy
// reports there must be on the reviewed list (test/corpus-reviewed-errors.tsv: file, rule, why it is a real defect).
// The corpus keeps its files in one folder; they are linted at the paths they have in their repositories
// (`<repo>/<path>`), so that checks across objects see each project's folders, with every CRD of the corpus known.
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { lint } from '../src/lint.js'
import { corpusDir, repoRoot } from './helpers.js'
import { corpusAtRepositoryPaths } from '../bench/corpus-sources.js'

const reviewedFile = path.join(repoRoot, 'test/corpus-reviewed-errors.tsv')

test('corpus: no error finding that is not a reviewed, real defect', { timeout: 300_000 }, async (t) => {
  if (!existsSync(corpusDir)) {
    t.skip('../shared/corpus not found: corpus false-positive check skipped')
    return
  }
  const reviewed = new Map<string, string>()
  for (const line of readFileSync(reviewedFile, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const [file, rule, why] = line.split('\t')
    assert.ok(why?.trim(), `reviewed entry without a reason: ${line}`)
    reviewed.set(`${file}\t${rule}`, why)
  }
  const { sources, corpusName, repositories } = corpusAtRepositoryPaths(corpusDir)
  const report = await lint({ sources, cwd: corpusDir, kubernetesVersion: '1.35' })
  const results = report.results.map((r) => ({ ...r, filePath: corpusName.get(r.filePath) ?? r.filePath }))
  const { files, objects } = report.summary
  const seen = new Set<string>()
  const unexpected: string[] = []
  const bySeverity = new Map<string, number>()
  for (const r of results) {
    for (const m of r.messages) {
      const k = `${m.severity} ${m.ruleId}`
      bySeverity.set(k, (bySeverity.get(k) ?? 0) + 1)
      if (m.severity !== 'error') continue
      const key = `${r.filePath}\t${m.ruleId}`
      seen.add(key)
      if (!reviewed.has(key)) unexpected.push(`${r.filePath}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
    }
  }
  t.diagnostic(`corpus: ${files} files, ${objects} objects, ${repositories} repositories; ${[...bySeverity].sort().map(([k, n]) => `${k} ${n}`).join(', ')}`)
  assert.deepEqual(unexpected, [], 'errors on the corpus that are not on the reviewed list')
  const stale = [...reviewed.keys()].filter((k) => !seen.has(k))
  assert.deepEqual(stale, [], 'reviewed entries that no longer occur: remove them')
})
