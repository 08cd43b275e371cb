// The generated built-in schemas (schemas/*.json), read lazily: kinds.json whole (small), and from
// definitions.json only the lines of the definitions a validation reaches. Each line of definitions.json holds one
// definition name with all its bodies (scripts/generate-schemas.ts writes it that way), so a definition is found
// by name without parsing the 0.5 MB file.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { PACKAGE_ROOT } from '../package-root.js'
import type { JsonType, SchemaNode } from './model.js'
import { enforcedRequired } from './required.js'
import { inRanges } from './versions.js'

const SCHEMAS_DIR = pathToFileURL(path.join(PACKAGE_ROOT, 'schemas') + path.sep)

export interface KindEntry {
  /** definition name */
  schema?: string
  namespaced?: boolean
  /** minors serving it, as "1.23-1.29,1.31" */
  served?: string
  deprecatedIn?: string
  replacement?: string
  /** removal outside the specs' range: before the oldest (from Pluto) or announced after the newest */
  removedIn?: string
}

interface KindsFile {
  kubernetesVersions: string[]
  kinds: Record<string, Record<string, KindEntry>>
}

let kindsFile: KindsFile | undefined
let definitionLines: Map<string, string> | undefined

function kinds(): KindsFile {
  kindsFile ??= JSON.parse(readFileSync(new URL('kinds.json', SCHEMAS_DIR), 'utf8')) as KindsFile
  return kindsFile
}

// apiVersion and kind come from user input: only own keys count ("__proto__" is not an apiVersion)
export function kindEntry(apiVersion: string, kind: string): KindEntry | undefined {
  const all = kinds().kinds
  const entries = Object.hasOwn(all, apiVersion) ? all[apiVersion] : undefined
  return entries && Object.hasOwn(entries, kind) ? entries[kind] : undefined
}

/** Every apiVersion → kind → entry, for lookups that scan (replacements). */
export function allKinds(): Readonly<Record<string, Record<string, KindEntry>>> {
  return kinds().kinds
}

/** The minors the generated data describes, oldest first. */
export function generatedVersions(): readonly string[] {
  return kinds().kubernetesVersions
}

// A definition line is `"<name>":[<variants>],`; the first two lines and the last one are the wrapper.
function definitionText(name: string): string | undefined {
  if (!definitionLines) {
    definitionLines = new Map()
    const text = readFileSync(new URL('definitions.json', SCHEMAS_DIR), 'utf8')
    for (const line of text.split('\n')) {
      const nameEnd = line.indexOf('":[')
      if (!line.startsWith('"') || nameEnd === -1) continue
      definitionLines.set(line.slice(1, nameEnd), line.slice(nameEnd + 2, line.endsWith(',') ? -1 : undefined))
    }
  }
  return definitionLines.get(name)
}

interface Variant {
  schema: RawSchema
  versions: string
}

interface RawSchema {
  $ref?: string
  type?: string
  format?: string
  properties?: Record<string, RawSchema>
  additionalProperties?: RawSchema | boolean
  items?: RawSchema
  required?: string[]
  enum?: unknown[]
}

const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity'
const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'
// Their Go types keep the raw JSON of any value (RawExtension, FieldsV1): the schema says object, the decoder takes anything.
const RAW_JSON = new Set(['io.k8s.apimachinery.pkg.runtime.RawExtension', 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1'])

/** The built-in definitions of one Kubernetes version, converted on first use. */
export class Definitions {
  private readonly cache = new Map<string, SchemaNode>()

  constructor(readonly kubernetesVersion: string) {}

  resolve = (name: string): SchemaNode => {
    let node = this.cache.get(name)
    if (!node) {
      node = this.load(name)
      this.cache.set(name, node)
    }
    return node
  }

  private load(name: string): SchemaNode {
    if (name === QUANTITY) return { special: 'quantity' }
    if (name === INT_OR_STRING) return { special: 'int-or-string', format: 'int32' }
    if (RAW_JSON.has(name)) return {}
    const text = definitionText(name)
    const variant = text === undefined ? undefined : (JSON.parse(text) as Variant[]).find((v) => inRanges(v.versions, this.kubernetesVersion))
    // an unknown name cannot come from the generated data; accept anything rather than invent errors
    if (!variant) return {}
    const node = fromRaw(variant.schema)
    const required = enforcedRequired(name, node.properties)
    if (required) node.required = required
    return node
  }
}

const JSON_TYPES = new Set<string>(['object', 'array', 'string', 'integer', 'number', 'boolean'])

function fromRaw(raw: RawSchema): SchemaNode {
  if (raw.$ref !== undefined) return { ref: raw.$ref }
  const node: SchemaNode = {}
  if (raw.type !== undefined && JSON_TYPES.has(raw.type)) node.type = raw.type as JsonType
  if (raw.format !== undefined) node.format = raw.format
  if (raw.properties) node.properties = new Map(Object.entries(raw.properties).map(([k, v]) => [k, fromRaw(v)]))
  if (typeof raw.additionalProperties === 'object') node.additionalProperties = fromRaw(raw.additionalProperties)
  else if (raw.additionalProperties === true) node.allowUnknown = true
  if (raw.items) node.items = fromRaw(raw.items)
  if (raw.enum) node.enum = raw.enum
  return node
}
