// Policy: containers that keep the runtime's default Linux capabilities (peer concept 6: Polaris
// insecureCapabilities, kube-linter drop-net-raw-capability for NET_RAW alone).
import { containerLabel, isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'hardening/drop-capabilities',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A container whose securityContext.capabilities.drop does not contain ALL, so it keeps the default capabilities of the container runtime (NET_RAW, CHOWN, SETUID and others).',
    remediation: 'Set securityContext.capabilities.drop: [ALL] and add back only the capabilities the program needs.',
    messages: {
      notDropped:
        '{{container}} keeps the container runtime\'s default capabilities (NET_RAW, CHOWN, SETUID, DAC_OVERRIDE and more), which let a compromised process forge packets or change file owners. Set securityContext.capabilities.drop: [ALL] and add back only what it needs.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (isWindowsPod(spec)) return
        for (const c of containersOf(spec, visit)) {
          const drop: unknown = c.container.securityContext?.capabilities?.drop
          // runtimes match the name exactly: "all" is not ALL
          if (Array.isArray(drop) && drop.includes('ALL')) continue
          const path = [...c.path, 'securityContext', 'capabilities', 'drop']
          ctx.report('notDropped', { path, text: '' }, { data: { container: containerLabel(c) } })
        }
      },
    }
  },
})
