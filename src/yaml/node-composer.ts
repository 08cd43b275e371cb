// Builds a document's value and source-range tree as the reader meets its nodes, with the reference composer's
// semantics (parse.ts): YAML 1.1 scalar resolution, go-yaml v2 merges, duplicate keys after key resolution, and
// go-yaml's alias-ratio guard.
import type { Span, YamlProblem, YNode } from './document.js'
import { keyString, resolvePlainScalar } from './resolve.js'
import { Unhandled } from './unhandled.js'
import { exceedsAliasLimit } from './alias-limit.js'

export interface Built {
  value: unknown
  node: YNode
  /** nodes the Kubernetes decoder visits to produce this value, aliases expanded */
  visits: number
}

export interface MapUnderway {
  value: Record<string, unknown>
  map: Map<string, YNode>
  merges: YNode[] | undefined
  /** first occurrence of keys seen more than once */
  firstSeen: Map<string, Span> | undefined
  visits: number
}

export interface SeqUnderway {
  value: unknown[]
  items: YNode[]
  visits: number
}

/** Key of a `<<` merge entry. */
export const MERGE_KEY = Symbol('merge')

export class NodeComposer {
  readonly problems: YamlProblem[] = []
  /** anchored nodes by name; null while the anchored collection is being read */
  private readonly anchors = new Map<string, Built | null>()
  private visits = 0
  private aliasVisits = 0

  plain(text: string, start: number, end: number): Built {
    this.visits++
    const value = resolvePlainScalar(text)
    if (typeof value === 'number' && !Number.isFinite(value)) this.unrepresentable(text, start, end)
    return { value, node: { start, end }, visits: 1 }
  }

  quoted(text: string, start: number, end: number): Built {
    this.visits++
    return { value: text, node: { start, end }, visits: 1 }
  }

  empty(at: number): Built {
    this.visits++
    return { value: null, node: { start: at, end: at }, visits: 1 }
  }

  alias(name: string, start: number, end: number): Built {
    const target = this.anchors.get(name)
    if (target === undefined) throw new Unhandled('unknown anchor', start)
    if (target === null) throw new Unhandled('alias inside its own anchor', start)
    this.aliasVisits += target.visits
    const span = { start, end }
    return { value: target.value, node: { start, end, alias: span, target: target.node }, visits: target.visits }
  }

  beginAnchor(name: string): void {
    this.anchors.set(name, null)
  }

  /** The anchor keeps its own copy of the node: the copy placed in a mapping also carries the key's range. */
  endAnchor(name: string, built: Built): void {
    this.anchors.set(name, { value: built.value, node: { ...built.node }, visits: built.visits })
  }

  beginMap(): MapUnderway {
    return { value: {}, map: new Map(), merges: undefined, firstSeen: undefined, visits: 1 }
  }

  /** Resolves a key as Kubernetes sees it and reports duplicates; call before reading the value. */
  key(m: MapUnderway, text: string, plain: boolean, start: number, end: number): string | typeof MERGE_KEY {
    let key = text
    if (plain) {
      if (text === '<<') return MERGE_KEY
      const value = resolvePlainScalar(text)
      if (typeof value === 'number' && !Number.isFinite(value)) this.unrepresentable(text, start, end)
      key = keyString(value)!
    }
    const previous = m.map.get(key)
    if (previous !== undefined) {
      const first = m.firstSeen?.get(key) ?? previous.key!
      if (m.firstSeen === undefined) m.firstSeen = new Map()
      if (!m.firstSeen.has(key)) m.firstSeen.set(key, first)
      this.problems.push({ code: 'duplicate-key', message: `key "${key}" already set in map`, key, start, end, related: { start: first.start, end: first.end, message: 'first set here' } })
    }
    return key
  }

  setValue(m: MapUnderway, key: string, keyStart: number, keyEnd: number, built: Built): void {
    setKey(m.value, key, built.value)
    built.node.key = { start: keyStart, end: keyEnd }
    m.map.set(key, built.node)
    m.visits += built.visits
  }

  /** go-yaml v2 merge: the sources' keys are set in document order; in a list, earlier sources win. */
  merge(m: MapUnderway, built: Built, at: number): void {
    const items = built.node.items
    if (items !== undefined && built.node.alias === undefined) {
      const values = built.value as unknown[]
      for (let i = items.length - 1; i >= 0; i--) {
        // the reference builds list sources in reverse; with aliases only, the order cannot show
        if (items[i].alias === undefined || !isMergeable(items[i], values[i])) throw new Unhandled('unusual merge source', at)
        mergeKeys(m.value, values[i] as Record<string, unknown>)
      }
      m.merges = m.merges ? [...items, ...m.merges] : [...items]
      m.visits += built.visits - 1
      this.visits-- // the list itself is not decoded
      return
    }
    if (!isMergeable(built.node, built.value)) throw new Unhandled('unusual merge source', at)
    mergeKeys(m.value, built.value as Record<string, unknown>)
    m.merges = m.merges ? [built.node, ...m.merges] : [built.node]
    m.visits += built.visits
  }

  finishMap(m: MapUnderway, start: number, end: number): Built {
    this.visits++
    const node: YNode = { start, end, map: m.map }
    if (m.merges !== undefined) node.merges = m.merges
    return { value: m.value, node, visits: m.visits }
  }

  beginSeq(): SeqUnderway {
    return { value: [], items: [], visits: 1 }
  }

  push(s: SeqUnderway, built: Built): void {
    s.value.push(built.value)
    s.items.push(built.node)
    s.visits += built.visits
  }

  finishSeq(s: SeqUnderway, start: number, end: number): Built {
    this.visits++
    return { value: s.value, node: { start, end, items: s.items }, visits: s.visits }
  }

  exceedsAliasLimit(): boolean {
    return exceedsAliasLimit(this.visits, this.aliasVisits)
  }

  private unrepresentable(text: string, start: number, end: number): void {
    this.problems.push({ code: 'unsupported', message: `${text} has no JSON representation`, start, end })
  }
}

function isMergeable(node: YNode, value: unknown): boolean {
  const target = node.target ?? node
  return target.map !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mergeKeys(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) setKey(into, k, v)
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  else obj[key] = value
}
