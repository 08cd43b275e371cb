// Policy: a container that declares TCP port 22, the SSH port (peer concept 20: kube-linter ssh-port).
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

const SSH_PORT = 22

export default defineRule({
  meta: {
    id: 'ports/ssh',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A container that declares TCP port 22, which is where an SSH server listens.',
    remediation: 'Remove the SSH server and its port, and reach the container with kubectl exec, kubectl debug or kubectl port-forward, which the API server authenticates and audits.',
    messages: {
      ssh: '{{container}} declares TCP port 22: an SSH server in a container is a second way in, with its own keys or passwords, that Kubernetes RBAC and audit logs do not see. Remove it and use kubectl exec or kubectl debug.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit)) {
          const ports: unknown = c.container.ports
          if (!Array.isArray(ports)) continue
          ports.forEach((p: { containerPort?: unknown; protocol?: unknown } | null, i) => {
            // protocol defaults to TCP; SSH does not run over UDP or SCTP
            if (p?.containerPort === SSH_PORT && (p.protocol ?? 'TCP') === 'TCP') {
              ctx.report('ssh', { path: [...c.path, 'ports', i, 'containerPort'], text: '' }, { data: { container: containerLabel(c) } })
            }
          })
        }
      },
    }
  },
})
