// Parse-stage benchmark on the shared corpus, all files and the files under 10 KB: the `yaml` package's Lexer alone
// (baseline), the reference parser, and readYamlDocuments; plus how many files fall back to the reference and why.
// Run: npm run build && node dist/bench/yaml-reader.js
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Lexer } from 'yaml'
import { parseYamlDocuments } from '../src/yaml/parse.js'
import { readYamlDocuments } from '../src/yaml/read.js'
import { readFast } from '../src/yaml/reader.js'

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/files/', import.meta.url))
const RUNS = 5

function lexOnly(text: string): void {
  for (const token of new Lexer().lex(text)) void token
}

/** Best of RUNS, in ms. */
function best(texts: string[], read: (text: string) => unknown): number {
  let fastest = Infinity
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    for (const text of texts) read(text)
    fastest = Math.min(fastest, performance.now() - start)
  }
  return fastest
}

function report(label: string, texts: string[]): void {
  const megabytes = texts.reduce((n, t) => n + t.length, 0) / 1e6
  console.log(`\n${label}: ${texts.length} files, ${megabytes.toFixed(1)} MB (best of ${RUNS} runs)`)
  const lexer = best(texts, lexOnly)
  for (const [name, read] of [
    ['yaml Lexer alone', lexOnly],
    ['parseYamlDocuments (reference)', parseYamlDocuments],
    ['readYamlDocuments', readYamlDocuments],
  ] as const) {
    const ms = name === 'yaml Lexer alone' ? lexer : best(texts, read)
    const ratio = (ms / lexer).toFixed(2)
    console.log(`  ${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  ${(megabytes / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ${ratio}× Lexer`)
  }
  const reasons = new Map<string, number>()
  for (const text of texts) {
    const fast = readFast(text)
    if (!Array.isArray(fast)) reasons.set(fast.reason, (reasons.get(fast.reason) ?? 0) + 1)
  }
  const fallbacks = [...reasons.values()].reduce((a, b) => a + b, 0)
  console.log(`  fallbacks to the reference: ${fallbacks} of ${texts.length} files${fallbacks ? ` (${[...reasons].map(([r, n]) => `${r}: ${n}`).join(', ')})` : ''}`)
}

if (!existsSync(CORPUS)) {
  console.log('../shared/corpus not found: nothing to measure')
} else {
  const texts = readdirSync(CORPUS).map((f) => {
    const text = readFileSync(CORPUS + f, 'utf8')
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  })
  report('corpus', texts)
  report('corpus files under 10 KB', texts.filter((t) => Buffer.byteLength(t) < 10_000))
}
