import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'yaml/duplicate-key',
    category: 'yaml',
    severity: 'error',
    description: 'A mapping sets the same key twice, so one of the values is silently lost (strict decoding rejects it).',
    remediation: 'Remove or rename one of the keys; remember that YAML 1.1 reads `yes`, `on` and `y` as the key "true".',
    messages: {
      duplicateKey: 'Duplicate key "{{key}}"{{readAs}} (first set at line {{firstLine}}): Kubernetes keeps only the last value, and strict decoding rejects the object.',
    },
  },
})
