// The API server's validation of Namespace (A.17).
import type { Rule } from '../../src/rule.js'

export const namespaceRules: readonly Rule[] = []
