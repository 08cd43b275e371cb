// CustomResourceDefinitions found in a lint run: each served version's structural schema, for its custom resources.
import { definitionsFor } from './builtin.js'
import type { Definitions } from './catalog.js'
import type { SchemaIssue, SchemaNode } from './model.js'
import { fromStructural, isObject, schemaProblems } from './structural.js'
import { validateValue, type Scope } from './validator.js'

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'

interface CustomKind {
  namespaced: boolean
  /** the version's openAPIV3Schema, converted on first lookup */
  raw: unknown
  pruning: boolean
  scopes: ReadonlyMap<string, Scope>
  validator?: { namespaced: boolean; validate(value: unknown): SchemaIssue[] }
}

// Required fields under status are never enforced; with the status subresource the server even discards the
// status a create sends, so only its unknown fields (reported by strict decoding) remain.
const STATUS_VALIDATED: ReadonlyMap<string, Scope> = new Map([['status', { required: false }]])
const STATUS_DISCARDED: ReadonlyMap<string, Scope> = new Map([['status', { required: false, values: false }]])

export class CrdRegistry {
  private readonly kinds = new Map<string, CustomKind>()
  private readonly defs: Definitions

  constructor(kubernetesVersion: string) {
    this.defs = definitionsFor(kubernetesVersion)
  }

  /**
   * Registers every served version of a CustomResourceDefinition (the parsed object). Returns the problems
   * with its own schema; a version with problems is not registered. Never throws.
   */
  add(crd: unknown): string[] {
    const problems: string[] = []
    try {
      this.register(crd, problems)
    } catch (error) {
      problems.push(`could not read this CustomResourceDefinition: ${(error as Error).message}`)
    }
    return problems
  }

  lookup(apiVersion: string, kind: string): { namespaced: boolean; validate(value: unknown): SchemaIssue[] } | undefined {
    const custom = this.kinds.get(`${apiVersion} ${kind}`)
    if (!custom) return undefined
    if (!custom.validator) {
      const root = withObjectFields(custom.raw === undefined ? { allowUnknown: true } : fromStructural(custom.raw, custom.pruning))
      const options = { resolve: this.defs.resolve, flavour: 'crd' as const, scopes: custom.scopes }
      custom.validator = { namespaced: custom.namespaced, validate: (value: unknown) => validateValue(value, root, options) }
    }
    return custom.validator
  }

  private register(crd: unknown, problems: string[]): void {
    const spec = isObject(crd) && isObject(crd.spec) ? crd.spec : undefined
    const group = spec?.group
    const kind = isObject(spec?.names) ? spec.names.kind : undefined
    if (!spec || typeof group !== 'string' || group === '' || typeof kind !== 'string' || kind === '') {
      problems.push('spec.group and spec.names.kind are required')
      return
    }
    const legacy = isObject(crd) && crd.apiVersion === 'apiextensions.k8s.io/v1beta1'
    // v1beta1 kept unknown fields unless told otherwise; v1 only for CRDs converted with preserveUnknownFields: true
    const pruning = legacy ? spec.preserveUnknownFields === false : spec.preserveUnknownFields !== true
    for (const [i, version] of servedVersions(spec, legacy)) {
      const at = `spec.versions[${i}]`
      const raw = (isObject(version.schema) ? version.schema.openAPIV3Schema : undefined) ?? (isObject(spec.validation) ? spec.validation.openAPIV3Schema : undefined)
      const versionProblems: string[] = []
      if (raw !== undefined) schemaProblems(raw, `${at}.schema.openAPIV3Schema`, versionProblems)
      else if (!legacy) versionProblems.push(`${at}.schema.openAPIV3Schema is required`)
      problems.push(...versionProblems)
      if (versionProblems.length > 0) continue
      const subresources = isObject(version.subresources) ? version.subresources : isObject(spec.subresources) ? spec.subresources : undefined
      this.kinds.set(`${group}/${version.name} ${kind}`, {
        namespaced: spec.scope !== 'Cluster',
        raw,
        pruning,
        scopes: isObject(subresources) && isObject(subresources.status) ? STATUS_DISCARDED : STATUS_VALIDATED,
      })
    }
  }
}

function servedVersions(spec: Record<string, unknown>, legacy: boolean): [number, Record<string, unknown>][] {
  if (Array.isArray(spec.versions) && spec.versions.length > 0) {
    return spec.versions
      .map((v, i): [number, unknown] => [i, v])
      .filter((entry): entry is [number, Record<string, unknown>] => isObject(entry[1]) && typeof entry[1].name === 'string' && entry[1].served === true)
  }
  return legacy && typeof spec.version === 'string' ? [[0, { name: spec.version }]] : []
}

// The server adds apiVersion and kind, and validates metadata as ObjectMeta whatever the CRD says about it.
function withObjectFields(root: SchemaNode): SchemaNode {
  const properties = new Map(root.properties ?? [])
  properties.set('apiVersion', { type: 'string' })
  properties.set('kind', { type: 'string' })
  properties.set('metadata', { ref: OBJECT_META })
  return { ...root, type: 'object', properties }
}
