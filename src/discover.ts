// Paths, folders and globs to the sorted list of manifest files to read.
import { statSync } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { ToolError } from './errors.js'

let tinyglobby: typeof import('tinyglobby') | undefined
// required, not imported: the CLI bundle runs as a script with a code cache, where dynamic import is not available
const loadGlobber = () => (tinyglobby ??= createRequire(import.meta.url)('tinyglobby') as typeof import('tinyglobby'))

const MANIFEST_GLOB = '**/*.{yaml,yml,json}'
const SKIPPED_DIRS = ['**/node_modules/**', '**/.git/**']

export interface DiscoverOptions {
  cwd: string
  /** fail when a glob matches no file (the default), like ESLint */
  errorOnUnmatchedPattern: boolean
}

export async function discoverFiles(patterns: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const found = new Set<string>()
  // loaded only for folders and globs: a single named file should start fast
  const globber = async () => loadGlobber()
  for (const pattern of patterns) {
    const absolute = path.resolve(options.cwd, pattern)
    const stat = statSync(absolute, { throwIfNoEntry: false })
    if (stat?.isFile()) {
      found.add(absolute)
    } else if (stat?.isDirectory()) {
      const { glob } = await globber()
      for (const f of await glob(MANIFEST_GLOB, { cwd: absolute, absolute: true, ignore: SKIPPED_DIRS, followSymbolicLinks: false })) found.add(path.normalize(f))
    } else if ((await globber()).isDynamicPattern(pattern)) {
      const { glob } = await globber()
      const matches = await glob(pattern, { cwd: options.cwd, absolute: true, ignore: SKIPPED_DIRS, onlyFiles: true })
      if (matches.length === 0 && options.errorOnUnmatchedPattern) throw new ToolError(`No files matching the pattern "${pattern}" were found.`)
      for (const f of matches) found.add(path.normalize(f))
    } else {
      throw new ToolError(`No such file or directory: ${pattern}`)
    }
  }
  return [...found].sort()
}

/** the path shown in findings: relative to the working directory when inside it */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file
}
