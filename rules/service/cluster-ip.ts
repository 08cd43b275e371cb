import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { IP_MESSAGE, clusterIPsOf, isHeadless, isIPv6String, parseIPSloppy } from '../../src/validation/service.js'

const FAMILIES = ['IPv4', 'IPv6']
const POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack']

export default defineRule({
  meta: {
    id: 'service/cluster-ip',
    category: 'server',
    severity: 'error',
    description: 'A Service has clusterIP, clusterIPs, ipFamilies or ipFamilyPolicy values the API server rejects.',
    remediation: 'Leave the cluster IP out (the cluster allocates one), or give valid IPs with clusterIPs[0] equal to clusterIP, at most one per family.',
    messages: {
      clusterIPsMismatch: '{{error}}. Set clusterIPs[0] to the same address as clusterIP, or leave clusterIPs out.',
      invalidIP: '{{error}}.',
      noneNotAlone: '{{error}}: a headless Service has clusterIP None and no other address.',
      tooManyIPs: '{{error}}: at most one IPv4 and one IPv6 address.',
      familyNotSupported: '{{error}}.',
      duplicateFamily: '{{error}}: list each IP family once.',
      familyMismatch: '{{error}}. Put the addresses in the order of ipFamilies.',
      policyNotSupported: '{{error}}.',
    },
  },
  create(ctx) {
    return {
      Service(service) {
        const spec = service.spec ?? {}
        if (spec.type === 'ExternalName') return // service/external-name forbids these fields there
        const written = spec.clusterIPs ?? []
        const ips = clusterIPsOf(spec)
        const path = ['spec', 'clusterIPs']
        // the server fills clusterIPs from clusterIP; a lone clusterIP is reported where it is written
        const at = (i: number) => (written.length ? [...path, i] : ['spec', 'clusterIP'])
        if (spec.clusterIP) {
          if (written.length && written[0] !== spec.clusterIP) ctx.report('clusterIPsMismatch', fieldError.invalid(path, written, 'first value must match `clusterIP`'))
        } else if (written.length) {
          ctx.report('clusterIPsMismatch', fieldError.invalid(path, written, 'must be empty when `clusterIP` is not specified'))
        }
        const seen = new Set<string>()
        ;(spec.ipFamilies ?? []).forEach((family, i) => {
          if (!FAMILIES.includes(family)) ctx.report('familyNotSupported', fieldError.notSupported(['spec', 'ipFamilies', i], family, FAMILIES))
          if (seen.has(family)) ctx.report('duplicateFamily', fieldError.duplicate(['spec', 'ipFamilies', i], family))
          seen.add(family)
        })
        if (spec.ipFamilyPolicy != null && !POLICIES.includes(spec.ipFamilyPolicy)) {
          ctx.report('policyNotSupported', fieldError.notSupported(['spec', 'ipFamilyPolicy'], spec.ipFamilyPolicy, POLICIES))
        }
        let invalid = false
        ips.forEach((ip, i) => {
          if (i === 0 && ip === 'None') {
            if (ips.length > 1) {
              invalid = true
              ctx.report('noneNotAlone', fieldError.invalid(path, ips, "'None' must be the first and only value"))
            }
            return
          }
          if (!parseIPSloppy(ip)) {
            invalid = true
            ctx.report('invalidIP', { ...fieldError.invalid([...path, i], ip, IP_MESSAGE), path: at(i) })
          }
        })
        if (ips.length > 2) ctx.report('tooManyIPs', fieldError.invalid(path, ips, 'may only hold up to 2 values'))
        if (invalid) return
        if (ips.length > 1 && !(ips.some(isIPv6String) && !ips.every(isIPv6String))) {
          ctx.report('tooManyIPs', fieldError.invalid(path, ips, 'may specify no more than one IP for each IP family'))
        }
        const families = spec.ipFamilies ?? []
        if (isHeadless(spec) || families.length === 0) return
        ips.forEach((ip, i) => {
          if (i >= families.length) return
          const v6 = isIPv6String(ip)
          if (families[i] === 'IPv4' && v6) ctx.report('familyMismatch', { ...fieldError.invalid([...path, i], ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``), path: at(i) })
          if (families[i] === 'IPv6' && !v6) ctx.report('familyMismatch', { ...fieldError.invalid([...path, i], ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``), path: at(i) })
        })
      },
    }
  },
})
