import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'schema/unknown-field',
    category: 'schema',
    severity: 'error',
    description: 'A field that the schema of the kind does not have; strict field validation rejects the object.',
    remediation: 'Fix the spelling or the indentation, or remove the field.',
    messages: {
      unknownField: 'Unknown field "{{field}}" in {{object}}{{where}}.',
      unknownFieldSuggest: 'Unknown field "{{field}}" in {{object}}{{where}}. Did you mean "{{suggestion}}"?',
    },
  },
})
