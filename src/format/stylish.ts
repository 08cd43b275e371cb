import pc from 'picocolors'
import type { Finding, LintReport, Severity } from '../types.js'

export interface StylishOptions {
  color: boolean
}

/** Grouped by file, one finding a line, each starting with a clickable `path:line:col`. */
export function formatStylish(report: LintReport, options: StylishOptions = { color: false }): string {
  const c = pc.createColors(options.color)
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue }
  const blocks: string[] = []
  for (const result of report.results) {
    if (result.messages.length === 0) continue
    const where = (m: Finding) => `${result.filePath}:${m.line}:${m.column}`
    const width = Math.max(...result.messages.map((m) => where(m).length))
    const lines: string[] = []
    for (const m of result.messages) {
      const head = `${where(m).padEnd(width)}  ${paint[m.severity](m.severity.padEnd(7))}  `
      lines.push(`${c.underline(head.slice(0, where(m).length))}${head.slice(where(m).length)}${m.message}  ${c.dim(m.ruleId)}`)
      for (const r of m.related) {
        lines.push(`${' '.repeat(width + 11)}${c.dim(`↳ ${r.filePath}:${r.line}:${r.column} ${r.message}`)}`)
      }
    }
    blocks.push(lines.join('\n'))
  }
  const s = report.summary
  const total = s.errorCount + s.warningCount + s.infoCount
  const scope = `${plural(s.files, 'file')}, ${plural(s.objects, 'object')} checked against Kubernetes ${report.kubernetesVersion}`
  const tail =
    total === 0
      ? c.green(`✔ No problems in ${scope}`)
      : paint[s.errorCount > 0 ? 'error' : s.warningCount > 0 ? 'warning' : 'info'](
          `✖ ${plural(total, 'problem')} (${plural(s.errorCount, 'error')}, ${plural(s.warningCount, 'warning')}, ${plural(s.infoCount, 'info')}) in ${scope}`,
        )
  return (blocks.length ? blocks.join('\n\n') + '\n\n' : '') + tail + '\n'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`
}
