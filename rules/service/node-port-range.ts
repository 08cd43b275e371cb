import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'service/node-port-range',
    category: 'server',
    severity: 'error',
    description: "A Service asks for a nodePort outside the cluster's node port range, which the API server refuses to allocate.",
    remediation: 'Pick a nodePort inside the range (30000-32767 by default), or leave it out and let the cluster choose one.',
    messages: {
      outOfRange: '{{error}}. Pick a port in the range or leave nodePort out (the range is the cluster setting nodePortRange in .seaworthy.yaml).',
    },
  },
  create(ctx) {
    const { min, max } = ctx.cluster.nodePortRange
    return {
      Service(service) {
        service.spec?.ports?.forEach((port, i) => {
          const nodePort = port.nodePort
          // 0 or absent means "allocate one for me"; ClusterIP services with a nodePort are another rule's error
          if (typeof nodePort !== 'number' || nodePort === 0 || service.spec?.type === 'ClusterIP' || service.spec?.type === 'ExternalName') return
          if (nodePort >= min && nodePort <= max) return
          ctx.report('outOfRange', fieldError.invalid(['spec', 'ports', i, 'nodePort'], nodePort, `provided port is not in the valid range. The range of valid ports is ${min}-${max}`))
        })
      },
    }
  },
})
