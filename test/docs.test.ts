import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { configSchemaText, configValidatorCode, withRuleTable } from '../scripts/generate-docs.js'
import { CONFIG_SCHEMA_FILE, CONFIG_VALIDATOR_FILE } from '../src/config-schema.js'
import { allRules } from '../rules/index.js'
import { repoRoot } from './helpers.js'

test('README rule table is generated from rule metadata (npm run generate:docs)', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  assert.equal(readme, withRuleTable(readme))
})

test('the config schema and its compiled validator are generated from rule metadata (npm run generate:docs)', () => {
  assert.equal(readFileSync(path.join(repoRoot, CONFIG_SCHEMA_FILE), 'utf8'), configSchemaText())
  assert.equal(readFileSync(path.join(repoRoot, CONFIG_VALIDATOR_FILE), 'utf8'), configValidatorCode())
})

test('the editor schema takes the README example configs, and every rule with its options', () => {
  const schema = JSON.parse(readFileSync(path.join(repoRoot, CONFIG_SCHEMA_FILE), 'utf8')) as Record<string, unknown>
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validate = ajv.compile(schema)
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  const configs = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((y) => /^(cluster|extends|policies):/m.test(y) && !/^apiVersion:/m.test(y))
  assert.ok(configs.length >= 3)
  for (const text of configs) assert.ok(validate(parse(text)), `${text}\n${JSON.stringify(validate.errors)}`)
  assert.equal(validate({ rules: { 'availability/replicas': ['warning', { minReplica: 3 }] } }), false)
  assert.equal(validate({ rules: { 'availability/replicas': ['warning', { minReplicas: 3 }] } }), true)
  const rules = (schema.properties as Record<string, { properties: Record<string, unknown> }>).rules.properties
  assert.deepEqual(Object.keys(rules), allRules.map((r) => r.meta.id))
})
