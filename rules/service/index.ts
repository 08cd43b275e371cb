// The API server's validation of Service (A.9).
import type { Rule } from '../../src/rule.js'
import serviceNodePortRange from './node-port-range.js'

export const serviceRules: readonly Rule[] = [serviceNodePortRange]
