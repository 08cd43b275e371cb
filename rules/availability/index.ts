// Policy layer: availability of workloads (peer concepts 46-49, 53, 57, 63, 69, 70, 78) and their scheduling and
// rollouts (54, 55, 56, 58).
import type { Rule } from '../../src/rule.js'
import antiAffinity from './anti-affinity.js'
import hpaMinReplicas from './hpa-min-replicas.js'
import hpaRange from './hpa-range.js'
import identicalProbes from './identical-probes.js'
import networkPolicy from './network-policy.js'
import nodeAffinity from './node-affinity.js'
import podDisruptionBudget from './pod-disruption-budget.js'
import priorityClass from './priority-class.js'
import probePort from './probe-port.js'
import probes from './probes.js'
import replicas from './replicas.js'
import topologySpread from './topology-spread.js'
import updateStrategy from './update-strategy.js'

export const availabilityRules: readonly Rule[] = [
  probes,
  identicalProbes,
  probePort,
  hpaMinReplicas,
  priorityClass,
  hpaRange,
  nodeAffinity,
  topologySpread,
  // layer 4: the workload among the HPAs, budgets and network policies of the input
  replicas,
  podDisruptionBudget,
  networkPolicy,
  antiAffinity,
  updateStrategy,
]
