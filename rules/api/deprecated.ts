import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'api/deprecated',
    category: 'api',
    severity: 'warning',
    description: 'The apiVersion is still served but deprecated, and will be removed.',
    remediation: 'Move to the replacement apiVersion before upgrading the cluster.',
    messages: {
      deprecated: '{{apiVersion}} {{kind}} is deprecated since Kubernetes {{since}}{{removal}}{{replacement}}.',
    },
  },
})
