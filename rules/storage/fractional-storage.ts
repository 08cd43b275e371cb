import { formatPath } from '../../src/field-path.js'
import { defineRule } from '../../src/rule.js'
import { parseQuantity } from '../../src/validation/quantity.js'
import { formatMilli, isFractional } from '../../src/validation/storage.js'

export default defineRule({
  meta: {
    id: 'storage/fractional-storage',
    category: 'server',
    severity: 'warning',
    description: 'A PersistentVolumeClaim requests storage in a fractional number of bytes (e.g. 1500m), which the API server accepts with a warning.',
    remediation: 'Write the size as a whole number of bytes, e.g. 1Gi or 1500Mi rather than 1.5 or 1500m.',
    messages: {
      fractional: '{{error}}. Use a whole number of bytes, e.g. 1Gi.',
    },
  },
  create(ctx) {
    return {
      PersistentVolumeClaim(pvc) {
        if (ctx.apiVersion !== 'v1') return
        const requests = pvc.spec?.resources?.requests as Record<string, unknown> | undefined
        const q = parseQuantity(requests?.storage)
        if (!q || !isFractional(q)) return
        // the server prints the value after rounding it up to milli units
        const text = `${formatPath(['spec', 'resources', 'requests', { key: 'storage' }])}: fractional byte value "${formatMilli(q)}" is invalid, must be an integer`
        ctx.report('fractional', { path: ['spec', 'resources', 'requests', 'storage'], text })
      },
    }
  },
})
