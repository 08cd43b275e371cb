// A pod's dnsPolicy and dnsConfig (k8s-semantics A.2.7 S2-S4).
import { isIP } from 'node:net'
import { fieldError } from '../../src/field-errors.js'
import { dns1123Subdomain } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import type { Path } from '../../src/validation/pod.js'

const POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']

/** legacy IP fields accept IPv4 with leading zeros (they only warn about them) */
const isLegacyIP = (s: string) => isIP(s) !== 0 || /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(s) && s.split('.').every((o) => Number(o) <= 255)

export default defineRule({
  meta: {
    id: 'pod/dns',
    category: 'server',
    severity: 'error',
    description: 'A pod dnsPolicy the API server does not know, or a dnsConfig it rejects (missing under None, too many or malformed entries).',
    remediation: 'Use a known dnsPolicy; with None give dnsConfig at least one nameserver, and keep to 3 nameservers and 32 valid search domains.',
    messages: {
      policy: '{{error}}. The values are case sensitive.',
      configRequired: '{{error}}. With dnsPolicy None the pod gets only the DNS settings given in dnsConfig.',
      nameservers: '{{error}}. List at most 3 nameserver IP addresses.',
      searches: '{{error}}. List at most 32 search domains, each a DNS subdomain, 2048 characters in all.',
      options: '{{error}}. Give each DNS option a name.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const policy = spec.dnsPolicy
        const path = (...rest: Path) => [...visit.path, ...rest]
        if (typeof policy === 'string' && policy !== '' && !POLICIES.includes(policy)) ctx.report('policy', fieldError.notSupported(path('dnsPolicy'), policy, POLICIES))
        const config = spec.dnsConfig
        if (policy === 'None') {
          if (!config) return ctx.report('configRequired', fieldError.required(path('dnsConfig'), 'must provide `dnsConfig` when `dnsPolicy` is None'))
          if (!config.nameservers?.length) {
            return ctx.report('configRequired', fieldError.required(path('dnsConfig', 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None'))
          }
        }
        if (!config) return
        const nameservers = config.nameservers ?? []
        if (nameservers.length > 3) ctx.report('nameservers', fieldError.invalid(path('dnsConfig', 'nameservers'), nameservers, 'must not have more than 3 nameservers'))
        nameservers.forEach((ns, i) => {
          if (typeof ns === 'string' && !isLegacyIP(ns)) {
            ctx.report('nameservers', fieldError.invalid(path('dnsConfig', 'nameservers', i), ns, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'))
          }
        })
        const searches = config.searches ?? []
        if (searches.length > 32) ctx.report('searches', fieldError.invalid(path('dnsConfig', 'searches'), searches, 'must not have more than 32 search paths'))
        if (searches.join(' ').length > 2048) {
          ctx.report('searches', fieldError.invalid(path('dnsConfig', 'searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'))
        }
        searches.forEach((search, i) => {
          if (typeof search !== 'string') return
          const trimmed = search.endsWith('.') ? search.slice(0, -1) : search
          // 1.33+ (RelaxedDNSSearchValidation) also accepts "." and underscores, with another wording: left to the server
          if (ctx.minor >= 33 && (search === '.' || trimmed.includes('_'))) return
          for (const msg of dns1123Subdomain(trimmed)) ctx.report('searches', fieldError.invalid(path('dnsConfig', 'searches', i), trimmed, msg))
        })
        config.options?.forEach((option, i) => {
          if (option && !option.name) ctx.report('options', fieldError.required(path('dnsConfig', 'options', i), 'must not be empty'))
        })
      },
    }
  },
})
