// Output formats by name; each is a pure function of the report.
import type { LintReport } from '../types.js'
import { formatGithub } from './github.js'
import { formatJson } from './json.js'
import { formatJunit } from './junit.js'
import { formatSarif } from './sarif.js'
import { formatStylish } from './stylish.js'

export interface FormatOptions {
  /** ANSI colours (stylish only) */
  color: boolean
}

export const formatters: Record<string, (report: LintReport, options: FormatOptions) => string> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
}

export { formatGithub, formatJson, formatJunit, formatSarif, formatStylish }
