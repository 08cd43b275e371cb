import type { Service, ServicePort } from 'kubernetes-types/core/v1.js'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'
import { serviceBackends } from '../../src/wiring/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress/service-port',
    category: 'wiring',
    severity: 'error',
    description: 'An Ingress backend names a port number or port name that its Service (in the input) does not have, so the ingress controller answers 503.',
    remediation: "Set the backend's port.number to one of the Service's ports (its port, not its targetPort), or port.name to one of their names.",
    messages: {
      noNumber:
        '{{name}} routes {{route}} to port {{port}} of Service "{{service}}", which has {{ports}}: the ingress controller finds no such port and answers 503. Use one of the Service\'s ports.',
      targetPort:
        '{{name}} routes {{route}} to port {{port}} of Service "{{service}}", but {{port}} is the targetPort of its port {{servicePort}}: an Ingress names the Service\'s port, not the container\'s, so the ingress controller answers 503. Set port.number to {{servicePort}}.',
      noName:
        '{{name}} routes {{route}} to the port named "{{port}}" of Service "{{service}}", which has {{ports}}: the ingress controller finds no such port and answers 503. Use one of the Service\'s port names, or port.number.',
    },
  },
  wire(ctx) {
    return {
      Ingress(ingress, self) {
        if (self.apiVersion !== 'networking.k8s.io/v1' || self.namespace === undefined) return
        const name = nameOf(self, ctx.cluster.namespace)
        for (const b of serviceBackends(ingress)) {
          // the last definition is the one kubectl apply leaves; a Service known only from elsewhere cannot be judged
          const target = ctx.index.named('Service', self.namespace, b.service.name).at(-1)
          if (!target || !target.accepted || !target.builtin) continue
          const spec = (target.value as Service).spec
          if (!spec || spec.type === 'ExternalName') continue
          const ports = spec.ports ?? []
          const number = b.service.port?.number
          const portName = b.service.port?.name
          const data = { name, route: b.route, service: b.service.name, ports: describePorts(ports) }
          const related = [{ object: target, path: ['spec', 'ports'], message: `the ports of ${nameOf(target, ctx.cluster.namespace)}` }]
          if (typeof number === 'number' && number !== 0) {
            if (ports.some((p) => p.port === number)) continue
            const byTarget = ports.find((p) => p.targetPort === number)
            const at = [...b.path, 'port', 'number']
            if (byTarget) ctx.report('targetPort', { at, data: { ...data, port: number, servicePort: byTarget.port }, related })
            else ctx.report('noNumber', { at, data: { ...data, port: number }, related })
          } else if (typeof portName === 'string' && portName !== '') {
            if (ports.some((p) => p.name === portName)) continue
            ctx.report('noName', { at: [...b.path, 'port', 'name'], data: { ...data, port: portName }, related })
          }
        }
      },
    }
  },
})

/** "ports 80 (http), 443 (https)", "port 80 without a name", "no ports" */
function describePorts(ports: readonly ServicePort[]): string {
  if (ports.length === 0) return 'no ports'
  const each = ports.map((p) => (p.name ? `${p.port} (${p.name})` : `${p.port}`)).join(', ')
  const unnamed = ports.length === 1 && !ports[0].name ? ' without a name' : ''
  return `${ports.length === 1 ? 'port' : 'ports'} ${each}${unnamed}`
}
