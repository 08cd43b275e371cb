// Namespace spec.finalizers: qualified names, and unprefixed ones must be "kubernetes" (A.17 NS3).
import { fieldError } from '../../src/field-errors.js'
import { qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { kubeFinalizerError, placedAt } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'namespace/finalizers',
    category: 'server',
    severity: 'error',
    description: "A Namespace's spec.finalizers holds a name that is not a qualified name, or an unprefixed name other than the standard ones.",
    remediation: "Leave spec.finalizers out (the server adds 'kubernetes'), or use domain-prefixed names such as example.com/cleanup.",
    messages: {
      invalid: '{{error}}. Finalizer names are [prefix/]name: name up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
      notQualified: '{{error}}. Only "kubernetes" is expected here without a prefix; prefix others with a domain, e.g. "example.com/{{name}}".',
    },
  },
  create(ctx) {
    return {
      Namespace(namespace) {
        const finalizers: unknown = namespace.spec?.finalizers
        if (!Array.isArray(finalizers)) return
        // validateFinalizerName: the path is the list, not the item
        const path = ['spec', 'finalizers']
        const unit = ctx.minor >= 34 ? 'bytes' : 'characters'
        finalizers.forEach((name: unknown, i) => {
          if (typeof name !== 'string') return
          for (const msg of qualifiedName(name, unit)) ctx.report('invalid', placedAt(fieldError.invalid(path, name, msg), [...path, i]))
          const kube = kubeFinalizerError(name, path)
          if (kube) ctx.report('notQualified', placedAt(kube, [...path, i]), { data: { name } })
        })
      },
    }
  },
})
