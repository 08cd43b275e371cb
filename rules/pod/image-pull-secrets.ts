// The API server's warnings about imagePullSecrets (k8s-semantics A.20): repeated or empty names.
import { defineRule } from '../../src/rule.js'
import { warning } from '../../src/validation/pod.js'

export default defineRule({
  meta: {
    id: 'pod/image-pull-secrets',
    category: 'server',
    severity: 'warning',
    description: 'An imagePullSecrets entry with an empty or repeated name, which the API server accepts with a warning.',
    remediation: 'Name each pull secret once, and remove entries with no name.',
    messages: {
      empty: '{{error}}. An entry with no name refers to no secret: remove it.',
      duplicate: '{{error}}. Remove the repeated entry.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const seen = new Set<string>()
        spec.imagePullSecrets?.forEach((ref, i) => {
          const name = ref?.name ?? ''
          const path = [...visit.path, 'imagePullSecrets', i, 'name']
          if (name === '') ctx.report('empty', warning(path, 'invalid empty name ""'), { point: 'key' })
          else if (seen.has(name)) ctx.report('duplicate', warning(path, `duplicate name ${JSON.stringify(name)}`))
          seen.add(name)
        })
      },
    }
  },
})
