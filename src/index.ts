// The package's public surface.
export { lint, type LintOptions } from './lint.js'
export { formatters, formatJson, formatStylish, type FormatOptions } from './format/index.js'
export { allRules } from '../rules/index.js'
export type { Rule, RuleMeta } from './rule.js'
export type * from './types.js'
