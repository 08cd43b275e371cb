// Findings in a piped stream (`helm template … | seaworthy lint -`) are filed under the template each document came
// from: Helm writes `# Source: chart/templates/x.yaml` at the head of every document it renders. Lines and columns
// stay those of the stream, the one text the user can see (`helm template … > rendered.yaml` has the same lines);
// a template's own lines differ from its output's wherever Helm drops or adds lines, so they cannot be given.
import type { FileCheckResult } from './check-file.js'
import type { Location } from './types.js'

/** The documents of the stream from `line` (1-based, the `---` opening the first of them) on came from `filePath`. */
export interface StreamSection {
  line: number
  filePath: string
}

const SOURCE_COMMENT = /^#\s*Source:\s*(\S.*?)\s*$/
const DOCUMENT_START = /^---(\s|$)/
const DOCUMENT_END = /^\.\.\.(\s|$)/

/** The sections named by a `# Source:` comment in the head of a document (before its first content line). */
export function sourceSections(text: string): StreamSection[] {
  const sections: StreamSection[] = []
  let inHead = true
  let documentLine = 1
  let line = 0
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    const s = text.slice(start, text[stop - 1] === '\r' ? stop - 1 : stop)
    line++
    start = stop + 1
    if (DOCUMENT_START.test(s)) {
      inHead = true
      documentLine = line
    } else if (DOCUMENT_END.test(s)) {
      inHead = true
      documentLine = line + 1
    } else if (inHead) {
      const m = SOURCE_COMMENT.exec(s)
      if (m) {
        if (sections.at(-1)?.filePath !== m[1]) sections.push({ line: documentLine, filePath: m[1] })
        inHead = false
      } else if (s.trim() !== '' && !s.trimStart().startsWith('#')) {
        inHead = false
      }
    }
  }
  return sections
}

/**
 * The run's results with the stream's findings split by section, one result per named file (the stream's own
 * name keeps what comes before the first section), and locations in other findings that point into the stream
 * renamed the same way. The stream's document and object counts go to its first piece.
 */
export function splitStream(checked: readonly FileCheckResult[], stream: string, sections: readonly StreamSection[]): FileCheckResult[] {
  if (sections.length === 0) return [...checked]
  const fileAt = (line: number): string => {
    let lo = -1
    let hi = sections.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (sections[mid].line <= line) lo = mid
      else hi = mid - 1
    }
    return lo === -1 ? stream : sections[lo].filePath
  }
  const rename = <L extends Location>(l: L): L => (l.filePath === stream ? { ...l, filePath: fileAt(l.line) } : l)
  const out: FileCheckResult[] = []
  for (const c of checked) {
    const messages = c.messages.map((m) => (m.related.some((r) => r.filePath === stream) ? { ...m, related: m.related.map(rename) } : m))
    if (c.filePath !== stream) {
      out.push({ ...c, messages })
      continue
    }
    const pieces = new Map<string, FileCheckResult>()
    const piece = (filePath: string) => {
      let p = pieces.get(filePath)
      if (!p) pieces.set(filePath, (p = { ...c, filePath, messages: [], ...(pieces.size === 0 ? {} : { documents: 0, objects: 0, entries: [], suppressions: [] }) }))
      return p
    }
    if (messages.some((m) => m.line < sections[0].line)) piece(stream)
    for (const s of sections) piece(s.filePath)
    for (const m of messages) piece(fileAt(m.line)).messages.push(m)
    out.push(...pieces.values())
  }
  return out
}
