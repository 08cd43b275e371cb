// Policy: a containerPort below 1024, which a process without NET_BIND_SERVICE cannot bind (peer concept 19:
// kube-linter privileged-ports).
import { containerLabel, isWindowsPod } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

/** the kernel's default net.ipv4.ip_unprivileged_port_start: ports below it need CAP_NET_BIND_SERVICE */
const FIRST_UNPRIVILEGED = 1024
const SYSCTL = 'net.ipv4.ip_unprivileged_port_start'

/** the first unprivileged port the pod's own sysctls set, or the kernel's default */
function firstUnprivileged(sysctls: readonly { name?: unknown; value?: unknown }[] | undefined): number {
  const set = sysctls?.find((s) => s?.name === SYSCTL)
  const n = typeof set?.value === 'string' ? Number(set.value) : NaN
  return Number.isInteger(n) && n >= 0 ? n : FIRST_UNPRIVILEGED
}

export default defineRule({
  meta: {
    id: 'ports/privileged',
    category: 'security',
    severity: 'warning',
    preset: 'all',
    description: `A containerPort below ${FIRST_UNPRIVILEGED}: a privileged port, which only a process with NET_BIND_SERVICE (in practice, root) can bind.`,
    remediation: `Have the process listen on a port of ${FIRST_UNPRIVILEGED} or above and let a Service map the well-known port to it (port: 80, targetPort: 8080).`,
    messages: {
      privileged:
        '{{container}} declares containerPort {{port}}, below {{first}}: a process that does not run as root (or keep NET_BIND_SERVICE) cannot bind it, so the container pushes toward running as root. Listen on a port of {{first}} or above and map the well-known port in the Service.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // Windows has no privileged ports
        if (isWindowsPod(spec)) return
        const first = firstUnprivileged(spec.securityContext?.sysctls)
        for (const c of containersOf(spec, visit)) {
          const ports: unknown = c.container.ports
          if (!Array.isArray(ports)) continue
          ports.forEach((p: { containerPort?: unknown } | null, i) => {
            const port = p?.containerPort
            // 0 and below are container/ports's error
            if (typeof port === 'number' && port > 0 && port < first) {
              ctx.report('privileged', { path: [...c.path, 'ports', i, 'containerPort'], text: '' }, { data: { container: containerLabel(c), port, first } })
            }
          })
        }
      },
    }
  },
})
