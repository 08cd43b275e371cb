// The API server's validation of the containers of pod specs (A.2.1-A.2.3, A.2.5, A.2.6).
import type { Rule } from '../../src/rule.js'

export const containerRules: readonly Rule[] = []
