// `npm run findings -- [recommended|strict|all]`: what a preset reports on ../shared/corpus (linted at its repository
// paths, as the corpus test does), per rule: findings and findings per 100 objects. The figures of the README and
// of the issue notes about how noisy a rule or preset is come from here.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lint } from '../src/lint.js'
import { PRESETS, type Preset } from '../src/rule-settings.js'
import { corpusAtRepositoryPaths } from './corpus-sources.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const corpusDir = path.resolve(root, '../shared/corpus/files')
const preset = (process.argv[2] ?? 'recommended') as Preset
if (!PRESETS.includes(preset)) {
  console.error(`usage: npm run findings -- [${PRESETS.join('|')}]`)
  process.exit(2)
}
if (!existsSync(corpusDir)) {
  console.log('../shared/corpus not found: nothing to count')
  process.exit(0)
}
const config = path.join(mkdtempSync(path.join(tmpdir(), 'seaworthy-findings-')), 'config.yaml')
writeFileSync(config, `extends: ${preset}\n`)
const { sources } = corpusAtRepositoryPaths(corpusDir)
const report = await lint({ sources, cwd: corpusDir, kubernetesVersion: '1.35', configPath: config })
const byRule = new Map<string, { severity: string; count: number }>()
for (const r of report.results) {
  for (const m of r.messages) {
    const key = `${m.ruleId}\t${m.severity}`
    byRule.set(key, { severity: m.severity, count: (byRule.get(key)?.count ?? 0) + 1 })
  }
}
const objects = report.summary.objects
console.log(`${preset} on the corpus: ${report.summary.files} files, ${objects} objects`)
for (const [key, { count }] of [...byRule].sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))) {
  console.log(`${key}\t${count}\t${((count / objects) * 100).toFixed(1)} per 100 objects`)
}
