import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'schema/crd-unusable',
    category: 'schema',
    severity: 'warning',
    description: 'A CustomResourceDefinition whose schema could not be used to validate its custom resources.',
    remediation: 'Fix the CRD schema; until then its custom resources are not validated.',
    messages: {
      unusable: 'The schema of CustomResourceDefinition {{name}} cannot be used: {{detail}}',
    },
  },
})
