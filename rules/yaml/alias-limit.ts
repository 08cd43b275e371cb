import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'yaml/alias-limit',
    category: 'yaml',
    severity: 'error',
    description: 'Aliases expand the document far beyond its written size, which the Kubernetes decoder refuses.',
    remediation: 'Write the repeated content out, or use fewer nested aliases.',
    messages: {
      aliasLimit: 'YAML: document contains excessive aliasing; the Kubernetes decoder refuses it.',
    },
  },
})
