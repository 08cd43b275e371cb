// Runs the CLI from its bundle (dist/src/cli.bundle.cjs, made by `npm run build`) with the V8 code cache made at
// build time, so that a cold start neither resolves dozens of modules nor compiles the functions a lint runs.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'
import type { lint as cliLint, main as cliMain } from './cli.js'

export const BUNDLE = fileURLToPath(new URL('./cli.bundle.cjs', import.meta.url))
export const CODE_CACHE = `${BUNDLE}.cache`

export interface LoadedCli {
  script: vm.Script
  main: typeof cliMain
  /** the engine's lint(), from the same bundle */
  lint: typeof cliLint
}

export function loadCli(options: { useCache: boolean }): LoadedCli {
  let cachedData: Buffer | undefined
  if (options.useCache) {
    try {
      cachedData = readFileSync(CODE_CACHE)
    } catch {
      // no cache (a build without it): compile as usual
    }
  }
  // the same wrapper as Node's for CommonJS, so the bundle sees require, module and __filename
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(BUNDLE, 'utf8')}\n})`
  const script = new vm.Script(source, { filename: BUNDLE, cachedData })
  const module = { exports: {} as { main: typeof cliMain; lint: typeof cliLint } }
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE))
  return { script, main: module.exports.main, lint: module.exports.lint }
}
