// The API server's validation of Deployment, ReplicaSet, StatefulSet, DaemonSet (A.3-A.6).
import type { Rule } from '../../src/rule.js'

export const workloadRules: readonly Rule[] = []
