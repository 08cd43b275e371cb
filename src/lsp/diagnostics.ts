// A finding as an LSP diagnostic: 0-based range, severity, rule id with its docs link, related places, tags, and
// the certain fix carried in `data` so that a code action needs no second lint.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver/node'
import { ruleDocsUrl } from '../rule-docs.js'
import type { IdentifiedFinding } from '../findings.js'
import type { Fix, Location, Severity } from '../types.js'

export const SOURCE = 'seaworthy'

/** what a diagnostic carries for its quick fix */
export interface DiagnosticData {
  fix?: Fix
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
}

export interface Placement {
  /** the URI of a reported path */
  uriOf(filePath: string): string
  /** whether the text of a reported path starts with a byte order mark, which the engine's columns leave out */
  hasBom(filePath: string): boolean
}

/** 1-based, end-exclusive line and column (UTF-16 code units, as LSP counts by default) to an LSP range */
export function rangeOf(loc: Omit<Location, 'filePath'>, bom = false): Range {
  const shift = (line: number) => (bom && line === 1 ? 1 : 0)
  return {
    start: { line: loc.line - 1, character: loc.column - 1 + shift(loc.line) },
    end: { line: loc.endLine - 1, character: loc.endColumn - 1 + shift(loc.endLine) },
  }
}

export function toDiagnostic(f: IdentifiedFinding, filePath: string, at: Placement): Diagnostic {
  const d: Diagnostic = {
    range: rangeOf(f, at.hasBom(filePath)),
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    source: SOURCE,
    message: f.message,
  }
  const href = ruleDocsUrl(f.ruleId)
  if (href) d.codeDescription = { href }
  if (f.related.length > 0) d.relatedInformation = f.related.map((r): DiagnosticRelatedInformation => ({ location: { uri: at.uriOf(r.filePath), range: rangeOf(r, at.hasBom(r.filePath)) }, message: r.message }))
  if (isDeprecation(f)) d.tags = [DiagnosticTag.Deprecated]
  if (f.fix) d.data = { fix: f.fix } satisfies DiagnosticData
  return d
}

// an apiVersion on its way out, or already gone: editors strike it through
function isDeprecation(f: IdentifiedFinding): boolean {
  return f.ruleId === 'api/deprecated' || (f.ruleId === 'api/not-served' && f.messageId === 'removed')
}
