// `npm run bench`: throughput, memory and cold start on ../shared/corpus, against a baseline measured in the same
// run (the `yaml` package's lexer reading the same files), since these machines are noisy.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Lexer } from 'yaml'
import { lspEditLatency } from './lsp-latency.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const corpus = path.resolve(root, '../shared/corpus/files')
if (!existsSync(corpus)) {
  console.log('../shared/corpus not found: nothing to measure')
  process.exit(0)
}

// kubeconform's times on the machine where the issue was measured, where the lexer read the corpus in 1.2 s
const PEER = { lexerCorpusS: 1.2, appSetS: 1.0, corpusS: 2.9, coldS: 0.15 }
const TARGET = { appSet: 0.6, corpus: 1.0, cold: 0.6 }

const all = readdirSync(corpus).sort().map((f) => path.join(corpus, f))
const small = all.filter((f) => statSync(f).size < 10 * 1024)
const bytes = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0)

function lexerSeconds(files: string[]): number {
  const texts = files.map((f) => readFileSync(f, 'utf8'))
  let best = Infinity
  for (let round = 0; round < 3; round++) {
    const t = performance.now()
    for (const text of texts) for (const _ of new Lexer().lex(text));
    best = Math.min(best, performance.now() - t)
  }
  return best / 1000
}

interface Run {
  wallS: number
  maxRssMb: number
  documents: number
  errors: number
}

function lintRun(files: string[], crossObject = true): Run {
  const t = performance.now()
  const args = [path.join(root, 'dist/bench/child.js'), ...(crossObject ? [] : ['--no-cross-object']), ...files]
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 })
  const wallS = (performance.now() - t) / 1000
  const r = JSON.parse(out) as { maxRssMb: number; documents: number; errors: number }
  return { wallS, ...r }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function best(runs: number, f: () => Run): Run {
  const rs = Array.from({ length: runs }, f)
  return rs.reduce((a, b) => (b.wallS < a.wallS ? b : a))
}

const lexAll = lexerSeconds(all)
const scale = lexAll / PEER.lexerCorpusS
console.log(`baseline: yaml Lexer reads the corpus in ${lexAll.toFixed(2)} s here (${PEER.lexerCorpusS} s where kubeconform was measured; scale ${scale.toFixed(2)})`)
console.log('')

const report = (name: string, files: string[], run: Run, peerS: number, target: number) => {
  const mb = bytes(files) / 1e6
  const peerHere = peerS * scale
  console.log(`${name}: ${files.length} files, ${run.documents} documents, ${mb.toFixed(1)} MB`)
  console.log(`  wall ${run.wallS.toFixed(2)} s · ${(run.documents / run.wallS).toFixed(0)} documents/s · ${(mb / run.wallS).toFixed(1)} MB/s · peak RSS ${run.maxRssMb.toFixed(0)} MB · ${run.errors} errors`)
  console.log(`  ${(run.wallS / lexAll).toFixed(2)}× the corpus lexer time; kubeconform ≈ ${peerHere.toFixed(2)} s here → ratio ${(run.wallS / peerHere).toFixed(2)} (target ≤ ${target})`)
}

const whole = best(3, () => lintRun(all))
report('whole corpus', all, whole, PEER.corpusS, TARGET.corpus)
// layer 4 (index, checks across objects) may add at most 20% to the whole run
const below = best(3, () => lintRun(all, false))
console.log(`  without the checks across objects: ${below.wallS.toFixed(2)} s → layer 4 adds ${(((whole.wallS - below.wallS) / below.wallS) * 100).toFixed(0)}% (target ≤ 20%)`)
const apps = best(3, () => lintRun(small))
report('app manifests (< 10 KB)', small, apps, PEER.appSetS, TARGET.appSet)
const appsBelow = best(3, () => lintRun(small, false))
console.log(`  without the checks across objects: ${appsBelow.wallS.toFixed(2)} s → layer 4 adds ${(((apps.wallS - appsBelow.wallS) / appsBelow.wallS) * 100).toFixed(0)}%`)

const one = small.find((f) => f.includes('aks-store-demo__ai-service')) ?? small[0]
const cold: number[] = []
for (let i = 0; i < 15; i++) {
  const t = performance.now()
  try {
    execFileSync(process.execPath, [path.join(root, 'bin/seaworthy.js'), 'lint', '--format', 'json', one], { stdio: 'ignore' })
  } catch {
    // exit 1 when the file has errors is fine here
  }
  cold.push((performance.now() - t) / 1000)
}
const coldS = median(cold)
const node0: number[] = []
for (let i = 0; i < 15; i++) {
  const t = performance.now()
  execFileSync(process.execPath, ['-e', '0'])
  node0.push((performance.now() - t) / 1000)
}
console.log(`cold run on one small file (${path.basename(one)}), median of 15: ${(coldS * 1000).toFixed(0)} ms (bare node: ${(median(node0) * 1000).toFixed(0)} ms)`)
console.log(`  kubeconform ≈ ${(PEER.coldS * scale * 1000).toFixed(0)} ms here → ratio ${(coldS / (PEER.coldS * scale)).toFixed(2)} (target ≤ ${TARGET.cold})`)

// the language server: new diagnostics after an edit to a 1,000-line file, debounce 0 (editors add the debounce,
// 150 ms by default, on top: it waits for typing to pause)
const lsp = await lspEditLatency(path.join(root, 'bin/seaworthy.js'))
console.log(`language server: edit → diagnostics on a ${lsp.lines}-line file, median of ${lsp.edits} edits: ${lsp.medianMs.toFixed(1)} ms (max ${lsp.maxMs.toFixed(1)} ms; debounce 0, target ≤ 50 ms)`)
