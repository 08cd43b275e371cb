import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule, type RelatedRef } from '../../src/rule.js'
import { blocksAllEvictions } from '../../src/simulate/pdb.js'
import { isConvertibleSelector, isEmptySelector, percentValue, selectorMatches } from '../../src/validation/workload.js'
import { nameOf } from '../../src/wiring/describe.js'
import { hpasScaling, SCALABLE } from '../../src/wiring/scale-target.js'

const EVICTION_FAILS = '"Cannot evict pod as it would violate the pod\'s disruption budget."'

export default defineRule({
  meta: {
    id: 'policy/blocks-eviction',
    category: 'wiring',
    severity: 'error',
    description: 'A PodDisruptionBudget allows no disruption at all for the pods it selects, or a pod is selected by two budgets, so node drains hang.',
    remediation: 'Leave at least one pod to spare (maxUnavailable: 1, or a minAvailable below the replica count), and cover each pod with one budget only.',
    messages: {
      blocks:
        '{{name}} allows no disruption: {{why}}. kubectl drain, node upgrades and the cluster autoscaler then wait forever on these pods, retrying ' +
        EVICTION_FAILS +
        ' Allow at least one: maxUnavailable: 1, or a minAvailable below the number of pods.',
      blocksAtMin:
        '{{name}} allows no disruption while {{hpa}} keeps {{workloads}} at its minimum of {{min}}: {{why}}, so kubectl drain hangs on these pods (' +
        EVICTION_FAILS +
        ') whenever load is low. Use maxUnavailable: 1{{orRaise}}.',
      overlap:
        '{{name}} and {{other}} both select the pods of {{workloads}}: the eviction API refuses a pod with more than one budget ("This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."), so drains hang on them. Merge the two budgets or make their selectors disjoint.',
    },
  },
  wire(ctx) {
    const describe = (o: IndexedObject) => nameOf(o, ctx.cluster.namespace)
    const list = (objects: readonly IndexedObject[]) => [...new Set(objects.map(describe))].join(', ')
    return {
      PodDisruptionBudget(pdb, self) {
        const selector = pdb.spec?.selector
        if (!usable(self.apiVersion, selector)) return
        const matched = ctx.index.podsSelectedBy(self.namespace, selector)
        if (matched.length === 0) return
        const name = describe(self)
        overlaps(self, selector)
        const { minAvailable, maxUnavailable } = pdb.spec ?? {}
        const set = (v: unknown) => v !== undefined && v !== null
        if (set(minAvailable) === set(maxUnavailable)) return
        const field = set(maxUnavailable) ? 'maxUnavailable' : 'minAvailable'
        const value = (field === 'maxUnavailable' ? maxUnavailable : minAvailable)!
        const at = ['spec', field]
        // whatever the pod count
        const certain = field === 'maxUnavailable' ? value === 0 || percentValue(value) === 0 : percentValue(value) === 100
        if (certain) {
          const related = matched.map((o) => ({ object: o, message: `the pods of ${describe(o)}` }))
          ctx.report('blocks', { at, data: { name, why: `${field} is ${value}` }, related })
          return
        }
        // the pod count is known only for the input's own replicated workloads, not owned by anything else
        if (!matched.every((o) => SCALABLE[o.kind] && o.accepted && !owned(o))) return
        let atMin = 0
        let atMax = 0
        const fixed: RelatedRef[] = []
        const scaled: Array<{ hpa: IndexedObject; of: IndexedObject; min: number; max: number }> = []
        for (const o of matched) {
          const hpa = hpasScaling(ctx.index, o)[0]
          if (hpa) {
            const { minReplicas, maxReplicas } = hpa.target.view
            if (typeof maxReplicas !== 'number') return
            atMin += minReplicas
            atMax += maxReplicas
            scaled.push({ hpa: hpa.hpa, of: o, min: minReplicas, max: maxReplicas })
          } else {
            const replicas = valueAt(o.value, ['spec', 'replicas'])
            if (typeof replicas !== 'number') return
            atMin += replicas
            atMax += replicas
            const written = valueAt(o.raw, ['spec', 'replicas']) !== undefined
            fixed.push({ object: o, ...(written ? { path: ['spec', 'replicas'] } : {}), message: `${describe(o)}: ${replicas} ${replicas === 1 ? 'replica' : 'replicas'}${written ? '' : ' (the default)'}` })
          }
        }
        const blocked = (n: number) => blocksAllEvictions(pdb as PodDisruptionBudget, { expected: n, matched: n })
        const pods = (n: number) => `${n} ${n === 1 ? 'pod' : 'pods'}`
        const needs = `${field} ${value}`
        const hpaRef = (end: 'minReplicas' | 'maxReplicas') =>
          scaled.map((s) => ({ object: s.hpa, path: ['spec', end], message: `${describe(s.hpa)} runs ${describe(s.of)} with ${end === 'minReplicas' ? 'at least' : 'at most'} ${s[end === 'minReplicas' ? 'min' : 'max']}` }))
        if (blocked(atMax)) {
          const atMaxNote = scaled.length > 0 ? ", even at the HPA's maximum" : ''
          ctx.report('blocks', { at, data: { name, why: `${needs} keeps ${atMax === 1 ? 'the only pod' : `all ${atMax} pods`} of ${list(matched)}${atMaxNote}` }, related: [...fixed, ...hpaRef('maxReplicas')] })
        } else if (scaled.length > 0 && blocked(atMin)) {
          ctx.report('blocksAtMin', {
            at,
            data: {
              name,
              hpa: list(scaled.map((s) => s.hpa)),
              workloads: list(matched),
              min: pods(atMin),
              why: `${needs} leaves none of them to spare`,
              orRaise: typeof value === 'number' ? `, or a minReplicas that keeps more than ${value} running` : '',
            },
            related: [...fixed, ...hpaRef('minReplicas')],
            severity: 'warning',
          })
        }
      },
    }

    /** a pod of two budgets cannot be evicted: reported on the later budget, once per earlier one */
    function overlaps(self: IndexedObject, selector: LabelSelector): void {
      for (const other of ctx.index.ofKind('PodDisruptionBudget', self.namespace)) {
        if (other.seq >= self.seq) break
        // the same budget defined twice (alternatives, overlays) is one object in the cluster
        if (other.name === self.name) continue
        const theirs = other.accepted ? (other.value as unknown as PodDisruptionBudget).spec?.selector : undefined
        if (!usable(other.apiVersion, theirs)) continue
        // without the generated labels: budgets on single StatefulSet pods (pod-name) share no pod
        const shared = ctx.index.podHoldersIn(self.namespace).filter((o) => selectorMatches(selector, o.pods!.labels) && selectorMatches(theirs, o.pods!.labels))
        if (shared.length === 0) continue
        ctx.report('overlap', {
          at: ['spec', 'selector'],
          point: 'key',
          data: { name: describe(self), other: describe(other), workloads: list(shared) },
          related: [{ object: other, path: ['spec', 'selector'], message: `the selector of ${describe(other)}` }],
          severity: 'warning',
        })
      }
    }
  },
})

/** a selector the server accepts and that selects something: policy/v1beta1 reads an empty one as no pods */
function usable(apiVersion: string, selector: LabelSelector | null | undefined): selector is LabelSelector {
  return !!selector && isConvertibleSelector(selector) && (apiVersion === 'policy/v1' || !isEmptySelector(selector))
}

/** created by another controller (a ReplicaSet of a Deployment): its scale is not its own */
function owned(o: IndexedObject): boolean {
  const refs = valueAt(o.raw, ['metadata', 'ownerReferences'])
  return Array.isArray(refs) && refs.length > 0
}
