// Policy: pod specs that say nothing about which nodes their pods belong on (peer concept 55: kube-linter
// no-node-affinity). A nodeSelector counts as well as a nodeAffinity; DaemonSets, meant for every node, are skipped.
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'availability/node-affinity',
    category: 'reliability',
    severity: 'info',
    preset: 'all',
    description: 'A pod spec (not a DaemonSet\'s) with neither a nodeAffinity nor a nodeSelector, so its pods may be scheduled on any node.',
    remediation: 'Set spec.affinity.nodeAffinity, or a nodeSelector, naming the nodes the pods belong on.',
    messages: {
      missing:
        'The pods set no nodeAffinity and no nodeSelector: the scheduler may place them on any node with room, including nodes meant for other workloads (GPU, spot, system pools). Add affinity.nodeAffinity, or a nodeSelector, naming the nodes they belong on.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // a DaemonSet runs on every node unless told otherwise, which is what it is for
        if (visit.kind === 'DaemonSet') return
        if (spec.affinity?.nodeAffinity) return
        if (spec.nodeSelector && Object.keys(spec.nodeSelector).length > 0) return
        ctx.report('missing', { path: [...visit.path, 'affinity', 'nodeAffinity'], text: '' }, { point: 'key' })
      },
    }
  },
})
