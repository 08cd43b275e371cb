// Policy: pods that no NetworkPolicy of their namespace selects, so any pod of the cluster can reach them and they
// can reach anything (peer concept 78: kube-linter non-isolated-pod, kube-score pod-networkpolicy, Polaris
// missingNetworkPolicy).
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { selectorMatches } from '../../src/validation/workload.js'
import { nameOf } from '../../src/wiring/describe.js'

/** whether the policy's podSelector selects the holder's pods: an empty selector selects every pod of the namespace */
function policySelects(policy: IndexedObject, holder: IndexedObject): boolean {
  const selector = valueAt(policy.value, ['spec', 'podSelector'])
  const s = typeof selector === 'object' && selector !== null ? (selector as LabelSelector) : {}
  return selectorMatches(s, holder.pods!.labels, holder.pods!.generatedKeys)
}

export default defineRule({
  meta: {
    id: 'availability/network-policy',
    category: 'security',
    severity: 'warning',
    preset: 'all',
    description: 'A Pod or a workload whose pods no NetworkPolicy of their namespace selects, so they accept traffic from any pod and may connect anywhere.',
    remediation: 'Add a NetworkPolicy to the namespace that selects the pods (a default-deny policy with an empty podSelector, then policies that allow what they need).',
    messages: {
      isolated:
        '{{name}} {{creates}} that no NetworkPolicy in namespace {{namespace}} selects: any pod of the cluster can connect to {{them}}, and {{they}} can connect anywhere. Add a NetworkPolicy that selects {{them}}, for example a default-deny policy with podSelector: {}.',
    },
  },
  wire(ctx) {
    return {
      PodSpec(spec, self) {
        // a PodTemplate creates nothing; NetworkPolicies do not apply to pods on the host's network
        if (self.kind === 'PodTemplate' || self.namespace === undefined || spec.hostNetwork === true) return
        if (ctx.index.ofKind('NetworkPolicy', self.namespace).some((p) => p.accepted && policySelects(p, self))) return
        const one = self.kind === 'Pod'
        const at = one ? ['metadata'] : [...self.pods!.specPath.slice(0, -1), 'metadata']
        ctx.report('isolated', {
          at,
          point: 'key',
          data: { name: nameOf(self, ctx.cluster.namespace), creates: one ? 'is a pod' : 'creates pods', namespace: self.namespace, them: one ? 'it' : 'them', they: one ? 'it' : 'they' },
        })
      },
    }
  },
})
