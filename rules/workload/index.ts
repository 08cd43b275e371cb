// The API server's validation of Deployment, ReplicaSet, StatefulSet, DaemonSet (A.3-A.6).
import type { Rule } from '../../src/rule.js'
import childNameLength from './child-name-length.js'
import counts from './counts.js'
import daemonsetPlacement from './daemonset-placement.js'
import overlappingSelector from './overlapping-selector.js'
import headlessService from './headless-service.js'
import replicasWithHpa from './replicas-with-hpa.js'
import selector from './selector.js'
import statefulset from './statefulset.js'
import strategy from './strategy.js'
import template from './template.js'

export const workloadRules: readonly Rule[] = [
  selector,
  counts,
  strategy,
  template,
  statefulset,
  // layer 4: workloads among the cluster profile's nodes
  daemonsetPlacement,
  // layer 4: the workload among the other objects
  replicasWithHpa,
  headlessService,
  overlappingSelector,
  childNameLength,
]
