import { fieldError } from '../../src/field-errors.js'
import { dns1123Label } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { jobSpecErrors } from '../../src/validation/job.js'

export default defineRule({
  meta: {
    id: 'job/spec',
    category: 'server',
    severity: 'error',
    description: "A Job's (or a CronJob's jobTemplate's) counts, completion mode, per-index limits or pod failure policy are ones the API server refuses.",
    remediation: 'Use counts of 0 or more, completionMode NonIndexed or Indexed, per-index fields only with Indexed, and at most 20 pod failure policy rules.',
    messages: {
      negative: '{{error}}.',
      completionMode: '{{error}}.',
      indexed: '{{error}}.',
      podFailurePolicy: '{{error}}. Merge rules that share an action.',
      indexedHostname: '{{error}}. Indexed pods are named <job name>-<index>, which must be a DNS-1123 label: shorten the name.',
    },
  },
  create(ctx) {
    return {
      Job(job) {
        const spec = job.spec
        if (!spec) return
        for (const { kind, error } of jobSpecErrors(spec, ['spec'])) ctx.report(kind, error)
        // the controller names each pod's hostname <name>-<index>, up to completions-1
        const name = job.metadata?.name
        if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0 && name) {
          const hostname = `${name}-${spec.completions - 1}`
          if (dns1123Label(hostname).length > 0) {
            ctx.report('indexedHostname', fieldError.invalid(['metadata', 'name'], name, `will not able to create pod with invalid DNS label: ${hostname}`))
          }
        }
      },
      CronJob(cronJob) {
        const spec = cronJob.spec?.jobTemplate?.spec
        if (!spec) return
        for (const { kind, error } of jobSpecErrors(spec, ['spec', 'jobTemplate', 'spec'])) ctx.report(kind, error)
      },
    }
  },
})
