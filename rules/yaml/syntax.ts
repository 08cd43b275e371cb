import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'yaml/syntax',
    category: 'yaml',
    severity: 'error',
    description: 'The document is not YAML that Kubernetes can decode.',
    remediation: 'Fix the YAML at the position shown; the other documents of the file are still checked.',
    messages: {
      syntax: 'YAML syntax error: {{detail}}',
    },
  },
})
