import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'schema/no-schema',
    category: 'schema',
    severity: 'info',
    description: 'A custom resource whose CustomResourceDefinition is not known, so its fields could not be checked.',
    remediation: 'Add the CRD to the input or pass its file or folder with --crd.',
    messages: {
      noSchema: 'No schema for {{apiVersion}} {{kind}}: its CustomResourceDefinition is not in the input, so the object was not validated (pass it with --crd).',
    },
  },
})
