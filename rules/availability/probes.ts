// Policy: long-running containers without readiness or liveness probes (peer concepts 46 and 47: kube-linter
// no-readiness-probe / no-liveness-probe, Polaris readinessProbeMissing / livenessProbeMissing, kube-score pod-probes).
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

// the kinds whose pods are meant to keep running; a Pod counts when its restartPolicy is Always
const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController'])

export default defineRule({
  meta: {
    id: 'availability/probes',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    description: 'A container of a long-running workload (a Deployment, StatefulSet, DaemonSet, ReplicaSet, or a Pod that restarts Always) without a readinessProbe or a livenessProbe.',
    remediation: 'Add a readinessProbe that passes once the container can serve, and a livenessProbe that fails only when it is stuck beyond recovery.',
    messages: {
      readiness:
        '{{container}} has no readinessProbe: its pod counts as ready, and gets Service traffic, as soon as the process starts, and a rolling update moves on without waiting for it to work. Add a readinessProbe that passes once it can serve.',
      liveness:
        '{{container}} has no livenessProbe: if it hangs without exiting, Kubernetes never restarts it. Add a livenessProbe that fails only when the process is stuck (a cheap endpoint, with a generous failureThreshold).',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (!LONG_RUNNING.has(visit.kind) && !(visit.kind === 'Pod' && spec.restartPolicy === 'Always')) return
        // init containers and native sidecars are not required to have probes
        for (const c of containersOf(spec, visit, ['containers'])) {
          const data = { container: containerLabel(c) }
          if (!c.container.readinessProbe) ctx.report('readiness', { path: [...c.path, 'readinessProbe'], text: '' }, { data })
          if (!c.container.livenessProbe) ctx.report('liveness', { path: [...c.path, 'livenessProbe'], text: '' }, { data })
        }
      },
    }
  },
})
