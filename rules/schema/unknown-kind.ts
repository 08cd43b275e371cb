import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'schema/unknown-kind',
    category: 'schema',
    severity: 'error',
    description: 'A kind or version that a built-in Kubernetes API group does not have.',
    remediation: 'Fix the kind or apiVersion; `kubectl api-resources` lists what a cluster serves.',
    messages: {
      unknownKind: 'no matches for kind "{{kind}}" in version "{{apiVersion}}".',
      unknownKindSuggest: 'no matches for kind "{{kind}}" in version "{{apiVersion}}". Did you mean {{suggestion}}?',
    },
  },
})
