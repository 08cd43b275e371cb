import type { IngressBackend } from 'kubernetes-types/networking/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { dns1035Label, dns1123Subdomain, pathSegmentName, portName, portNumber } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'

export default defineRule({
  meta: {
    id: 'ingress/backend',
    category: 'server',
    severity: 'error',
    description: 'An Ingress backend names no Service or resource, or both, or a Service without a valid name and exactly one of port name or number.',
    remediation: 'Give each backend either service (name plus port.number or port.name) or resource (kind and name), not both.',
    messages: {
      bothKinds: '{{error}}. Keep one of them.',
      noKind: '{{error}}: add `service: {name, port}` or a `resource` reference.',
      serviceNameRequired: '{{error}}: name the Service to send traffic to.',
      invalidServiceName: '{{error}}. A Service name is a DNS-1035 label: lower case letters, digits and "-", starting with a letter.',
      bothPorts: '{{error}}. Keep port.number or port.name.',
      portRequired: '{{error}}: set port.number (1-65535) or port.name.',
      invalidPortNumber: '{{error}}.',
      invalidPortName: '{{error}}. Use the name of a Service port, or port.number.',
      invalidResource: '{{error}}.',
    },
  },
  create(ctx) {
    const check = (backend: IngressBackend, at: PathSegment[]) => {
      const { service, resource } = backend
      if (service != null && resource != null) return ctx.report('bothKinds', fieldError.invalid(at, '', 'cannot set both resource and service backends'))
      if (resource != null) {
        const r = [...at, 'resource']
        if (resource.apiGroup != null) for (const msg of dns1123Subdomain(resource.apiGroup)) ctx.report('invalidResource', fieldError.invalid([...r, 'apiGroup'], resource.apiGroup, msg))
        for (const field of ['kind', 'name'] as const) {
          const value = resource[field]
          // an absent field is schema/required's finding; an empty one is this rule's
          if (value == null) continue
          if (value === '') ctx.report('invalidResource', fieldError.required([...r, field], `${field} is required`))
          else for (const msg of pathSegmentName(value)) ctx.report('invalidResource', fieldError.invalid([...r, field], value, msg))
        }
        return
      }
      if (service == null) return ctx.report('noKind', fieldError.invalid(at, '', 'resource or service backend is required'))
      const name = service.name ?? ''
      if (name === '') ctx.report('serviceNameRequired', fieldError.required([...at, 'service', 'name']))
      else for (const msg of dns1035Label(name)) ctx.report('invalidServiceName', fieldError.invalid([...at, 'service', 'name'], name, msg))
      const portNameValue = service.port?.name ?? ''
      const number = service.port?.number ?? 0
      if (portNameValue !== '' && number !== 0) ctx.report('bothPorts', fieldError.invalid(at, '', 'cannot set both port name & port number'))
      else if (portNameValue !== '') for (const msg of portName(portNameValue)) ctx.report('invalidPortName', fieldError.invalid([...at, 'service', 'port', 'name'], portNameValue, msg))
      else if (number !== 0) for (const msg of portNumber(number)) ctx.report('invalidPortNumber', fieldError.invalid([...at, 'service', 'port', 'number'], number, msg))
      else ctx.report('portRequired', fieldError.required(at, 'port name or number is required'))
    }
    return {
      Ingress(ingress) {
        if (ctx.apiVersion !== 'networking.k8s.io/v1') return
        const spec = ingress.spec ?? {}
        if (spec.defaultBackend != null) check(spec.defaultBackend, ['spec', 'defaultBackend'])
        ;(spec.rules ?? []).forEach((rule, i) => {
          ;(rule.http?.paths ?? []).forEach((p, j) => {
            // the server stops at a missing pathType (ingress/rules) before looking at the backend
            if (p.pathType == null) return
            // an absent backend is Go's zero struct: neither service nor resource
            check(p.backend ?? {}, ['spec', 'rules', i, 'http', 'paths', j, 'backend'])
          })
        })
      },
    }
  },
})
