// metadata.finalizers: qualified names, standard names for unprefixed ones on core kinds, orphan vs foreground (A.1 M14-M16).
import { fieldError } from '../../src/field-errors.js'
import { qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { isObj, kindFacts, kubeFinalizerError, placedAt } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'metadata/finalizers',
    category: 'server',
    severity: 'error',
    description: 'A finalizer name is not a qualified name, is an unprefixed non-standard name on a core kind, or orphan and foregroundDeletion are both set.',
    remediation: "Name finalizers with a domain prefix (example.com/cleanup), and set at most one of 'orphan' and 'foregroundDeletion'.",
    messages: {
      invalid: '{{error}}. Finalizer names are [prefix/]name: name up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
      notQualified: '{{error}}. Prefix it with a domain you own, e.g. "example.com/{{name}}".',
      conflicting: '{{error}}. Keep only one of the two deletion propagation finalizers.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        const finalizers = isObj(object.metadata) ? object.metadata.finalizers : undefined
        if (!Array.isArray(finalizers)) return
        const path = ['metadata', 'finalizers']
        const unit = ctx.minor >= 34 ? 'bytes' : 'characters'
        // ValidateObjectMeta of the core API adds the standard-name check (k8s-semantics M15: core-group kinds)
        const core = ctx.apiVersion === 'v1' && kindFacts(ctx.kubernetesVersion, ctx.apiVersion, ctx.kind).builtin
        finalizers.forEach((name, i) => {
          if (typeof name !== 'string') return
          for (const msg of qualifiedName(name, unit)) ctx.report('invalid', placedAt(fieldError.invalid(path, name, msg), [...path, i]))
          const kube = core ? kubeFinalizerError(name, [...path, i]) : undefined
          if (kube) ctx.report('notQualified', kube, { data: { name } })
        })
        if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
          ctx.report('conflicting', fieldError.invalid(path, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'), { point: 'key' })
        }
      },
    }
  },
})
