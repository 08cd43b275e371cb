// A container port bound on the node (peer-checks §2.1 concept 13, Polaris' hostPortSet): strict, since some node
// agents and ingress controllers use hostPorts on purpose.
import { defineRule } from '../../src/rule.js'
import { finding, securedContainers } from '../../src/policy/security.js'

export default defineRule({
  meta: {
    id: 'security/host-port',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A container port with a hostPort, which binds the port on the node\'s own addresses.',
    remediation: 'Remove hostPort and reach the pod through a Service (NodePort or LoadBalancer when it must be reachable from outside).',
    messages: {
      hostPort:
        'Container "{{container}}" binds port {{port}} on the node (hostPort): the pod is reachable past the cluster\'s network policies and only one such pod fits on each node. Remove hostPort and use a Service.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // with hostNetwork the server copies every containerPort into hostPort: security/host-network reports that
        if (spec.hostNetwork === true) return
        for (const c of securedContainers(spec, visit)) {
          const ports: unknown = c.container.ports
          if (!Array.isArray(ports)) continue
          ports.forEach((p: unknown, index) => {
            const hostPort = typeof p === 'object' && p !== null ? (p as { hostPort?: unknown }).hostPort : undefined
            if (typeof hostPort === 'number' && hostPort !== 0) ctx.report('hostPort', finding([...c.path, 'ports', index, 'hostPort']), { data: { container: c.container.name, port: hostPort } })
          })
        }
      },
    }
  },
})
