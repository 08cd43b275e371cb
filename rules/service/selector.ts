import { fieldError } from '../../src/field-errors.js'
import { labelValue, qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'service/selector',
    category: 'server',
    severity: 'error',
    description: 'A Service selector has a key that is not a valid label key or a value that is not a valid label value.',
    remediation: 'Select pods with valid labels: keys like app or example.com/tier, values of at most 63 letters, digits, "-", "_" and ".".',
    messages: {
      invalidKey: '{{error}}. Use a label key such as app or app.kubernetes.io/name.',
      invalidValue: '{{error}}.',
    },
  },
  create(ctx) {
    const unit = ctx.minor >= 34 ? 'bytes' : 'characters'
    return {
      Service(service) {
        const path = ['spec', 'selector']
        for (const [key, value] of Object.entries(service.spec?.selector ?? {})) {
          // the server names the map; the finding sits on the key or value at fault
          const at = [...path, { key }]
          for (const msg of qualifiedName(key, unit)) ctx.report('invalidKey', { ...fieldError.invalid(path, key, msg), path: at }, { point: 'key' })
          for (const msg of labelValue(value ?? '', unit)) ctx.report('invalidValue', { ...fieldError.invalid(path, value, msg), path: at })
        }
      },
    }
  },
})
