// Policy: containers without a seccomp profile (peer concept 7: kube-score container-seccomp-profile; Polaris
// linuxHardening accepts seccomp among other measures).
import { containerLabel, effectiveSetting, isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, type ContainerVisit } from '../../src/validation/container.js'

// the profile types that filter system calls
const CONFINED = new Set(['RuntimeDefault', 'Localhost'])

export default defineRule({
  meta: {
    id: 'hardening/seccomp',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A container without a seccomp profile of type RuntimeDefault or Localhost, from its own securityContext or the pod\'s, so it may call every system call of the kernel.',
    remediation: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod, or Localhost with a profile of your own.',
    messages: {
      podMissing:
        'Neither the pod nor its containers ({{containers}}) set a seccomp profile: unless the kubelet defaults one, they may make any system call, including the rarely used ones kernel exploits go through. Set the pod\'s securityContext.seccompProfile.type: RuntimeDefault.',
      missing:
        '{{container}} has no seccomp profile, neither its own nor the pod\'s, while other containers of the pod set one: it may make any system call. Set its securityContext.seccompProfile.type: RuntimeDefault, or set it once on the pod.',
      unconfined:
        '{{container}} runs with seccompProfile type Unconfined (set in the {{from}} securityContext): no system call is filtered. Use RuntimeDefault, or a Localhost profile that allows what the program needs.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (isWindowsPod(spec)) return
        const containers = containersOf(spec, visit)
        const missing: ContainerVisit[] = []
        for (const c of containers) {
          const profile = effectiveSetting(spec, visit.path, c, 'seccompProfile')
          const type: unknown = (profile?.value as { type?: unknown } | undefined)?.type
          if (typeof type === 'string' && CONFINED.has(type)) continue
          if (profile && type === 'Unconfined') {
            ctx.report('unconfined', { path: [...profile.path, 'type'], text: '' }, { data: { container: containerLabel(c), from: profile.from === 'pod' ? "pod's" : "container's" } })
          } else missing.push(c)
        }
        if (missing.length === 0) return
        // nothing set anywhere: one finding where one line fixes them all
        if (missing.length === containers.length) {
          ctx.report('podMissing', { path: [...visit.path, 'securityContext', 'seccompProfile'], text: '' }, { data: { containers: missing.map((c) => c.container.name).join(', ') } })
        } else {
          for (const c of missing) ctx.report('missing', { path: [...c.path, 'securityContext', 'seccompProfile'], text: '' }, { data: { container: containerLabel(c) } })
        }
      },
    }
  },
})
