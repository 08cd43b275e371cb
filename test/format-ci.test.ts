// The CI formats on real runs: SARIF against the official 2.1.0 schema, JUnit and GitHub commands well formed,
// and several formats written by one CLI run.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { formatGithub, formatJunit, formatSarif } from '../src/format/index.js'
import { lint } from '../src/lint.js'
import { repoRoot, sharedDir } from './helpers.js'

const SARIF_SCHEMA = path.join(sharedDir, 'sarif/sarif-schema-2.1.0.json')
const realistic = () => lint({ patterns: ['fixtures/service', 'fixtures/workload', 'fixtures/yaml'], cwd: repoRoot, workers: 0 })

test('SARIF of a realistic run validates against the SARIF 2.1.0 schema', { skip: existsSync(SARIF_SCHEMA) ? false : `needs ${SARIF_SCHEMA} (../shared is absent)` }, async () => {
  // the schema is draft-04, which ajv 8 does not read; the keywords it uses mean the same in draft-07
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8'))
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#')
  const { id, $schema: _, ...rest } = schema
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats.default(ajv)
  const validate = ajv.compile({ $schema: 'http://json-schema.org/draft-07/schema#', $id: id, ...rest })
  const sarif: any = JSON.parse(formatSarif(await realistic()))
  const valid: boolean = validate(sarif)
  assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2))
  const results = sarif.runs[0].results
  assert.ok(results.length > 100, `${results.length} results`)
  const crossFile = results.filter((r: any) => r.relatedLocations?.some((l: any) => l.physicalLocation.artifactLocation.uri !== r.locations[0].physicalLocation.artifactLocation.uri))
  assert.ok(crossFile.length > 0, 'some findings point at another file')
  const rules = sarif.runs[0].tool.driver.rules
  for (const r of results) assert.equal(rules[r.ruleIndex].id, r.ruleId)
  // what GitHub code scanning requires beyond the schema: non-empty texts, fingerprints unique in the run
  for (const rule of rules) for (const t of [rule.shortDescription.text, rule.fullDescription.text, rule.help.text]) assert.ok(t.length > 0, rule.id)
  const prints = results.map((r: any) => r.partialFingerprints['seaworthy/v1'])
  assert.equal(new Set(prints).size, prints.length)
})

test('JUnit of a realistic run: one case per object, a failure per error and warning', async () => {
  const report = await realistic()
  const xml = formatJunit(report)
  const cases = xml.match(/<testcase /g)?.length ?? 0
  const failures = xml.match(/<failure /g)?.length ?? 0
  assert.ok(cases >= report.summary.objects, `${cases} cases for ${report.summary.objects} objects`)
  assert.equal(failures, report.summary.errorCount + report.summary.warningCount)
  // well formed: every element closed, no raw markup characters in attributes
  assert.equal(xml.match(/<testsuite /g)?.length, report.summary.files)
  assert.equal(xml.match(/<\/testsuite>/g)?.length, report.summary.files)
  for (const a of xml.matchAll(/="([^"]*)"/g)) assert.ok(!/[<&]/.test(a[1].replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')), a[1])
})

test('github commands of a realistic run: one a finding, every one parseable', async () => {
  const report = await realistic()
  const lines = formatGithub(report).trimEnd().split('\n')
  assert.equal(lines.length, report.summary.errorCount + report.summary.warningCount + report.summary.infoCount)
  for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,:]+,line=\d+(,col=\d+)?,endLine=\d+(,endColumn=\d+)?,title=[^,:]+::[^\r\n]+$/)
})

test('several --format/--output-file pairs in one run, the unpaired format on stdout', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-formats-'))
  const args = ['lint', '--format', 'sarif', '-o', path.join(dir, 'out/a.sarif'), '--format', 'junit', '-o', path.join(dir, 'b.xml'), '-f', 'github', 'fixtures/schema/unknown-field/invalid.yaml']
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), ...args], { cwd: repoRoot, encoding: 'utf8' })
  assert.equal(r.status, 1, r.stderr)
  assert.match(r.stdout, /^::(error|warning) file=fixtures\/schema\/unknown-field\/invalid\.yaml,line=/m)
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'out/a.sarif'), 'utf8')).version, '2.1.0')
  assert.match(readFileSync(path.join(dir, 'b.xml'), 'utf8'), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /)
})

test('unpaired formats and files are usage errors, not crashes', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), 'lint', ...args, 'fixtures/yaml'], { cwd: repoRoot, encoding: 'utf8' })
  const two = run('-f', 'sarif', '-f', 'junit')
  assert.equal(two.status, 2)
  assert.match(two.stderr, /^seaworthy: Only one format can go to standard output/)
  const files = run('-o', 'a', '-o', 'b')
  assert.equal(files.status, 2)
  assert.match(files.stderr, /^seaworthy: 2 output files for 1 format/)
  const unknown = run('-f', 'xml')
  assert.equal(unknown.status, 2)
  assert.match(unknown.stderr, /Unknown format "xml"; use one of: stylish, json, sarif, junit, github/)
})
