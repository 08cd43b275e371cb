// The API server's validation of pod specs wherever they appear: volumes and pod-level fields (A.2.4, A.2.7).
import type { Rule } from '../../src/rule.js'

export const podRules: readonly Rule[] = []
