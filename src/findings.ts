// Collects one file's findings as rule + message id + source range, and turns them into positioned findings.
import type { Span } from './yaml/document.js'
import { LineIndex } from './lines.js'
import { renderMessage, type Rule } from './rule.js'
import { formatPath } from './field-path.js'
import type { RuleLevel } from './rule-settings.js'
import type { Finding, Fix, ObjectRef, PathSegment } from './types.js'

export interface ReportOptions {
  /** values for the message template's `{{placeholders}}` */
  data?: Record<string, unknown>
  /** the source range to point at */
  span: Span
  object: ObjectRef | null
  path: readonly PathSegment[] | null
  /** other places in the same file that explain the finding */
  related?: ReadonlyArray<Span & { message: string }>
  /** a certain fix: the text to put in place of `span` (quotes around it are kept) */
  fix?: Fix
}

/** A finding with the message id kept, for tests and snapshots; `toJSON` output leaves it out. */
export interface IdentifiedFinding extends Finding {
  messageId: string
}

export class FileFindings {
  private readonly found: IdentifiedFinding[] = []
  private readonly seen = new Set<string>()
  private readonly lines: LineIndex

  constructor(
    private readonly filePath: string,
    private readonly text: string,
    /** the configured level of each rule for this file; rules it lacks keep their default severity */
    private readonly levels?: ReadonlyMap<string, RuleLevel>,
  ) {
    this.lines = new LineIndex(text)
  }

  report<M extends string>(rule: Rule<M>, messageId: M, options: ReportOptions): void {
    const level = this.levels?.get(rule.meta.id) ?? rule.meta.severity
    if (level === 'off') return
    const { span } = options
    const message = renderMessage(rule.meta.messages[messageId], options.data)
    // exact duplicates are dropped, as the API server drops them (several messages at one place are kept)
    const dedupe = `${rule.meta.id}\0${messageId}\0${span.start}\0${span.end}\0${message}`
    if (this.seen.has(dedupe)) return
    this.seen.add(dedupe)
    const start = this.lines.position(span.start)
    const end = this.lines.position(Math.max(span.end, span.start))
    this.found.push({
      ruleId: rule.meta.id,
      messageId,
      severity: level,
      message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      object: options.object,
      path: options.path ? formatPath(options.path) : null,
      related: (options.related ?? []).map((r) => {
        const a = this.lines.position(r.start)
        const b = this.lines.position(Math.max(r.end, r.start))
        return { filePath: this.filePath, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, message: r.message }
      }),
      ...(options.fix ? { fix: { title: options.fix.title, text: keepQuotes(this.text.slice(span.start, span.end), options.fix.text) } } : {}),
    })
  }

  /** line and column of a range, 1-based, end exclusive */
  position(span: Span): { line: number; column: number; endLine: number; endColumn: number } {
    const a = this.lines.position(span.start)
    const b = this.lines.position(Math.max(span.end, span.start))
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }
  }

  /** 1-based line of an offset, for messages that name another line */
  lineOf(offset: number): number {
    return this.lines.position(offset).line
  }

  sorted(): IdentifiedFinding[] {
    return [...this.found].sort(compareFindings)
  }
}

/** a replacement for a quoted scalar keeps its quotes */
function keepQuotes(source: string, text: string): string {
  const q = source[0]
  return (q === '"' || q === "'") && source.length > 1 && source.endsWith(q) ? `${q}${text}${q}` : text
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message)
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
