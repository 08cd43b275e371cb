import { formatPath } from '../../src/field-path.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'
import { formatQuantity, milliValue, resourceQuantity } from '../../src/validation/quantity.js'

export default defineRule({
  meta: {
    id: 'container/fractional-bytes',
    category: 'server',
    severity: 'warning',
    description: 'A container requests or limits memory or ephemeral-storage in fractions of a byte, usually "m" (milli) written for "M" or "Mi".',
    remediation: 'Write byte quantities as whole numbers with Ki, Mi, Gi (or k, M, G) suffixes: 128Mi, not 128m.',
    messages: {
      fractional: '{{error}}. {{hint}}.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const resources = c.container.resources
          if (!resources || typeof resources !== 'object') continue
          for (const list of ['limits', 'requests'] as const) {
            const values = (resources[list] ?? {}) as Record<string, unknown>
            for (const name of ['memory', 'ephemeral-storage']) {
              const q = resourceQuantity(values[name])
              if (!q || milliValue(q) % 1000n === 0n) continue
              const path = [...c.path, 'resources', list, { key: name }]
              const value = formatQuantity(q)
              const raw = String(values[name]).trim()
              const hint = raw.endsWith('m') ? `"m" means thousandths: write ${raw.slice(0, -1)}Mi (or ${raw.slice(0, -1)}M)` : 'Write a whole number of bytes'
              ctx.report('fractional', { path, text: `${formatPath(path)}: fractional byte value ${JSON.stringify(value)} is invalid, must be an integer` }, { data: { hint } })
            }
          }
        }
      },
    }
  },
})
