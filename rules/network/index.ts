// The API server's validation of NetworkPolicy (A.16).
import type { Rule } from '../../src/rule.js'

export const networkRules: readonly Rule[] = []
