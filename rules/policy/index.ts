// The API server's validation of PodDisruptionBudget (A.12).
import type { Rule } from '../../src/rule.js'
import disruptionBudget from './disruption-budget.js'

export const policyRules: readonly Rule[] = [disruptionBudget]
