import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'schema/invalid-value',
    category: 'schema',
    severity: 'error',
    description: 'A value the schema does not allow (not in the enum, out of range, not matching the pattern).',
    remediation: 'Use one of the values the schema allows.',
    messages: {
      invalidValue: '{{path}}: {{detail}}',
    },
  },
})
