import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'schema/invalid-type',
    category: 'schema',
    severity: 'error',
    description: 'A value of the wrong type or format (a number where a string goes, a malformed quantity, an int32 out of range); the API server cannot decode it.',
    remediation: 'Write the value in the expected type; quote numbers and booleans meant as strings.',
    messages: {
      invalidType: '{{path}}: {{detail}}',
    },
  },
})
