import type { LintReport } from '../types.js'

/** The documented JSON shape, one line. */
export function formatJson(report: LintReport): string {
  const clean: LintReport = {
    version: report.version,
    tool: report.tool,
    kubernetesVersion: report.kubernetesVersion,
    results: report.results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        object: m.object,
        path: m.path,
        related: m.related.map((x) => ({ filePath: x.filePath, line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn, message: x.message })),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      infoCount: r.infoCount,
    })),
    summary: report.summary,
  }
  return JSON.stringify(clean) + '\n'
}
