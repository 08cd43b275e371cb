// A container that runs privileged (peer-checks §2.1 concept 1).
import { defineRule } from '../../src/rule.js'
import { finding, securedContainers } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/privileged',
    category: 'security',
    severity: 'warning',
    description: 'A container that sets securityContext.privileged: true, and so runs with every capability and all of the host\'s devices.',
    remediation: 'Remove privileged: true and add only the capabilities the process needs, or run the work as a node-level agent outside the cluster\'s workloads.',
    messages: {
      privileged:
        'Container "{{container}}" runs privileged: it has every capability and every host device, so whoever controls it controls the node. Remove privileged: true and add only the capabilities it needs.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of securedContainers(spec, visit)) {
          if (c.securityContext.privileged === true) ctx.report('privileged', finding([...c.path, 'securityContext', 'privileged']), { data: { container: c.container.name } })
        }
      },
    }
  },
})
