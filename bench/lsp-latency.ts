// The language server's edit-to-diagnostics time: a 1,000-line multi-document file open in `seaworthy lsp --stdio`,
// edited repeatedly; each edit timed from the didChange sent to the publishDiagnostics of that version received.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node'

/** Deployments and Services in pairs, `lines` long or a little more */
export function multiDocument(lines: number): string {
  const docs: string[] = []
  for (let i = 0; docs.join('').split('\n').length < lines; i++) {
    docs.push(`---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  labels:
    app: app-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.0.${i}
          ports:
            - containerPort: 8080
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits: { memory: 128Mi }
---
apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: 8080
`)
  }
  return docs.join('')
}

export interface EditLatency {
  lines: number
  edits: number
  medianMs: number
  maxMs: number
}

/** edits with the debounce set to 0, so that the figure is the lint and the round trip alone */
export async function lspEditLatency(bin: string, edits = 30): Promise<EditLatency> {
  const root = mkdtempSync(path.join(tmpdir(), 'seaworthy-lsp-bench-'))
  const text = multiDocument(1000)
  const file = path.join(root, 'apps.yaml')
  writeFileSync(file, text)
  const uri = pathToFileURL(file).href
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] })
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const arrived = new Map<number, () => void>()
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri === uri && p.version !== undefined) arrived.get(p.version)?.()
  })
  connection.listen()
  const published = (version: number) => new Promise<void>((resolve) => arrived.set(version, resolve))
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {}, initializationOptions: { debounceMs: 0 } })
    await connection.sendNotification(InitializedNotification.type, {})
    const first = published(1)
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } })
    await first
    const times: number[] = []
    // an edit in the middle of the file: replicas 2 → 3 → 2 …
    const at = text.split('\n').findIndex((l, i) => i > 500 && l.includes('replicas: 2'))
    for (let v = 2; v < edits + 2; v++) {
      const done = published(v)
      const t = performance.now()
      const change = { range: { start: { line: at, character: 12 }, end: { line: at, character: 13 } }, text: v % 2 === 0 ? '3' : '2' }
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [change] })
      await done
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    return { lines: text.split('\n').length, edits, medianMs: times[Math.floor(times.length / 2)], maxMs: times.at(-1)! }
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined)
    await connection.sendNotification(ExitNotification.type).catch(() => undefined)
    connection.dispose()
    child.kill()
    rmSync(root, { recursive: true, force: true })
  }
}
