// The project's config file, `.seaworthy.yaml`, found in the working folder or the nearest folder above it, or
// named with --config: the rule settings (preset, levels, overrides, ignore patterns), the custom policies, and the
// `cluster:` profile. It is checked against the config schema first (config-schema.ts); the readers below then take
// what a schema cannot say (CIDRs, quantities, taints, CEL) and turn the values into settings.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { CONFIG_VALIDATOR_FILE, configSchema, schemaAt, type Schema } from './config-schema.js'
import { PACKAGE_ROOT } from './package-root.js'
import { ToolError } from './errors.js'
import { DEFAULT_RULES_CONFIG, type Preset, type RuleLevel, type RuleSetting, type RulesConfig } from './rule-settings.js'
import { suggestField } from './schema/suggest.js'
import type { OptionSpec } from './rule.js'
import { POLICY_EXPRESSIONS, compileExpression, type PolicyDefinition } from './custom-policies.js'
import type { Severity } from './types.js'
import { LineIndex } from './lines.js'
import { formatPath } from './field-path.js'
import { valueAt } from './object-index.js'
import { locate } from './locate.js'
import { dns1123Label } from './name-formats.js'
import { readText } from './read-file.js'
import { SUPPORTED_KUBERNETES_VERSIONS, isSupportedVersion } from './schema/index.js'
import type { PathSegment } from './types.js'
import { parseQuantity } from './validation/quantity.js'
import { parseCIDRSloppy } from './validation/network.js'
import type { YNode } from './yaml/document.js'
import { readYamlDocuments } from './yaml/read.js'

export const CONFIG_FILE_NAME = '.seaworthy.yaml'

/** A node taint as `kubectl taint` writes it: key[=value]:effect. */
export interface NodeTaint {
  key: string
  value?: string
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
}

/** A kind of node in the cluster profile (one entry may stand for `count` identical nodes). */
export interface NodeProfile {
  name: string
  /** how many nodes of this shape; default 1 */
  count: number
  labels: Record<string, string>
  taints: NodeTaint[]
  /** allocatable resources as quantities, e.g. { cpu: "4", memory: "16Gi", pods: "110" } */
  allocatable: Record<string, string>
}

export interface StorageClassProfile {
  name: string
  /** annotated storageclass.kubernetes.io/is-default-class: "true" */
  default: boolean
}

/** An object known to exist in the cluster though it is not in the input (created out of band). */
export interface ExistingObject {
  kind: string
  /** absent for cluster-scoped kinds, and then also matches any namespace for namespaced ones */
  namespace?: string
  name: string
}

export interface ClusterSettings {
  /** the Kubernetes version of the cluster, used when --kubernetes-version is not given */
  kubernetesVersion?: string
  /** the namespace of objects that name none (kubectl's current namespace); default "default" */
  namespace: string
  /** the API server's --service-node-port-range */
  nodePortRange: { min: number; max: number }
  /** the cluster DNS domain */
  clusterDomain: string
  /** the API server's --service-cluster-ip-range, one CIDR per IP family; empty when unknown (nothing is checked) */
  serviceCIDRs: string[]
  /** the cluster's nodes; undefined when unknown (nothing is checked against nodes) */
  nodes?: NodeProfile[]
  /** the cluster's storage classes; undefined when unknown */
  storageClasses?: StorageClassProfile[]
  /** objects that exist outside the input */
  existing: ExistingObject[]
}

export const DEFAULT_CLUSTER: ClusterSettings = {
  namespace: 'default',
  nodePortRange: { min: 30000, max: 32767 },
  clusterDomain: 'cluster.local',
  serviceCIDRs: [],
  existing: [],
}

export interface Config {
  /** the file it came from, when there was one */
  file: string | undefined
  cluster: ClusterSettings
  /** which rules run at which severity, per file */
  rules: RulesConfig
}

/** A rule a config may name: its id and the options it takes. */
export interface KnownRule {
  id: string
  description?: string
  options?: Record<string, OptionSpec>
}

/** the nearest `.seaworthy.yaml` at or above `cwd`, or the one named; `rules` are the rules it may name */
export function loadConfig(options: { cwd: string; configPath?: string; rules?: readonly KnownRule[] }): Config {
  const file = options.configPath ? path.resolve(options.cwd, options.configPath) : findUp(options.cwd)
  if (!file) return { file: undefined, cluster: DEFAULT_CLUSTER, rules: { ...DEFAULT_RULES_CONFIG, base: options.cwd, cwd: options.cwd } }
  if (!existsSync(file)) throw new ToolError(`Cannot read config file ${options.configPath}: not found`)
  const parsed = parseConfigFile(readText(file), file, options.rules)
  return { file, cluster: parsed.cluster, rules: { ...parsed.rules, base: path.dirname(file), cwd: options.cwd } }
}

function findUp(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE_NAME)
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) return undefined
  }
}

const NODE_KEYS = ['name', 'count', 'labels', 'taints', 'allocatable']
const TAINT_KEYS = ['key', 'value', 'effect']
const TAINT_EFFECTS: ReadonlyArray<NodeTaint['effect']> = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']
// key[=value]:effect, as `kubectl taint` takes it
const TAINT_TEXT = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/
const STORAGE_CLASS_KEYS = ['name', 'default']
const EXISTING_KEYS = ['kind', 'namespace', 'name']


/** the cluster profile of a config file's text */
export function parseConfig(text: string, file: string): ClusterSettings {
  return parseConfigFile(text, file).cluster
}

/** every setting of a config file's text; `known` are the rules `rules` may name (any, when not given) */
export function parseConfigFile(text: string, file: string, known?: readonly KnownRule[]): { cluster: ClusterSettings; rules: RulesConfig } {
  const lines = new LineIndex(text)
  const fail = (offset: number, message: string): never => {
    const { line, column } = lines.position(offset)
    throw new ToolError(`${file}:${line}:${column}: ${message}`)
  }
  const docs = readYamlDocuments(text)
  const problem = docs.flatMap((d) => d.problems)[0]
  if (problem) fail(problem.start, problem.message)
  const doc = docs[0]
  if (!doc || doc.value === null || doc.value === undefined) return { cluster: DEFAULT_CLUSTER, rules: DEFAULT_RULES_CONFIG }
  if (typeof doc.value !== 'object' || Array.isArray(doc.value)) fail(doc.start, 'the config file must be a mapping')
  const r: SettingReader = new SettingReader(text, doc.root!, fail)
  const top = doc.value as Record<string, unknown>
  checkSchema(r, top, known)
  const policies = top.policies === undefined || top.policies === null ? [] : readPolicies(r, top.policies, known)
  const rules = readRulesConfig(r, top, known && [...known, ...policies.map((p) => ({ id: p.id }))])
  return { cluster: readCluster(r, top.cluster), rules: { ...rules, policies } }
}

/** the rule settings, whose shape the schema has checked */
function readRulesConfig(r: SettingReader, top: Record<string, unknown>, known: readonly KnownRule[] | undefined): RulesConfig {
  const config: RulesConfig = { ...DEFAULT_RULES_CONFIG, rules: {}, overrides: [], ignorePatterns: [], policies: [] }
  if (top.extends !== undefined && top.extends !== null) config.extends = top.extends as Preset
  if (top.rules !== undefined && top.rules !== null) config.rules = readRules(r, top.rules, ['rules'], known)
  if (top.overrides !== undefined && top.overrides !== null) {
    config.overrides = r.list(top.overrides, ['overrides']).map((entry, i) => {
      const at: Path = ['overrides', i]
      const fields = r.mapping(entry, at, 'a mapping with files (globs) and rules', ['files', 'rules'])
      return { files: readGlobs(r, fields.files, [...at, 'files']), rules: readRules(r, fields.rules ?? {}, [...at, 'rules'], known) }
    })
  }
  if (top.ignorePatterns !== undefined && top.ignorePatterns !== null) config.ignorePatterns = readGlobs(r, top.ignorePatterns, ['ignorePatterns'])
  if (typeof top.disallowSuppressions === 'boolean') config.disallowSuppressions = top.disallowSuppressions
  return config
}

// the compiled config validator (config-schema/), loaded when a config file is read
let validator: SchemaValidator | undefined
const loadValidator = () => (validator ??= createRequire(import.meta.url)(path.join(PACKAGE_ROOT, CONFIG_VALIDATOR_FILE)) as SchemaValidator)

/** The file against the config schema: the first mistake in the file's order, in words, at its position. */
function checkSchema(r: SettingReader, top: Record<string, unknown>, known: readonly KnownRule[] | undefined): void {
  const validate = loadValidator()
  // null is unset, as everywhere in the file
  if (validate(withoutNulls(top))) return
  const schema = configSchema(known ?? [], false)
  const mistakes = schemaMistakes(validate.errors ?? [], schema)
    // the validator knows the rules of this build; a caller may name others (tests)
    .filter((m) => m.error.keyword !== 'propertyNames' || (known !== undefined && !known.some((k) => k.id === m.error.params.propertyName)))
  if (mistakes.length === 0) return
  const first = mistakes.reduce((a, b) => (r.offset(b.path, b.atKey) < r.offset(a.path, a.atKey) ? b : a))
  const { error, path: at } = first
  const node = schemaAt(schema, error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'))) ?? {}
  const expected = (n: Schema | undefined) => (n?.['x-expected'] as string | undefined) ?? error.message ?? 'valid'
  const value = valueAt(top, at)
  if (error.keyword === 'additionalProperties' || error.keyword === 'propertyNames') {
    const key = String(error.params.additionalProperty ?? error.params.propertyName)
    const what = node['x-unknown'] as string | undefined
    if (what === 'rule') {
      const ids = (known ?? []).map((k) => k.id)
      const guess = suggestField(key, ids)
      r.failKey(at, `unknown rule "${key}"${guess ? `; did you mean "${guess}"?` : ''} (seaworthy rules lists them)`)
    }
    const names = Object.keys((node.properties as Schema | undefined) ?? {})
    // a cluster setting written at the top of the file
    const cluster = schemaAt(schema, '#/properties/cluster/properties')
    if (at.length === 1 && cluster && key in cluster) r.failKey(at, `"${key}" is a setting of the cluster profile: write it under cluster: (cluster: { ${key}: … })`)
    const guess = suggestField(key, names)
    const where = at.length > 1 && what !== 'cluster setting' ? ` in ${formatPath(at.slice(0, -1))}` : ''
    r.failKey(at, `unknown ${what ?? 'setting'} "${key}"${where}${guess ? `; did you mean "${guess}"?` : ''} (known: ${names.join(', ')})`)
  }
  if (error.keyword === 'required') {
    const missing = String(error.params.missingProperty)
    r.fail(at, `${formatPath(at)} is missing "${missing}" (${expected((node.properties as Record<string, Schema> | undefined)?.[missing])})`)
  }
  if (error.keyword === 'type' && (typeof value === 'number' || typeof value === 'boolean') && [node.type].flat().includes('string') && (node.pattern === undefined || node.pattern === '\\S')) {
    // YAML 1.1 reads an unquoted 1.30 as a number and yes as true
    const written = r.source(at)
    const misread = written === String(value) ? '' : `, as YAML reads it as the ${typeof value} ${value}`
    r.fail(at, `${formatPath(at)} must be a string: quote it ("${written}")${misread}`)
  }
  r.fail(at, `${formatPath(at)} must be ${expected(node)}`)
}

/** `rules: { <id>: off|info|warning|error | [level, { options }] }`: the ids are checked here (the schema takes any `custom/` one), each rule's options against its own spec */
function readRules(r: SettingReader, value: unknown, at: Path, known: readonly KnownRule[] | undefined): Record<string, RuleSetting> {
  if (!isMapping(value)) return {}
  const ruleIds = known?.map((k) => k.id)
  const out: Record<string, RuleSetting> = {}
  for (const [id, setting] of Object.entries(value)) {
    const p: Path = [...at, { key: id }]
    if (ruleIds && !ruleIds.includes(id)) {
      const guess = suggestField(id, ruleIds)
      r.failKey(p, `unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''} (seaworthy rules lists them)`)
    }
    // YAML 1.1, which the config is read as, reads a bare off as false
    const [written, options] = Array.isArray(setting) ? setting : [setting]
    const level = written === false ? 'off' : written
    out[id] = { level: level as RuleLevel }
    if (isMapping(options)) {
      out[id].options = readOptions(r, options, [...p, 1], id, known?.find((k) => k.id === id)?.options)
    }
  }
  return out
}

/** a rule's options, each of the type its rule declares */
function readOptions(r: SettingReader, value: Record<string, unknown>, at: Path, id: string, specs: Record<string, OptionSpec> | undefined): Record<string, unknown> {
  if (!specs) r.fail(at, `${formatPath(at.slice(0, -1))}: rule "${id}" takes no options`)
  for (const [key, v] of Object.entries(value)) {
    const spec = specs[key]
    if (!spec) {
      const guess = suggestField(key, Object.keys(specs))
      r.failKey([...at, key], `rule "${id}" has no option "${key}"${guess ? `; did you mean "${guess}"?` : ''} (options: ${Object.keys(specs).join(', ')})`)
    }
    const ok =
      spec.type === 'string[]' ? Array.isArray(v) && v.every((x) => typeof x === 'string') : typeof v === spec.type && (spec.type !== 'number' || (Number.isFinite(v) && (spec.min === undefined || (v as number) >= spec.min)))
    if (!ok) r.fail([...at, key], `option "${key}" of rule "${id}" must be ${spec.type === 'string[]' ? 'a list of strings' : `a ${spec.type}`}${spec.min !== undefined ? ` of at least ${spec.min}` : ''}`)
  }
  return value
}

/** `policies: [{ id: custom/<name>, expression, message, … }]`; every expression is compiled here */
function readPolicies(r: SettingReader, value: unknown, known: readonly KnownRule[] | undefined): PolicyDefinition[] {
  const seen = new Map<string, number>()
  return r.list(value, ['policies']).map((entry, i) => {
    const at: Path = ['policies', i]
    // the schema has checked the keys, the types, the id's form and the severity
    const fields = entry as Record<string, unknown>
    const id = fields.id as string
    if (known?.some((k) => k.id === id)) r.fail([...at, 'id'], `${formatPath([...at, 'id'])}: "${id}" is the id of a built-in rule`)
    const first = seen.get(id)
    if (first !== undefined) r.fail([...at, 'id'], `${formatPath([...at, 'id'])} must be unique: "${id}" is also the id of ${formatPath(['policies', first])}`)
    seen.set(id, i)
    const policy: PolicyDefinition = { id, expression: fields.expression as string, severity: (fields.severity as Severity | undefined) ?? 'warning' }
    if (fields.message === undefined && fields.messageExpression === undefined) r.fail(at, `${formatPath(at)} is missing "message" (what to tell the user when the expression is false)`)
    for (const key of ['description', 'message', 'remediation', 'match', 'messageExpression'] as const) {
      if (fields[key] !== undefined) policy[key] = fields[key] as string
    }
    for (const key of Object.keys(POLICY_EXPRESSIONS) as Array<keyof typeof POLICY_EXPRESSIONS>) {
      const source = policy[key]
      if (source === undefined) continue
      const compiled = compileExpression(source, key)
      if (!('ast' in compiled)) r.failInScalar([...at, key], source, compiled.offset, `${formatPath([...at, key])}: ${compiled.message}`)
    }
    if (fields.kinds !== undefined) {
      policy.kinds = readGlobs(r, fields.kinds, [...at, 'kinds'], 'a kind such as "Deployment", or "apps/Deployment" (core/Service for the core group)')
    }
    if (fields.path !== undefined) policy.path = readFieldPath(r, fields.path, [...at, 'path'])
    return policy
  })
}

/** `spec.template.spec.containers[0]`, `metadata.labels[app.kubernetes.io/name]` */
function readFieldPath(r: SettingReader, value: unknown, at: Path): PathSegment[] {
  const text = r.string(value, at, 'a field path such as "spec.template.spec"')
  if (!/^[^.[\]]+(\.[^.[\]]+|\[[^\]]+\])*$/.test(text)) {
    r.fail(at, `${formatPath(at)} must be a field path such as "spec.template.spec" or "metadata.labels[app]", not "${text}"`)
  }
  return [...text.matchAll(/([^.[\]]+)|\[(\d+)\]|\[([^\]]+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : { key: m[3] }))
}

/** one string or a list of them */
function readGlobs(r: SettingReader, value: unknown, at: Path, expected = 'a glob such as "k8s/dev/**" (relative to the config file)'): string[] {
  const list = typeof value === 'string' ? [value] : r.list(value, at)
  return list.map((g, i) => r.string(g, typeof value === 'string' ? at : [...at, i], expected))
}

function readCluster(r: SettingReader, section: unknown): ClusterSettings {
  const cluster = { ...DEFAULT_CLUSTER }
  if (section === undefined || section === null) return cluster
  if (typeof section !== 'object' || Array.isArray(section)) r.fail(['cluster'], '"cluster" must be a mapping')
  for (const [key, value] of Object.entries(section as Record<string, unknown>)) {
    const at = ['cluster', key]
    if (key === 'kubernetesVersion') {
      cluster.kubernetesVersion = readVersion(r, value, at)
    } else if (key === 'namespace') {
      if (typeof value !== 'string' || dns1123Label(value).length > 0) r.fail(at, 'cluster.namespace must be a namespace name, a DNS-1123 label such as "prod"')
      cluster.namespace = value
    } else if (key === 'nodePortRange') {
      const m = typeof value === 'string' ? /^(\d+)-(\d+)$/.exec(value) : null
      const min = Number(m?.[1])
      const max = Number(m?.[2])
      if (!m || min < 1 || max > 65535 || min > max) r.fail(at, 'cluster.nodePortRange must look like "30000-32767" (the API server\'s --service-node-port-range)')
      cluster.nodePortRange = { min, max }
    } else if (key === 'clusterDomain') {
      cluster.clusterDomain = r.string(value, at, 'a domain name such as "cluster.local"')
    } else if (key === 'serviceCIDR') {
      const cidrs = typeof value === 'string' ? value.split(',').map((c) => c.trim()) : []
      if (cidrs.length === 0 || cidrs.length > 2 || cidrs.some((c) => parseCIDRSloppy(c) === undefined)) {
        r.fail(at, 'cluster.serviceCIDR must be a CIDR, or two separated by a comma for a dual-stack cluster (the API server\'s --service-cluster-ip-range)')
      }
      cluster.serviceCIDRs = cidrs
    } else if (key === 'nodes') {
      cluster.nodes = readNodes(r, value, at)
    } else if (key === 'storageClasses') {
      cluster.storageClasses = readStorageClasses(r, value, at)
    } else if (key === 'existing') {
      cluster.existing = r.list(value, at).map((entry, i) => readExisting(r, entry, [...at, i]))
    }
  }
  return cluster
}

function readVersion(r: SettingReader, value: unknown, at: Path): string {
  const expected = `one of the supported Kubernetes versions (${SUPPORTED_KUBERNETES_VERSIONS.join(', ')})`
  if (typeof value === 'number') {
    const written = r.source(at)
    // unquoted, 1.30 reads as the number 1.3
    const misread = written === String(value) ? '' : `, as YAML reads it as the number ${value}`
    r.fail(at, `cluster.kubernetesVersion must be a string: quote it ("${written}")${misread}`)
  }
  if (typeof value !== 'string' || !isSupportedVersion(value)) r.fail(at, `cluster.kubernetesVersion must be ${expected}`)
  return value
}

function readNodes(r: SettingReader, value: unknown, at: Path): NodeProfile[] {
  const entries = r.list(value, at)
  if (entries.length === 0) r.fail(at, 'cluster.nodes is empty: list at least one node or leave nodes out')
  const seen = new Map<string, number>()
  return entries.map((entry, i) => {
    const p = [...at, i]
    const node = r.mapping(entry, p, 'a mapping with a name (and count, labels, taints, allocatable)', NODE_KEYS)
    const name = r.required(node, 'name', p, 'a non-empty string')
    const first = seen.get(name)
    if (first !== undefined) r.fail([...p, 'name'], `${formatPath([...p, 'name'])} must be unique: "${name}" is also the name of ${formatPath([...at, first])}`)
    seen.set(name, i)
    const count = node.count === undefined ? 1 : node.count
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) r.fail([...p, 'count'], `${formatPath([...p, 'count'])} must be a positive whole number`)
    return {
      name,
      count,
      labels: node.labels === undefined ? {} : r.record(node.labels, [...p, 'labels'], 'a mapping of label keys to values', (v, vp) => r.label(v, vp)),
      taints: node.taints === undefined ? [] : r.list(node.taints, [...p, 'taints']).map((t, j) => readTaint(r, t, [...p, 'taints', j])),
      allocatable: node.allocatable === undefined ? {} : r.record(node.allocatable, [...p, 'allocatable'], 'a mapping of resource names to quantities', (v, vp) => r.quantity(v, vp)),
    }
  })
}

function readTaint(r: SettingReader, entry: unknown, at: Path): NodeTaint {
  const effects = TAINT_EFFECTS.join(', ')
  let key: string, value: string | undefined, effect: string
  if (typeof entry === 'string') {
    const m = TAINT_TEXT.exec(entry)
    if (!m) r.fail(at, `${formatPath(at)} must look like "key=value:NoSchedule" or "key:NoSchedule" (effects: ${effects})`)
    key = m[1]
    value = m[2]
    effect = m[3]
  } else {
    const fields = r.mapping(entry, at, '"key=value:NoSchedule", "key:NoSchedule", or a mapping with key, value and effect', TAINT_KEYS)
    key = r.required(fields, 'key', at, 'a taint key such as "dedicated"')
    value = fields.value === undefined ? undefined : r.label(fields.value, [...at, 'value'])
    effect = r.required(fields, 'effect', at, `one of ${effects}`)
  }
  if (!isTaintEffect(effect)) r.fail([...at, 'effect'], `${formatPath([...at, 'effect'])} must be one of ${effects}`)
  return value === undefined ? { key, effect } : { key, value, effect }
}

const isTaintEffect = (effect: string): effect is NodeTaint['effect'] => (TAINT_EFFECTS as readonly string[]).includes(effect)

function readStorageClasses(r: SettingReader, value: unknown, at: Path): StorageClassProfile[] {
  const classes: StorageClassProfile[] = []
  r.list(value, at).forEach((entry, i) => {
    const p = [...at, i]
    let sc: StorageClassProfile
    if (typeof entry === 'string') {
      sc = { name: r.string(entry, p, 'a storage class name'), default: false }
    } else {
      const fields = r.mapping(entry, p, 'a storage class name, or a mapping with a name (and default: true)', STORAGE_CLASS_KEYS)
      const isDefault = fields.default === undefined ? false : fields.default
      if (typeof isDefault !== 'boolean') r.fail([...p, 'default'], `${formatPath([...p, 'default'])} must be true or false`)
      sc = { name: r.required(fields, 'name', p, 'a storage class name'), default: isDefault }
      const other = classes.find((c) => c.default)
      if (isDefault && other) r.fail([...p, 'default'], `${formatPath([...p, 'default'])}: only one storage class can be the default, and "${other.name}" already is`)
    }
    if (classes.some((c) => c.name === sc.name)) r.fail(p, `${formatPath(p)}: the storage class "${sc.name}" is listed twice`)
    classes.push(sc)
  })
  return classes
}

function readExisting(r: SettingReader, value: unknown, at: Path): ExistingObject {
  if (typeof value === 'string') {
    const parts = value.split('/')
    if ((parts.length !== 2 && parts.length !== 3) || parts.some((s) => s === '')) {
      r.fail(at, `${formatPath(at)} must look like "Kind/namespace/name" or "Kind/name"`)
    }
    return parts.length === 3 ? { kind: parts[0], namespace: parts[1], name: parts[2] } : { kind: parts[0], name: parts[1] }
  }
  const fields = r.mapping(value, at, '"Kind/namespace/name", "Kind/name", or a mapping with kind, name and namespace', EXISTING_KEYS)
  const kind = r.required(fields, 'kind', at, 'a kind such as "Secret"')
  const name = r.required(fields, 'name', at, 'an object name')
  if (fields.namespace === undefined) return { kind, name }
  return { kind, namespace: r.string(fields.namespace, [...at, 'namespace'], 'a namespace name'), name }
}

type Path = readonly PathSegment[]

/** Reads values of the file by their path and stops at the first mistake, at the value's position (or its key's). */
class SettingReader {
  constructor(
    private readonly text: string,
    private readonly root: YNode,
    private readonly failAt: (offset: number, message: string) => never,
  ) {}

  fail(path: Path, message: string): never {
    return this.failAt(locate(this.root, path).node.start, message)
  }

  failKey(path: Path, message: string): never {
    const at = locate(this.root, path)
    return this.failAt(at.key?.start ?? at.node.start, message)
  }

  /** a mistake at a character of a string value: `offset` counts in the value, which the source may quote or fold */
  failInScalar(path: Path, value: string, offset: number, message: string): never {
    const { node } = locate(this.root, path)
    return this.failAt(node.start + sourceOffset(this.text.slice(node.start, node.end), value, offset), message)
  }

  /** where a mistake at this path is reported */
  offset(path: Path, atKey: boolean): number {
    const at = locate(this.root, path)
    return atKey ? (at.key?.start ?? at.node.start) : at.node.start
  }

  /** the value as written */
  source(path: Path): string {
    const { node } = locate(this.root, path)
    return this.text.slice(node.start, node.end)
  }

  list(value: unknown, path: Path): unknown[] {
    if (!Array.isArray(value)) this.fail(path, `${formatPath(path)} must be a list`)
    return value
  }

  /** a mapping whose keys are all among `known` */
  mapping(value: unknown, path: Path, expected: string, known: readonly string[]): Record<string, unknown> {
    if (!isMapping(value)) this.fail(path, `${formatPath(path)} must be ${expected}`)
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.failKey([...path, key], `unknown setting "${key}" in ${formatPath(path)} (known: ${known.join(', ')})`)
    }
    return value
  }

  /** a mapping of any keys, each value read by `read` */
  record(value: unknown, path: Path, expected: string, read: (value: unknown, path: Path) => string): Record<string, string> {
    if (!isMapping(value)) this.fail(path, `${formatPath(path)} must be ${expected}`)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, read(v, [...path, { key }])]))
  }

  /** a non-empty string */
  string(value: unknown, path: Path, expected: string): string {
    if (typeof value !== 'string' || value === '') this.fail(path, `${formatPath(path)} must be ${expected}`)
    return value
  }

  /** the non-empty string `fields[key]`, which must be given */
  required(fields: Record<string, unknown>, key: string, path: Path, expected: string): string {
    if (fields[key] === undefined) this.fail(path, `${formatPath(path)} is missing "${key}" (${expected})`)
    return this.string(fields[key], [...path, key], expected)
  }

  /** a label or taint value: a string, where YAML would read 1, true or 1.10 as something else */
  label(value: unknown, path: Path): string {
    if (typeof value !== 'string') this.fail(path, `${formatPath(path)} must be a string: quote it ("${this.source(path)}")`)
    return value
  }

  /** a resource quantity; numbers are taken as written by JavaScript (4 → "4") */
  quantity(value: unknown, path: Path): string {
    const q = typeof value === 'number' || typeof value === 'string' ? parseQuantity(value) : undefined
    if (!q || q.mantissa < 0n) this.fail(path, `${formatPath(path)} must be a quantity such as "4", "500m" or "16Gi"`)
    return String(value)
  }
}

/**
 * Where the character `offset` of a scalar's value stands in its source: the value's characters are matched in order
 * against the source's, skipping what the source adds (a block header, indentation, quotes, escapes, folded breaks).
 */
function sourceOffset(source: string, value: string, offset: number): number {
  let j = /^[|>]/.test(source) ? source.indexOf('\n') + 1 : /^["']/.test(source) ? 1 : 0
  for (let i = 0; i < Math.min(offset, value.length); i++) {
    const c = value[i]
    let k = j
    while (k < source.length && source[k] !== c && !(c === ' ' && source[k] === '\n')) k++
    if (k === source.length) return j
    j = k + 1
  }
  while (j < source.length && offset < value.length && source[j] !== value[offset] && /\s/.test(source[j])) j++
  return Math.min(j, source.length)
}

type SchemaValidator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null }
interface SchemaError {
  keyword: string
  instancePath: string
  schemaPath: string
  params: Record<string, unknown>
  message?: string
  propertyName?: string
}

/**
 * The validator's errors as mistakes to report, with the field path each is at: within an anyOf, the errors of the
 * one branch of the value's type stand for it (a mapping missing a key), else the anyOf itself (a value of no branch).
 */
function schemaMistakes(errors: readonly SchemaError[], schema: Schema): Array<{ error: SchemaError; path: Path; atKey: boolean }> {
  // the errors of the enum of rule ids and its alternatives stand behind their propertyNames error
  let kept = errors.filter((e) => e.propertyName === undefined || e.keyword === 'propertyNames')
  for (const any of kept.filter((e) => e.keyword === 'anyOf')) {
    const inside = kept.filter((e) => e !== any && e.schemaPath.startsWith(`${any.schemaPath}/`))
    const branches = (schemaAt(schema, any.schemaPath) as unknown as Schema[] | undefined) ?? []
    const matching = branches.map((_, i) => i).filter((i) => !inside.some((e) => e.schemaPath === `${any.schemaPath}/${i}/type` && e.instancePath === any.instancePath))
    const typed = matching.filter((i) => branches[i].type !== undefined)
    const drop = typed.length === 1 ? [any, ...inside.filter((e) => !e.schemaPath.startsWith(`${any.schemaPath}/${typed[0]}/`))] : inside
    kept = kept.filter((e) => !drop.includes(e))
  }
  // a misspelt key: its did-you-mean says more than the key found missing
  kept = kept.filter((e) => e.keyword !== 'required' || !kept.some((o) => o.keyword === 'additionalProperties' && o.instancePath === e.instancePath))
  return kept.map((error) => {
    const path = instancePath(error.instancePath, error.schemaPath)
    const key = error.keyword === 'additionalProperties' ? error.params.additionalProperty : error.keyword === 'propertyNames' ? error.params.propertyName : undefined
    return { error, path: key === undefined ? path : [...path, keySegment(String(key))], atKey: key !== undefined }
  })
}

/**
 * A JSON pointer into the config as a field path: the schema path it was validated along tells a setting's name
 * (`properties/<name>`) from a key of a map (`additionalProperties`: labels, rule ids), written in brackets.
 */
function instancePath(pointer: string, schemaPath: string): PathSegment[] {
  const unescape = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~')
  const tokens = pointer.split('/').slice(1).map(unescape)
  const steps = schemaPath.replace(/^#\/?/, '').split('/').map(unescape)
  const out: PathSegment[] = []
  for (let i = 0; i < steps.length && out.length < tokens.length; i++) {
    const token = tokens[out.length]
    const step = steps[i]
    // the step's own argument (a property name, a pattern, a tuple index) is no level of the config
    if (step === 'properties' || step === 'patternProperties' || (step === 'items' && /^\d+$/.test(steps[i + 1] ?? ''))) i++
    if (step === 'properties') out.push(token)
    else if (step === 'additionalProperties' || step === 'patternProperties') out.push({ key: token })
    else if (step === 'items') out.push(Number(token))
  }
  return out
}

const keySegment = (key: string): PathSegment => (/^[A-Za-z][A-Za-z0-9]*$/.test(key) ? key : { key })

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls)
  if (!isMapping(value)) return value
  return Object.fromEntries(Object.entries(value).flatMap(([k, v]) => (v === null ? [] : [[k, withoutNulls(v)]])))
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
