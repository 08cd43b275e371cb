// The pre-commit hook of .pre-commit-hooks.yaml under pre-commit itself: `pre-commit try-repo <this checkout>` on a
// temporary git repository installs the package as pre-commit's node language does (npm install, npm pack,
// npm install -g) and runs the hook on the staged files. Skipped when pre-commit is not installed.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { test } from 'node:test'
import { WEB_DEPLOYMENT, WEB_SERVICE, fixturesDir, repoRoot } from './helpers.js'

const HOOK_ID = 'seaworthy'

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' })
const inGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() === 'true'
const skip =
  preCommit.status !== 0
    ? 'pre-commit is not installed (Debian: apt-get install pre-commit; .ci/run installs it when it can)'
    : !inGit
      ? 'this checkout is not a git repository, which pre-commit try-repo needs'
      : false

// what npm run sets (npm_config_*, the lifecycle's PATH) must not reach the npm that pre-commit runs
const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'))
env.PATH = (process.env.PATH ?? '').split(path.delimiter).filter((p) => !p.includes(`node_modules${path.sep}.bin`)).join(path.delimiter)

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=seaworthy test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8', env })
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`)
}

/** a git repository with the given files committed, then the staged ones added to the index */
function repository(committed: Record<string, string>, staged: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'seaworthy-pre-commit-'))
  const write = (files: Record<string, string>) => {
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
      writeFileSync(path.join(dir, name), text)
    }
    git(dir, 'add', '--', ...Object.keys(files))
  }
  git(dir, 'init', '-q')
  write({ 'README.md': 'test\n', ...committed })
  git(dir, 'commit', '-q', '-m', 'initial')
  write(staged)
  return dir
}

/** `pre-commit try-repo <this checkout> seaworthy --verbose` on the staged files of `cwd` */
function tryRepo(cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('pre-commit', ['try-repo', repoRoot, HOOK_ID, '--verbose', '--color', 'never'], {
      cwd,
      env: { ...env, PRE_COMMIT_HOME: path.join(cwd, '.pre-commit-home') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

test('the hook under pre-commit: a bad staged manifest fails, a good one passes, context crosses files', { skip }, async (t) => {
  const bad = repository({}, { 'k8s/web.yaml': readFileSync(path.join(fixturesDir, 'schema/unknown-field/invalid.yaml'), 'utf8') })
  // the Deployment is committed and unchanged: only the Service is staged, the Deployment is context
  const good = repository({ 'k8s/deployment.yaml': WEB_DEPLOYMENT, '.github/workflows/ci.yml': 'on: push\njobs: {}\n' }, { 'k8s/service.yaml': WEB_SERVICE })
  // each try-repo installs the hook afresh (it uses a temporary store), so the three run side by side
  // a staged Deployment whose labels no longer match the committed Service: the Service is flagged
  const renamed = repository({ 'k8s/deployment.yaml': WEB_DEPLOYMENT, 'k8s/service.yaml': WEB_SERVICE }, { 'k8s/deployment.yaml': WEB_DEPLOYMENT.replaceAll('app: web', 'app: web-v2') })
  t.after(() => [bad, good, renamed].forEach((dir) => rmSync(dir, { recursive: true, force: true })))
  const [failed, passed, broke] = await Promise.all([tryRepo(bad), tryRepo(good), tryRepo(renamed)])

  assert.match(broke.output, /k8s\/service\.yaml:6:3 +warning +Service web selects no pods.*service\/selects-nothing/)
  assert.doesNotMatch(broke.output, /target-port/)

  assert.equal(failed.code, 1, failed.output)
  assert.match(failed.output, /seaworthy \(Kubernetes manifests\)\.+Failed/)
  assert.match(failed.output, /k8s\/web\.yaml:18:11 +error +Unknown field "imagePolicy".*schema\/unknown-field/)

  assert.equal(passed.code, 0, passed.output)
  assert.match(passed.output, /seaworthy \(Kubernetes manifests\)\.+Passed/)
  // the staged Service found the Deployment of the context file: no "selects no pods", and a related location there
  assert.doesNotMatch(passed.output, /selects-nothing/)
  assert.match(passed.output, /k8s\/service\.yaml:10:19 +warning .*service\/target-port/)
  assert.match(passed.output, /↳ k8s\/deployment\.yaml:14:7 the containers of Deployment web/)
  // only the staged file is reported
  assert.match(passed.output, /in 1 file, 1 object checked/)
})
