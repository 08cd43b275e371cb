// A credential kept in a ConfigMap (peer-checks §2.1 concept 23: Polaris sensitiveConfigmapContent): a key whose
// name says it is one, or a private key among the values, data and binaryData alike. The lists are in
// src/policy/sensitive-data.ts.
import { finding } from '../../src/policy/security.js'
import { hasPrivateKey, namePatterns, plainlyNotSecret, SENSITIVE_NAME_PATTERNS, sensitiveName } from '../../src/policy/sensitive-data.js'
import { defineRule } from '../../src/rule.js'
import { isObj } from '../../src/validation/metadata.js'

// a key named like a configuration file or script
const FILE_NAME = /\.(json|ya?ml|xml|conf|cfg|ini|properties|toml|txt|sh|py|js|lua|tpl|html?|md)$/i

/** a file (several lines, or a file name) whose key mentions a token is a file, such as tokenizer.json: only its content counts */
const isFile = (key: string, value: string): boolean => value.trim().includes('\n') || FILE_NAME.test(key)

export default defineRule({
  meta: {
    id: 'security/configmap-secret',
    category: 'security',
    severity: 'warning',
    options: {
      names: {
        type: 'string[]',
        default: SENSITIVE_NAME_PATTERNS,
        description: 'regular expressions (case ignored) a ConfigMap key matches when its value is a credential',
      },
    },
    description: 'A ConfigMap key whose name says it holds a credential (password, token, secret, cloud keys) with a one-line value, or a ConfigMap value holding a private key.',
    remediation: 'Move the value to a Secret, which RBAC can keep from readers of ConfigMaps and the API server can encrypt at rest.',
    messages: {
      name: 'ConfigMap key {{key}} looks like a credential: ConfigMaps are readable by whoever may read the namespace\'s configuration, are never encrypted at rest, and show in kubectl describe. Move it to a Secret and mount or reference it from there.',
      privateKey:
        'ConfigMap key {{key}} holds a private key in plain text: ConfigMaps are readable by whoever may read the namespace\'s configuration and are never encrypted at rest. Move it to a Secret (type kubernetes.io/tls or Opaque).',
    },
  },
  create(ctx) {
    const patterns = namePatterns(ctx.options.names)
    return {
      ConfigMap(configMap) {
        for (const field of ['data', 'binaryData'] as const) {
          const entries: unknown = configMap[field]
          if (!isObj(entries)) continue
          for (const [key, raw] of Object.entries(entries)) {
            if (typeof raw !== 'string') continue
            const value = field === 'binaryData' ? Buffer.from(raw, 'base64').toString('latin1') : raw
            const at = finding([field, key])
            if (hasPrivateKey(value)) ctx.report('privateKey', at, { data: { key }, point: 'key' })
            else if (field === 'data' && !isFile(key, value) && sensitiveName(key, patterns) && !plainlyNotSecret(value)) ctx.report('name', at, { data: { key }, point: 'key' })
          }
        }
      },
    }
  },
})
