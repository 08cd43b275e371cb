import { fieldError } from '../../src/field-errors.js'
import { dns1123Subdomain } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { clusterIPsOf } from '../../src/validation/service.js'

export default defineRule({
  meta: {
    id: 'service/external-name',
    category: 'server',
    severity: 'error',
    description: 'An ExternalName Service has no valid externalName, or sets cluster IP fields that such a Service cannot have.',
    remediation: 'Give externalName a DNS name (a trailing dot is fine) and remove clusterIP, clusterIPs, ipFamilies and ipFamilyPolicy.',
    messages: {
      externalNameRequired: '{{error}}: an ExternalName Service needs the DNS name it aliases.',
      externalNameInvalid: '{{error}}. Use a DNS name such as db.example.com.',
      clusterIPForbidden: '{{error}}. Remove clusterIP/clusterIPs: an ExternalName Service is a DNS alias with no cluster IP.',
      ipFamiliesForbidden: '{{error}}. Remove it: an ExternalName Service has no cluster IP.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        const spec = service.spec ?? {}
        if (spec.type !== 'ExternalName') return
        if (clusterIPsOf(spec).length > 0) {
          const error = fieldError.forbidden(['spec', 'clusterIPs'], 'may not be set for ExternalName services')
          ctx.report('clusterIPForbidden', { ...error, path: spec.clusterIPs?.length ? error.path : ['spec', 'clusterIP'] }, { point: 'key' })
        }
        if ((spec.ipFamilies ?? []).length > 0) ctx.report('ipFamiliesForbidden', fieldError.forbidden(['spec', 'ipFamilies'], 'may not be set for ExternalName services'), { point: 'key' })
        if (spec.ipFamilyPolicy != null) ctx.report('ipFamiliesForbidden', fieldError.forbidden(['spec', 'ipFamilyPolicy'], 'may not be set for ExternalName services'), { point: 'key' })
        const cname = (spec.externalName ?? '').replace(/\.$/, '')
        if (cname === '') ctx.report('externalNameRequired', fieldError.required(['spec', 'externalName']))
        else for (const msg of dns1123Subdomain(cname)) ctx.report('externalNameInvalid', fieldError.invalid(['spec', 'externalName'], cname, msg))
      },
    }
  },
})
