// Policy: objects that land in the default namespace, by naming it or by naming none while the configured
// namespace is default (peer concept 87: kube-linter use-namespace).
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'hygiene/default-namespace',
    category: 'hygiene',
    severity: 'warning',
    preset: 'all',
    description: 'An object of a namespaced built-in kind in the default namespace, named in metadata.namespace or reached because it names none and the cluster profile\'s namespace is default.',
    remediation: 'Give the object a namespace of its own (metadata.namespace, or cluster.namespace for a whole input applied with kubectl -n).',
    messages: {
      explicit:
        '{{kind}} {{name}} is in the default namespace: everything that names no namespace lands there too, so quotas, NetworkPolicies and RBAC cannot tell it apart from them. Put it in a namespace of its own.',
      implicit:
        '{{kind}} {{name}} names no namespace, so it goes to the default one (unless applied with kubectl -n), where quotas, NetworkPolicies and RBAC cannot tell it apart from everything else left there. Set metadata.namespace, or cluster.namespace in the config if the input is applied to another namespace.',
    },
  },
  wire(ctx) {
    return {
      Object(self: IndexedObject) {
        // custom resources: whether they are namespaced is not known here
        if (!self.builtin || self.namespace !== 'default') return
        const explicit = typeof valueAt(self.raw, ['metadata', 'namespace']) === 'string'
        const data = { kind: self.kind, name: self.name || '(unnamed)' }
        if (explicit) ctx.report('explicit', { at: ['metadata', 'namespace'], data })
        else ctx.report('implicit', { at: ['metadata'], point: 'key', data })
      },
    }
  },
})
