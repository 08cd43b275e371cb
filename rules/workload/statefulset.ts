import { fieldError } from '../../src/field-errors.js'
import { dns1123Label } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'

const RETENTION = ['Retain', 'Delete']

export default defineRule({
  meta: {
    id: 'workload/statefulset',
    category: 'server',
    severity: 'error',
    description: "A StatefulSet's podManagementPolicy, persistentVolumeClaimRetentionPolicy or serviceName is not one the API server accepts.",
    remediation: 'Use OrderedReady or Parallel, Retain or Delete, and the name of a Service (a DNS-1123 label) for serviceName.',
    messages: {
      podManagementPolicy: '{{error}}.',
      retentionPolicy: '{{error}}.',
      serviceName: '{{error}}. serviceName names the governing headless Service: use its name.',
    },
  },
  create(ctx) {
    return {
      StatefulSet(ss) {
        const spec = ss.spec
        if (!spec) return
        const policy = spec.podManagementPolicy
        // "" is defaulted to OrderedReady by the server
        if (policy && policy !== 'OrderedReady' && policy !== 'Parallel') {
          ctx.report('podManagementPolicy', fieldError.invalid(['spec', 'podManagementPolicy'], policy, "must be 'OrderedReady' or 'Parallel'"))
        }
        const retention = spec.persistentVolumeClaimRetentionPolicy
        for (const field of ['whenDeleted', 'whenScaled'] as const) {
          const value = retention?.[field]
          if (value && !RETENTION.includes(value)) {
            ctx.report('retentionPolicy', fieldError.notSupported(['spec', 'persistentVolumeClaimRetentionPolicy', field], value, RETENTION))
          }
        }
        // validated since kubernetes#130233 (1.34)
        if (ctx.minor >= 34 && spec.serviceName) {
          for (const msg of dns1123Label(spec.serviceName)) ctx.report('serviceName', fieldError.invalid(['spec', 'serviceName'], spec.serviceName, msg))
        }
      },
    }
  },
})
