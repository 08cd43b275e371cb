// Policy: Ingresses that serve plain HTTP: no spec.tls (peer concept 75: Polaris tlsSettingsMissing), or rule hosts
// no TLS entry covers.
import type { IngressTLS } from 'kubernetes-types/networking/v1.js'
import { defineRule } from '../../src/rule.js'
import { keyRules, matchingEntries, valueMatches } from '../../src/policy/metadata-keys.js'

/** annotations by which a controller terminates TLS without spec.tls (a certificate it manages, or its default one) */
const CONTROLLER_TLS = [
  'alb.ingress.kubernetes.io/certificate-arn',
  'alb.ingress.kubernetes.io/listen-ports=.*HTTPS.*',
  'networking.gke.io/managed-certificates',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
  'traefik.ingress.kubernetes.io/router.tls=true',
  'konghq.com/protocols=https',
]

export default defineRule({
  meta: {
    id: 'hygiene/ingress-tls',
    category: 'hygiene',
    severity: 'warning',
    preset: 'strict',
    description: 'An Ingress without spec.tls, or with rule hosts that no spec.tls entry covers, so their traffic is served over plain HTTP.',
    remediation: 'Add a spec.tls entry listing the hosts and the Secret that holds their certificate (cert-manager can issue it).',
    options: {
      tlsAnnotations: {
        type: 'string[]',
        default: CONTROLLER_TLS,
        description: 'annotations (`key` or `key=regex`) that say the ingress controller terminates TLS itself, so spec.tls is not needed',
      },
    },
    messages: {
      noTls:
        'Ingress {{name}} has no spec.tls, so {{hosts}} is served over plain HTTP: passwords and cookies cross the network readable. Add a spec.tls entry with the hosts and a Secret holding their certificate.',
      uncovered:
        'Ingress {{name}} serves host {{host}}, which no spec.tls entry lists, so it is served over plain HTTP (or with a certificate for another name). Add {{host}} to the hosts of a spec.tls entry.',
    },
  },
  create(ctx) {
    const exempt = keyRules('hygiene/ingress-tls', 'tlsAnnotations', ctx.options.tlsAnnotations as readonly string[])
    return {
      Ingress(ingress) {
        const annotations = ingress.metadata?.annotations
        if (exempt.some((rule) => matchingEntries(annotations, rule).some(([, v]) => valueMatches(rule, v)))) return
        const name = ingress.metadata?.name || '(unnamed)'
        const tls = Array.isArray(ingress.spec?.tls) ? ingress.spec.tls : []
        const rules = Array.isArray(ingress.spec?.rules) ? ingress.spec.rules : []
        if (tls.length === 0) {
          const hosts = [...new Set(rules.map((r) => r.host).filter((h): h is string => typeof h === 'string'))]
          ctx.report('noTls', { path: ['spec'], text: '' }, { data: { name, hosts: hosts.length === 0 ? 'every host' : hosts.join(', ') }, point: 'key' })
          return
        }
        // an entry without hosts takes the controller's default certificate for every host
        if (tls.some((t) => !Array.isArray(t.hosts) || t.hosts.length === 0)) return
        const seen = new Set<string>()
        rules.forEach((rule, i) => {
          const host = rule.host
          if (typeof host !== 'string' || host === '' || seen.has(host) || covered(host, tls)) return
          seen.add(host)
          ctx.report('uncovered', { path: ['spec', 'rules', i, 'host'], text: '' }, { data: { name, host } })
        })
      },
    }
  },
})

/** whether a TLS entry lists the host, or a wildcard (`*.example.com`) that matches its first label */
function covered(host: string, tls: readonly IngressTLS[]): boolean {
  const h = host.toLowerCase()
  return tls.some((t) =>
    (t.hosts ?? []).some((pattern) => {
      const p = pattern.toLowerCase()
      if (p === h) return true
      if (h.startsWith('*.')) return false
      return p.startsWith('*.') && h.endsWith(p.slice(1)) && !h.slice(0, h.length - p.length + 1).includes('.')
    }),
  )
}
