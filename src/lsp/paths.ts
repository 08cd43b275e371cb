// Between the editor's URIs and the paths the engine names files by (relative to the workspace root when inside it).
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { displayPath } from '../discover.js'

/** the path a document is linted as: a file's path from the root, or the URI itself for unsaved buffers */
export function pathOfUri(uri: string, root: string): string {
  if (!uri.startsWith('file:')) return uri
  return displayPath(fileURLToPath(uri), root)
}

/** the URI of a path the engine reported (a document's own URI when it is not a file) */
export function uriOfPath(filePath: string, root: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePath) && !path.isAbsolute(filePath)) return filePath
  return pathToFileURL(path.resolve(root, filePath)).href
}
