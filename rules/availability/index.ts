// Policy layer: availability of workloads (peer concepts 46, 47, 53, 57, 69).
import type { Rule } from '../../src/rule.js'
import hpaMinReplicas from './hpa-min-replicas.js'
import priorityClass from './priority-class.js'
import probes from './probes.js'
import replicas from './replicas.js'

export const availabilityRules: readonly Rule[] = [
  probes,
  hpaMinReplicas,
  priorityClass,
  // layer 4: the workload among the HPAs of the input
  replicas,
]
