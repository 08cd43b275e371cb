// SARIF 2.1.0 as GitHub code scanning reads it: rules from metadata, exact regions, related locations, and
// fingerprints that survive lines moving.
import { createHash } from 'node:crypto'
import { allRules } from '../../rules/index.js'
import type { RuleMeta } from '../rule.js'
import { REPOSITORY_URL, ruleDocsUrl } from '../rule-docs.js'
import type { Finding, LintReport, Location, Severity } from '../types.js'

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const SRCROOT = '%SRCROOT%'
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' }
const metaById = new Map<string, RuleMeta>(allRules.map((r) => [r.meta.id, r.meta]))

export function formatSarif(report: LintReport): string {
  const used = [...new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)))].sort()
  const ruleIndex = new Map(used.map((id, i) => [id, i]))
  const seen = new Map<string, number>()
  const results = report.results.flatMap((file) =>
    file.messages.map((m) => {
      const key = fingerprintKey(file.filePath, m)
      const n = (seen.get(key) ?? 0) + 1
      seen.set(key, n)
      return {
        ruleId: m.ruleId,
        ruleIndex: ruleIndex.get(m.ruleId)!,
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [{ physicalLocation: physical({ filePath: file.filePath, ...m }) }],
        ...(m.related.length ? { relatedLocations: m.related.map((r, id) => ({ id, physicalLocation: physical(r), message: { text: r.message } })) } : {}),
        partialFingerprints: { 'seaworthy/v1': `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${n}` },
      }
    }),
  )
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            semanticVersion: report.tool.version,
            informationUri: REPOSITORY_URL,
            rules: used.map(ruleDescriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        properties: { kubernetesVersion: report.kubernetesVersion },
        results,
      },
    ],
  }
  return JSON.stringify(log, null, 2) + '\n'
}

/** what identifies a finding across runs whatever line it moved to: file, rule, object, field and message id */
function fingerprintKey(filePath: string, m: Finding): string {
  const o = m.object
  const messageId = (m as Finding & { messageId?: string }).messageId ?? ''
  return [filePath, m.ruleId, o ? `${o.kind ?? ''}/${o.namespace ?? ''}/${o.name ?? ''}` : '', m.path ?? '', messageId].join('\0')
}

function ruleDescriptor(id: string) {
  const meta = metaById.get(id)
  const url = ruleDocsUrl(id)
  // a config's custom policy: its metadata lives in the config, which a formatter does not read
  const description = meta?.description ?? (url ? `Rule ${id}.` : `Custom policy ${id} from the configuration.`)
  const remediation = meta?.remediation ?? (url ? 'See the rule\'s documentation.' : 'See the policy in the configuration file.')
  return {
    id,
    name: id,
    shortDescription: { text: description },
    fullDescription: { text: `${description} ${remediation}` },
    help: {
      text: url ? `${remediation}\n\nDocumentation: ${url}` : remediation,
      markdown: url ? `${remediation}\n\n[Documentation of \`${id}\`](${url})` : remediation,
    },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: LEVEL[meta?.severity ?? 'warning'] },
    properties: { tags: ['kubernetes', meta?.category ?? 'custom'] },
  }
}

function physical(at: Location) {
  return {
    artifactLocation: artifact(at.filePath),
    region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
  }
}

/** relative paths against the checkout's root; paths outside it as file: URIs */
function artifact(filePath: string): { uri: string; uriBaseId?: string } {
  const posix = filePath.split('\\').join('/')
  if (posix.startsWith('/')) return { uri: `file://${encodePath(posix)}` }
  if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${posix.slice(0, 2)}${encodePath(posix.slice(2))}` }
  return { uri: encodePath(posix), uriBaseId: SRCROOT }
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/')
}
