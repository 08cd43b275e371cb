// metadata.namespace of a namespaced kind must be a DNS-1123 label (A.1 M6).
import { fieldError } from '../../src/field-errors.js'
import { dns1123Label } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { isObj, kindFacts } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'metadata/namespace',
    category: 'server',
    severity: 'error',
    description: 'A namespaced object names a namespace that is not a valid namespace name (a DNS-1123 label).',
    remediation: "Use the namespace's real name: lower case letters, digits and '-', up to 63 characters, no dots.",
    messages: {
      invalid: '{{error}}. Namespace names are DNS-1123 labels: lower case letters, digits and "-", up to 63 characters.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        const namespace = isObj(object.metadata) ? object.metadata.namespace : undefined
        if (typeof namespace !== 'string' || namespace === '') return
        // cluster-scoped kinds: the server clears the namespace before validating (rest.BeforeCreate);
        // custom resources: their scope is not known here
        if (kindFacts(ctx.kubernetesVersion, ctx.apiVersion, ctx.kind).namespaced !== true) return
        for (const msg of dns1123Label(namespace)) ctx.report('invalid', fieldError.invalid(['metadata', 'namespace'], namespace, msg))
      },
    }
  },
})
