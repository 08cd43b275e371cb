// The installed package's own folder (package.json, schemas/), found from wherever this code was loaded:
// the compiled modules and the bundled CLI sit at different depths below it.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'schemas'))) return dir
    if (path.dirname(dir) === dir) throw new Error(`seaworthy's package folder was not found above ${from}`)
  }
}

export const PACKAGE_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)))
