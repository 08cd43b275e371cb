// A container whose processes may gain more privileges than they started with (peer-checks §2.1 concept 2), in
// kube-linter's sense: what the manifest writes, not the absence of allowPrivilegeEscalation: false; the option
// requireExplicitFalse gives Polaris' privilegeEscalationAllowed (and the restricted Pod Security level) instead.
import { isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { addedCapabilities, finding, securedContainers } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/privilege-escalation',
    category: 'security',
    severity: 'warning',
    options: {
      requireExplicitFalse: {
        type: 'boolean',
        default: false,
        description: 'also report every container that does not write allowPrivilegeEscalation: false (Polaris\' privilegeEscalationAllowed, the restricted Pod Security level)',
      },
    },
    description: 'A container that allows privilege escalation explicitly, or implicitly by running privileged or adding SYS_ADMIN.',
    remediation: 'Set allowPrivilegeEscalation: false, which also requires dropping privileged: true and the SYS_ADMIN capability.',
    messages: {
      explicit:
        'Container "{{container}}" sets allowPrivilegeEscalation: true: a setuid binary or file capability can give its processes more privileges than the container started with. Set it to false.',
      privileged:
        'Container "{{container}}" runs privileged, which always allows privilege escalation (allowPrivilegeEscalation: false is refused with it). Drop privileged: true, then set allowPrivilegeEscalation: false.',
      sysAdmin:
        'Container "{{container}}" adds {{capability}}, which always allows privilege escalation (allowPrivilegeEscalation: false is refused with it). Drop the capability, then set allowPrivilegeEscalation: false.',
      unset:
        'Container "{{container}}" does not set allowPrivilegeEscalation: false, so a setuid binary or file capability can give its processes more privileges than the container started with, and a namespace enforcing the restricted Pod Security level refuses the pod. Set securityContext.allowPrivilegeEscalation: false.',
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
            // Polaris' reading; Windows containers have no such setting. The pod's securityContext has no such field either
            else if (ctx.options.requireExplicitFalse === true && !isWindowsPod(spec)) ctx.report('unset', finding(at), { data })
          }
        }
      },
    }
  },
})
