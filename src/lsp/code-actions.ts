// Quick fixes for the diagnostics whose fix is certain: the replacement the finding carries, over its own range.
import { CodeActionKind, TextEdit, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node'
import { SOURCE, type DiagnosticData } from './diagnostics.js'

export function quickFixes(params: CodeActionParams): CodeAction[] {
  const only = params.context.only
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return []
  const out: CodeAction[] = []
  for (const d of params.context.diagnostics) {
    const fix = fixOf(d)
    if (!fix) continue
    out.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: { changes: { [params.textDocument.uri]: [TextEdit.replace(d.range, fix.text)] } },
    })
  }
  return out
}

// the client hands back what it was given, but it is still input: check its shape
function fixOf(d: Diagnostic): { title: string; text: string } | undefined {
  if (d.source !== SOURCE) return undefined
  const fix = (d.data as DiagnosticData | undefined)?.fix
  return fix && typeof fix.title === 'string' && typeof fix.text === 'string' ? fix : undefined
}
