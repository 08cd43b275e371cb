import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'schema/required',
    category: 'schema',
    severity: 'error',
    description: 'A field that the API server requires is missing (or null, which it treats as unset).',
    remediation: 'Add the field under the key shown.',
    messages: {
      required: '{{path}}: Required value: {{object}} must set "{{property}}" here.',
    },
  },
})
