import type { FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { isHeadless } from '../../src/validation/service.js'

/** a warning is a plain sentence, not a field error: keep its text, place it on the field */
const warning = (path: FieldError['path'], text: string): FieldError => ({ path, text })

export default defineRule({
  meta: {
    id: 'service/ignored-field',
    category: 'server',
    severity: 'warning',
    description: 'A Service sets a field its type ignores, and the API server warns about it.',
    remediation: 'Remove the ignored field, or change the type of the Service to one that uses it.',
    messages: {
      externalNameIgnored: 'Warning: {{error}}. Remove externalName, or set `type: ExternalName`.',
      externalIPsIgnored: 'Warning: {{error}}. Remove externalIPs.',
      headlessIgnored: 'Warning: {{error}}. Remove it, or give the Service a cluster IP.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        const spec = service.spec ?? {}
        if (isHeadless(spec)) {
          if (spec.loadBalancerIP) ctx.report('headlessIgnored', warning(['spec', 'loadBalancerIP'], 'spec.loadBalancerIP is ignored for headless services'), { point: 'key' })
          if (spec.externalIPs?.length) ctx.report('headlessIgnored', warning(['spec', 'externalIPs'], 'spec.externalIPs is ignored for headless services'), { point: 'key' })
          if (spec.sessionAffinity && spec.sessionAffinity !== 'None') ctx.report('headlessIgnored', warning(['spec', 'sessionAffinity'], 'spec.SessionAffinity is ignored for headless services'))
        }
        if (spec.type === 'ExternalName' && spec.externalIPs?.length) {
          ctx.report('externalIPsIgnored', warning(['spec', 'externalIPs'], 'spec.externalIPs is ignored when spec.type is "ExternalName"'), { point: 'key' })
        }
        if (spec.type !== 'ExternalName' && spec.externalName) {
          ctx.report('externalNameIgnored', warning(['spec', 'externalName'], 'spec.externalName is ignored when spec.type is not "ExternalName"'))
        }
      },
    }
  },
})
