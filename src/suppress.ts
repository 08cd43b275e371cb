// The suppress stage: comment directives and annotations are read with the file (the parser keeps no comments, so
// the text is scanned), then applied to the file's final findings once layer 4 has added its own. Suppressions that
// suppress nothing, name no rule, or are disallowed by the configuration are reported by input/unused-suppression.
import type { ParsedDocument, Span, YNode } from './yaml/document.js'
import type { Manifest } from './manifests.js'
import { compareFindings, type IdentifiedFinding } from './findings.js'
import { LineIndex } from './lines.js'
import { locate } from './locate.js'
import { formatPath } from './field-path.js'
import { podSpecPath } from './kind-groups.js'
import { renderMessage } from './rule.js'
import { suggestField } from './schema/suggest.js'
import { kubeLinterChecks, kubeScoreChecks, polarisChecks } from './suppress-aliases.js'
import { allRules } from '../rules/index.js'
import unusedSuppression from '../rules/input/unused-suppression.js'
import type { ObjectRef, PathSegment } from './types.js'
import { configuredSeverity, type RuleLevel } from './rule-settings.js'

/** 1-based line and column */
export interface Point {
  line: number
  column: number
}

/** where a suppression is written: the comment, or the annotation key; end exclusive */
export interface Place {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** One rule pattern of a suppression and the part of the file it covers: findings that start in [from, to). */
export interface Cover {
  /** a rule id, an `area/*` glob, or null for every rule */
  rule: string | null
  from: Point
  to: Point
  /** rules a later `seaworthy-enable <id>` took out of this cover, from that comment on */
  except: Array<{ rule: string; from: Point }>
}

export type SuppressionForm = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'annotation'

export interface Suppression {
  form: SuppressionForm
  /** the directive or annotation key as written, for messages */
  written: string
  covers: Cover[]
  reason: string | null
  at: Place
  /** the object an annotation is on; null for comments */
  object: ObjectRef | null
  /** the annotation's field path, e.g. `metadata.annotations[seaworthy.dev/ignore]` */
  path: string | null
  /** rule ids written that name no rule, each with a did-you-mean */
  unknown: Array<{ rule: string; suggestion: string | undefined }>
  /** report it when it suppresses nothing; not the peers' annotations, which their own tools may need */
  reportUnused: boolean
  /** a `seaworthy-enable` that ended no `seaworthy-disable` */
  endedNothing?: boolean
}

/** The file's suppressions, comments first, then annotations in document order. */
export function readSuppressions(file: {
  text: string
  documents: readonly ParsedDocument[]
  manifests: readonly Manifest[]
  /** the ids of the config's custom policies, which suppressions may name too */
  customRules?: readonly string[]
}): Suppression[] {
  let lines: LineIndex | undefined
  const place = (span: Span): Place => {
    lines ??= new LineIndex(file.text)
    const a = lines.position(span.start)
    const b = lines.position(Math.max(span.start, span.end))
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column }
  }
  const custom = file.customRules ?? []
  return [...readDirectives(file.text, file.documents, custom), ...file.manifests.flatMap((m) => readAnnotations(m, place, custom))]
}

// ---- comments

const DIRECTIVE = /^#[ \t]*seaworthy-(disable-next-line|disable-line|disable|enable)(?=\s|$)(.*)$/
const SEPARATOR = /^(---|\.\.\.)(\s|$)/
const END: Point = { line: Number.MAX_SAFE_INTEGER, column: 1 }

/** The comment directives of a file, in line order; `documents` tell a `#` in a string from a comment. */
export function readDirectives(text: string, documents: readonly ParsedDocument[] = [], customRules: readonly string[] = []): Suppression[] {
  if (!text.includes('seaworthy-')) return []
  const found: Suppression[] = []
  const open: Cover[] = []
  // block disables written before any content: they cover the whole file, not their document
  const fileWide = new Set<Cover>()
  let offset = 0
  let content = false
  const rows = text.split('\n')
  for (let i = 0; i < rows.length; offset += rows[i].length + 1, i++) {
    const row = rows[i].replace(/\r$/, '')
    const line = i + 1
    if (SEPARATOR.test(row)) {
      // a block disable ends with its document
      for (const c of open) if (!fileWide.has(c) && before(point(line), c.to)) c.to = point(line)
      continue
    }
    const comment = row.includes('seaworthy-') ? commentStart(row, offset, documents) : undefined
    const ownLine = row.trimStart().startsWith('#') || row.trim() === ''
    const directive = comment === undefined ? null : DIRECTIVE.exec(row.slice(comment))
    if (directive) {
      const form = directive[1] as SuppressionForm
      const { rules, reason } = splitReason(directive[2])
      const { known, unknown } = checkRules(rules, customRules)
      const at = { line, column: comment! + 1, endLine: line, endColumn: row.trimEnd().length + 1 }
      const base = { form, written: `seaworthy-${form}`, reason, at, object: null, path: null, unknown, reportUnused: true }
      // every rule when none is named; none when all the names are unknown
      const patterns: Array<string | null> = rules.length === 0 ? [null] : known
      if (form === 'enable') {
        found.push({ ...base, covers: [], endedNothing: !enable(open, rules.length === 0 ? null : known, point(line)) && unknown.length === 0 })
      } else {
        const [from, to] =
          form === 'disable-line' ? [point(line), point(line + 1)] : form === 'disable-next-line' ? [point(line + 1), point(line + 2)] : [content ? point(line) : point(1), END]
        const covers = patterns.map((rule) => ({ rule, from, to, except: [] }))
        if (form === 'disable') open.push(...covers)
        if (form === 'disable' && !content) covers.forEach((c) => fileWide.add(c))
        found.push({ ...base, covers })
      }
    }
    if (!ownLine) content = true
  }
  return found
}

/** Ends the open block covers an enable names (`rules` null: all of them); true when it ended any. */
function enable(open: Cover[], rules: readonly string[] | null, at: Point): boolean {
  let ended = false
  for (const c of open) {
    if (!before(at, c.to)) continue
    for (const rule of rules ?? [null]) {
      if (rule === null || (c.rule !== null && matches(rule, c.rule))) {
        c.to = at
        ended = true
      } else if (c.rule === null || matches(c.rule, rule)) {
        // `disable` of every rule or of an area, then `enable` of one rule in it
        c.except.push({ rule, from: at })
        ended = true
      }
    }
  }
  return ended
}

/** offset in the row of the `#` that starts its comment, if any (a `#` inside a scalar is text) */
function commentStart(row: string, rowOffset: number, documents: readonly ParsedDocument[]): number | undefined {
  for (let i = row.indexOf('#'); i !== -1; i = row.indexOf('#', i + 1)) {
    if (i > 0 && !/\s/.test(row[i - 1])) continue
    if (!insideScalar(rowOffset + i, documents)) return i
  }
  return undefined
}

function insideScalar(offset: number, documents: readonly ParsedDocument[]): boolean {
  const doc = documents.find((d) => d.root && d.root.start <= offset && offset < d.root.end)
  let node: YNode | undefined = doc?.root ?? undefined
  while (node && !node.target) {
    const children: YNode[] | undefined = node.map ? [...node.map.values()] : node.items
    if (!children) return true
    node = children.find((c) => c.start <= offset && offset < c.end)
  }
  return false
}

/** `a, b c -- why` → rules [a, b, c] and reason "why" */
export function splitReason(body: string): { rules: string[]; reason: string | null } {
  const [names, ...why] = ` ${body}`.split(/\s--(?:\s|$)/)
  const reason = why.join(' -- ').trim()
  return { rules: names.split(/[\s,]+/).filter(Boolean), reason: reason === '' ? null : reason }
}

// ---- annotations

const OWN_ANNOTATION = 'seaworthy.dev/ignore'
const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/'
const POLARIS_CHECK = /^polaris\.fairwinds\.com\/(.+)-exempt$/

/** The suppression annotations of an object and of its pod template; each covers the whole object. */
export function readAnnotations(m: Manifest, place: (span: Span) => Place, customRules: readonly string[] = []): Suppression[] {
  const podSpec = podSpecPath(m.apiVersion, m.kind)
  const sites: PathSegment[][] = [['metadata', 'annotations']]
  if (podSpec && podSpec.length > 1) sites.push([...podSpec.slice(0, -1), 'metadata', 'annotations'])
  const found: Suppression[] = []
  // positions are worked out only for objects that carry a suppression
  let range: { from: Point; to: Point } | undefined
  const objectRange = () => {
    const whole = place({ start: m.node.start, end: m.node.end })
    return (range ??= { from: { line: whole.line, column: whole.column }, to: { line: whole.endLine, column: whole.endColumn } })
  }
  for (const site of sites) {
    const annotations = valueAt(m.value, site)
    if (typeof annotations !== 'object' || annotations === null || Array.isArray(annotations)) continue
    for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
      const text = typeof value === 'string' ? value : ''
      const read = readAnnotation(key, text, customRules)
      if (!read) continue
      const fieldPath = [...m.prefix, ...site, { key }]
      const located = locate(m.node, [...site, { key }])
      found.push({
        form: 'annotation',
        written: key,
        covers: read.rules.map((rule) => ({ rule, ...objectRange(), except: [] })),
        reason: read.reason,
        at: place(located.key ?? located.node),
        object: m.ref,
        path: formatPath(fieldPath),
        unknown: read.unknown,
        reportUnused: read.own,
      })
    }
  }
  return found
}

interface AnnotationRead {
  rules: ReadonlyArray<string | null>
  reason: string | null
  unknown: Suppression['unknown']
  /** seaworthy's own annotation, not a peer's */
  own: boolean
}

/** what one annotation suppresses, or undefined when it is not a suppression seaworthy knows */
function readAnnotation(key: string, value: string, customRules: readonly string[]): AnnotationRead | undefined {
  // a peer's check with no seaworthy counterpart: the annotation is for that tool alone
  const peer = (rules: readonly string[] | null | undefined, reason: string | null): AnnotationRead | undefined =>
    rules === undefined || rules?.length === 0 ? undefined : { rules: rules ?? [null], reason, unknown: [], own: false }
  if (key === OWN_ANNOTATION) {
    const { rules, reason } = splitReason(value)
    const { known, unknown } = checkRules(rules, customRules)
    return { rules: rules.length === 0 ? [null] : known, reason, unknown, own: true }
  }
  if (key === 'kube-linter.io/ignore-all') return peer(null, value || null)
  if (key.startsWith(KUBE_LINTER_CHECK)) return peer(kubeLinterChecks[key.slice(KUBE_LINTER_CHECK.length)], value || null)
  if (key === 'kube-score/ignore') return peer(unique(value.split(',').flatMap((c) => kubeScoreChecks[c.trim()] ?? [])), null)
  const exempt = value.trim().toLowerCase() === 'true'
  if (key === 'polaris.fairwinds.com/exempt') return exempt ? peer(null, null) : undefined
  const polaris = POLARIS_CHECK.exec(key)
  if (polaris && exempt) return peer(polarisChecks[polaris[1]], null)
  return undefined
}

function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value
  for (const seg of path) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[String(seg)] : undefined
  return v
}

// ---- rule ids

const ruleIds = allRules.map((r) => r.meta.id)
const areaGlobs = unique(ruleIds.map((id) => `${id.slice(0, id.indexOf('/'))}/*`))

function checkRules(rules: readonly string[], customRules: readonly string[]): { known: string[]; unknown: Suppression['unknown'] } {
  const known: string[] = []
  const unknown: Suppression['unknown'] = []
  const ids = customRules.length ? [...ruleIds, ...customRules] : ruleIds
  const globs = customRules.length ? [...areaGlobs, 'custom/*'] : areaGlobs
  for (const rule of rules) {
    if (ids.includes(rule) || globs.includes(rule)) known.push(rule)
    else unknown.push({ rule, suggestion: suggestField(rule, rule.endsWith('/*') ? globs : ids) })
  }
  return { known, unknown }
}

/** `area/*` matches the area's rules; anything else matches itself */
export function matches(pattern: string, ruleId: string): boolean {
  return pattern.endsWith('/*') ? ruleId.startsWith(pattern.slice(0, -1)) : pattern === ruleId
}

// ---- applying

export interface ApplyOptions {
  /** the configuration disallows suppressions in manifests: nothing is suppressed, each one is reported */
  disallow?: boolean
  /** the level the file's config gives input/unused-suppression; its default severity when not given */
  level?: RuleLevel
}

/** The findings left once the suppressions are applied, with input/unused-suppression's own, in report order. */
export function applySuppressions(messages: IdentifiedFinding[], suppressions: readonly Suppression[], options: ApplyOptions = {}): IdentifiedFinding[] {
  if (suppressions.length === 0) return messages
  const own = (found: IdentifiedFinding[]) => atLevel(found, options.level ?? unusedSuppression.meta.severity)
  if (options.disallow) return [...messages, ...own(suppressions.map((s) => report(s, 'disallowed', { written: describe(s) }, 'info')))].sort(compareFindings)
  const used = suppressions.map((s) => s.covers.map(() => false))
  const kept = messages.filter((finding) => {
    let suppressed = false
    suppressions.forEach((s, i) => {
      // annotations are about their object; YAML problems are about no object
      if (s.form === 'annotation' && finding.object === null) return
      s.covers.forEach((c, j) => {
        if (covers(c, finding)) suppressed = used[i][j] = true
      })
    })
    return !suppressed
  })
  return [...kept, ...own(suppressions.flatMap((s, i) => problemsOf(s, used[i])))].sort(compareFindings)
}

/** this stage's own findings at the configured level, as FileFindings does for the other rules */
function atLevel(found: IdentifiedFinding[], level: RuleLevel): IdentifiedFinding[] {
  if (level === 'off') return []
  return found.map((f) => ({ ...f, severity: configuredSeverity(level, unusedSuppression.meta.severity, f.severity) }))
}

function covers(c: Cover, f: IdentifiedFinding): boolean {
  const at = { line: f.line, column: f.column }
  if (c.rule !== null && !matches(c.rule, f.ruleId)) return false
  if (before(at, c.from) || !before(at, c.to)) return false
  return !c.except.some((e) => matches(e.rule, f.ruleId) && !before(at, e.from))
}

function problemsOf(s: Suppression, used: readonly boolean[]): IdentifiedFinding[] {
  const out = s.unknown.map((u) => report(s, 'unknownRule', { rule: u.rule, suggestion: u.suggestion ? ` Did you mean "${u.suggestion}"?` : '' }))
  if (s.endedNothing) out.push(report(s, 'endsNothing', {}))
  const unused = s.covers.filter((_, i) => !used[i]).map((c) => c.rule ?? 'every rule')
  if (s.reportUnused && unused.length > 0) {
    const rules = unused.join(', ')
    out.push(unused.length === s.covers.length ? report(s, 'unused', { rules }) : report(s, 'unusedRules', { rules }))
  }
  return out
}

type MessageId = keyof typeof unusedSuppression.meta.messages

function report(s: Suppression, messageId: MessageId, data: Record<string, unknown>, severity = unusedSuppression.meta.severity): IdentifiedFinding {
  return {
    ruleId: unusedSuppression.meta.id,
    messageId,
    severity,
    message: renderMessage(unusedSuppression.meta.messages[messageId], data),
    ...s.at,
    object: s.object,
    path: s.path,
    related: [],
  }
}

function describe(s: Suppression): string {
  return s.form === 'annotation' ? `the annotation ${s.written}` : `the ${s.written} comment`
}

function point(line: number): Point {
  return { line, column: 1 }
}

function before(a: Point, b: Point): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column)
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}
