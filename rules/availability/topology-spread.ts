// Policy: pod specs of long-running workloads without topologySpreadConstraints (peer concept 56: Polaris
// topologySpreadConstraint, presence only, not Jobs or CronJobs). What the API server refuses in a constraint is
// pod/scheduling's (kube-score pod-topology-spread-constraints validates them when present).
import { defineRule } from '../../src/rule.js'

// Polaris leaves out what runs to completion; a DaemonSet has one pod per node, so there is nothing to spread
const SKIPPED = new Set(['Job', 'CronJob', 'DaemonSet'])

export default defineRule({
  meta: {
    id: 'availability/topology-spread',
    category: 'reliability',
    severity: 'warning',
    preset: 'all',
    description: 'A pod spec (not a Job\'s, CronJob\'s or DaemonSet\'s) with no topologySpreadConstraints.',
    remediation: 'Add topologySpreadConstraints over topology.kubernetes.io/zone and kubernetes.io/hostname whose labelSelector matches the pods\' labels.',
    messages: {
      missing:
        'The pods set no topologySpreadConstraints: only the scheduler\'s default, soft spreading keeps them apart, so several replicas may land in one zone or on one node and go down together. Add a topologySpreadConstraint over topology.kubernetes.io/zone (or kubernetes.io/hostname) with a labelSelector matching the pods\' labels.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (SKIPPED.has(visit.kind)) return
        const constraints = spec.topologySpreadConstraints
        if (Array.isArray(constraints) && constraints.length > 0) return
        // an empty list is written: point at it
        const written = Array.isArray(constraints)
        ctx.report('missing', { path: [...visit.path, 'topologySpreadConstraints'], text: '' }, { point: written ? 'value' : 'key' })
      },
    }
  },
})
