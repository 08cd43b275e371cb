// A hostPath volume of a host directory that gives the node away, or of a container runtime's socket (peer-checks
// §2.1 concepts 16 and 17). The lists are in src/policy/security.ts; the rule's doc explains them.
import { defineRule } from '../../src/rule.js'
import { finding, hostPathRisk, hostPathVolumes } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/sensitive-host-mount',
    category: 'security',
    severity: 'warning',
    description: 'A hostPath volume of a sensitive host directory (/, /etc, /proc, /sys, /dev, the kubelet\'s state…) or of a container runtime\'s socket.',
    remediation: 'Mount a narrower host path read-only, or get the data another way (a ConfigMap, the downward API, a CSI driver); never hand a workload the runtime\'s socket.',
    messages: {
      sensitive:
        'Volume "{{volume}}" mounts the host\'s {{path}}: a container that can read or write it can read the node\'s secrets or change its configuration. Mount a narrower path, read-only, or use a ConfigMap or CSI volume.',
      runtimeSocket:
        'Volume "{{volume}}" mounts {{path}}, the container runtime\'s API socket or its folder: whoever can talk to it can start a privileged container and so owns the node. Remove it; build images with a daemonless builder and read metrics from the kubelet.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const v of hostPathVolumes(spec)) {
          const risk = hostPathRisk(v.path)
          if (risk) ctx.report(risk, finding([...visit.path, 'volumes', v.index, 'hostPath', 'path']), { data: { volume: v.name, path: v.path } })
        }
      },
    }
  },
})
