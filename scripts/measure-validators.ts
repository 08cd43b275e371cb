// Measures three ways of validating built-in kinds, each cold in a fresh Node process, to back the design of
// src/schema: its own schema walker over schemas/ (what ships), ajv compiling lazily per kind, and ajv standalone
// code generated ahead of time. Usage: npm run build && node dist/scripts/measure-validators.js [1.35]
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const REPO = new URL('../../', import.meta.url)
const OUT = fileURLToPath(new URL('dist/measure-validators/', REPO))
const DEPLOYMENT = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1', memory: '1Gi' } } }] },
    },
  },
}
const THROUGHPUT_RUNS = 20_000

type Timings = Record<string, number | string>
type Raw = Record<string, unknown>

interface Data {
  definitions: Map<string, Raw>
  kinds: { apiVersion: string; kind: string; schema: string }[]
}

function readData(version: string): Data {
  const inRange = (ranges: string) => ranges.split(',').some((run) => {
    const [from, to = from] = run.split('-').map((v) => Number(v.split('.')[1]))
    const minor = Number(version.split('.')[1])
    return minor >= from && minor <= to
  })
  const defs = JSON.parse(readFileSync(new URL('schemas/definitions.json', REPO), 'utf8')) as { definitions: Record<string, { schema: Raw; versions: string }[]> }
  const definitions = new Map<string, Raw>()
  for (const [name, variants] of Object.entries(defs.definitions)) {
    const hit = variants.find((v) => inRange(v.versions))
    if (hit) definitions.set(name, hit.schema)
  }
  const index = JSON.parse(readFileSync(new URL('schemas/kinds.json', REPO), 'utf8')) as { kinds: Record<string, Record<string, { schema?: string; served?: string }>> }
  const kinds = Object.entries(index.kinds).flatMap(([apiVersion, entries]) =>
    Object.entries(entries)
      .filter(([kind, e]) => e.schema && e.served && inRange(e.served) && !kind.endsWith('List') && definitions.has(e.schema))
      .map(([kind, e]) => ({ apiVersion, kind, schema: e.schema! })),
  )
  return { definitions, kinds }
}

// --- seaworthy's walker ------------------------------------------------------------------------------------

async function walker(version: string): Promise<Timings> {
  const t0 = performance.now()
  const { builtinKind } = await import('../src/schema/index.js')
  const t1 = performance.now()
  const deployment = builtinKind(version, 'apps/v1', 'Deployment')
  if (deployment.status !== 'served') throw new Error('Deployment not served')
  deployment.validate(DEPLOYMENT)
  const t2 = performance.now()
  const { kinds } = readData(version)
  const t3 = performance.now()
  for (const k of kinds) {
    const status = builtinKind(version, k.apiVersion, k.kind)
    if (status.status === 'served') status.validate({ apiVersion: k.apiVersion, kind: k.kind, metadata: { name: 'x' } })
  }
  const t4 = performance.now()
  // the walker converts a definition when a value reaches it; converting all of them is its "compile everything"
  const { Definitions } = await import('../src/schema/catalog.js')
  const all = new Definitions(version)
  const t5 = performance.now()
  for (const name of readData(version).definitions.keys()) all.resolve(name)
  const t6 = performance.now()
  return { import: t1 - t0, firstDeployment: t2 - t1, allKinds: t4 - t3, kinds: kinds.length, allDefinitions: t6 - t5, ...throughput((v) => deployment.validate(v)) }
}

// --- ajv ---------------------------------------------------------------------------------------------------

// The same facts as the walker uses: refs by $id, unknown fields rejected, Quantity and IntOrString decoded.
function ajvSchema(name: string, body: Raw): Raw {
  if (name.endsWith('resource.Quantity')) return { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^\\s*[+-]?[0-9]*(\\.[0-9]*)?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][-+]?[0-9]+)?\\s*$' }] }
  if (name.endsWith('intstr.IntOrString')) return { anyOf: [{ type: 'integer' }, { type: 'string' }] }
  if (name.endsWith('runtime.RawExtension') || name.endsWith('meta.v1.FieldsV1')) return {}
  const convert = (s: Raw): Raw => {
    if (typeof s.$ref === 'string') return { $ref: s.$ref }
    const out: Raw = {}
    for (const key of ['type', 'format', 'enum']) if (s[key] !== undefined) out[key] = s[key]
    if (out.format === 'int-or-string') delete out.format
    if (s.properties) {
      out.properties = Object.fromEntries(Object.entries(s.properties as Record<string, Raw>).map(([k, v]) => [k, convert(v)]))
      if (s.additionalProperties === undefined) out.additionalProperties = false
    }
    if (typeof s.additionalProperties === 'object') out.additionalProperties = convert(s.additionalProperties as Raw)
    if (s.items) out.items = convert(s.items as Raw)
    return out
  }
  return convert(body)
}

// ajv and ajv-formats are CommonJS; loading them through require keeps their cold cost comparable to a CLI's
const require = createRequire(import.meta.url)

function newAjv(source: boolean) {
  const { Ajv, _ } = require('ajv') as typeof import('ajv')
  const addFormats = (require('ajv-formats') as { default: (ajv: InstanceType<typeof Ajv>) => void }).default
  const ajv = new Ajv({ allErrors: true, strict: false, code: source ? { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } : {} })
  addFormats(ajv)
  return ajv
}

function addClosure(ajv: { getSchema(id: string): unknown; addSchema(s: Raw): unknown }, data: Data, root: string, added: Set<string>): void {
  const visit = (name: string) => {
    if (added.has(name) || !data.definitions.has(name)) return
    added.add(name)
    const schema = ajvSchema(name, data.definitions.get(name)!)
    ajv.addSchema({ $id: name, ...schema })
    JSON.stringify(schema, (key, value: unknown) => (key === '$ref' && typeof value === 'string' ? (visit(value), value) : value))
  }
  visit(root)
}

async function ajvLazy(version: string): Promise<Timings> {
  const t0 = performance.now()
  const ajv = newAjv(false)
  const t1 = performance.now()
  const data = readData(version)
  const added = new Set<string>()
  const t2 = performance.now()
  addClosure(ajv, data, 'io.k8s.api.apps.v1.Deployment', added)
  const validate = ajv.getSchema('io.k8s.api.apps.v1.Deployment')!
  validate(DEPLOYMENT)
  const t3 = performance.now()
  for (const k of data.kinds) {
    addClosure(ajv, data, k.schema, added)
    ajv.getSchema(k.schema)
  }
  const t4 = performance.now()
  return { import: t1 - t0, readData: t2 - t1, firstDeployment: t3 - t2, allKinds: t4 - t3, kinds: data.kinds.length, ...throughput((v) => validate(v)) }
}

async function ajvStandaloneGenerate(version: string): Promise<Timings> {
  const standaloneCode = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone/index.js')).default
  const t0 = performance.now()
  const ajv = newAjv(true)
  const data = readData(version)
  const added = new Set<string>()
  const byGroupVersion = new Map<string, Record<string, string>>()
  for (const k of data.kinds) {
    addClosure(ajv, data, k.schema, added)
    const refs = byGroupVersion.get(k.apiVersion) ?? {}
    refs[k.kind] = k.schema
    byGroupVersion.set(k.apiVersion, refs)
  }
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  let bytes = 0
  for (const [apiVersion, refs] of byGroupVersion) {
    const code = standaloneCode(ajv, refs)
    bytes += code.length
    writeFileSync(`${OUT}${apiVersion.replace('/', '_')}.cjs`, code)
  }
  return { generateAllKinds: performance.now() - t0, modules: byGroupVersion.size, bytes }
}

async function ajvStandaloneLoad(): Promise<Timings> {
  const t0 = performance.now()
  const apps = require(`${OUT}apps_v1.cjs`) as Record<string, (v: unknown) => boolean>
  const t1 = performance.now()
  apps.Deployment(DEPLOYMENT)
  const t2 = performance.now()
  return { requireAppsV1: t1 - t0, firstDeployment: t2 - t1, ...throughput((v) => apps.Deployment(v)) }
}

function throughput(validate: (v: unknown) => unknown): Timings {
  const t0 = performance.now()
  for (let i = 0; i < THROUGHPUT_RUNS; i++) validate(DEPLOYMENT)
  return { deploymentsPerSecond: Math.round(THROUGHPUT_RUNS / ((performance.now() - t0) / 1000)) }
}

// --- driver ------------------------------------------------------------------------------------------------

const SCENARIOS: Record<string, (version: string) => Promise<Timings>> = {
  walker,
  'ajv-lazy': ajvLazy,
  'ajv-standalone-generate': ajvStandaloneGenerate,
  'ajv-standalone-load': ajvStandaloneLoad,
}

async function main(): Promise<void> {
  const [flag, scenario, version = '1.35'] = process.argv.slice(2)
  if (flag === '--scenario') {
    const timings = await SCENARIOS[scenario](version)
    process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v * 10) / 10 : v]))))
    return
  }
  const target = flag ?? '1.35'
  for (const name of Object.keys(SCENARIOS)) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--scenario', name, target], { encoding: 'utf8' })
    console.log(`${name.padEnd(24)} ${run.status === 0 ? run.stdout : run.stderr}`)
  }
}

await main()
