// Where a DaemonSet's pods go among the cluster profile's nodes (k8s-semantics B.8): none at all (DESIRED 0), or
// every node but the tainted ones when it looks meant for every node.
import type { DaemonSet } from 'kubernetes-types/apps/v1.js'
import { defineRule } from '../../src/rule.js'
import { placement } from '../../src/simulate/scheduling.js'
import { nameOf } from '../../src/wiring/describe.js'

const SPEC = ['spec', 'template', 'spec'] as const

export default defineRule({
  meta: {
    id: 'workload/daemonset-placement',
    category: 'wiring',
    severity: 'warning',
    description: "A DaemonSet's node selector, affinity or tolerations give it no node of the cluster profile, or make it skip tainted nodes it looks meant for.",
    remediation: 'Make the node selector and affinity match the nodes meant, and tolerate their taints.',
    messages: {
      selector:
        '{{name}} runs on none of the {{total}} nodes of the cluster profile: no node has {{labels}}, so it creates no pods (DESIRED 0, and no event says why). Correct the nodeSelector, or label the nodes meant.',
      affinity:
        '{{name}} runs on none of the {{total}} nodes of the cluster profile: no node matches the required node affinity, so it creates no pods (DESIRED 0, and no event says why). Correct the affinity terms, or label the nodes meant.',
      taint:
        '{{name}} runs on none of the {{total}} nodes of the cluster profile: {{which}} has a taint without a toleration ({{taints}}), so it creates no pods (DESIRED 0). Add a toleration for the taint of the nodes meant.',
      skipsTainted:
        '{{name}} runs on {{desired}} of the {{total}} nodes of the cluster profile: it skips {{skipped}}, whose taints it does not tolerate ({{taints}}). If it should run there too, as node agents usually should, add a toleration for them.',
    },
  },
  wire(ctx) {
    return {
      DaemonSet(daemonSet: DaemonSet, self) {
        const nodes = ctx.cluster.nodes
        const spec = self.pods?.spec
        if (!nodes || !spec) return
        const placed = placement(spec, nodes, { daemonSet: true })
        const total = nodes.reduce((n, node) => n + node.count, 0)
        const name = nameOf(self, ctx.cluster.namespace)
        // the controller wants a pod on a node that lacks room too: that pod just stays Pending
        const desired = placed.filter((p) => p.fits || p.reason === 'resources')
        const tainted = placed.filter((p) => p.reason === 'taint')
        const taints = [...new Set(tainted.map((p) => p.detail!))].join(', ')
        const at = spec.tolerations ? [...SPEC, 'tolerations'] : [...SPEC]

        if (desired.length === 0) {
          if (tainted.length > 0) {
            const which = tainted.length < placed.length ? 'every node that matches the node selector and affinity' : 'every node'
            ctx.report('taint', { at, point: 'key', data: { name, total, which, taints: [...new Set(tainted.map((p) => `${p.detail} on ${p.node.name}`))].join(', ') } })
            return
          }
          const pairs = Object.entries(spec.nodeSelector ?? {})
          const absent = pairs.find(([k, v]) => !nodes.some((n) => n.labels[k] === v))
          const together = pairs.length > 0 && !nodes.some((n) => pairs.every(([k, v]) => n.labels[k] === v))
          if (absent || together) {
            const labels = (absent ? [absent] : pairs).map(([k, v]) => `${k}=${v}`).join(', ')
            ctx.report('selector', { at: [...SPEC, 'nodeSelector'], point: 'key', data: { name, total, labels } })
          } else {
            ctx.report('affinity', { at: [...SPEC, 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'], point: 'key', data: { name, total } })
          }
          return
        }

        // a DaemonSet that picks its nodes means to skip the others; one that picks none looks meant for all
        const picks = Object.keys(spec.nodeSelector ?? {}).length > 0 || spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined
        if (picks || tainted.length === 0) return
        const count = desired.reduce((n, p) => n + p.node.count, 0)
        const skippedCount = tainted.reduce((n, p) => n + p.node.count, 0)
        const skipped = `${skippedCount} node${skippedCount === 1 ? '' : 's'} (${tainted.map((p) => p.node.name).join(', ')})`
        ctx.report('skipsTainted', { at, point: 'key', data: { name, desired: count, total, skipped, taints }, severity: 'info' })
      },
    }
  },
})
