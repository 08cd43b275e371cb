// A pod spec that runs as the namespace's default ServiceAccount (peer-checks §2.1 concept 25).
import { defineRule } from '../../src/rule.js'

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

export default defineRule({
  meta: {
    id: 'service-account/default',
    category: 'security',
    severity: 'warning',
    preset: 'strict',
    description: 'A pod spec that runs as the default ServiceAccount: it names none, or names "default".',
    remediation: 'Create a ServiceAccount for the workload, bind to it only the roles it needs, and name it in serviceAccountName.',
    messages: {
      unnamed:
        'The pod names no ServiceAccount, so it runs as "default", which every other pod of the namespace that names none shares: a Role bound to it for one workload is granted to all of them. Give the workload a ServiceAccount of its own in serviceAccountName.',
      named:
        'The pod runs as the "default" ServiceAccount, which every pod of the namespace that names none shares: a Role bound to it for one workload is granted to all of them. Give the workload a ServiceAccount of its own.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // serviceAccount is the deprecated spelling, used when serviceAccountName is empty
        const field = str(spec.serviceAccountName) ? 'serviceAccountName' : str(spec.serviceAccount) ? 'serviceAccount' : undefined
        if (field === undefined) ctx.report('unnamed', { path: [...visit.path, 'serviceAccountName'], text: '' })
        else if (str(spec[field]) === 'default') ctx.report('named', { path: [...visit.path, field], text: '' })
      },
    }
  },
})
