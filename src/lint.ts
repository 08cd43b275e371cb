// The public entry: discover → read → per-file stages (on this thread, or in worker threads when asked) → custom resources
// against every CRD of the run → one report, ordered by file and position whatever the parallelism.
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { FileCheck, ruleLevels, type CheckSettings, type FileCheckResult } from './check-file.js'
import type { RuleSetting, RulesConfig } from './rule-settings.js'
import { loadConfig, type ClusterSettings } from './config.js'
import { discoverFiles, displayPath } from './discover.js'
import { ToolError } from './errors.js'
import { readCrdFiles } from './crd-files.js'
import { CrdRegistry, DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_VERSIONS, isSupportedVersion } from './schema/index.js'
import { locateInWorkers, runInWorkers } from './pool.js'
import { ObjectIndex } from './object-index.js'
import { anchorsOf, placeFindings, runWiring, type Anchor } from './wiring.js'
import { allRules, rules } from '../rules/index.js'
import { compareFindings, type IdentifiedFinding } from './findings.js'
import { applySuppressions } from './suppress.js'
import { policyRules } from './custom-policies.js'
import { readText, stripBom } from './read-file.js'
import { sourceSections, splitStream } from './stream-sources.js'
import { TOOL_VERSION } from './version.js'
import type { FileResult, LintReport, Location } from './types.js'

export interface LintOptions {
  /** files, folders and globs to lint */
  patterns?: readonly string[]
  /** in-memory files (stdin, an editor's buffers), linted as if read from `path`; `splitBySource` files each
   * document under the path of the `# Source: path` comment Helm writes before it (see stream-sources.ts) */
  sources?: ReadonlyArray<{ path: string; text: string; splitBySource?: boolean }>
  /** files, folders and globs read as context only: their objects are in the index and the checks across objects,
   * their own findings are not reported (a pre-commit hook lints the staged files in the repository's context) */
  context?: readonly string[]
  /**
   * what each linted file held before the change being checked (null: it is new), e.g. from git: a finding in a
   * context file is then reported too when the run with these texts does not have it, since the change caused it
   * (a staged Deployment whose labels no longer match a Service)
   */
  contextBaseline?: (absolutePath: string) => string | null
  /** Kubernetes minor version to check against, e.g. "1.35" */
  kubernetesVersion?: string
  /** files and folders holding CustomResourceDefinitions for the custom resources of the input */
  crdPaths?: readonly string[]
  /** base for relative paths; default process.cwd() */
  cwd?: string
  /** fail when a glob matches nothing; default true */
  errorOnUnmatchedPattern?: boolean
  /** worker threads for the per-file stages; 0 or 1 (the default) runs on the calling thread */
  workers?: number
  /** the config file; by default `.seaworthy.yaml` in `cwd` or the nearest folder above */
  configPath?: string
  /** cluster settings, overriding the config file's */
  cluster?: Partial<ClusterSettings>
  /** run layer 4, the checks across objects; default true (false measures the layers below it) */
  crossObject?: boolean
  /** rule levels, over the config file's `rules` */
  rules?: Record<string, RuleSetting>
  /** `disallow: true` ignores the suppression comments and annotations of the manifests, and reports each */
  suppressions?: { disallow?: boolean }
}

export async function lint(options: LintOptions = {}): Promise<LintReport> {
  const run = await analyse(options)
  let checked = run.checked
  for (const s of options.sources ?? []) if (s.splitBySource) checked = splitStream(checked, s.path, sourceSections(s.text))
  return buildReport(checked, run.kubernetesVersion)
}

/** What a run found: every file's findings (the wiring layer's included) and the index of every object. */
export interface Analysis {
  kubernetesVersion: string
  cluster: ClusterSettings
  checked: FileCheckResult[]
  index: ObjectIndex
}

/** The whole pipeline short of the report: discover, the per-file stages, the index, the cross-object rules. */
export async function analyse(options: LintOptions = {}): Promise<Analysis> {
  const cwd = options.cwd ?? process.cwd()
  const config = loadConfig({ cwd, configPath: options.configPath, rules: allRules.map((r) => r.meta) })
  const cluster = { ...config.cluster, ...options.cluster }
  const rules: RulesConfig = { ...config.rules, rules: { ...config.rules.rules, ...options.rules } }
  const levels = ruleLevels(rules)
  const kubernetesVersion = options.kubernetesVersion ?? cluster.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION
  if (!isSupportedVersion(kubernetesVersion)) {
    throw new ToolError(`Unsupported Kubernetes version "${kubernetesVersion}"; supported: ${SUPPORTED_KUBERNETES_VERSIONS.join(', ')}.`)
  }
  const discover = { cwd, errorOnUnmatchedPattern: options.errorOnUnmatchedPattern ?? true }
  const files = await discoverFiles(options.patterns ?? [], discover)
  // a file both linted and in the context is linted; an in-memory source stands for the file at its path
  const linted = new Set([...files, ...(options.sources ?? []).map((s) => path.resolve(cwd, s.path))])
  const contextFiles = options.context?.length ? (await discoverFiles(options.context, discover)).filter((f) => !linted.has(f)) : []
  const contextPaths = new Set(contextFiles.map((f) => displayPath(f, cwd)))
  const inputs = [
    ...[...files, ...contextFiles].map((f) => ({ filePath: displayPath(f, cwd), absolute: f, text: undefined as string | undefined })),
    ...(options.sources ?? []).map((s) => ({ filePath: s.path, absolute: undefined, text: stripBom(s.text) })),
  ].filter((i) => !levels.isIgnored(i.absolute ?? i.filePath))
  const extraCrds = options.crdPaths?.length ? await readCrdFiles(options.crdPaths, cwd) : []
  const settings: CheckSettings = { kubernetesVersion, cluster, crossObject: options.crossObject !== false, rules, suppressions: options.suppressions ?? { disallow: config.rules.disallowSuppressions === true } }

  const workers = workerCount(options.workers)
  const run = await checkAll(inputs, { settings, extraCrds, workers })
  if (contextPaths.size === 0) return run
  const caused = options.contextBaseline ? await causedInContext(run, options.contextBaseline, { inputs, files, contextPaths, cwd, settings, extraCrds, workers }) : new Map()
  return { ...run, checked: run.checked.flatMap((c) => (!contextPaths.has(c.filePath) ? [c] : caused.has(c.filePath) ? [{ ...c, messages: caused.get(c.filePath)! }] : [])) }
}

/** the findings of context files that a run over the linted files' earlier texts does not have: the change's */
async function causedInContext(
  run: Analysis,
  baseline: (absolutePath: string) => string | null,
  o: {
    inputs: ReadonlyArray<{ filePath: string; absolute: string | undefined; text: string | undefined }>
    files: readonly string[]
    contextPaths: ReadonlySet<string>
    cwd: string
    settings: CheckSettings
    extraCrds: readonly unknown[]
    workers: number
  },
): Promise<Map<string, IdentifiedFinding[]>> {
  const before = o.files.flatMap((f) => {
    const text = baseline(f)
    return text === null ? [] : [{ filePath: displayPath(f, o.cwd), absolute: undefined, text: stripBom(text) }]
  })
  const earlier = await checkAll([...o.inputs.filter((i) => o.contextPaths.has(i.filePath)), ...before], o)
  const key = (m: IdentifiedFinding) => `${m.ruleId}\0${m.messageId}\0${m.line}:${m.column}-${m.endLine}:${m.endColumn}\0${m.message}`
  const had = new Set(earlier.checked.filter((c) => o.contextPaths.has(c.filePath)).flatMap((c) => c.messages.map((m) => `${c.filePath}\0${key(m)}`)))
  const caused = new Map<string, IdentifiedFinding[]>()
  for (const c of run.checked) {
    if (!o.contextPaths.has(c.filePath)) continue
    const fresh = c.messages.filter((m) => !had.has(`${c.filePath}\0${key(m)}`))
    if (fresh.length > 0) caused.set(c.filePath, fresh)
  }
  return caused
}

/** The per-file stages and layer 4 over every input, on this thread or in workers. */
async function checkAll(
  inputs: ReadonlyArray<{ filePath: string; absolute: string | undefined; text: string | undefined }>,
  { settings, extraCrds, workers }: { settings: CheckSettings; extraCrds: readonly unknown[]; workers: number },
): Promise<Analysis> {
  if (workers > 0) {
    return runInWorkers(inputs, { settings, extraCrds, workers }, async (pooled) => {
      pooled.sort((a, b) => byFilePath(a.result, b.result))
      return crossObject(settings, pooled.map((p) => p.result), (origins, anchors) =>
        locateInWorkers(anchors.map((a) => ({ from: pooled[origins[a.seq].file], manifest: origins[a.seq].manifest, path: a.path, point: a.point }))),
      )
    })
  }
  // CRDs are registered as they are read, in file order, after those given with --crd
  const registry = new CrdRegistry(settings.kubernetesVersion)
  for (const crd of extraCrds) registry.add(crd)
  const checks = [...inputs].sort(byFilePath).map((i) => new FileCheck(i.filePath, i.text ?? readText(i.absolute!), settings, registry))
  for (const c of checks) c.phaseOne()
  for (const c of checks) c.phaseTwo(registry)
  return crossObject(
    settings,
    checks.map((c) => c.result()),
    async (origins, anchors) => anchors.map((a) => checks[origins[a.seq].file].locate(origins[a.seq].manifest, a.path, a.point)),
  )
}

type Origin = { file: number; manifest: number }

/** Layer 4 over the files' results (in path order): the index, the wiring rules, their findings merged into the files'. */
async function crossObject(
  settings: CheckSettings,
  checked: FileCheckResult[],
  locateAll: (origins: readonly Origin[], anchors: readonly Anchor[]) => Promise<Location[]>,
): Promise<Analysis> {
  const origins: Origin[] = []
  const entries = checked.flatMap((r, file) => r.entries.map((e) => (origins.push({ file, manifest: e.manifest }), e)))
  const index = ObjectIndex.build(entries, settings.cluster)
  const levels = ruleLevels(settings.rules)
  const found = settings.crossObject === false ? [] : runWiring(index, { ...settings, levels }, [...allRules, ...policyRules(settings.rules.policies)])
  if (found.length > 0) {
    const anchors = anchorsOf(found)
    const locations = await locateAll(origins, anchors)
    const byFile = placeFindings(found, new Map(anchors.map((a, i) => [a, locations[i]])), levels)
    checked = checked.map((c) => (byFile.has(c.filePath) ? { ...c, messages: [...c.messages, ...byFile.get(c.filePath)!].sort(compareFindings) } : c))
  }
  const unused = rules.inputUnusedSuppression.meta.id
  checked = checked.map((c) => ({ ...c, messages: applySuppressions(c.messages, c.suppressions, { ...settings.suppressions, level: levels.forFile(c.filePath).get(unused) }) }))
  return { kubernetesVersion: settings.kubernetesVersion, cluster: settings.cluster, checked, index }
}

function workerCount(requested: LintOptions['workers']): number {
  // measured on 2 cores: the whole corpus takes 1.7–1.9 s on one thread and 2.1–2.7 s with two workers (thread
  // start-up, and CRDs copied between threads), so threads are used only when asked for
  return typeof requested === 'number' && requested > 1 ? Math.min(Math.floor(requested), availableParallelism() * 2) : 0
}

function byFilePath(a: { filePath: string }, b: { filePath: string }): number {
  return a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0
}

function buildReport(checked: readonly FileCheckResult[], kubernetesVersion: string): LintReport {
  const results: FileResult[] = [...checked]
    .sort(byFilePath)
    .map((c) => ({
      filePath: c.filePath,
      messages: c.messages,
      objects: c.entries.map((e) => ({ ...e.ref, line: e.line })),
      errorCount: c.messages.filter((m) => m.severity === 'error').length,
      warningCount: c.messages.filter((m) => m.severity === 'warning').length,
      infoCount: c.messages.filter((m) => m.severity === 'info').length,
    }))
  const sum = (f: (r: FileResult) => number) => results.reduce((n, r) => n + f(r), 0)
  return {
    version: 1,
    tool: { name: 'seaworthy', version: TOOL_VERSION },
    kubernetesVersion,
    results,
    summary: {
      files: results.length,
      documents: checked.reduce((n, c) => n + c.documents, 0),
      objects: checked.reduce((n, c) => n + c.objects, 0),
      errorCount: sum((r) => r.errorCount),
      warningCount: sum((r) => r.warningCount),
      infoCount: sum((r) => r.infoCount),
    },
  }
}
