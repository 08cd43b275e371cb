// A hostPath volume mounted without readOnly: true (peer-checks §2.1 concept 18: kube-linter writable-host-mount):
// the container can change the node's files, which outlive the pod and are read by the node and other pods.
import { containerLabel } from '../../src/policy/pod-security.js'
import { finding, hostPathVolumes } from '../../src/policy/security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'
import { isObj } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'security/writable-host-mount',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A container that mounts a hostPath volume without readOnly: true, so it can change files on the node.',
    remediation: 'Set readOnly: true on the volumeMount; where the container must write, give it an emptyDir or a PersistentVolumeClaim instead.',
    messages: {
      writable:
        '{{container}} mounts hostPath volume "{{volume}}" ({{path}}) writable: whatever it writes there stays on the node after the pod is gone, where the node and other pods read it. Set readOnly: true on the mount, or write to an emptyDir or a PersistentVolumeClaim.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const hostPaths = new Map(hostPathVolumes(spec).map((v) => [v.name, v]))
        if (hostPaths.size === 0) return
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const mounts: unknown = c.container.volumeMounts
          if (!Array.isArray(mounts)) continue
          mounts.forEach((m: unknown, i) => {
            const volume = isObj(m) && typeof m.name === 'string' ? hostPaths.get(m.name) : undefined
            if (!volume || !isObj(m) || m.readOnly === true) return
            const at = [...c.path, 'volumeMounts', i, m.readOnly === undefined || m.readOnly === null ? 'mountPath' : 'readOnly']
            ctx.report('writable', finding(at), { data: { container: containerLabel(c), volume: volume.name, path: volume.path } })
          })
        }
      },
    }
  },
})
