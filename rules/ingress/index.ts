// The API server's validation of Ingress (A.10).
import type { Rule } from '../../src/rule.js'

export const ingressRules: readonly Rule[] = []
