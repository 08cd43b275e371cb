// One file through the per-file stages: parse, manifests, schema. Custom resources wait for phase two, when
// every CustomResourceDefinition of the run is known.
import { FileFindings, type IdentifiedFinding } from './findings.js'
import { toManifests, type Manifest } from './manifests.js'
import { CRD_API_VERSION, checkCrd, validateBuiltin, validateCustom, type ValidateContext } from './validate.js'
import type { ClusterSettings } from './config.js'
import { readYamlDocuments as readDocuments } from './yaml/read.js'
import { allRules, rules } from '../rules/index.js'
import type { CrdRegistry } from './schema/index.js'
import type { YamlProblem } from './yaml/document.js'
import type { IndexEntry } from './object-index.js'
import { RuleLevels, type RulesConfig } from './rule-settings.js'
import type { KubeObject, Rule, RuleOptions } from './rule.js'
import type { Location, PathSegment } from './types.js'
import { locate } from './locate.js'
import { firstKey, spanOf } from './run-rules.js'
import { kindFacts } from './validation/metadata.js'
import { policyRules } from './custom-policies.js'
import { readSuppressions, type Suppression } from './suppress.js'

/** what every file of a run is checked against */
export interface CheckSettings {
  kubernetesVersion: string
  cluster: ClusterSettings
  /** collect the objects for layer 4; default true */
  crossObject?: boolean
  /** which rules run at which severity, per file (the config file's extends, rules and overrides) */
  rules: RulesConfig
  /** policy owners' switch: `disallow` ignores (and reports) every suppression comment and annotation */
  suppressions?: { disallow?: boolean }
}

// the levels of one run's config, worked out once per set of matching overrides
const levelsByConfig = new WeakMap<RulesConfig, RuleLevels>()
export function ruleLevels(config: RulesConfig): RuleLevels {
  let levels = levelsByConfig.get(config)
  if (!levels) levelsByConfig.set(config, (levels = new RuleLevels(config, [...allRules, ...policyRules(config.policies)])))
  return levels
}

export interface FileCheckResult {
  filePath: string
  messages: IdentifiedFinding[]
  documents: number
  objects: number
  /** the objects the API server would store, in document order, for the run's index */
  entries: FileEntry[]
  /** the file's suppression comments and annotations, applied once every finding is known */
  suppressions: Suppression[]
}

/** An object for the index, with the number of its manifest in the file so that positions can be found later. */
export interface FileEntry extends IndexEntry {
  manifest: number
}

// parse trees of small files are cheap to keep; those of CRD bundles are not, and rarely needed again
const KEEP_TREES_BELOW = 64 * 1024

export class FileCheck {
  /** CustomResourceDefinitions found in this file */
  readonly crds: unknown[] = []
  /** custom resources waiting for phase two */
  readonly pending: Manifest[] = []
  private readonly out: FileFindings
  private documents = 0
  private objects = 0
  /** each manifest's number in the file, while it is being checked (parse trees are not kept: they are large) */
  private manifestNumbers = new Map<Manifest, number>()
  /** the file's manifests for findings made after the per-file stages: kept for small files, read again for large ones */
  private reread: Manifest[] | undefined
  /** where each object's metadata.name is, the place most such findings point at: no need to read a CRD bundle again */
  private readonly names = new Map<number, Location>()
  private readonly entries = new Map<Manifest, FileEntry>()
  private suppressions: Suppression[] = []
  /** the ids of the config's custom policies, which suppressions may name */
  private readonly customRules: string[]

  private readonly ctx: ValidateContext

  constructor(
    readonly filePath: string,
    private readonly text: string,
    settings: CheckSettings,
    /** the run's registry, when the CRDs found are to be registered as they are read */
    private readonly registry?: CrdRegistry,
  ) {
    const levels = ruleLevels(settings.rules)
    this.customRules = settings.rules.policies?.map((p) => p.id) ?? []
    const fileLevels = levels.forFile(filePath)
    this.out = new FileFindings(filePath, text, fileLevels)
    const onObject: ValidateContext['onObject'] = (m, value, found) => this.entries.set(m, this.entryOf(m, value, found))
    // asked for every rule on every object: the file's options, looked up once per rule
    const optionsByRule = new Map<Rule, RuleOptions>()
    this.ctx = {
      ...settings,
      rules: allRules,
      out: this.out,
      ...(settings.crossObject === false ? {} : { onObject }),
      optionsFor: (rule: Rule) => {
        let options = optionsByRule.get(rule)
        if (!options) optionsByRule.set(rule, (options = levels.optionsFor(filePath, rule)))
        return options
      },
      isOff: (rule: Rule) => fileLevels.get(rule.meta.id) === 'off',
    }
  }

  phaseOne(): void {
    const documents = readDocuments(this.text)
    this.documents = documents.length
    for (const doc of documents) for (const p of doc.problems) this.reportYaml(p)
    const manifests = toManifests(documents, this.out)
    manifests.forEach((m, i) => this.manifestNumbers.set(m, i))
    this.objects = manifests.length
    this.suppressions = readSuppressions({ text: this.text, documents, manifests, customRules: this.customRules })
    const ctx = this.ctx
    for (const m of manifests) {
      if (m.apiVersion === CRD_API_VERSION && m.kind === 'CustomResourceDefinition') {
        this.crds.push(m.value)
        checkCrd(m, ctx, this.registry)
      }
      if (!validateBuiltin(m, ctx)) this.pending.push(m)
    }
    if (this.ctx.onObject && this.text.length <= KEEP_TREES_BELOW) this.reread = manifests
    this.manifestNumbers = new Map(this.pending.map((m) => [m, this.manifestNumbers.get(m)!]))
  }

  phaseTwo(crds: CrdRegistry): void {
    for (const m of this.pending) validateCustom(m, crds, this.ctx)
    this.pending.length = 0
    this.manifestNumbers.clear()
  }

  result(): FileCheckResult {
    const entries = [...this.entries.values()].sort((a, b) => a.manifest - b.manifest)
    return { filePath: this.filePath, messages: this.out.sorted(), documents: this.documents, objects: this.objects, entries, suppressions: this.suppressions }
  }

  /** Where a field of one of this file's objects is, for findings made after the per-file stages. */
  locate(manifest: number, path: readonly PathSegment[], point: 'key' | 'value'): Location {
    const atName = path.length === 2 && path[0] === 'metadata' && path[1] === 'name' && point === 'value'
    if (atName && this.names.has(manifest)) return this.names.get(manifest)!
    // the same reading as phase one, so the same manifests in the same order
    this.reread ??= toManifests(readDocuments(this.text), new FileFindings(this.filePath, this.text))
    const m = this.reread[manifest]
    const located = locate(m.node, path)
    const span = located.exact || path.length > 0 ? spanOf(located, this.out, point) : firstKey(m.node)
    return { filePath: this.filePath, ...this.out.position(span) }
  }

  private entryOf(m: Manifest, value: KubeObject, found: { builtin: boolean; accepted: boolean; unchecked?: boolean }): FileEntry {
    const namespaced = found.builtin ? kindFacts(this.ctx.kubernetesVersion, m.apiVersion, m.kind).namespaced !== false : true
    // a CRD can be megabytes, and no reference reads more than its name
    const kept = m.kind === 'CustomResourceDefinition' ? ({ apiVersion: m.apiVersion, kind: m.kind, metadata: value.metadata } as KubeObject) : value
    const raw = m.kind === 'CustomResourceDefinition' ? kept : (m.value as KubeObject)
    const number = this.manifestNumbers.get(m)!
    // a small file keeps its parse tree, where locate() finds the name when a finding needs it
    const name = this.text.length <= KEEP_TREES_BELOW ? undefined : locate(m.node, ['metadata', 'name'])
    if (name?.exact) this.names.set(number, { filePath: this.filePath, ...this.out.position(spanOf(name, this.out, 'value')) })
    return { filePath: this.filePath, line: this.out.lineOf(m.node.start), manifest: number, apiVersion: m.apiVersion, kind: m.kind, ref: m.ref, prefix: m.prefix, value: kept, raw, namespaced, ...found }
  }

  private reportYaml(p: YamlProblem): void {
    const span = { start: p.start, end: p.end }
    const related = p.related ? [p.related] : []
    switch (p.code) {
      case 'syntax':
        this.out.report(rules.yamlSyntax, 'syntax', { data: { detail: p.message }, span, object: null, path: null })
        break
      case 'duplicate-key': {
        const written = this.text.slice(p.start, p.end)
        const key = p.key ?? written
        this.out.report(rules.yamlDuplicateKey, 'duplicateKey', {
          data: { key: written, readAs: written === key ? '' : ` (read as "${key}")`, firstLine: p.related ? this.out.lineOf(p.related.start) : '?' },
          span,
          object: null,
          path: null,
          related,
        })
        break
      }
      case 'alias-limit': {
        // the whole document is to blame; underline its first line only
        const lineEnd = this.text.indexOf('\n', span.start)
        this.out.report(rules.yamlAliasLimit, 'aliasLimit', { span: { start: span.start, end: lineEnd === -1 ? span.end : Math.min(span.end, lineEnd) }, object: null, path: null })
        break
      }
      case 'unsupported':
        this.out.report(rules.yamlJsonIncompatible, 'incompatible', { data: { detail: p.message }, span, object: null, path: null })
        break
    }
  }
}
