// Policy: workloads that do not roll their pods over on a template change (peer concept 58: kube-score
// deployment-strategy, which asks it only of Deployments a Service selects; kube-linter no-rolling-update-strategy
// asks every one): a Deployment with strategy Recreate, a StatefulSet or DaemonSet with updateStrategy OnDelete.
import type { PersistentVolumeClaim, Service } from 'kubernetes-types/core/v1.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { selectorMatches } from '../../src/validation/workload.js'
import { nameOf } from '../../src/wiring/describe.js'

const OPTIONS = {
  servedOnly: { type: 'boolean', default: true, description: 'ask it only of Deployments a Service of the input selects (kube-score); false asks every Deployment (kube-linter)' },
} as const

// claims several nodes can mount at once: a rolling update can start the new pod anywhere
const SHARED_ACCESS = new Set(['ReadWriteMany', 'ReadOnlyMany'])

export default defineRule({
  meta: {
    id: 'availability/update-strategy',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    options: OPTIONS,
    description:
      'A Deployment a Service selects with strategy Recreate (unless its pods mount a claim only one node can attach), or a StatefulSet or DaemonSet with updateStrategy OnDelete.',
    remediation: 'Use the default RollingUpdate strategy, so pods are replaced a few at a time while the others keep serving.',
    messages: {
      recreate:
        '{{name}} uses strategy Recreate: every rollout stops all its pods before the new ones start, so {{service}} has no endpoints until they are ready, and a new version that does not start leaves nothing running. Use type: RollingUpdate (the default), or keep Recreate only where two versions must never run at once.',
      onDelete:
        '{{name}} uses updateStrategy OnDelete: a changed pod template reaches no running pod until someone deletes it, so kubectl apply succeeds while the old version keeps running. Use type: RollingUpdate (the default), unless an operator deletes the pods on purpose.',
    },
  },
  wire(ctx) {
    const name = (self: IndexedObject) => nameOf(self, ctx.cluster.namespace)
    /** a persistentVolumeClaim volume whose claim is not known to be mountable on several nodes */
    const singleNodeClaim = (self: IndexedObject) =>
      (self.pods?.spec?.volumes ?? []).some((v) => {
        const claim = v?.persistentVolumeClaim?.claimName
        if (!claim) return false
        const pvc = ctx.index.get('PersistentVolumeClaim', self.namespace, claim)
        const modes = pvc?.accepted ? ((pvc.value as unknown as PersistentVolumeClaim).spec?.accessModes ?? []) : []
        return modes.length === 0 || !modes.every((m) => SHARED_ACCESS.has(m))
      })
    const servedBy = (self: IndexedObject) =>
      ctx.index.ofKind('Service', self.namespace).find((s) => {
        const selector = s.accepted ? (s.value as unknown as Service).spec?.selector : undefined
        return !!selector && Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, self.pods!.labels, self.pods!.generatedKeys)
      })
    return {
      Deployment(deployment, self) {
        if (deployment.spec?.strategy?.type !== 'Recreate' || !self.pods) return
        // RollingUpdate would start the new pod while the old one holds the claim: Recreate is the way out
        if (singleNodeClaim(self)) return
        const service = servedBy(self)
        if (ctx.options.servedOnly && !service) return
        const related = service ? [{ object: service, path: ['spec', 'selector'], message: `${name(service)} sends traffic to these pods` }] : []
        ctx.report('recreate', { at: ['spec', 'strategy', 'type'], data: { name: name(self), service: service ? name(service) : 'any Service in front of it' }, related })
      },
      StatefulSet(statefulSet, self) {
        if (statefulSet.spec?.updateStrategy?.type === 'OnDelete') ctx.report('onDelete', { at: ['spec', 'updateStrategy', 'type'], data: { name: name(self) } })
      },
      DaemonSet(daemonSet, self) {
        if (daemonSet.spec?.updateStrategy?.type === 'OnDelete') ctx.report('onDelete', { at: ['spec', 'updateStrategy', 'type'], data: { name: name(self) } })
      },
    }
  },
})
