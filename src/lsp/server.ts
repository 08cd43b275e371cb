// `seaworthy lsp --stdio`: the open documents linted as you type, in the context of the workspace's manifests,
// through the same analyse() as the CLI. Each run lints every open document at once (with the rest of the
// workspace as context) and publishes what changed, so editing a Service refreshes the Deployment it selects.
import { fileURLToPath } from 'node:url'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { analyse } from '../lint.js'
import { displayPath } from '../discover.js'
import { ToolError } from '../errors.js'
import { TOOL_VERSION } from '../version.js'
import { quickFixes } from './code-actions.js'
import { toDiagnostic, type Placement } from './diagnostics.js'
import { pathOfUri, uriOfPath } from './paths.js'
import { DEFAULT_DEBOUNCE_MS, readSettings, type Settings } from './settings.js'
import { DiskManifests, looksLikeManifest } from './workspace.js'

const BOM = '\uFEFF'

export function startServer(): Promise<number> {
  // reads --stdio from the command line, and sends console output to the client's log rather than into the stream
  const connection = createConnection(ProposedFeatures.all)
  new LanguageServer(connection).listen()
  return new Promise((resolve) => connection.onExit(() => resolve(0)))
}

class LanguageServer {
  private readonly documents = new TextDocuments(TextDocument)
  private readonly disk = new DiskManifests()
  private root = process.cwd()
  private initial: Settings = { debounceMs: DEFAULT_DEBOUNCE_MS }
  private settings: Settings = this.initial
  private pullsConfiguration = false
  private capabilities: InitializeParams['capabilities'] = {}
  /** settings asked of the client once initialized: runs wait for them */
  private ready: Promise<void> = Promise.resolve()
  /** what was last sent for each document, to publish only what changed */
  private readonly published = new Map<string, { version: number; json: string }>()
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private again = false
  private lastError: string | undefined

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const c = this.connection
    c.onInitialize((p) => this.initialize(p))
    c.onInitialized(() => {
      this.ready = this.initialized().catch(() => undefined)
    })
    c.onDidChangeConfiguration((p) => {
      // clients that cannot be asked send the settings along
      if (!this.pullsConfiguration) this.settings = readSettings(this.initial, (p.settings as Record<string, unknown> | null)?.seaworthy)
      void this.refreshSettings().then(() => this.schedule(0))
    })
    c.onDidChangeWatchedFiles((p) => void this.filesChanged(p.changes))
    c.onCodeAction((p) => quickFixes(p))
    // an open fires a content change too: that one is not typing, so it does not wait for the debounce
    const opening = new Set<string>()
    this.documents.onDidOpen((e) => (opening.add(e.document.uri), this.schedule(0)))
    this.documents.onDidChangeContent((e) => (opening.delete(e.document.uri) ? undefined : this.schedule(this.settings.debounceMs)))
    this.documents.onDidClose((e) => {
      this.published.delete(e.document.uri)
      void c.sendDiagnostics({ uri: e.document.uri, diagnostics: [] })
      this.schedule(0) // the file on disk takes the buffer's place as context
    })
    this.documents.listen(c)
    c.listen()
  }

  private initialize(p: InitializeParams): InitializeResult {
    const folder = p.workspaceFolders?.[0]?.uri ?? p.rootUri
    if (folder?.startsWith('file:')) this.root = fileURLToPath(folder)
    const folders = (p.workspaceFolders ?? []).map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u))
    const options = p.initializationOptions as Record<string, unknown> | undefined
    this.initial = this.settings = readSettings(this.initial, options?.seaworthy ?? options)
    this.pullsConfiguration = p.capabilities.workspace?.configuration === true
    void this.disk.scan(folders.length > 0 ? folders : folder ? [this.root] : [])
    this.capabilities = p.capabilities
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'seaworthy', version: TOOL_VERSION },
    }
  }

  private async initialized(): Promise<void> {
    const workspace = this.capabilities.workspace
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] }).catch(() => undefined)
    }
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'seaworthy' }).catch(() => undefined)
    }
    await this.refreshSettings()
  }

  private async refreshSettings(): Promise<void> {
    if (!this.pullsConfiguration) return
    const raw: unknown = await this.connection.workspace.getConfiguration('seaworthy').catch(() => undefined)
    this.settings = readSettings(this.initial, raw)
  }

  private async filesChanged(changes: ReadonlyArray<{ uri: string; type: FileChangeType }>): Promise<void> {
    for (const ch of changes) {
      if (!ch.uri.startsWith('file:')) continue
      const file = fileURLToPath(ch.uri)
      if (ch.type === FileChangeType.Deleted) this.disk.delete(file)
      else await this.disk.update(file)
    }
    // a config file may have changed too, which any run reads afresh
    this.schedule(0)
  }

  /** one run after `delay` ms of quiet; a request during a run makes another run after it */
  private schedule(delay: number): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      if (this.running) {
        this.again = true
        return
      }
      this.running = this.run().finally(() => {
        this.running = undefined
        if (this.again) {
          this.again = false
          this.schedule(0)
        }
      })
    }, delay)
  }

  private async run(): Promise<void> {
    await this.ready
    const open = this.documents.all()
    const root = this.root
    const openPaths = new Map(open.map((d) => [pathOfUri(d.uri, root), d]))
    const disk = await this.disk.all()
    // the text in the editor wins over the file on disk
    const sources = [
      ...[...disk].map(([file, text]) => ({ path: displayPath(file, root), text })).filter((s) => !openPaths.has(s.path)),
      ...[...openPaths].map(([path, d]) => ({ path, text: d.getText() })),
    ]
    let checked
    try {
      const run = await analyse({ patterns: [], sources, cwd: root, kubernetesVersion: this.settings.kubernetesVersion, configPath: this.settings.configPath, workers: 0 })
      checked = run.checked
      this.lastError = undefined
    } catch (e) {
      this.reportFailure(e)
      return
    }
    const byPath = new Map(checked.map((c) => [c.filePath, c]))
    const texts = new Map(sources.map((s) => [s.path, s.text]))
    const placement: Placement = {
      uriOf: (p) => openPaths.get(p)?.uri ?? uriOfPath(p, root),
      hasBom: (p) => texts.get(p)?.startsWith(BOM) === true,
    }
    for (const [path, d] of openPaths) {
      const result = byPath.get(path)
      // YAML that is no Kubernetes manifest at all (a CI workflow, a compose file) gets no diagnostics
      const text = texts.get(path) ?? ''
      const diagnostics: Diagnostic[] = result && (result.objects > 0 || looksLikeManifest(text)) ? result.messages.map((f) => toDiagnostic(f, path, placement)) : []
      this.publish(d.uri, d.version, diagnostics)
    }
  }

  private publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    if (!this.documents.get(uri)) return // closed while the run was under way
    const json = JSON.stringify(diagnostics)
    const last = this.published.get(uri)
    if (last && last.version === version && last.json === json) return
    this.published.set(uri, { version, json })
    void this.connection.sendDiagnostics({ uri, version, diagnostics })
  }

  /** a bad config or setting: said once in the editor, never a crash */
  private reportFailure(e: unknown): void {
    const message = e instanceof ToolError ? e.message : `internal failure: ${(e as Error)?.message ?? String(e)}`
    if (e instanceof ToolError === false) this.connection.console.error((e as Error)?.stack ?? String(e))
    if (message === this.lastError) return
    this.lastError = message
    void this.connection.window.showErrorMessage(`seaworthy: ${message}`)
  }
}
