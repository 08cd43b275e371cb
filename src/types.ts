// The finding, object and report shapes shared by every stage, formatter and surface.

export type Severity = 'error' | 'warning' | 'info'

/** A field path segment: a struct field, a list index, or a map key (printed as `labels[app]`). */
export type PathSegment = string | number | { key: string }

/** The object a finding is about, as written in the manifest. */
export interface ObjectRef {
  apiVersion: string | null
  kind: string | null
  namespace: string | null
  name: string | null
}

/** A place in a file, 1-based; end is exclusive. */
export interface Location {
  filePath: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface RelatedLocation extends Location {
  message: string
}

export interface Finding {
  ruleId: string
  severity: Severity
  message: string
  line: number
  column: number
  endLine: number
  endColumn: number
  object: ObjectRef | null
  path: string | null
  related: RelatedLocation[]
  /** set when the fix is certain (a did-you-mean field name, the replacement apiVersion) */
  fix?: Fix
}

/** A certain fix: the finding's own range (line, column … endLine, endColumn) replaced by `text`. */
export interface Fix {
  /** what it does, for an editor's quick-fix menu */
  title: string
  text: string
}

/** An object a file holds, and the line it starts on. */
export interface FileObject extends ObjectRef {
  line: number
}

export interface FileResult {
  filePath: string
  messages: Finding[]
  /** the objects of the file, in document order (for formats that list what passed too) */
  objects?: FileObject[]
  errorCount: number
  warningCount: number
  infoCount: number
}

export interface Summary {
  files: number
  documents: number
  objects: number
  errorCount: number
  warningCount: number
  infoCount: number
}

export interface LintReport {
  version: 1
  tool: { name: 'seaworthy'; version: string }
  kubernetesVersion: string
  results: FileResult[]
  summary: Summary
}
