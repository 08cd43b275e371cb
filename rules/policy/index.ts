// The API server's validation of PodDisruptionBudget (A.12), what the disruption controller makes of a budget
// (B.9), and budget policy (peer concepts 64, 67).
import type { Rule } from '../../src/rule.js'
import blocksEviction from './blocks-eviction.js'
import disruptionBudget from './disruption-budget.js'
import emptyBudget from './empty-budget.js'
import selectsNothing from './selects-nothing.js'
import unhealthyPodEviction from './unhealthy-pod-eviction.js'

export const policyRules: readonly Rule[] = [
  disruptionBudget,
  // policy: the eviction of unhealthy pods
  unhealthyPodEviction,
  // layer 4: the budget and the pods it covers
  selectsNothing,
  blocksEviction,
  emptyBudget,
]
