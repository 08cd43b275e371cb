// The config file: found by walking up, its cluster settings, and its mistakes reported with positions.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { DEFAULT_CLUSTER, loadConfig, parseConfig } from '../src/config.js'
import { ToolError } from '../src/errors.js'

test('no config file: the defaults', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-config-'))
  assert.deepEqual(loadConfig({ cwd: dir }).cluster, DEFAULT_CLUSTER)
})

test('found in a folder above the working folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-config-'))
  writeFileSync(path.join(dir, '.seaworthy.yaml'), 'cluster:\n  nodePortRange: 20000-22767\n')
  const sub = path.join(dir, 'k8s', 'apps')
  mkdirSync(sub, { recursive: true })
  const config = loadConfig({ cwd: sub })
  assert.equal(config.file, path.join(dir, '.seaworthy.yaml'))
  assert.deepEqual(config.cluster.nodePortRange, { min: 20000, max: 22767 })
  assert.equal(config.cluster.clusterDomain, 'cluster.local')
})

test('serviceCIDR: one range, or two for a dual-stack cluster', () => {
  assert.deepEqual(parseConfig('cluster:\n  serviceCIDR: 10.96.0.0/12\n', 'c.yaml').serviceCIDRs, ['10.96.0.0/12'])
  assert.deepEqual(parseConfig('cluster:\n  serviceCIDR: 10.96.0.0/12, fd00::/108\n', 'c.yaml').serviceCIDRs, ['10.96.0.0/12', 'fd00::/108'])
  assert.throws(() => parseConfig('cluster:\n  serviceCIDR: 10.96.0.0\n', 'c.yaml'), /c\.yaml:2:16: cluster\.serviceCIDR must be a CIDR/)
})

test('an empty file and an empty cluster section mean the defaults', () => {
  assert.deepEqual(parseConfig('', 'c.yaml'), DEFAULT_CLUSTER)
  assert.deepEqual(parseConfig('cluster:\n', 'c.yaml'), DEFAULT_CLUSTER)
})

test('mistakes stop the run with their position', () => {
  const cases: Array<[string, RegExp]> = [
    ['clustr:\n  nodePortRange: 1-2\n', /^c\.yaml:1:1: unknown setting "clustr"/],
    ['cluster:\n  nodePortRange: 30000\n', /^c\.yaml:2:18: cluster\.nodePortRange must look like "30000-32767"/],
    ['cluster:\n  domain: x\n', /^c\.yaml:2:3: unknown cluster setting "domain"/],
    ['cluster: [a]\n', /^c\.yaml:1:10: "cluster" must be a mapping/],
    ['cluster:\n  a: [\n', /^c\.yaml:\d+:\d+: /],
  ]
  for (const [text, message] of cases) {
    assert.throws(() => parseConfig(text, 'c.yaml'), (e: unknown) => e instanceof ToolError && message.test(e.message), text)
  }
})

test('a config file named with --config that does not exist is a tool error', () => {
  assert.throws(() => loadConfig({ cwd: tmpdir(), configPath: 'nope.yaml' }), ToolError)
})
