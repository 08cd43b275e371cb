// The parse stage's entry: the fast reader (reader.ts), and the reference parser (parse.ts) for any file the fast
// reader leaves: unusual constructs and syntax errors, whose codes and positions the reference reports well.
import type { ParsedDocument } from './document.js'
import { parseYamlDocuments } from './parse.js'
import { readFast } from './reader.js'

export function readYamlDocuments(text: string): ParsedDocument[] {
  const fast = readFast(text)
  return Array.isArray(fast) ? fast : parseYamlDocuments(text)
}
