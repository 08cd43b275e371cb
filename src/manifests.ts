// Documents to Kubernetes objects: `kind: List` and `*List` kinds expand to their items; anything without
// apiVersion and kind is reported and skipped.
import type { ParsedDocument, Span, YNode } from './yaml/document.js'
import type { FileFindings } from './findings.js'
import { locate } from './locate.js'
import { rules } from '../rules/index.js'
import type { ObjectRef, PathSegment } from './types.js'

export interface Manifest {
  document: ParsedDocument
  value: Record<string, unknown>
  /** source ranges of `value` */
  node: YNode
  /** path from the document root to this object: [] or ['items', i] */
  prefix: PathSegment[]
  apiVersion: string
  kind: string
  ref: ObjectRef
}

export function toManifests(documents: readonly ParsedDocument[], out: FileFindings): Manifest[] {
  const manifests: Manifest[] = []
  for (const doc of documents) {
    if (doc.value === undefined || doc.root === null) continue
    collect(doc, doc.value, doc.root, [], manifests, out)
  }
  return manifests
}

function collect(doc: ParsedDocument, value: unknown, node: YNode, prefix: PathSegment[], into: Manifest[], out: FileFindings, listType?: { apiVersion: string; kind: string }): void {
  if (!isObject(value)) {
    const type = Array.isArray(value) ? 'list' : value === null ? 'null value' : typeof value === 'string' ? 'string' : typeof value
    out.report(rules.inputNotAnObject, 'notAMapping', { data: { type }, span: headSpan(node), object: null, path: prefix.length ? prefix : null })
    return
  }
  let { apiVersion, kind } = value
  if (apiVersion === undefined && kind === undefined && listType) ({ apiVersion, kind } = listType)
  if ((apiVersion === undefined || apiVersion === null) && (kind === undefined || kind === null)) {
    out.report(rules.inputNotAnObject, 'noTypeMeta', { span: headSpan(node), object: null, path: prefix.length ? prefix : null })
    return
  }
  for (const field of ['apiVersion', 'kind'] as const) {
    const v = field === 'apiVersion' ? apiVersion : kind
    if (v === undefined || v === null) {
      const other = locate(node, [field === 'apiVersion' ? 'kind' : 'apiVersion'])
      out.report(rules.inputMissingType, 'missing', { data: { field }, span: other.key ?? headSpan(node), object: refOf(value, apiVersion, kind), path: [...prefix, field] })
      return
    }
    if (typeof v !== 'string') {
      const at = locate(node, [field])
      out.report(rules.inputMissingType, 'notString', { data: { field, found: JSON.stringify(v) }, span: at.node, object: null, path: [...prefix, field] })
      return
    }
  }
  const av = apiVersion as string
  const k = kind as string
  const items = value.items
  if (k.endsWith('List') && Array.isArray(items)) {
    const itemsNode = locate(node, ['items'])
    const itemType = k === 'List' ? undefined : { apiVersion: av, kind: k.slice(0, -'List'.length) }
    items.forEach((item, i) => {
      const itemNode = itemsNode.node.items?.[i]
      if (itemNode) collect(doc, item, derefNode(itemNode), [...prefix, 'items', i], into, out, itemType)
    })
    return
  }
  into.push({ document: doc, value, node, prefix, apiVersion: av, kind: k, ref: refOf(value, av, k) })
}

function derefNode(node: YNode): YNode {
  while (node.target) node = node.target
  return node
}

function refOf(value: Record<string, unknown>, apiVersion: unknown, kind: unknown): ObjectRef {
  const meta = isObject(value.metadata) ? value.metadata : {}
  const str = (v: unknown) => (typeof v === 'string' ? v : null)
  return { apiVersion: str(apiVersion), kind: str(kind), namespace: str(meta.namespace), name: str(meta.name) ?? str(meta.generateName) }
}

/** where to point for the object as a whole: its first key */
function headSpan(node: YNode): Span {
  const first = node.map?.values().next().value
  return first?.key ?? { start: node.start, end: Math.min(node.end, node.start + 1) }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** "Deployment web" for messages */
export function describeObject(ref: ObjectRef): string {
  return ref.name ? `${ref.kind} ${ref.name}` : `${ref.kind}`
}
