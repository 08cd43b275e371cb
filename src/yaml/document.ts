// What the parse stage hands on: JSON-like values as Kubernetes decodes them, plus a parallel tree of
// source ranges so that any field path can be turned back into a position without parsing again.

/** A half-open range of UTF-16 offsets into the file text. */
export interface Span {
  start: number
  end: number
}

/** Source ranges of one value; mirrors the value's structure. */
export interface YNode {
  /** range of the value itself (for a scalar: the scalar's source, quotes included) */
  start: number
  end: number
  /** range of the key, when this node is a mapping value */
  key?: Span
  /** children of a mapping, by key as Kubernetes sees it (`on:` is the key "true"); the last of duplicates wins */
  map?: Map<string, YNode>
  /** children of a sequence, by index */
  items?: YNode[]
  /** `<<` merge sources of a mapping, in precedence order; searched after the mapping's own keys */
  merges?: YNode[]
  /** set when the value was written as an alias (`*name`): where the alias stands; `target` is the anchored node */
  alias?: Span
  target?: YNode
}

export type YamlProblemCode =
  | 'syntax' // the text is not YAML the Kubernetes decoder accepts
  | 'duplicate-key' // a key appears twice in one mapping (after YAML 1.1 resolution)
  | 'alias-limit' // alias expansion beyond what the Kubernetes decoder allows
  | 'unsupported' // valid YAML that Kubernetes cannot turn into JSON (e.g. a mapping as a key)

export interface YamlProblem {
  code: YamlProblemCode
  message: string
  start: number
  end: number
  /** e.g. the first occurrence of a duplicate key */
  related?: Span & { message: string }
  /** duplicate-key: the key as Kubernetes reads it (`on` is "true") */
  key?: string
}

export interface ParsedDocument {
  /** 0-based index of the document in its file */
  index: number
  /** range of the document's content */
  start: number
  end: number
  /** the value Kubernetes decodes; undefined when the document is empty or could not be read */
  value: unknown
  /** source ranges of `value`; null when there is no value */
  root: YNode | null
  problems: YamlProblem[]
}
