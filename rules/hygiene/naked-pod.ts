// Policy: a Pod that no controller owns, so nothing recreates it when it is deleted or its node goes (Polaris
// nakedPod).
import { defineRule } from '../../src/rule.js'

/** Helm runs hook Pods (tests, migrations) once on purpose */
const HELM_HOOK = 'helm.sh/hook'

export default defineRule({
  meta: {
    id: 'hygiene/naked-pod',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    description: 'A Pod with no ownerReferences: no controller recreates it when it is evicted, deleted or its node fails.',
    remediation: 'Run the pod from a Deployment (or a StatefulSet, a DaemonSet, or a Job for work that finishes), whose controller replaces lost pods.',
    messages: {
      naked:
        'Pod {{name}} is not created by a controller: when its node is drained or fails, or the pod is evicted, it is gone for good and nothing starts another. Put its spec in the template of a Deployment (or a Job, for work that finishes).',
    },
  },
  create(ctx) {
    return {
      Pod(pod) {
        const owners: unknown = pod.metadata?.ownerReferences
        if (Array.isArray(owners) && owners.length > 0) return
        if (typeof pod.metadata?.annotations?.[HELM_HOOK] === 'string') return
        ctx.report('naked', { path: ['kind'], text: '' }, { data: { name: pod.metadata?.name ?? pod.metadata?.generateName ?? '(unnamed)' } })
      },
    }
  },
})
