#!/usr/bin/env node
import { loadCli } from '../dist/src/cli-loader.js'

process.exitCode = await loadCli({ useCache: true }).main(process.argv.slice(2))
