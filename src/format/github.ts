// GitHub Actions workflow commands: one `::error file=…,line=…::message` a finding, which the runner turns into
// annotations on the pull request.
import type { Finding, LintReport, Severity } from '../types.js'

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' }

export function formatGithub(report: LintReport): string {
  return report.results.flatMap((file) => file.messages.map((m) => workflowCommand(file.filePath, m) + '\n')).join('')
}

export function workflowCommand(filePath: string, m: Finding): string {
  // annotations take columns only on a single line
  const columns = m.line === m.endLine
  const props: Array<[string, string | number]> = [
    ['file', filePath],
    ['line', m.line],
    ...(columns ? [['col', m.column] as [string, number]] : []),
    ['endLine', m.endLine],
    ...(columns ? [['endColumn', m.endColumn] as [string, number]] : []),
    ['title', m.ruleId],
  ]
  return `::${COMMAND[m.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(withRelated(m))}`
}

/** the message, then a line for each related location: what an annotation shows */
export function withRelated(m: Finding): string {
  return m.message + m.related.map((r) => `\n↳ ${r.filePath}:${r.line}:${r.column} ${r.message}`).join('')
}

/** the escaping of @actions/core's command.ts: the runner undoes exactly these */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
