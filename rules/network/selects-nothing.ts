import { defineRule } from '../../src/rule.js'
import { isConvertibleSelector, isEmptySelector } from '../../src/validation/workload.js'
import { inNamespace, nameOf } from '../../src/wiring/describe.js'
import { operatorPodsPossible, selectorText } from '../../src/wiring/pods.js'

export default defineRule({
  meta: {
    id: 'network/selects-nothing',
    category: 'wiring',
    severity: 'warning',
    description: 'A NetworkPolicy has a podSelector that matches the pods of no workload in its namespace, so the policy does nothing.',
    remediation: "Make the podSelector match the pod template labels of the workloads the policy is for, or use podSelector: {} for every pod of the namespace.",
    messages: {
      none: '{{name}} selects no pods: no pod template {{where}} matches {{selector}}, so the policy isolates nothing and its rules allow nothing. Match the labels of the pods it is for.',
    },
  },
  wire(ctx) {
    return {
      NetworkPolicy(policy, self) {
        const selector = policy.spec?.podSelector
        // {} selects every pod of the namespace; a selector the server rejects is network/policy-spec's finding
        if (!selector || isEmptySelector(selector) || !isConvertibleSelector(selector)) return
        if (ctx.index.podsSelectedBy(self.namespace, selector).length > 0) return
        // nothing in the namespace creates pods (the input holds only the policies), or an operator may create them
        const unsure = ctx.index.podHoldersIn(self.namespace).length === 0 || operatorPodsPossible(ctx.index, self.namespace)
        const severity = unsure ? 'info' : undefined
        ctx.report('none', {
          at: ['spec', 'podSelector'],
          point: 'key',
          data: { name: nameOf(self, ctx.cluster.namespace), where: inNamespace(self.namespace), selector: selectorText(selector) },
          severity,
        })
      },
    }
  },
})
