import type { NetworkPolicyPort } from 'kubernetes-types/networking/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { portName, portNumber } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { labelSelectorErrors } from '../../src/validation/selector.js'

const PROTOCOLS = ['TCP', 'UDP', 'SCTP']
const POLICY_TYPES = ['Ingress', 'Egress']

export default defineRule({
  meta: {
    id: 'network/policy-spec',
    category: 'server',
    severity: 'error',
    description: 'A NetworkPolicy has an invalid podSelector, a port with an unknown protocol, a bad number or name, or a misused endPort, or policyTypes other than Ingress and Egress.',
    remediation: 'Use ports 1-65535 or IANA port names, endPort only with a numeric port and not below it, and policyTypes Ingress and/or Egress.',
    messages: {
      podSelector: '{{error}}.',
      protocol: '{{error}}.',
      port: '{{error}}. Use a number from 1 to 65535 or a named port (lower case letters, digits and "-", at most 15 characters). A quoted "80" is a name, not a number.',
      endPort: '{{error}}.',
      policyTypes: '{{error}}. Use Ingress, Egress or both.',
    },
  },
  create(ctx) {
    const checkPort = (port: NetworkPolicyPort, path: readonly PathSegment[]) => {
      const protocol = port.protocol
      if (typeof protocol === 'string' && !PROTOCOLS.includes(protocol)) ctx.report('protocol', fieldError.notSupported([...path, 'protocol'], protocol, PROTOCOLS))
      const value = port.port
      const endPort = port.endPort
      const hasEnd = typeof endPort === 'number'
      if (typeof value === 'number') {
        for (const msg of portNumber(value)) ctx.report('port', fieldError.invalid([...path, 'port'], value, msg))
        if (hasEnd) {
          // the server prints port, not endPort, as the value here
          if (endPort < value) ctx.report('endPort', fieldError.invalid([...path, 'endPort'], value, 'must be greater than or equal to `port`'))
          for (const msg of portNumber(endPort)) ctx.report('endPort', fieldError.invalid([...path, 'endPort'], endPort, msg))
        }
      } else if (typeof value === 'string') {
        if (hasEnd) ctx.report('endPort', fieldError.invalid([...path, 'endPort'], endPort, 'may not be specified when `port` is non-numeric'))
        for (const msg of portName(value)) ctx.report('port', fieldError.invalid([...path, 'port'], value, msg))
      } else if (hasEnd) {
        ctx.report('endPort', fieldError.invalid([...path, 'endPort'], endPort, 'may not be specified when `port` is not specified'))
      }
    }
    return {
      NetworkPolicy(policy) {
        if (ctx.apiVersion !== 'networking.k8s.io/v1') return
        const spec = policy.spec
        if (!spec) return
        for (const e of labelSelectorErrors(spec.podSelector, ['spec', 'podSelector'], ctx.minor)) ctx.report('podSelector', e.error, { point: e.point })
        for (const direction of ['ingress', 'egress'] as const) {
          spec[direction]?.forEach((rule, i) => {
            rule?.ports?.forEach((port, j) => {
              if (port) checkPort(port, ['spec', direction, i, 'ports', j])
            })
          })
        }
        const types = spec.policyTypes ?? []
        if (types.length > 2) {
          ctx.report('policyTypes', fieldError.invalid(['spec', 'policyTypes'], types, 'may not specify more than two policyTypes'))
          return
        }
        types.forEach((type, i) => {
          if (!POLICY_TYPES.includes(type)) ctx.report('policyTypes', fieldError.notSupported(['spec', 'policyTypes', i], type, POLICY_TYPES))
        })
      },
    }
  },
})
