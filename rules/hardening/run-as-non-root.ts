// Policy: containers that may run as root (peer concept 3: Polaris runAsRootAllowed, kube-linter run-as-non-root).
import { containerLabel, effectiveSetting, isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'hardening/run-as-non-root',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A container that may run as root: neither it nor its pod sets runAsNonRoot: true or a non-zero runAsUser, or one of them sets runAsUser: 0.',
    remediation: 'Set securityContext.runAsNonRoot: true on the pod (or the container), and a non-zero runAsUser when the image names its user only by name.',
    messages: {
      notEnforced:
        '{{container}} may run as root: nothing in its or the pod\'s securityContext sets runAsNonRoot: true or a non-zero runAsUser, so the image decides, and many images run as root. A process that breaks out of the container is then root on the node. Set runAsNonRoot: true (and a runAsUser if the image\'s USER is a name).',
      root: '{{container}} runs as root: the {{from}} securityContext sets runAsUser: 0. A process that breaks out of the container is root on the node. Use a non-zero UID and set runAsNonRoot: true.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (isWindowsPod(spec)) return
        for (const c of containersOf(spec, visit)) {
          const user = effectiveSetting(spec, visit.path, c, 'runAsUser')
          if (user?.value === 0) {
            ctx.report('root', { path: user.path, text: '' }, { data: { container: containerLabel(c), from: user.from === 'pod' ? "pod's" : "container's" } })
            continue
          }
          const nonRoot = effectiveSetting(spec, visit.path, c, 'runAsNonRoot')
          if (nonRoot?.value === true || (typeof user?.value === 'number' && user.value > 0)) continue
          // an explicit false is the field to point at; otherwise where the container would set it
          const path = nonRoot ? nonRoot.path : [...c.path, 'securityContext', 'runAsNonRoot']
          ctx.report('notEnforced', { path, text: '' }, { data: { container: containerLabel(c) } })
        }
      },
    }
  },
})
