// The API server's validation of ConfigMap and Secret (A.14-A.15).
import type { Rule } from '../../src/rule.js'

export const configRules: readonly Rule[] = []
