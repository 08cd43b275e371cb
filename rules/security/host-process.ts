// A Windows pod or container that runs as a process on the node rather than in a container (peer-checks §2.1
// concept 14). Kubernetes requires every container of such a pod to be one, so the pod-level setting is the usual one.
import { defineRule } from '../../src/rule.js'
import { finding, securedContainers } from '../../src/policy/security.js'
import { isObj } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'security/host-process',
    category: 'security',
    severity: 'warning',
    description: 'A Windows pod or container that sets securityContext.windowsOptions.hostProcess: true, and so runs directly on the node.',
    remediation: 'Remove hostProcess: true, or keep it only for node agents deployed by cluster administrators in a namespace of their own.',
    messages: {
      pod: 'The pod sets windowsOptions.hostProcess: true: its containers run as processes on the Windows node, with its file system and network and no isolation. Remove it unless this is a node agent.',
      container:
        'Container "{{container}}" sets windowsOptions.hostProcess: true: it runs as a process on the Windows node, with its file system and network and no isolation. Remove it unless this is a node agent.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const pod: unknown = spec.securityContext
        if (isObj(pod) && isObj(pod.windowsOptions) && pod.windowsOptions.hostProcess === true) {
          ctx.report('pod', finding([...visit.path, 'securityContext', 'windowsOptions', 'hostProcess']))
        }
        for (const c of securedContainers(spec, visit)) {
          if (c.securityContext.windowsOptions?.hostProcess === true) {
            ctx.report('container', finding([...c.path, 'securityContext', 'windowsOptions', 'hostProcess']), { data: { container: c.container.name } })
          }
        }
      },
    }
  },
})
