// Shared test helpers: paths into the repository, and the readable snapshot of a fixture's findings.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { lint, type LintOptions } from '../src/lint.js'
import type { IdentifiedFinding } from '../src/findings.js'
import type { LintReport } from '../src/types.js'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const fixturesDir = path.join(repoRoot, 'fixtures')
export const sharedDir = path.resolve(repoRoot, '../shared')
export const corpusDir = path.join(sharedDir, 'corpus/files')

/** every file below a folder, relative to it, sorted */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name)
      if (statSync(p).isDirectory()) walk(p)
      else out.push(path.relative(dir, p).split(path.sep).join('/'))
    }
  }
  walk(dir)
  return out
}

/** `# seaworthy: --kubernetes-version 1.24 --crd x.yaml --also context/y.yaml` on a fixture's first lines sets its
 * options; `--also` lints another file with it (objects it refers to), whose findings the snapshot leaves out */
export function fixtureOptions(file: string): LintOptions {
  const text = readFileSync(file, 'utf8')
  const m = /^\uFEFF?#\s*seaworthy:\s*(.*)$/m.exec(text.split(/\r?\n/).slice(0, 3).join('\n'))
  const options: LintOptions = {}
  const words = m ? m[1].trim().split(/\s+/) : []
  for (let i = 0; i < words.length; i += 2) {
    if (words[i] === '--kubernetes-version') options.kubernetesVersion = words[i + 1]
    else if (words[i] === '--crd') options.crdPaths = [...(options.crdPaths ?? []), path.resolve(path.dirname(file), words[i + 1])]
    else if (words[i] === '--config') options.configPath = path.resolve(path.dirname(file), words[i + 1])
    else if (words[i] === '--also') options.patterns = [...(options.patterns ?? []), path.resolve(path.dirname(file), words[i + 1])]
    else throw new Error(`unknown fixture option ${words[i]} in ${file}`)
  }
  return options
}

export async function lintFixture(file: string): Promise<LintReport> {
  const options = fixtureOptions(file)
  const report = await lint({ ...options, patterns: [file, ...(options.patterns ?? [])], cwd: repoRoot, workers: 0 })
  const own = path.relative(repoRoot, file).split(path.sep).join('/')
  return { ...report, results: report.results.filter((r) => r.filePath === own) }
}

/** findings as text: position, severity, rule id and message id, message, and the source line with a caret underline */
export function snapshot(report: LintReport, text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''))
  const out: string[] = []
  for (const result of report.results) {
    for (const m of result.messages as IdentifiedFinding[]) {
      out.push(`${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} (${m.messageId})`)
      out.push(`  ${m.message}`)
      if (m.path) out.push(`  path: ${m.path}`)
      for (const r of m.related) out.push(`  related ${r.line}:${r.column}: ${r.message}`)
      const src = lines[m.line - 1] ?? ''
      const endCol = m.endLine === m.line ? m.endColumn : src.length + 1
      const gutter = String(m.line).padStart(4)
      out.push(`${gutter} | ${src}`)
      out.push(`${' '.repeat(4)} | ${' '.repeat(m.column - 1)}${'^'.repeat(Math.max(1, endCol - m.column))}`)
    }
  }
  return out.length ? out.join('\n') + '\n' : '(no findings)\n'
}

/** a Deployment `web` whose pods have app=web and a container port named http */
export const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
`

/** a Service `web` that selects them; its targetPort names no container port (a warning, with the Deployment as related) */
export const WEB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: htpp
`
