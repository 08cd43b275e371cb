// `seaworthy simulate` output: per object, its name, a summary, and one line per thing the controllers will do.
import pc from 'picocolors'
import type { Outcome } from '../simulate/outcomes.js'

export interface SimulationReport {
  version: 1
  kubernetesVersion: string
  /** the moment next runs were computed from, ISO 8601 */
  now: string
  outcomes: Outcome[]
}

const TOPIC_WIDTH = 12

/** Plain text, one block per object; ✔ and ✘ mark the checks, in colour on a terminal. */
export function formatSimulationText(report: SimulationReport, options: { color: boolean }): string {
  const c = pc.createColors(options.color)
  if (report.outcomes.length === 0) return 'Nothing to simulate: no workloads, Services, Ingresses, autoscalers, budgets, claims or policies in the input.\n'
  const blocks = report.outcomes.map((o) => {
    const ns = o.object.namespace ? `${o.object.namespace}/` : ''
    const head = `${c.bold(`${o.object.kind} ${ns}${o.object.name}`)}  (${o.summary})  ${c.dim(`${o.object.filePath}:${o.object.line}`)}`
    const lines = o.facts.map((f) => {
      const text = f.status === 'problem' ? c.red(f.text) : f.text
      return `  ${f.topic.padEnd(TOPIC_WIDTH)}${text}`
    })
    return [head, ...lines].join('\n')
  })
  return blocks.join('\n') + '\n'
}

export function formatSimulationJson(report: SimulationReport): string {
  return JSON.stringify(report) + '\n'
}
