// A pod spec that sets the deprecated serviceAccount field (peer-checks §2.1 concept 26).
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'service-account/deprecated-field',
    category: 'hygiene',
    severity: 'warning',
    description: 'A pod spec that sets serviceAccount, the deprecated alias of serviceAccountName.',
    remediation: 'Rename serviceAccount to serviceAccountName (or remove it when serviceAccountName is already set).',
    messages: {
      alias:
        'serviceAccount is the deprecated spelling of serviceAccountName: the API server copies it there only while serviceAccountName is empty, and tools and readers look at serviceAccountName. Rename it to serviceAccountName: {{account}}.',
      redundant: 'serviceAccount is the deprecated spelling of serviceAccountName, which already says {{account}}: the field only repeats it. Remove serviceAccount.',
      conflict:
        'serviceAccount: {{account}} is ignored: serviceAccountName: {{name}} is set too, and it wins. Remove the deprecated serviceAccount field.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const account = spec.serviceAccount
        if (typeof account !== 'string' || account === '') return
        const name = spec.serviceAccountName
        const path = { path: [...visit.path, 'serviceAccount'], text: '' }
        if (typeof name !== 'string' || name === '') ctx.report('alias', path, { data: { account }, point: 'key' })
        else ctx.report(name === account ? 'redundant' : 'conflict', path, { data: { account, name }, point: 'key' })
      },
    }
  },
})
