// Layer 4: the cross-object rules, once per accepted object of the run, with the index of every object. Findings
// are made with anchors (object + field path) and placed afterwards, by whoever holds that object's source: the
// file's check on this thread, or the worker that read it.
import { formatPath } from './field-path.js'
import type { IdentifiedFinding } from './findings.js'
import { compareFindings } from './findings.js'
import type { IndexedObject, ObjectIndex } from './object-index.js'
import { defaultOptions, renderMessage, type RelatedRef, type Rule, type WiringContext, type WiringHandlers, type WiringReport } from './rule.js'
import { minorOf } from './schema/index.js'
import type { ClusterSettings } from './config.js'
import type { Fix, Location, PathSegment, Severity } from './types.js'
import { configuredSeverity, type RuleLevels } from './rule-settings.js'

/** A field of an object of the run. */
export interface Anchor {
  seq: number
  path: readonly PathSegment[]
  point: 'key' | 'value'
}

export interface PendingFinding {
  rule: Rule
  messageId: string
  message: string
  severity: Severity
  subject: IndexedObject
  at: Anchor
  related: Array<{ anchor: Anchor; message: string }>
  fix?: Fix
}

export interface WiringSettings {
  kubernetesVersion: string
  cluster: ClusterSettings
  /** each rule's level and options per file: a rule turned off for a file does not run on its objects */
  levels: RuleLevels
}

const SEVERITY_RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 }

export function runWiring(index: ObjectIndex, settings: WiringSettings, rules: readonly Rule[]): PendingFinding[] {
  const found: PendingFinding[] = []
  let subject: IndexedObject | undefined
  const active: Array<{ rule: Rule; handlers: WiringHandlers }> = []
  for (const rule of rules) {
    if (!rule.wire) continue
    const context: WiringContext = {
      kubernetesVersion: settings.kubernetesVersion,
      minor: minorOf(settings.kubernetesVersion),
      cluster: settings.cluster,
      index,
      get options() {
        return subject ? settings.levels.optionsFor(subject.filePath, rule) : defaultOptions(rule.meta)
      },
      report(messageId: string, report: WiringReport) {
        found.push(pending(rule, messageId, report, subject!))
      },
    }
    active.push({ rule, handlers: rule.wire(context) })
  }
  for (const o of index.objects) {
    if (!o.accepted && !o.unchecked) continue
    subject = o
    const levels = settings.levels.forFile(o.filePath)
    for (const { rule, handlers } of active) {
      if (!o.accepted && !rule.wireUnchecked) continue
      if (levels.get(rule.meta.id) === 'off') continue
      handlers.Object?.(o)
      if (!o.builtin) continue
      const byKind = handlers[o.kind as Exclude<keyof WiringHandlers, 'Object' | 'PodSpec'>] as ((v: unknown, self: IndexedObject) => void) | undefined
      if (byKind && o.kind !== 'Object' && o.kind !== 'PodSpec') byKind(o.value, o)
      if (o.pods?.spec && handlers.PodSpec) handlers.PodSpec(o.pods.spec, o)
    }
  }
  return found
}

function pending(rule: Rule, messageId: string, report: WiringReport, subject: IndexedObject): PendingFinding {
  const severity = report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[rule.meta.severity] ? report.severity : rule.meta.severity
  return {
    rule,
    messageId,
    message: renderMessage((rule.meta.messages as Record<string, string>)[messageId], report.data),
    severity,
    subject,
    at: { seq: subject.seq, path: report.at, point: report.point ?? 'value' },
    related: (report.related ?? []).map((r) => ({ anchor: relatedAnchor(r), message: r.message })),
    ...(report.fix ? { fix: report.fix } : {}),
  }
}

function relatedAnchor(r: RelatedRef): Anchor {
  return { seq: r.object.seq, path: r.path ?? (r.object.name ? ['metadata', 'name'] : ['kind']), point: 'value' }
}

/** Turns anchored findings into positioned ones, grouped by file; `place` finds an anchor's source range. */
export function placeFindings(
  found: readonly PendingFinding[],
  placed: ReadonlyMap<Anchor, Location>,
  levels: RuleLevels,
): Map<string, IdentifiedFinding[]> {
  const byFile = new Map<string, IdentifiedFinding[]>()
  const seen = new Set<string>()
  for (const f of found) {
    const at = placed.get(f.at)!
    // the level configured for the file the finding is in
    const level = levels.forFile(at.filePath).get(f.rule.meta.id) ?? f.rule.meta.severity
    if (level === 'off') continue
    const finding: IdentifiedFinding = {
      ruleId: f.rule.meta.id,
      messageId: f.messageId,
      severity: configuredSeverity(level, f.rule.meta.severity, f.severity),
      message: f.message,
      line: at.line,
      column: at.column,
      endLine: at.endLine,
      endColumn: at.endColumn,
      object: f.subject.ref,
      path: formatPath([...f.subject.prefix, ...f.at.path]),
      related: f.related.map((r) => ({ ...placed.get(r.anchor)!, message: r.message })),
      ...(f.fix ? { fix: f.fix } : {}),
    }
    const key = `${at.filePath}\0${finding.ruleId}\0${finding.messageId}\0${at.line}:${at.column}-${at.endLine}:${at.endColumn}\0${finding.message}`
    if (seen.has(key)) continue
    seen.add(key)
    const list = byFile.get(at.filePath)
    if (list) list.push(finding)
    else byFile.set(at.filePath, [finding])
  }
  for (const list of byFile.values()) list.sort(compareFindings)
  return byFile
}

/** every anchor of the findings, for the places that resolve them */
export function anchorsOf(found: readonly PendingFinding[]): Anchor[] {
  return found.flatMap((f) => [f.at, ...f.related.map((r) => r.anchor)])
}
