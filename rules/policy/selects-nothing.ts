import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { isConvertibleSelector, isEmptySelector } from '../../src/validation/workload.js'
import { inNamespace, labelList, nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'policy/selects-nothing',
    category: 'wiring',
    severity: 'warning',
    description: 'A PodDisruptionBudget has a selector that matches the pods of no workload in the input, so it protects nothing.',
    remediation: "Make the budget's selector match the pod template labels of the workload it is meant to protect.",
    messages: {
      none: '{{name}} selects no pods: no pod template {{where}} matches {{selector}}, so the budget protects nothing (the disruption controller says only "NoPods: No matching pods found") and drains evict the pods it was meant for freely. Match the labels of the pods it is for.',
    },
  },
  wire(ctx) {
    // nothing in the namespace creates pods (the input holds only part of the application), or a custom resource
    // there may have an operator create them (a Prometheus, an Alertmanager)
    const partial = (self: IndexedObject) =>
      ctx.index.podHoldersIn(self.namespace).length === 0 || ctx.index.hasCustomResourcesIn(self.namespace)
    return {
      PodDisruptionBudget(pdb, self) {
        const selector = pdb.spec?.selector
        // no selector selects nothing and an empty one every pod (policy/v1): neither is a typo to point at
        if (!selector || isEmptySelector(selector) || !isConvertibleSelector(selector)) return
        if (ctx.index.podsSelectedBy(self.namespace, selector).length > 0) return
        ctx.report('none', {
          at: ['spec', 'selector'],
          point: 'key',
          data: { name: nameOf(self, ctx.cluster.namespace), where: inNamespace(self.namespace), selector: describeSelector(selector) },
          severity: partial(self) ? 'info' : undefined,
        })
      },
    }
  },
})

/** `app=web, tier in (a, b)` */
function describeSelector(selector: LabelSelector): string {
  const parts = Object.keys(selector.matchLabels ?? {}).length > 0 ? [labelList(selector.matchLabels as Record<string, string>)] : []
  for (const e of selector.matchExpressions ?? []) {
    const values = e.values?.length ? ` (${e.values.join(', ')})` : ''
    parts.push(`${e.key} ${e.operator}${values}`)
  }
  return parts.join(', ')
}
