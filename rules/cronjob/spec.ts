import { fieldError, type FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { nonNegativeErrors } from '../../src/validation/workload.js'

const POLICIES = ['Allow', 'Forbid', 'Replace']

export default defineRule({
  meta: {
    id: 'cronjob/spec',
    category: 'server',
    severity: 'error',
    description: "A CronJob's concurrencyPolicy is unknown, or its startingDeadlineSeconds or job history limits are negative.",
    remediation: 'Use concurrencyPolicy Allow, Forbid or Replace, and values of 0 or more for the deadline and history limits.',
    messages: {
      concurrencyPolicy: '{{error}}.',
      negative: '{{error}}.',
    },
  },
  create(ctx) {
    return {
      CronJob(cronJob) {
        const spec = cronJob.spec
        if (!spec) return
        const policy = spec.concurrencyPolicy
        // "" is defaulted to Allow by the server
        if (policy && !POLICIES.includes(policy)) ctx.report('concurrencyPolicy', fieldError.notSupported(['spec', 'concurrencyPolicy'], policy, POLICIES))
        const negative = (errors: FieldError[]) => errors.forEach((e) => ctx.report('negative', e))
        negative(nonNegativeErrors(spec.startingDeadlineSeconds, ['spec', 'startingDeadlineSeconds']))
        negative(nonNegativeErrors(spec.successfulJobsHistoryLimit, ['spec', 'successfulJobsHistoryLimit']))
        negative(nonNegativeErrors(spec.failedJobsHistoryLimit, ['spec', 'failedJobsHistoryLimit']))
      },
    }
  },
})
