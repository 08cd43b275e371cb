// Any hostPath volume (peer-checks §2.1 concept 15, Polaris' hostPathSet): strict, since node agents need them.
import { defineRule } from '../../src/rule.js'
import { finding, hostPathVolumes } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/host-path',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A hostPath volume, which ties the pod to its node and lets it read (and unless mounted read-only, write) the node\'s files.',
    remediation: 'Use an emptyDir, a PersistentVolumeClaim, a ConfigMap or Secret, or a CSI volume; keep hostPath for node agents, mounted read-only.',
    messages: {
      hostPath:
        'Volume "{{volume}}" mounts {{path}} from the node: the pod sees whatever the node keeps there and its data stays behind on that node. Use an emptyDir, a PersistentVolumeClaim or a CSI volume instead.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const v of hostPathVolumes(spec)) ctx.report('hostPath', finding([...visit.path, 'volumes', v.index, 'hostPath']), { data: { volume: v.name, path: v.path }, point: 'key' })
      },
    }
  },
})
