import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'api/not-served',
    category: 'api',
    severity: 'error',
    description: 'The apiVersion and kind are not served by the Kubernetes version checked against: removed, or not yet added.',
    remediation: 'Move to the replacement apiVersion, or check against the Kubernetes version the cluster runs (--kubernetes-version).',
    messages: {
      removed: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removedIn}}{{replacement}}.',
      notYetServed: '{{apiVersion}} {{kind}} is served only from Kubernetes {{firstServedIn}}; this run checks against {{version}}.',
    },
  },
})
