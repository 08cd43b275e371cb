// The API server's validation of pod specs wherever they appear (A.2).
import type { Rule } from '../../src/rule.js'

export const podRules: readonly Rule[] = []
