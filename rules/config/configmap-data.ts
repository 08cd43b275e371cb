// ConfigMap data and binaryData: key format, a key in both maps, and the 1 MiB total (A.14 CM2-CM5).
import { fieldError } from '../../src/field-errors.js'
import { configMapKey } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { byteLength, placedAt, stringMap } from '../../src/validation/metadata.js'

/** core.MaxSecretSize: the limit of both ConfigMaps and Secrets */
const MAX_SIZE = 1048576

export default defineRule({
  meta: {
    id: 'config/configmap-data',
    category: 'server',
    severity: 'error',
    description: 'A ConfigMap key is not a valid config key, appears in both data and binaryData, or the values add up to more than 1 MiB.',
    remediation: "Name keys with letters, digits, '-', '_' and '.' only, keep each key in one of data and binaryData, and keep the content under 1 MiB.",
    messages: {
      invalidKey: '{{error}}. Keys become file names in volumes: use letters, digits, "-", "_" and "." only.',
      duplicateKey: '{{error}}. Keep the key in data or in binaryData, not both.',
      tooLarge: '{{error}}. The values take {{size}} bytes; split the ConfigMap or mount the content another way (an image, a volume).',
    },
  },
  create(ctx) {
    return {
      ConfigMap(configMap) {
        const data = stringMap(configMap.data)
        const binaryData = stringMap(configMap.binaryData)
        const binaryKeys = new Set(binaryData.map(([k]) => k))
        let size = 0
        for (const [key, value] of data) {
          size += byteLength(value)
          for (const msg of configMapKey(key)) ctx.report('invalidKey', fieldError.invalid(['data', { key }], key, msg), { point: 'key' })
          if (binaryKeys.has(key)) ctx.report('duplicateKey', fieldError.invalid(['data', { key }], key, 'duplicate of key present in binaryData'), { point: 'key' })
        }
        for (const [key, value] of binaryData) {
          size += Buffer.from(value, 'base64').length
          for (const msg of configMapKey(key)) ctx.report('invalidKey', fieldError.invalid(['binaryData', { key }], key, msg), { point: 'key' })
        }
        if (size > MAX_SIZE) {
          // the server's path is empty, "the whole object", which Go prints as `[]`; place it on data
          const where = data.length > 0 ? 'data' : 'binaryData'
          ctx.report('tooLarge', placedAt(fieldError.tooLong([{ key: '' }], MAX_SIZE), [where]), { point: 'key', data: { size } })
        }
      },
    }
  },
})
