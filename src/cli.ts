// The `seaworthy` command: a thin shell over lint() and the formatters.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ToolError } from './errors.js'
import { formatters } from './format/index.js'
import { analyse, lint, type LintOptions } from './lint.js'
import { loadConfig } from './config.js'
import { ruleLevels } from './check-file.js'
import { DEFAULT_KUBERNETES_VERSION } from './schema/index.js'
import { simulate } from './simulate/outcomes.js'
import { formatSimulationJson, formatSimulationText } from './format/simulation.js'
import { allRules } from '../rules/index.js'
import { policyRules } from './custom-policies.js'
import { fails, readFailPolicy } from './fail-on.js'
import { TOOL_VERSION } from './version.js'
import type { LintReport } from './types.js'

const HELP = `Usage: seaworthy lint [options] [paths...]
       seaworthy simulate [options] [paths...]
       seaworthy rules [--format text|json] [--config FILE]
       seaworthy lsp --stdio

Lints Kubernetes manifests (YAML or JSON; files, folders, globs, or - for stdin). simulate prints what the
controllers will create and do with them instead (formats text and json; --now ISO-TIME for cron runs).

Options:
  --kubernetes-version 1.NN   Kubernetes version to check against (default: the config file's, else 1.35)
  --crd PATH                  file or folder with CustomResourceDefinitions (repeatable)
  -n, --namespace NAME        the namespace of objects that name none (default: the config's, else "default")
  -c, --config FILE           config file (default: .seaworthy.yaml here or in a folder above)
  -f, --format NAME           stylish (default), json, sarif, junit or github (repeatable)
  -o, --output-file FILE      write the report to FILE instead of standard output (repeatable: the
                              nth file takes the nth format; one format may go without a file, to stdout)
  --quiet                     report errors only
  --max-warnings N            exit 1 when there are more than N warnings
  --fail-on LEVEL             exit 1 on findings of this severity or above: error (default), warning, or never
  --print-config FILE         print the settings that apply to FILE (JSON) and exit
  --stdin-filename NAME       the file name to show for input read from -
  --context PATH              files, folders or globs read only for the checks across objects: their objects are
                              seen, their own findings are not reported (repeatable; the pre-commit hook uses .)
  --context-since REV         with --context: also report findings in context files that the linted files' changes
                              since the git revision REV cause (the pre-commit hook uses HEAD)
  --no-error-on-unmatched-pattern   a glob that matches nothing is not an error
  --color, --no-color         force or disable colours (default: on a TTY, unless NO_COLOR is set)
  --debug                     print stack traces of internal failures
  -v, --version               print the version
  -h, --help                  print this help

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, configuration or internal failure.`

// the options lint and simulate share: what to read, and against which cluster
const INPUT_OPTIONS = {
  'kubernetes-version': { type: 'string' },
  crd: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  namespace: { type: 'string', short: 'n' },
  format: { type: 'string', short: 'f' },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

// the bundle's engine entry too, so that the benchmark runs lint() loaded as the seaworthy command loads it
export { lint } from './lint.js'

export interface CliIO {
  stdout: (s: string) => void
  stderr: (s: string) => void
  readStdin: () => Promise<string>
  isTTY: boolean
  env: NodeJS.ProcessEnv
  cwd: string
}

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  let debug = argv.includes('--debug')
  try {
    const [command, rest] = splitCommand(argv)
    if (command === 'rules') return rulesCommand(rest, io)
    if (command === 'simulate') return await simulateCommand(rest, io)
    if (command === 'lsp') return await lspCommand(rest)
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        ...INPUT_OPTIONS,
        format: { type: 'string', short: 'f', multiple: true },
        'output-file': { type: 'string', short: 'o', multiple: true },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        'fail-on': { type: 'string' },
        'print-config': { type: 'string' },
        'no-error-on-unmatched-pattern': { type: 'boolean' },
        context: { type: 'string', multiple: true },
        'context-since': { type: 'string' },
        version: { type: 'boolean', short: 'v' },
      },
    })
    debug = values.debug ?? false
    if (values.help) return io.stdout(HELP + '\n'), 0
    if (values.version) return io.stdout(TOOL_VERSION + '\n'), 0
    const outputs = pairOutputs(values.format ?? [], values['output-file'] ?? [])
    const failPolicy = readFailPolicy(values['fail-on'], values['max-warnings'], { failOn: '--fail-on', maxWarnings: '--max-warnings' })
    if (values['print-config'] !== undefined) return io.stdout(printConfig(values['print-config'], values, io) + '\n'), 0

    let report = await lint({ ...(await inputOptions(values, positionals, io)), context: values.context, contextBaseline: values['context-since'] === undefined ? undefined : gitBaseline(values['context-since'], io.cwd), errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'] })
    if (values.quiet) report = errorsOnly(report)
    const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR
    for (const out of outputs) {
      const text = formatters[out.format](report, { color: out.file === undefined && color })
      if (out.file === undefined) io.stdout(text)
      else writeOutput(path.resolve(io.cwd, out.file), text)
    }
    return fails(report.summary, failPolicy) ? 1 : 0
  } catch (e) {
    if (e instanceof ToolError || isUsageError(e)) {
      io.stderr(`seaworthy: ${(e as Error).message}\n`)
    } else {
      io.stderr(`seaworthy: internal failure: ${(e as Error)?.message ?? String(e)}${debug ? '' : ' (run with --debug for details)'}\n`)
      if (debug) io.stderr(`${(e as Error)?.stack ?? ''}\n`)
    }
    return 2
  }
}

async function simulateCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: { ...INPUT_OPTIONS, now: { type: 'string' } },
  })
  if (values.help) return io.stdout(HELP + '\n'), 0
  const format = values.format ?? 'text'
  if (format !== 'text' && format !== 'json') throw new ToolError(`Unknown format "${format}" for simulate; use text or json.`)
  const now = values.now === undefined ? new Date() : new Date(values.now)
  if (Number.isNaN(now.getTime())) throw new ToolError(`--now takes an ISO 8601 time such as 2026-11-20T12:00:00Z, not "${values.now}".`)
  const run = await analyse(await inputOptions(values, positionals, io))
  const report = { version: 1 as const, kubernetesVersion: run.kubernetesVersion, now: now.toISOString(), outcomes: simulate(run.index, { now }) }
  const color = values['no-color'] ? false : values.color ? true : io.isTTY && !io.env.NO_COLOR
  io.stdout(format === 'json' ? formatSimulationJson(report) : formatSimulationText(report, { color }))
  return 0
}

/** a file's text at a git revision, or null when it is not there (a new file) */
function gitBaseline(revision: string, cwd: string): (absolutePath: string) => string | null {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 })
  try {
    git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])
  } catch {
    // no commit yet (the first one): every linted file is new
    try {
      git(['rev-parse', '--git-dir'])
    } catch {
      throw new ToolError(`--context-since ${revision} needs a git repository: ${cwd} is not in one.`)
    }
    return () => null
  }
  return (file) => {
    try {
      return git(['show', `${revision}:./${path.relative(cwd, file).split(path.sep).join('/')}`])
    } catch {
      return null
    }
  }
}

/** what to read (paths, or - for stdin) and the cluster to check against, from the shared options */
async function inputOptions(
  values: { 'kubernetes-version'?: string; crd?: string[]; config?: string; namespace?: string; 'stdin-filename'?: string },
  positionals: readonly string[],
  io: CliIO,
): Promise<LintOptions> {
  const readsStdin = positionals.includes('-')
  const patterns = positionals.filter((p) => p !== '-')
  if (!readsStdin && patterns.length === 0) patterns.push('.')
  return {
    patterns,
    // Helm's `# Source:` comments name the templates of a piped `helm template`
    sources: readsStdin ? [{ path: values['stdin-filename'] ?? '<stdin>', text: await io.readStdin(), splitBySource: true }] : [],
    kubernetesVersion: values['kubernetes-version'],
    crdPaths: values.crd,
    configPath: values.config,
    cwd: io.cwd,
    ...(values.namespace ? { cluster: { namespace: values.namespace } } : {}),
  }
}

/** the settings that apply to one file: the config file, its preset, the cluster profile, and every rule's level */
function printConfig(file: string, values: { config?: string; 'kubernetes-version'?: string; namespace?: string }, io: CliIO): string {
  const config = loadConfig({ cwd: io.cwd, configPath: values.config, rules: allRules.map((r) => r.meta) })
  const levels = ruleLevels(config.rules)
  const cluster = { ...config.cluster, ...(values.namespace ? { namespace: values.namespace } : {}) }
  return JSON.stringify(
    {
      file,
      configFile: config.file ?? null,
      ignored: levels.isIgnored(file),
      extends: config.rules.extends,
      kubernetesVersion: values['kubernetes-version'] ?? cluster.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      cluster,
      rules: Object.fromEntries(levels.forFile(file)),
      options: Object.fromEntries(allRules.filter((r) => r.meta.options).map((r) => [r.meta.id, levels.optionsFor(file, r)])),
      policies: config.rules.policies,
    },
    null,
    2,
  )
}

/** `--format X --output-file F` pairs, in order; one format may go without a file, to standard output */
function pairOutputs(formats: readonly string[], files: readonly string[]): Array<{ format: string; file?: string }> {
  if (formats.length === 0) formats = ['stylish']
  for (const f of formats) if (!formatters[f]) throw new ToolError(`Unknown format "${f}"; use one of: ${Object.keys(formatters).join(', ')}.`)
  if (files.length > formats.length) throw new ToolError(`${files.length} output files for ${formats.length} format${formats.length === 1 ? '' : 's'}; give one --format for each --output-file.`)
  if (formats.length - files.length > 1) throw new ToolError('Only one format can go to standard output; give an --output-file for each of the others.')
  return formats.map((format, i) => ({ format, file: files[i] }))
}

function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, text)
  } catch (e) {
    throw new ToolError(`Cannot write ${file}: ${(e as Error).message}`)
  }
}

function splitCommand(argv: readonly string[]): [string, readonly string[]] {
  const first = argv[0]
  if (first === 'lint' || first === 'rules' || first === 'simulate' || first === 'lsp') return [first, argv.slice(1)]
  if (first === 'help') return ['lint', ['--help']]
  if (first === undefined) return ['lint', ['--help']]
  return ['lint', argv]
}

/** the language server, loaded only when asked for so that a lint starts as fast as before */
async function lspCommand(argv: readonly string[]): Promise<number> {
  if (argv.length !== 1 || argv[0] !== '--stdio') throw new ToolError('the language server talks over standard input and output: run `seaworthy lsp --stdio`.')
  // required at run time, not bundled: the server's modules (and vscode-languageserver) stay out of the CLI bundle
  const { startServer } = createRequire(import.meta.url)('./lsp/server.js') as typeof import('./lsp/server.js')
  return startServer()
}

function rulesCommand(argv: readonly string[], io: CliIO): number {
  const { values } = parseArgs({ args: [...argv], options: { format: { type: 'string', short: 'f' }, config: { type: 'string', short: 'c' } }, strict: true })
  // the config's custom policies are rules too, on wherever the config applies
  const custom = policyRules(loadConfig({ cwd: io.cwd, configPath: values.config, rules: allRules.map((r) => r.meta) }).rules.policies)
  const rows = [
    ...allRules.map((r) => ({ id: r.meta.id, severity: r.meta.severity, category: r.meta.category, preset: r.meta.preset ?? 'recommended', description: r.meta.description })),
    ...custom.map((r) => ({ id: r.meta.id, severity: r.meta.severity, category: r.meta.category, preset: 'config', description: r.meta.description })),
  ]
  if (values.format === 'json') {
    io.stdout(JSON.stringify(rows, null, 2) + '\n')
  } else if (values.format === undefined || values.format === 'text') {
    const w = Math.max(...rows.map((r) => r.id.length))
    for (const r of rows) io.stdout(`${r.id.padEnd(w)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(6)}  ${r.description}\n`)
  } else {
    throw new ToolError(`Unknown format "${values.format}" for rules; use text or json.`)
  }
  return 0
}

function errorsOnly(report: LintReport): LintReport {
  const results = report.results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error'), warningCount: 0, infoCount: 0 }))
  return { ...report, results, summary: { ...report.summary, warningCount: 0, infoCount: 0 } }
}

function isUsageError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('ERR_PARSE_ARGS')
}

function processIO(): CliIO {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = []
      for await (const c of process.stdin) chunks.push(c as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  }
}
