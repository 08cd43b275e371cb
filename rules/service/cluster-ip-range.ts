import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { cidrContains, parseCIDRSloppy, parseIPv4 } from '../../src/validation/network.js'
import { clusterIPsOf } from '../../src/validation/service.js'

export default defineRule({
  meta: {
    id: 'service/cluster-ip-range',
    category: 'server',
    severity: 'error',
    description: "A Service asks for a clusterIP outside the cluster's service CIDR, which the API server cannot allocate.",
    remediation: 'Pick an address inside the service CIDR, or leave clusterIP out and let the cluster choose one.',
    messages: {
      outOfRange: '{{error}}. Pick an address in the range or leave clusterIP out (the range is the cluster setting serviceCIDR in .seaworthy.yaml).',
    },
  },
  create(ctx) {
    const networks = ctx.cluster.serviceCIDRs.flatMap((text) => {
      const cidr = parseCIDRSloppy(text)
      return cidr ? [{ text, cidr }] : []
    })
    return {
      Service(service) {
        if (networks.length === 0 || !service.spec || service.spec.type === 'ExternalName') return
        const ips = clusterIPsOf(service.spec)
        const written = service.spec.clusterIPs?.length ? 'clusterIPs' : 'clusterIP'
        ips.forEach((ip, i) => {
          if (ip === 'None' || ip === '') return
          const v4 = parseIPv4(ip) !== undefined
          // a family the config names no range for is not checked: the cluster may be single-stack or unknown
          const network = networks.find((n) => n.cidr.v4 === v4)
          if (!network || cidrContains(network.cidr, ip) !== false) return
          const at = written === 'clusterIPs' ? ['spec', 'clusterIPs', i] : ['spec', 'clusterIP']
          const detail = `failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${network.text}`
          ctx.report('outOfRange', { ...fieldError.invalid(['spec', 'clusterIPs'], ips, detail), path: at })
        })
      },
    }
  },
})
