// One measured lint run in its own process: prints what the parent cannot see from outside. lint() comes from the
// CLI's bundle with its code cache, loaded as the seaworthy command loads it (the peer is measured as a command too).
import { loadCli } from '../src/cli-loader.js'

const { lint } = loadCli({ useCache: true })

// --no-cross-object: without layer 4, to measure what the checks across objects add
const crossObject = process.argv[2] !== '--no-cross-object'
const files = process.argv.slice(crossObject ? 2 : 3)
const started = performance.now()
const report = await lint({ patterns: files, kubernetesVersion: '1.35', crossObject })
const ms = performance.now() - started
process.stdout.write(
  JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, documents: report.summary.documents, objects: report.summary.objects, errors: report.summary.errorCount }) + '\n',
)
