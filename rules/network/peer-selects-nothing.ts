import type { NetworkPolicyPeer } from 'kubernetes-types/networking/v1.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { isConvertibleSelector, isEmptySelector } from '../../src/validation/workload.js'
import { inNamespace, nameOf } from '../../src/wiring/describe.js'
import { operatorPodsPossible, selectorText } from '../../src/wiring/pods.js'

export default defineRule({
  meta: {
    id: 'network/peer-selects-nothing',
    category: 'wiring',
    severity: 'warning',
    description: "A NetworkPolicy rule's peer selects pods of its own namespace by labels that no workload's pods have, so it lets no traffic through.",
    remediation: 'Make the peer\'s podSelector match the pod template labels of the workloads to allow, or add a namespaceSelector for pods of other namespaces.',
    messages: {
      from: '{{name}} allows ingress from pods matching {{selector}} {{where}}, but no pod template there has those labels, so this peer lets no traffic in. Match the labels of the pods to allow (for pods of other namespaces, add a namespaceSelector).',
      to: '{{name}} allows egress to pods matching {{selector}} {{where}}, but no pod template there has those labels, so this peer lets no traffic out. Match the labels of the pods to allow (for pods of other namespaces, add a namespaceSelector).',
    },
  },
  wire(ctx) {
    return {
      NetworkPolicy(policy, self) {
        const name = nameOf(self, ctx.cluster.namespace)
        // nothing in the namespace creates pods (the input holds only the policies), or an operator may create them
        const unsure = ctx.index.podHoldersIn(self.namespace).length === 0 || operatorPodsPossible(ctx.index, self.namespace)
        const severity = unsure ? 'info' : undefined
        const check = (peer: NetworkPolicyPeer, at: PathSegment[], direction: 'from' | 'to') => {
          const selector = peer.podSelector
          // with a namespaceSelector the pods are in other namespaces; {} allows every pod of the namespace
          if (!selector || peer.namespaceSelector || peer.ipBlock || isEmptySelector(selector) || !isConvertibleSelector(selector)) return
          if (ctx.index.podsSelectedBy(self.namespace, selector).length > 0) return
          ctx.report(direction, { at: [...at, 'podSelector'], point: 'key', data: { name, selector: selectorText(selector), where: inNamespace(self.namespace) }, severity })
        }
        ;(policy.spec?.ingress ?? []).forEach((rule, i) => (rule.from ?? []).forEach((peer, j) => check(peer, ['spec', 'ingress', i, 'from', j], 'from')))
        ;(policy.spec?.egress ?? []).forEach((rule, i) => (rule.to ?? []).forEach((peer, j) => check(peer, ['spec', 'egress', i, 'to', j], 'to')))
      },
    }
  },
})
