import path from 'node:path'
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { isConvertibleSelector, isEmptySelector, selectorMatches } from '../../src/validation/workload.js'
import { labelList, nameOf } from '../../src/wiring/describe.js'

// the controllers that keep a set of pods by selector; Jobs generate their selectors, so they never overlap
const CONTROLLERS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController'])
const CONSEQUENCE =
  "controllers with overlapping selectors fight over pods (one adopts the pods the other orphans), and whatever goes by the selector (an HPA's metrics, kubectl rollout status, kubectl logs -l) counts the pods of both"

export default defineRule({
  meta: {
    id: 'workload/overlapping-selector',
    category: 'wiring',
    severity: 'warning',
    description: "The selector of a Deployment, ReplicaSet, StatefulSet, DaemonSet or ReplicationController matches the pod template labels of another such workload in the namespace.",
    remediation: 'Give each workload a label of its own (such as app.kubernetes.io/instance or app.kubernetes.io/component) and put it in its selector.',
    messages: {
      selectsOther:
        "{{name}}'s selector also matches the pods of {{other}} ({{labels}}): " + CONSEQUENCE + '. Add a label that only {{self}} pods have to its selector and template.',
      selectedByOther:
        "The selector of {{other}} also matches the pods of {{name}} ({{labels}}): " + CONSEQUENCE + '. Give the two workloads labels that tell their pods apart, and select on them.',
    },
  },
  wire(ctx) {
    const describe = (o: IndexedObject) => nameOf(o, ctx.cluster.namespace)
    // each workload's selector, checked once
    const selectors = new Map<IndexedObject, LabelSelector | undefined>()
    const selectorFor = (o: IndexedObject) => (selectors.has(o) ? selectors.get(o) : selectors.set(o, selectorOf(o)).get(o))
    // later workloads whose pods an earlier one's selector matches, found when the earlier one was checked
    const selectedBy = new Map<IndexedObject, IndexedObject[]>()
    // workloads of other folders are often alternatives (examples, overlays) never applied together
    const candidate = (self: IndexedObject, other: IndexedObject) =>
      other !== self && other.builtin && other.accepted && CONTROLLERS.has(other.kind) && path.dirname(other.filePath) === path.dirname(self.filePath) &&
      !(other.kind === self.kind && other.name === self.name) && !related(self, other) && selectorFor(other) !== undefined
    return {
      Object(self) {
        if (!self.builtin || !CONTROLLERS.has(self.kind) || !self.pods) return
        const mine = selectorFor(self)
        if (!mine) return
        // the generated labels (pod-template-hash…) are not in the templates, so a selector using them matches nothing here
        const selects = ctx.index.podsSelectedBy(self.namespace, mine).filter((o) => candidate(self, o) && selectorMatches(mine, o.pods!.labels))
        for (const later of selects) if (later.seq > self.seq) selectedBy.set(later, [...(selectedBy.get(later) ?? []), self])
        const earlier = [...new Set([...selects.filter((o) => o.seq < self.seq), ...(selectedBy.get(self) ?? [])])].sort((x, y) => x.seq - y.seq)
        for (const other of earlier) {
          // other files of the folder may be alternatives too: advice then
          const severity = other.filePath === self.filePath ? undefined : 'info'
          if (selects.includes(other)) {
            ctx.report('selectsOther', {
              at: ['spec', 'selector'],
              point: 'key',
              data: { name: describe(self), other: describe(other), labels: labelList(other.pods!.labels), self: self.name },
              related: [{ object: other, path: [...other.pods!.specPath.slice(0, -1), 'metadata', 'labels'], message: `the pod labels of ${describe(other)}` }],
              severity,
            })
          } else {
            ctx.report('selectedByOther', {
              at: ['spec', 'selector'],
              point: 'key',
              data: { name: describe(self), other: describe(other), labels: labelList(self.pods.labels) },
              related: [{ object: other, path: ['spec', 'selector'], message: `the selector of ${describe(other)}` }],
              severity,
            })
          }
        }
      },
    }
  },
})

/** the workload's label selector (a ReplicationController's is a plain map); undefined when the server would reject it */
function selectorOf(o: IndexedObject): LabelSelector | undefined {
  const raw = valueAt(o.value, ['spec', 'selector'])
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined
  const selector: LabelSelector = o.kind === 'ReplicationController' ? { matchLabels: raw as Record<string, string> } : (raw as LabelSelector)
  const valid = !isEmptySelector(selector) && isConvertibleSelector(selector) && selectorMatches(selector, o.pods?.labels ?? {})
  return valid ? selector : undefined
}

/** one owns the other (a ReplicaSet of a Deployment, kept in the input) */
function related(a: IndexedObject, b: IndexedObject): boolean {
  const owns = (owner: IndexedObject, child: IndexedObject) => {
    const refs = valueAt(child.raw, ['metadata', 'ownerReferences'])
    return Array.isArray(refs) && refs.some((r: { kind?: unknown; name?: unknown }) => r?.kind === owner.kind && r?.name === owner.name)
  }
  return owns(a, b) || owns(b, a)
}
