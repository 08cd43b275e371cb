// One measured lint run in its own process: prints what the parent cannot see from outside.
import { lint } from '../src/lint.js'

// --no-cross-object: without layer 4, to measure what the checks across objects add
const crossObject = process.argv[2] !== '--no-cross-object'
const files = process.argv.slice(crossObject ? 2 : 3)
const started = performance.now()
const report = await lint({ patterns: files, kubernetesVersion: '1.35', crossObject })
const ms = performance.now() - started
process.stdout.write(
  JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, documents: report.summary.documents, objects: report.summary.objects, errors: report.summary.errorCount }) + '\n',
)
