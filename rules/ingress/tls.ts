import { fieldError } from '../../src/field-errors.js'
import { dns1123Subdomain } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { hostErrors } from '../../src/validation/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress/tls',
    category: 'server',
    severity: 'error',
    description: 'An Ingress TLS entry lists a host that is not a DNS name (or *.domain), or a secretName that is not a valid Secret name.',
    remediation: 'List lower-case DNS names (optionally *.domain) as TLS hosts and name an existing Secret.',
    messages: {
      invalidHost: '{{error}}. Use a lower-case DNS name, optionally with a leading "*." wildcard.',
      invalidSecretName: '{{error}}. A Secret name is a DNS-1123 subdomain.',
    },
  },
  create(ctx) {
    return {
      Ingress(ingress) {
        if (ctx.apiVersion !== 'networking.k8s.io/v1') return
        ;(ingress.spec?.tls ?? []).forEach((tls, i) => {
          ;(tls.hosts ?? []).forEach((host, j) => {
            for (const msg of hostErrors(host)) ctx.report('invalidHost', fieldError.invalid(['spec', 'tls', i, 'hosts', j], host, msg))
          })
          const secret = tls.secretName ?? ''
          if (secret !== '') for (const msg of dns1123Subdomain(secret)) ctx.report('invalidSecretName', fieldError.invalid(['spec', 'tls', i, 'secretName'], secret, msg))
        })
      },
    }
  },
})
