// The GitHub Action (action.yml): lint the checkout, annotate the findings, write a job summary and a SARIF file,
// and fail the step as fail-on / max-warnings say. Bundled with @actions/core into dist-action/index.js.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { ToolError } from './errors.js'
import { fails, readFailPolicy } from './fail-on.js'
import { withRelated } from './format/github.js'
import { formatSarif } from './format/sarif.js'
import { lint } from './lint.js'
import { ruleDocsUrl } from './rule-docs.js'
import type { Finding, LintReport } from './types.js'

// a summary is at most 1 MiB; past this many rows the SARIF carries the rest
const SUMMARY_ROWS = 500

export async function run(): Promise<void> {
  try {
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
    const policy = readFailPolicy(core.getInput('fail-on'), core.getInput('max-warnings'), { failOn: 'fail-on', maxWarnings: 'max-warnings' })
    const config = core.getInput('config')
    const sarifFile = core.getInput('sarif-file')

    const report = await lint({
      patterns: core.getInput('paths').split(/\s+/).filter(Boolean),
      cwd: workspace,
      kubernetesVersion: core.getInput('kubernetes-version') || undefined,
      configPath: config ? path.resolve(workspace, config) : undefined,
    })

    for (const file of report.results) for (const m of file.messages) annotate(file.filePath, m)
    if (sarifFile) {
      const target = path.resolve(workspace, sarifFile)
      mkdirSync(path.dirname(target), { recursive: true })
      writeFileSync(target, formatSarif(report))
    }
    const { errorCount, warningCount } = report.summary
    core.setOutput('error-count', errorCount)
    core.setOutput('warning-count', warningCount)
    core.setOutput('sarif-file', sarifFile)
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summaryOf(report), true).write()

    if (fails(report.summary, policy)) {
      core.setFailed(`seaworthy found ${count(errorCount, 'error')} and ${count(warningCount, 'warning')}${policy.maxWarnings >= 0 ? ` (max-warnings: ${policy.maxWarnings})` : ''}.`)
    }
  } catch (e) {
    // bad input or settings: one line, never a stack trace
    core.setFailed(`seaworthy: ${e instanceof ToolError ? e.message : `internal failure: ${(e as Error)?.message ?? String(e)}`}`)
  }
}

function annotate(file: string, m: Finding): void {
  const oneLine = m.line === m.endLine
  const properties: core.AnnotationProperties = {
    title: m.ruleId,
    file,
    startLine: m.line,
    endLine: m.endLine,
    // GitHub takes columns only on a single line
    ...(oneLine ? { startColumn: m.column, endColumn: m.endColumn } : {}),
  }
  const text = withRelated(m)
  if (m.severity === 'error') core.error(text, properties)
  else if (m.severity === 'warning') core.warning(text, properties)
  else core.notice(text, properties)
}

/** the job summary: counts, then a table of every finding (up to SUMMARY_ROWS) */
export function summaryOf(report: LintReport): string {
  const s = report.summary
  const rows = report.results.flatMap((f) => f.messages.map((m) => ({ file: f.filePath, m })))
  const head = `<h2>seaworthy</h2>\n<p>${count(s.errorCount, 'error')}, ${count(s.warningCount, 'warning')} and ${count(s.infoCount, 'note')} in ${count(s.files, 'file')} (${count(s.objects, 'object')}), checked against Kubernetes ${html(report.kubernetesVersion)}.</p>\n`
  if (rows.length === 0) return head
  const cells = rows.slice(0, SUMMARY_ROWS).map(({ file, m }) => {
    const url = ruleDocsUrl(m.ruleId)
    const rule = url ? `<a href="${html(url)}">${html(m.ruleId)}</a>` : html(m.ruleId)
    return `<tr><td>${m.severity}</td><td><code>${html(file)}:${m.line}:${m.column}</code></td><td>${rule}</td><td>${html(m.message)}</td></tr>`
  })
  const more = rows.length > SUMMARY_ROWS ? `<p>… and ${rows.length - SUMMARY_ROWS} more: see the SARIF file.</p>\n` : ''
  return `${head}<table><tr><th>Severity</th><th>Where</th><th>Rule</th><th>Message</th></tr>\n${cells.join('\n')}\n</table>\n${more}`
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
