// Reads a file's YAML (or JSON) documents with the `yaml` package and composes the values Kubernetes would
// decode (see resolve.ts), with a source-range tree beside each value.
import { createRequire } from 'node:module'
import type { Document, Node as YamlNode, Scalar } from 'yaml'
import type { ParsedDocument, Span, YamlProblem, YNode } from './document.js'
import { keyString, resolvePlainScalar } from './resolve.js'
import { exceedsAliasLimit } from './alias-limit.js'

// loaded on first use: most files never need it (the fast reader handles them), and it costs a cold start ~25 ms
let yamlPackage: typeof import('yaml') | undefined
const loadYaml = () => (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'))
const isAlias = (n: unknown) => loadYaml().isAlias(n)
const isMap = (n: unknown) => loadYaml().isMap(n)
const isPair = (n: unknown) => loadYaml().isPair(n)
const isScalar = (n: unknown): n is Scalar => loadYaml().isScalar(n)
const isSeq = (n: unknown) => loadYaml().isSeq(n)

const CORE_TAG = 'tag:yaml.org,2002:'

export function parseYamlDocuments(text: string): ParsedDocument[] {
  const docs = loadYaml().parseAllDocuments(text, {
    schema: 'failsafe', // every scalar stays a string; resolve.ts applies Kubernetes' YAML 1.1 rules
    merge: false, // `<<` is handled below, with go-yaml v2's precedence
    uniqueKeys: false, // duplicates are judged after key resolution (`on` and `yes` are the same key)
    prettyErrors: false,
    version: '1.1',
  })
  const out: ParsedDocument[] = []
  for (const doc of docs) {
    const parsed = composeDocument(doc, out.length)
    if (parsed) out.push(parsed)
  }
  return out
}

function composeDocument(doc: Document.Parsed, index: number): ParsedDocument | undefined {
  const [start, , end] = doc.range
  const problems: YamlProblem[] = []
  if (doc.errors.length > 0) {
    // the first error is the cause; the ones after it are mostly its echoes
    const e = doc.errors[0]
    problems.push({ code: 'syntax', message: describeError(e.code, e.message), start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) })
    return { index, start, end, value: undefined, root: null, problems }
  }
  if (doc.contents == null || (isScalar(doc.contents) && doc.contents.source === '' && doc.contents.type === 'PLAIN' && doc.contents.tag == null)) {
    return undefined
  }
  const composer = new Composer(doc, problems)
  const built = composer.build(doc.contents)
  if (composer.exceedsAliasLimit()) {
    problems.push({ code: 'alias-limit', message: 'document contains excessive aliasing', start: doc.contents.range?.[0] ?? start, end: doc.contents.range?.[1] ?? end })
    return { index, start, end, value: undefined, root: null, problems }
  }
  const unusable = problems.some((p) => p.code === 'unsupported')
  return { index, start: doc.contents.range?.[0] ?? start, end: doc.contents.range?.[1] ?? end, value: unusable ? undefined : built.value, root: unusable ? null : built.node, problems }
}

interface Built {
  value: unknown
  node: YNode
  /** nodes the Kubernetes decoder visits to produce this value, aliases expanded */
  visits: number
}

class Composer {
  private readonly anchored = new Map<YamlNode, Built>()
  private readonly inProgress = new Set<YamlNode>()
  private visits = 0
  private aliasVisits = 0

  constructor(
    private readonly doc: Document.Parsed,
    private readonly problems: YamlProblem[],
  ) {}

  build(node: YamlNode): Built {
    const done = this.anchored.get(node)
    if (done) return done
    let built: Built
    if (isAlias(node)) {
      const target = node.resolve(this.doc)
      const alias: Span = { start: node.range![0], end: node.range![1] }
      if (!target) {
        this.problems.push({ code: 'syntax', message: `unknown anchor '${node.source}' referenced`, ...alias })
        return { value: null, node: { ...alias }, visits: 1 }
      }
      if (this.inProgress.has(target)) {
        this.problems.push({ code: 'unsupported', message: `anchor '${node.source}' value contains itself`, ...alias })
        return { value: null, node: { ...alias }, visits: 1 }
      }
      const inner = this.build(target)
      this.aliasVisits += inner.visits
      return { value: inner.value, node: { start: alias.start, end: alias.end, alias, target: inner.node }, visits: inner.visits }
    } else if (isMap(node)) {
      this.inProgress.add(node)
      built = this.buildMap(node as YamlNode & { items: unknown[] })
      this.inProgress.delete(node)
    } else if (isSeq(node)) {
      this.inProgress.add(node)
      const items: YNode[] = []
      const value: unknown[] = []
      let visits = 1
      for (const item of node.items) {
        const b = this.build(item as YamlNode)
        items.push(b.node)
        value.push(b.value)
        visits += b.visits
      }
      built = { value, node: { start: node.range![0], end: node.range![1], items }, visits }
      this.inProgress.delete(node)
    } else {
      built = { value: this.scalarValue(node as Scalar), node: { start: node.range![0], end: node.range![1] }, visits: 1 }
    }
    this.visits += 1
    if (node.anchor) this.anchored.set(node, built)
    return built
  }

  private buildMap(node: YamlNode & { items: unknown[] }): Built {
    const value: Record<string, unknown> = {}
    const map = new Map<string, YNode>()
    const merges: YNode[] = []
    const firstSeen = new Map<string, Span>()
    let visits = 1
    for (const pair of node.items) {
      if (!isPair(pair)) continue
      const keyNode = pair.key as YamlNode | null
      const valueNode = pair.value as YamlNode | null
      if (keyNode && isScalar(keyNode) && keyNode.type === 'PLAIN' && keyNode.tag == null && keyNode.source === '<<') {
        visits += this.merge(valueNode, value, merges, keyNode)
        continue
      }
      const keySpan = spanOf(keyNode) ?? spanOf(valueNode) ?? { start: node.range![0], end: node.range![0] }
      const key = keyNode && isScalar(keyNode) ? keyString(this.scalarValue(keyNode)) : undefined
      if (key === undefined) {
        this.problems.push({ code: 'unsupported', message: 'a mapping key must be a string, number or boolean to be converted to JSON', ...keySpan })
        continue
      }
      const first = firstSeen.get(key)
      if (first) {
        this.problems.push({ code: 'duplicate-key', message: `key "${key}" already set in map`, key, ...keySpan, related: { ...first, message: 'first set here' } })
      } else {
        firstSeen.set(key, keySpan)
      }
      const b = valueNode ? this.build(valueNode) : { value: null, node: { start: keySpan.end, end: keySpan.end }, visits: 1 }
      visits += b.visits
      setKey(value, key, b.value)
      map.set(key, { ...b.node, key: keySpan })
    }
    const ynode: YNode = { start: node.range![0], end: node.range![1], map }
    if (merges.length > 0) ynode.merges = merges
    return { value, node: ynode, visits }
  }

  /** go-yaml v2 merge: the source's keys are set in document order (later keys win; in a list, earlier sources win). */
  private merge(source: YamlNode | null, into: Record<string, unknown>, merges: YNode[], keyNode: YamlNode): number {
    const sources = source && isSeq(source) ? [...(source.items as YamlNode[])].reverse() : [source]
    let visits = 0
    for (const s of sources) {
      const b = s ? this.build(s) : undefined
      const target = b && (b.node.target ?? b.node)
      if (!b || !target?.map || typeof b.value !== 'object' || b.value === null || Array.isArray(b.value)) {
        const at = spanOf(s) ?? spanOf(keyNode)!
        this.problems.push({ code: 'unsupported', message: 'map merge requires map or sequence of maps as the value', ...at })
        continue
      }
      for (const [k, v] of Object.entries(b.value)) setKey(into, k, v)
      merges.unshift(b.node)
      visits += b.visits
    }
    return visits
  }

  private scalarValue(node: Scalar): unknown {
    const raw = node.value
    const text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw)
    const tag = node.tag
    if (tag) {
      if (!tag.startsWith(CORE_TAG)) return text
      const name = tag.slice(CORE_TAG.length)
      if (name === 'str' || name === 'binary' || name === 'timestamp') return text
      if (name === 'null') return null
      return this.checked(resolvePlainScalar(text), node)
    }
    if (node.type !== 'PLAIN') return text
    return this.checked(resolvePlainScalar(text), node)
  }

  private checked(value: unknown, node: Scalar): unknown {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      this.problems.push({ code: 'unsupported', message: `${node.source} has no JSON representation`, start: node.range![0], end: node.range![1] })
    }
    return value
  }

  exceedsAliasLimit(): boolean {
    return exceedsAliasLimit(this.visits, this.aliasVisits)
  }
}

function spanOf(node: YamlNode | null | undefined): Span | undefined {
  const r = node?.range
  return r ? { start: r[0], end: r[1] } : undefined
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true })
  else obj[key] = value
}

const FRIENDLY: Record<string, string> = {
  BAD_INDENT: 'bad indentation',
  TAB_AS_INDENT: 'tabs are not allowed as indentation',
  MULTILINE_IMPLICIT_KEY: 'a mapping key must be on a single line (is a ":" or an indent missing?)',
  MISSING_CHAR: 'missing character',
  UNEXPECTED_TOKEN: 'unexpected content',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block cannot be a mapping key',
}

function describeError(code: string, message: string): string {
  const detail = message.replace(/\s+at line \d+, column \d+.*$/s, '').trim()
  const head = FRIENDLY[code]
  return head && !detail.toLowerCase().startsWith(head) ? `${head}: ${detail}` : detail
}
