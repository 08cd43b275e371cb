// One measured lint run in its own process: prints what the parent cannot see from outside.
import { lint } from '../src/lint.js'

const files = process.argv.slice(2)
const started = performance.now()
const report = await lint({ patterns: files, kubernetesVersion: '1.35' })
const ms = performance.now() - started
process.stdout.write(
  JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, documents: report.summary.documents, objects: report.summary.objects, errors: report.summary.errorCount }) + '\n',
)
