// The language server as an editor runs it: `seaworthy lsp --stdio` in a child process, driven by the LSP protocol
// client over its standard input and output. Waits for notifications, never for time.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { test } from 'node:test'
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DiagnosticTag,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { repoRoot } from './helpers.js'

const deployment = (app: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${app}
  template:
    metadata:
      labels:
        app: ${app}
    spec:
      containers:
        - name: web
          image: nginx:1.27
${extra}`

const PDB = `---
apiVersion: "policy/v1beta1"
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
`

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: frontend
  ports:
    - port: 80
`

/** a server in a child process, and the diagnostics it has published, by URI */
function startServer(root: string) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] })
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const latest = new Map<string, PublishDiagnosticsParams>()
  let waiters: Array<{ uri: string; ok: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = []
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p)
    const done = waiters.filter((w) => w.uri === p.uri && w.ok(p))
    waiters = waiters.filter((w) => !done.includes(w))
    for (const w of done) w.resolve(p)
  })
  connection.listen()
  /** the first published diagnostics of `uri` (the last ones, if they already do) that satisfy `ok` */
  const diagnostics = (uri: string, ok: (p: PublishDiagnosticsParams) => boolean) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      const now = latest.get(uri)
      if (now && ok(now)) resolve(now)
      else waiters.push({ uri, ok, resolve })
    })
  const stop = async () => {
    await connection.sendRequest(ShutdownRequest.type)
    const exited = new Promise((r) => child.once('exit', r))
    await connection.sendNotification(ExitNotification.type)
    await exited
    connection.dispose()
  }
  return { child, connection, diagnostics, stop }
}

const withRule = (id: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === id)
const withoutRule = (id: string) => (p: PublishDiagnosticsParams) => !p.diagnostics.some((d) => d.code === id)
const find = (p: PublishDiagnosticsParams, id: string): Diagnostic => p.diagnostics.find((d) => d.code === id)!

test('the language server: diagnostics with context, re-lints on related changes, quick fixes applied', async (t) => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'seaworthy-lsp-')))
  writeFileSync(path.join(root, 'deploy.yaml'), deployment('frontend'))
  writeFileSync(path.join(root, 'service.yaml'), SERVICE)
  const uri = (f: string) => pathToFileURL(path.join(root, f)).href
  const server = startServer(root)
  t.after(() => server.child.kill())
  const { connection, diagnostics } = server
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'seaworthy' ? { kubernetesVersion: '1.24' } : null)))

  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    capabilities: { workspace: { configuration: true } },
    // the workspace configuration (1.24) overrides the initialization options (1.35)
    initializationOptions: { kubernetesVersion: '1.35', debounceMs: 10 },
  })
  assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] })
  await connection.sendNotification(InitializedNotification.type, {})

  // the Service, with the Deployment on disk as context: its pods are selected
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('service.yaml'), languageId: 'yaml', version: 1, text: SERVICE } })
  await diagnostics(uri('service.yaml'), withoutRule('service/selects-nothing'))

  // the Deployment's labels change on disk: the Service's diagnostics say so, pointing at the file
  writeFileSync(path.join(root, 'deploy.yaml'), deployment('frontned'))
  await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('deploy.yaml'), type: FileChangeType.Changed }] })
  let service = find(await diagnostics(uri('service.yaml'), withRule('service/selects-nothing')), 'service/selects-nothing')
  assert.deepEqual(service.range, { start: { line: 6, character: 9 }, end: { line: 6, character: 17 } })
  assert.match(String(service.message), /frontned/)
  assert.equal(service.relatedInformation?.[0].location.uri, uri('deploy.yaml'))
  assert.deepEqual(service.relatedInformation?.[0].location.range, { start: { line: 12, character: 13 }, end: { line: 12, character: 21 } })
  // its quick fix makes the selector select the pods that are there (shown, not applied here)
  const align = (await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uri('service.yaml') }, range: service.range, context: { diagnostics: [service] } })) as CodeAction[]
  assert.deepEqual(
    align.map((a) => [a.title, a.edit?.changes?.[uri('service.yaml')]]),
    [['Change the selector\'s app to "frontned"', [{ range: service.range, newText: 'frontned' }]]],
  )

  // the Deployment opened: its text in the editor wins over the disk's, and the Service is linted again
  let doc = TextDocument.create(uri('deploy.yaml'), 'yaml', 1, deployment('frontend') + PDB)
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: doc.uri, languageId: 'yaml', version: 1, text: doc.getText() } })
  await diagnostics(uri('service.yaml'), withoutRule('service/selects-nothing'))
  const opened = await diagnostics(doc.uri, (p) => p.version === 1)
  const deprecated = find(opened, 'api/deprecated')
  assert.deepEqual(deprecated.range, { start: { line: 18, character: 12 }, end: { line: 18, character: 28 } })
  assert.equal(deprecated.source, 'seaworthy')
  assert.equal(deprecated.severity, 2)
  assert.deepEqual(deprecated.tags, [DiagnosticTag.Deprecated])
  assert.match(deprecated.codeDescription?.href ?? '', /\/rules\/api\/deprecated\.md$/)

  // an edit (incremental) adds a misspelt field
  const change = { range: { start: { line: 17, character: 0 }, end: { line: 17, character: 0 } }, text: '          imagePolicy: Always\n' }
  doc = TextDocument.update(doc, [change], 2)
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: 2 }, contentChanges: [change] })
  const edited = await diagnostics(doc.uri, (p) => p.version === 2)
  const unknown = find(edited, 'schema/unknown-field')
  assert.deepEqual(unknown.range, { start: { line: 17, character: 10 }, end: { line: 17, character: 21 } })
  assert.equal(unknown.severity, 1)

  // both quick fixes, applied as an editor applies them
  const actions = (await connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: doc.uri },
    range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } },
    context: { diagnostics: edited.diagnostics },
  })) as CodeAction[]
  assert.deepEqual(actions.map((a) => a.title).sort(), ['Change apiVersion to policy/v1', 'Rename "imagePolicy" to "imagePullPolicy"'])
  for (const a of actions) {
    assert.equal(a.kind, 'quickfix')
    assert.equal(a.diagnostics?.length, 1)
  }
  const edits = actions.flatMap((a) => a.edit!.changes![doc.uri])
  const fixed = TextDocument.applyEdits(doc, edits)
  assert.ok(fixed.includes('imagePullPolicy: Always') && fixed.includes('apiVersion: "policy/v1"'), fixed)
  doc = TextDocument.update(doc, [{ text: fixed }], 3)
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: 3 }, contentChanges: [{ text: fixed }] })
  const after = await diagnostics(doc.uri, (p) => p.version === 3)
  assert.deepEqual(after.diagnostics.filter((d) => d.code === 'schema/unknown-field' || d.code === 'api/deprecated'), [])

  // the open Deployment's labels change: the Service refreshes, pointing at the document
  const relabelled = fixed.replaceAll('app: frontend', 'app: frontned')
  await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: doc.uri, version: 4 }, contentChanges: [{ text: relabelled }] })
  service = find(await diagnostics(uri('service.yaml'), withRule('service/selects-nothing')), 'service/selects-nothing')
  assert.equal(service.relatedInformation?.[0].location.uri, doc.uri)

  await server.stop()
})

test('a bad setting is an error message in the editor, not a crash; diagnostics follow once it is fixed', async (t) => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'seaworthy-lsp-')))
  const server = startServer(root)
  t.after(() => server.child.kill())
  const { connection, diagnostics } = server
  const shown = new Promise<string>((resolve) => {
    connection.onRequest(ShowMessageRequest.type, (p) => (resolve(p.message), null))
    connection.onNotification(ShowMessageNotification.type, (p) => resolve(p.message))
  })
  let settings: unknown = { kubernetesVersion: '0.1' }
  connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => settings))
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { debounceMs: 0 } })
  await connection.sendNotification(InitializedNotification.type, {})
  const uri = pathToFileURL(path.join(root, 'svc.yaml')).href
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: SERVICE } })
  assert.match(await shown, /^seaworthy: Unsupported Kubernetes version "0\.1"/)
  settings = {}
  await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null })
  const p = await diagnostics(uri, () => true)
  assert.ok(p.diagnostics.some((d) => d.code === 'service/selects-nothing'))
  await server.stop()
})

test('seaworthy lsp without --stdio is a usage error', async () => {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/seaworthy.js'), 'lsp'], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (b) => (stderr += b))
  const code = await new Promise((r) => child.once('exit', r))
  assert.equal(code, 2)
  assert.match(stderr, /seaworthy lsp --stdio/)
})
