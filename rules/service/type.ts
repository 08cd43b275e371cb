import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { clusterIPsOf, isHeadless } from '../../src/validation/service.js'

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']

export default defineRule({
  meta: {
    id: 'service/type',
    category: 'server',
    severity: 'error',
    description: 'A Service has an unknown type, no ports, or is headless while its type needs a cluster IP.',
    remediation: 'Use one of ClusterIP, NodePort, LoadBalancer or ExternalName, list at least one port, and make only ClusterIP Services headless.',
    messages: {
      typeNotSupported: '{{error}}.',
      portsRequired: '{{error}}: a Service that is not headless and not ExternalName needs at least one port.',
      headlessNotAllowed: '{{error}}. Remove `clusterIP: None`, or use type ClusterIP for a headless Service.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        const spec = service.spec ?? {}
        const type = spec.type
        if (type && !TYPES.includes(type)) ctx.report('typeNotSupported', fieldError.notSupported(['spec', 'type'], type, TYPES))
        if ((spec.ports ?? []).length === 0 && !isHeadless(spec) && type !== 'ExternalName') {
          ctx.report('portsRequired', fieldError.required(['spec', 'ports']))
        }
        if ((type === 'LoadBalancer' || type === 'NodePort') && isHeadless(spec)) {
          const error = fieldError.invalid(['spec', 'clusterIPs', 0], clusterIPsOf(spec)[0], `may not be set to 'None' for ${type} services`)
          // the server names clusterIPs[0], filled from clusterIP when only that is written
          const at = spec.clusterIPs?.length ? error.path : ['spec', 'clusterIP']
          ctx.report('headlessNotAllowed', { ...error, path: at })
        }
      },
    }
  },
})
