import { fieldError } from '../../src/field-errors.js'
import { dns1123Label, portName, portNumber, qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

export default defineRule({
  meta: {
    id: 'service/ports',
    category: 'server',
    severity: 'error',
    description: 'A Service port is unnamed among several, badly named, duplicated, out of range, or has a nodePort on a ClusterIP Service.',
    remediation: 'Name every port when there are several (DNS-1123 labels, unique), keep port/protocol and nodePort/protocol pairs unique, and use ports 1-65535.',
    messages: {
      nameRequired: '{{error}}: a Service with more than one port must name each of them.',
      invalidName: '{{error}}. Use a DNS-1123 label: lower case letters, digits and "-".',
      duplicateName: '{{error}}: port names must be unique within the Service.',
      invalidPort: '{{error}}.',
      protocolNotSupported: '{{error}}.',
      invalidTargetPort: '{{error}}. Use a port number, or the name of a container port (at most 15 lower case letters, digits and "-", with a letter).',
      invalidAppProtocol: '{{error}}. Use a protocol name such as http, or a prefixed name such as example.com/proto.',
      duplicatePort: '{{error}}: this port and protocol are already listed.',
      duplicateNodePort: '{{error}}: this nodePort and protocol are already used by another port of the Service.',
      nodePortOnClusterIP: '{{error}}. Remove nodePort, or change the type to NodePort or LoadBalancer.',
    },
  },
  create(ctx) {
    const unit = ctx.minor >= 34 ? 'bytes' : 'characters'
    return {
      Service(service) {
        const spec = service.spec ?? {}
        const ports = spec.ports ?? []
        const names = new Set<string>()
        const pairs = new Set<string>()
        const nodePorts = new Set<string>()
        ports.forEach((p, i) => {
          const path = ['spec', 'ports', i]
          const name = p.name ?? ''
          if (ports.length > 1 && name === '') ctx.report('nameRequired', fieldError.required([...path, 'name']))
          else if (name !== '') {
            for (const msg of dns1123Label(name)) ctx.report('invalidName', fieldError.invalid([...path, 'name'], name, msg))
            if (names.has(name)) ctx.report('duplicateName', fieldError.duplicate([...path, 'name'], name))
            names.add(name)
          }
          const port = p.port ?? 0
          for (const msg of portNumber(port)) ctx.report('invalidPort', fieldError.invalid([...path, 'port'], port, msg))
          const protocol = p.protocol || 'TCP'
          if (!PROTOCOLS.includes(protocol)) ctx.report('protocolNotSupported', fieldError.notSupported([...path, 'protocol'], protocol, PROTOCOLS))
          const target = p.targetPort
          if (typeof target === 'number') for (const msg of portNumber(target)) ctx.report('invalidTargetPort', fieldError.invalid([...path, 'targetPort'], target, msg))
          if (typeof target === 'string') for (const msg of portName(target)) ctx.report('invalidTargetPort', fieldError.invalid([...path, 'targetPort'], target, msg))
          if (p.appProtocol != null) {
            for (const msg of qualifiedName(p.appProtocol, unit)) ctx.report('invalidAppProtocol', fieldError.invalid([...path, 'appProtocol'], p.appProtocol, msg))
          }
          if ((spec.type || 'ClusterIP') === 'ClusterIP' && p.nodePort) {
            ctx.report('nodePortOnClusterIP', fieldError.forbidden([...path, 'nodePort'], "may not be used when `type` is 'ClusterIP'"))
          }
        })
        // after the per-port checks, as the server lists them
        ports.forEach((p, i) => {
          if (!p.nodePort) return
          const key = `${p.protocol || 'TCP'}/${p.nodePort}`
          if (nodePorts.has(key)) ctx.report('duplicateNodePort', fieldError.duplicate(['spec', 'ports', i, 'nodePort'], p.nodePort))
          nodePorts.add(key)
        })
        ports.forEach((p, i) => {
          const key = `${p.protocol || 'TCP'}/${p.port ?? 0}`
          if (pairs.has(key)) ctx.report('duplicatePort', fieldError.duplicate(['spec', 'ports', i], { protocol: p.protocol || 'TCP', port: p.port ?? 0 }))
          pairs.add(key)
        })
      },
    }
  },
})
