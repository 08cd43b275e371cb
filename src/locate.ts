// The one place that turns a field path into source ranges, through mappings, sequences, aliases and merges.
import type { Span, YNode } from './yaml/document.js'
import { segmentKey } from './field-path.js'
import type { PathSegment } from './types.js'

export interface Located {
  /** the deepest node reached */
  node: YNode
  /** its key's range when it is a mapping value */
  key?: Span
  /** alias uses crossed on the way, outermost first */
  via: Span[]
  /** false when the path leaves the document before its end (the node is the nearest existing parent) */
  exact: boolean
}

export function locate(root: YNode, path: readonly PathSegment[]): Located {
  const via: Span[] = []
  let node = deref(root, via)
  let key: Span | undefined = root.key
  for (const seg of path) {
    const k = segmentKey(seg)
    const child = typeof k === 'number' ? node.items?.[k] : childOf(node, k, via)
    if (!child) return { node, key, via, exact: false }
    key = typeof k === 'number' ? undefined : child.key
    node = deref(child, via)
  }
  return { node, key, via, exact: true }
}

function deref(node: YNode, via: Span[]): YNode {
  while (node.target) {
    if (node.alias) via.push(node.alias)
    node = node.target
  }
  return node
}

function childOf(node: YNode, key: string, via: Span[]): YNode | undefined {
  const own = node.map?.get(key)
  if (own) return own
  for (const source of node.merges ?? []) {
    const mark = via.length
    const hit = childOf(deref(source, via), key, via)
    if (hit) return hit
    via.length = mark
  }
  return undefined
}
