import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'yaml/json-incompatible',
    category: 'yaml',
    severity: 'error',
    description: 'The YAML is valid but cannot be converted to the JSON that Kubernetes stores (complex keys, .inf, bad merges).',
    remediation: 'Use string keys and finite numbers; a `<<` merge takes a mapping or a list of mappings.',
    messages: {
      incompatible: 'YAML: {{detail}}; Kubernetes cannot convert this document to JSON.',
    },
  },
})
