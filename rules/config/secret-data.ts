// Secret data and stringData: key format and the 1 MiB total of the decoded values (A.15 SE2, SE3).
import { fieldError } from '../../src/field-errors.js'
import { configMapKey } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { placedAt, stringMap } from '../../src/validation/metadata.js'
import { secretData } from '../../src/validation/config.js'

/** core.MaxSecretSize */
const MAX_SIZE = 1048576

export default defineRule({
  meta: {
    id: 'config/secret-data',
    category: 'server',
    severity: 'error',
    description: 'A Secret key (in data or stringData) is not a valid config key, or the decoded values add up to more than 1 MiB.',
    remediation: "Name keys with letters, digits, '-', '_' and '.' only, and keep the Secret's content under 1 MiB.",
    messages: {
      invalidKey: '{{error}}. Keys become file names in volumes: use letters, digits, "-", "_" and "." only.',
      tooLarge: '{{error}}. The decoded values take {{size}} bytes; split the Secret.',
    },
  },
  create(ctx) {
    return {
      Secret(secret) {
        // stringData is merged into data before validation, so its keys are reported as data[key]
        for (const field of ['data', 'stringData'] as const) {
          for (const [key] of stringMap(secret[field])) {
            if (field === 'data' && secret.stringData && key in secret.stringData) continue
            for (const msg of configMapKey(key)) ctx.report('invalidKey', placedAt(fieldError.invalid(['data', { key }], key, msg), [field, { key }]), { point: 'key' })
          }
        }
        let size = 0
        for (const value of secretData(secret).values()) size += value.length
        if (size > MAX_SIZE) {
          const where = secret.data && Object.keys(secret.data).length > 0 ? 'data' : 'stringData'
          ctx.report('tooLarge', placedAt(fieldError.tooLong(['data'], MAX_SIZE), [where]), { point: 'key', data: { size } })
        }
      },
    }
  },
})
