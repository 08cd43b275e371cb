// The config file: found by walking up, its cluster settings, and its mistakes reported with positions.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { DEFAULT_CLUSTER, loadConfig, parseConfig, type ClusterSettings } from '../src/config.js'
import { ToolError } from '../src/errors.js'
import { lint } from '../src/lint.js'
import { repoRoot } from './helpers.js'

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

const PROFILE = `cluster:
  kubernetesVersion: "1.33"
  namespace: prod
  nodePortRange: 30000-32767
  serviceCIDR: 10.96.0.0/12
  clusterDomain: cluster.local
  nodes:
    - name: general
      count: 3
      labels: { kubernetes.io/os: linux, topology.kubernetes.io/zone: eu-west-1a }
      taints: ["dedicated=gpu:NoSchedule", "node-role.kubernetes.io/control-plane:NoSchedule"]
      allocatable: { cpu: "4", memory: 16Gi, pods: 110, ephemeral-storage: 100Gi }
    - name: small
      taints:
        - { key: spot, effect: PreferNoSchedule }
        - { key: team, value: data, effect: NoExecute }
  storageClasses:
    - name: standard
      default: true
    - fast
  existing:
    - kind: Secret
      namespace: prod
      name: tls-cert
    - Secret/prod/db-password
    - ClusterRole/view
`

test('a full cluster profile', () => {
  const expected: ClusterSettings = {
    kubernetesVersion: '1.33',
    namespace: 'prod',
    nodePortRange: { min: 30000, max: 32767 },
    serviceCIDRs: ['10.96.0.0/12'],
    clusterDomain: 'cluster.local',
    nodes: [
      {
        name: 'general',
        count: 3,
        labels: { 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': 'eu-west-1a' },
        taints: [
          { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
          { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
        ],
        allocatable: { cpu: '4', memory: '16Gi', pods: '110', 'ephemeral-storage': '100Gi' },
      },
      {
        name: 'small',
        count: 1,
        labels: {},
        taints: [
          { key: 'spot', effect: 'PreferNoSchedule' },
          { key: 'team', value: 'data', effect: 'NoExecute' },
        ],
        allocatable: {},
      },
    ],
    storageClasses: [
      { name: 'standard', default: true },
      { name: 'fast', default: false },
    ],
    existing: [
      { kind: 'Secret', namespace: 'prod', name: 'tls-cert' },
      { kind: 'Secret', namespace: 'prod', name: 'db-password' },
      { kind: 'ClusterRole', name: 'view' },
    ],
  }
  assert.deepEqual(parseConfig(PROFILE, 'c.yaml'), expected)
})

test('the README\'s example profile parses', () => {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('### Configuration: `.seaworthy.yaml`'))
  const example = /```yaml\n([^]*?)```/.exec(section)?.[1]
  assert.ok(example, 'a yaml block in the configuration section')
  assert.equal(parseConfig(example, 'README.md').nodes?.length, 2)
})

test('taints as kubectl writes them, with and without a value', () => {
  const taints = (list: string) => parseConfig(`cluster:\n  nodes:\n    - name: a\n      taints: ${list}\n`, 'c.yaml').nodes?.[0].taints
  assert.deepEqual(taints('["gpu=true:NoSchedule"]'), [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }])
  assert.deepEqual(taints('["example.com/gpu:NoExecute"]'), [{ key: 'example.com/gpu', effect: 'NoExecute' }])
  assert.deepEqual(taints('["empty=:PreferNoSchedule"]'), [{ key: 'empty', value: '', effect: 'PreferNoSchedule' }])
})

test('storage classes: an empty list is a cluster with none; unset is unknown', () => {
  assert.deepEqual(parseConfig('cluster:\n  storageClasses: []\n', 'c.yaml').storageClasses, [])
  assert.equal(parseConfig('cluster:\n  namespace: prod\n', 'c.yaml').storageClasses, undefined)
})

test('mistakes stop the run with their position', () => {
  const node = (lines: string) => `cluster:\n  nodes:\n    - name: a\n${lines}`
  const cases: Array<[string, RegExp]> = [
    ['clustr:\n  nodePortRange: 1-2\n', /^c\.yaml:1:1: unknown setting "clustr"/],
    ['cluster:\n  nodePortRange: 30000\n', /^c\.yaml:2:18: cluster\.nodePortRange must be a range such as "30000-32767"/],
    ['cluster:\n  domain: x\n', /^c\.yaml:2:3: unknown cluster setting "domain" \(known: kubernetesVersion, namespace, .*existing\)/],
    ['cluster: [a]\n', /^c\.yaml:1:10: cluster must be a mapping/],
    ['kubernetesVersion: "1.30"\n', /^c\.yaml:1:1: "kubernetesVersion" is a setting of the cluster profile: write it under cluster:/],
    ['cluster:\n  a: [\n', /^c\.yaml:\d+:\d+: /],
    // kubernetesVersion
    ['cluster:\n  kubernetesVersion: 1.30\n', /^c\.yaml:2:22: cluster\.kubernetesVersion must be a string: quote it \("1\.30"\), as YAML reads it as the number 1\.3$/],
    ['cluster:\n  kubernetesVersion: 1.33\n', /^c\.yaml:2:22: cluster\.kubernetesVersion must be a string: quote it \("1\.33"\)$/],
    ['cluster:\n  kubernetesVersion: "1.12"\n', /^c\.yaml:2:22: cluster\.kubernetesVersion must be one of the supported Kubernetes versions \(1\.23, .*1\.35\)/],
    // namespace
    ['cluster:\n  namespace: Prod\n', /^c\.yaml:2:14: cluster\.namespace must be a namespace name, a DNS-1123 label/],
    // nodes
    ['cluster:\n  nodes: []\n', /^c\.yaml:2:10: cluster\.nodes is empty: list at least one node or leave nodes out/],
    ['cluster:\n  nodes: general\n', /^c\.yaml:2:10: cluster\.nodes must be a list/],
    ['cluster:\n  nodes:\n    - count: 2\n', /^c\.yaml:3:7: cluster\.nodes\[0\] is missing "name"/],
    ['cluster:\n  nodes:\n    - name: a\n    - name: a\n', /^c\.yaml:4:13: cluster\.nodes\[1\]\.name must be unique: "a" is also the name of cluster\.nodes\[0\]/],
    [node('      zone: a\n'), /^c\.yaml:4:7: unknown setting "zone" in cluster\.nodes\[0\] \(known: name, count, labels, taints, allocatable\)/],
    [node('      count: 0\n'), /^c\.yaml:4:14: cluster\.nodes\[0\]\.count must be a positive whole number/],
    [node('      labels: { gpu: true }\n'), /^c\.yaml:4:22: cluster\.nodes\[0\]\.labels\[gpu\] must be a string: quote it \("true"\)/],
    [node('      taints: ["gpu=true"]\n'), /^c\.yaml:4:16: cluster\.nodes\[0\]\.taints\[0\] must look like "key=value:NoSchedule" or "key:NoSchedule"/],
    [node('      taints: [{ key: gpu, effect: NoRun }]\n'), /^c\.yaml:4:36: cluster\.nodes\[0\]\.taints\[0\]\.effect must be one of NoSchedule, PreferNoSchedule, NoExecute/],
    [node('      taints: [{ key: gpu }]\n'), /^c\.yaml:4:16: cluster\.nodes\[0\]\.taints\[0\] is missing "effect"/],
    [node('      allocatable: { memory: 16GB }\n'), /^c\.yaml:4:30: cluster\.nodes\[0\]\.allocatable\[memory\] must be a quantity such as "4", "500m" or "16Gi"/],
    // storageClasses
    ['cluster:\n  storageClasses:\n    - { name: a, default: true }\n    - { name: b, default: true }\n', /^c\.yaml:4:27: cluster\.storageClasses\[1\]\.default: only one storage class can be the default, and "a" already is/],
    ['cluster:\n  storageClasses: [a, a]\n', /^c\.yaml:2:23: cluster\.storageClasses\[1\]: the storage class "a" is listed twice/],
    ['cluster:\n  storageClasses: [{ name: a, default: yes please }]\n', /^c\.yaml:2:40: cluster\.storageClasses\[0\]\.default must be true or false/],
    // existing
    ['cluster:\n  existing: [Secret]\n', /^c\.yaml:2:14: cluster\.existing\[0\] must look like "Kind\/namespace\/name" or "Kind\/name"/],
    ['cluster:\n  existing: [{ kind: Secret }]\n', /^c\.yaml:2:14: cluster\.existing\[0\] is missing "name"/],
    ['cluster:\n  existing: [{ kind: Secret, name: a, ns: b }]\n', /^c\.yaml:2:39: unknown setting "ns" in cluster\.existing\[0\] \(known: kind, namespace, name\)/],
  ]
  for (const [text, message] of cases) assert.match(mistakeIn(text), message, text)
})

/** the message of the ToolError that parsing `text` stops with */
function mistakeIn(text: string): string {
  try {
    parseConfig(text, 'c.yaml')
  } catch (e) {
    if (e instanceof ToolError) return e.message
    throw e
  }
  return 'no mistake reported'
}


test('lint() checks against the config file\'s kubernetesVersion unless one is given', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-config-'))
  writeFileSync(path.join(dir, '.seaworthy.yaml'), 'cluster:\n  kubernetesVersion: "1.24"\n')
  writeFileSync(path.join(dir, 'cronjob.yaml'), 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: x\n')
  const fromConfig = await lint({ cwd: dir, patterns: ['.'] })
  assert.equal(fromConfig.kubernetesVersion, '1.24')
  const given = await lint({ cwd: dir, patterns: ['.'], kubernetesVersion: '1.30' })
  assert.equal(given.kubernetesVersion, '1.30')
  const ids = (report: typeof given) => report.results.flatMap((r) => r.messages.map((m) => m.ruleId))
  assert.ok(!ids(fromConfig).includes('api/not-served'), ids(fromConfig).join(', '))
  assert.ok(ids(given).includes('api/not-served'), ids(given).join(', '))
})

test('a config file named with --config that does not exist is a tool error', () => {
  assert.throws(() => loadConfig({ cwd: tmpdir(), configPath: 'nope.yaml' }), ToolError)
})
