// A container that asks for an unmasked /proc (peer-checks §2.1 concept 8).
import { defineRule } from '../../src/rule.js'
import { finding, securedContainers } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/proc-mount',
    category: 'security',
    severity: 'warning',
    description: 'A container that sets securityContext.procMount: Unmasked, which exposes the parts of /proc the runtime normally hides.',
    remediation: 'Remove procMount (or set it to Default); Unmasked is meant for nested containers inside a user-namespaced pod.',
    messages: {
      unmasked:
        'Container "{{container}}" sets procMount: Unmasked: /proc is mounted without the masks and read-only paths that hide kernel interfaces such as /proc/sys and /proc/sysrq-trigger. Remove it, or set it to Default.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of securedContainers(spec, visit)) {
          if (c.securityContext.procMount === 'Unmasked') ctx.report('unmasked', finding([...c.path, 'securityContext', 'procMount']), { data: { container: c.container.name } })
        }
      },
    }
  },
})
