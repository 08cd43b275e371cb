// The keys and annotation each built-in Secret type requires, and JSON content for the docker config types (A.15 SE4-SE9).
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { goJsonMapError, secretData } from '../../src/validation/config.js'
import { placedAt, stringMap } from '../../src/validation/metadata.js'

const SERVICE_ACCOUNT_NAME = 'kubernetes.io/service-account.name'

export default defineRule({
  meta: {
    id: 'config/secret-type',
    category: 'server',
    severity: 'error',
    description: 'A Secret of a built-in type lacks the keys (or annotation) its type requires, or its docker config is not a JSON object.',
    remediation: "Add the keys the type requires (tls.crt and tls.key, .dockerconfigjson, username or password, ssh-privatekey…), or use type Opaque.",
    messages: {
      missingKey: '{{error}}. A Secret of type {{type}} needs the key {{key}} in data or stringData.',
      missingAnnotation: '{{error}}. A kubernetes.io/service-account-token Secret names its ServiceAccount in this annotation.',
      invalidJson: '{{error}}. The value of {{key}} must be a JSON object, e.g. the content of ~/.docker/config.json.',
    },
  },
  create(ctx) {
    return {
      Secret(secret) {
        const type = secret.type ?? 'Opaque'
        const data = secretData(secret)
        // a missing key is placed on the map it belongs in, or on the type that asks for it
        const holder = secret.data ? 'data' : secret.stringData ? 'stringData' : 'type'
        const require = (key: string) =>
          ctx.report('missingKey', placedAt(fieldError.required(['data', { key }], ''), [holder]), { data: { type, key }, point: 'key' })
        const json = (key: string) => {
          const bytes = data.get(key)
          if (!bytes) return require(key)
          const error = goJsonMapError(bytes)
          const field = secret.stringData && key in secret.stringData ? 'stringData' : 'data'
          if (error) ctx.report('invalidJson', { ...fieldError.invalid(['data', { key }], '<secret contents redacted>', error), path: [field, { key }] }, { data: { key } })
        }
        switch (type) {
          case 'kubernetes.io/service-account-token': {
            const annotations = new Map(stringMap(secret.metadata?.annotations))
            if (!annotations.get(SERVICE_ACCOUNT_NAME)) {
              ctx.report('missingAnnotation', fieldError.required(['metadata', 'annotations', { key: SERVICE_ACCOUNT_NAME }], ''), { point: 'key' })
            }
            break
          }
          case 'kubernetes.io/dockercfg':
            json('.dockercfg')
            break
          case 'kubernetes.io/dockerconfigjson':
            json('.dockerconfigjson')
            break
          case 'kubernetes.io/basic-auth':
            if (!data.has('username') && !data.has('password')) {
              require('username')
              require('password')
            }
            break
          case 'kubernetes.io/ssh-auth':
            if (!data.get('ssh-privatekey')?.length) require('ssh-privatekey')
            break
          case 'kubernetes.io/tls':
            if (!data.has('tls.crt')) require('tls.crt')
            if (!data.has('tls.key')) require('tls.key')
            break
        }
      },
    }
  },
})
