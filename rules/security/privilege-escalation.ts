// A container whose processes may gain more privileges than they started with (peer-checks §2.1 concept 2), in
// kube-linter's sense: what the manifest writes, not the absence of allowPrivilegeEscalation: false.
import { defineRule } from '../../src/rule.js'
import { addedCapabilities, finding, securedContainers } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/privilege-escalation',
    category: 'security',
    severity: 'warning',
    description: 'A container that allows privilege escalation explicitly, or implicitly by running privileged or adding SYS_ADMIN.',
    remediation: 'Set allowPrivilegeEscalation: false, which also requires dropping privileged: true and the SYS_ADMIN capability.',
    messages: {
      explicit:
        'Container "{{container}}" sets allowPrivilegeEscalation: true: a setuid binary or file capability can give its processes more privileges than the container started with. Set it to false.',
      privileged:
        'Container "{{container}}" runs privileged, which always allows privilege escalation (allowPrivilegeEscalation: false is refused with it). Drop privileged: true, then set allowPrivilegeEscalation: false.',
      sysAdmin:
        'Container "{{container}}" adds {{capability}}, which always allows privilege escalation (allowPrivilegeEscalation: false is refused with it). Drop the capability, then set allowPrivilegeEscalation: false.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of securedContainers(spec, visit)) {
          const sc = c.securityContext
          const at = [...c.path, 'securityContext']
          const data = { container: c.container.name }
          if (sc.allowPrivilegeEscalation === true) {
            ctx.report('explicit', finding([...at, 'allowPrivilegeEscalation']), { data })
          } else if (sc.allowPrivilegeEscalation !== false && sc.privileged === true) {
            ctx.report('privileged', finding([...at, 'privileged']), { data })
          } else if (sc.allowPrivilegeEscalation !== false) {
            const sysAdmin = addedCapabilities(sc.capabilities).find((cap) => cap.name === 'SYS_ADMIN')
            if (sysAdmin) ctx.report('sysAdmin', finding([...at, 'capabilities', 'add', sysAdmin.index]), { data: { ...data, capability: sysAdmin.written } })
          }
        }
      },
    }
  },
})
