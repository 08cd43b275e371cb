// npm's `prepare`: builds, unless the build is newer than every file it is made from. pre-commit's node language
// runs `npm install` (which prepares) and then `npm pack` (which prepares again): the second finds the build current.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'

const INPUTS = ['src', 'rules', 'scripts', 'schemas', 'config-schema', 'package.json', 'package-lock.json', 'tsconfig.json']

const newest = (p) => {
  const s = statSync(p, { throwIfNoEntry: false })
  if (!s) return 0
  return s.isDirectory() ? Math.max(s.mtimeMs, ...readdirSync(p).map((name) => newest(path.join(p, name)))) : s.mtimeMs
}

// the bundle is written after the compiled modules, and the code cache after the bundle
const built = statSync('dist/src/cli.bundle.cjs.cache', { throwIfNoEntry: false })?.mtimeMs ?? 0
if (built > Math.max(...INPUTS.map(newest))) {
  process.stderr.write('seaworthy: the build in dist/ is current\n')
} else {
  const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' })
  process.exitCode = r.status ?? 1
}
