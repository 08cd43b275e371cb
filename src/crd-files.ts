// CustomResourceDefinitions given with --crd: read for their schemas only; their own findings are not reported.
import { discoverFiles } from './discover.js'
import { readText } from './read-file.js'
import { readYamlDocuments } from './yaml/read.js'
import { isObject } from './manifests.js'

export async function readCrdFiles(paths: readonly string[], cwd: string): Promise<unknown[]> {
  const files = await discoverFiles(paths, { cwd, errorOnUnmatchedPattern: true })
  const crds: unknown[] = []
  for (const file of files) {
    for (const doc of readYamlDocuments(readText(file))) collectCrds(doc.value, crds)
  }
  return crds
}

export function collectCrds(value: unknown, into: unknown[]): void {
  if (!isObject(value)) return
  if (value.kind === 'CustomResourceDefinition') into.push(value)
  else if (typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) for (const item of value.items) collectCrds(item, into)
}

/** "group/Kind" of a CRD, to match it with the custom resources that need it */
export function crdKey(crd: unknown): string | undefined {
  if (!isObject(crd) || !isObject(crd.spec) || !isObject(crd.spec.names)) return undefined
  const { group } = crd.spec
  const { kind } = crd.spec.names
  return typeof group === 'string' && typeof kind === 'string' ? `${group}/${kind}` : undefined
}

/** "group/Kind" of a custom resource */
export function resourceKey(apiVersion: string, kind: string): string {
  const slash = apiVersion.lastIndexOf('/')
  return `${slash === -1 ? '' : apiVersion.slice(0, slash)}/${kind}`
}
