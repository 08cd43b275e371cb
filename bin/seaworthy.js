#!/usr/bin/env node
// The CLI is bundled into one module (npm run build) so that a cold start loads one file instead of dozens.
import { main } from '../dist/src/cli.bundle.js'

process.exitCode = await main(process.argv.slice(2))
