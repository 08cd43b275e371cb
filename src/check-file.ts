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

/** what every file of a run is checked against */
export interface CheckSettings {
  kubernetesVersion: string
  cluster: ClusterSettings
}

export interface FileCheckResult {
  filePath: string
  messages: IdentifiedFinding[]
  documents: number
  objects: number
}

export class FileCheck {
  /** CustomResourceDefinitions found in this file */
  readonly crds: unknown[] = []
  /** custom resources waiting for phase two */
  readonly pending: Manifest[] = []
  private readonly out: FileFindings
  private documents = 0
  private objects = 0

  private readonly ctx: ValidateContext

  constructor(
    readonly filePath: string,
    private readonly text: string,
    settings: CheckSettings,
    /** the run's registry, when the CRDs found are to be registered as they are read */
    private readonly registry?: CrdRegistry,
  ) {
    this.out = new FileFindings(filePath, text)
    this.ctx = { ...settings, rules: allRules, out: this.out }
  }

  phaseOne(): void {
    const documents = readDocuments(this.text)
    this.documents = documents.length
    for (const doc of documents) for (const p of doc.problems) this.reportYaml(p)
    const manifests = toManifests(documents, this.out)
    this.objects = manifests.length
    const ctx = this.ctx
    for (const m of manifests) {
      if (m.apiVersion === CRD_API_VERSION && m.kind === 'CustomResourceDefinition') {
        this.crds.push(m.value)
        checkCrd(m, ctx, this.registry)
      }
      if (!validateBuiltin(m, ctx)) this.pending.push(m)
    }
  }

  phaseTwo(crds: CrdRegistry): void {
    for (const m of this.pending) validateCustom(m, crds, this.ctx)
    this.pending.length = 0
  }

  result(): FileCheckResult {
    return { filePath: this.filePath, messages: this.out.sorted(), documents: this.documents, objects: this.objects }
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
