// A pod that gets a ServiceAccount token mounted because nothing turns automounting off (peer-checks §2.1 concept 24).
import { valueAt } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

export default defineRule({
  meta: {
    id: 'service-account/automount-token',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A pod spec that gets its ServiceAccount\'s API token mounted: it does not set automountServiceAccountToken: false, and neither does its ServiceAccount when the input has it.',
    remediation: 'Set automountServiceAccountToken: false on the pod spec (or on a ServiceAccount of its own) unless the containers call the Kubernetes API.',
    messages: {
      pod: '{{name}} sets automountServiceAccountToken: true, so every container gets a token for ServiceAccount {{account}} at /var/run/secrets/kubernetes.io/serviceaccount: code that runs in it can call the API with that account\'s rights. Set it to false unless the containers use the API.',
      account:
        '{{name}} gets a token for ServiceAccount {{account}} mounted in every container: neither the pod spec nor the ServiceAccount sets automountServiceAccountToken: false, so code that runs in it can call the API with that account\'s rights. Set automountServiceAccountToken: false on the pod spec unless the containers use the API.',
      unset:
        '{{name}} gets a token for ServiceAccount {{account}} mounted in every container: its pod spec does not set automountServiceAccountToken: false (and the input has no ServiceAccount {{account}} that does), so code that runs in it can call the API with that account\'s rights. Set it to false unless the containers use the API.',
    },
  },
  wire(ctx) {
    return {
      PodSpec(spec, self) {
        if (self.kind === 'PodTemplate' || self.namespace === undefined) return
        const base = self.pods!.specPath
        const data = { name: nameOf(self, ctx.cluster.namespace), account: str(spec.serviceAccountName) || str(spec.serviceAccount) || 'default' }
        const own = valueAt(self.raw, [...base, 'automountServiceAccountToken'])
        // the pod's setting wins over the ServiceAccount's
        if (own === false) return
        if (own === true) {
          ctx.report('pod', { at: [...base, 'automountServiceAccountToken'], data })
          return
        }
        const account = ctx.index.get('ServiceAccount', self.namespace, data.account)
        if (account === undefined) {
          ctx.report('unset', { at: [...base, 'automountServiceAccountToken'], data })
          return
        }
        if (valueAt(account.value, ['automountServiceAccountToken']) === false) return
        ctx.report('account', {
          at: [...base, 'automountServiceAccountToken'],
          data,
          related: [{ object: account, message: `${nameOf(account, ctx.cluster.namespace)} does not set automountServiceAccountToken: false` }],
        })
      },
    }
  },
})
