import type { FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { jobRestartPolicyError } from '../../src/validation/job.js'

export default defineRule({
  meta: {
    id: 'job/restart-policy',
    category: 'server',
    severity: 'error',
    description: "The pod template of a Job (or of a CronJob's jobTemplate) has restartPolicy Always, or none (which defaults to Always), or OnFailure with a podFailurePolicy.",
    remediation: 'Set the template\'s restartPolicy to OnFailure or Never (Never when the Job has a podFailurePolicy).',
    messages: {
      restartPolicy: '{{error}}. A Job\'s pods must be able to finish: set restartPolicy to OnFailure or Never.',
      podFailurePolicy: '{{error}}. Set restartPolicy to Never so that failed pods reach the pod failure policy.',
    },
  },
  create(ctx) {
    const report = (error: FieldError | undefined) => {
      if (error) ctx.report(error.text.includes('podFailurePolicy') ? 'podFailurePolicy' : 'restartPolicy', error)
    }
    return {
      Job: (job) => job.spec && report(jobRestartPolicyError(job.spec, ['spec'])),
      CronJob: (cronJob) => {
        const spec = cronJob.spec?.jobTemplate?.spec
        if (spec) report(jobRestartPolicyError(spec, ['spec', 'jobTemplate', 'spec']))
      },
    }
  },
})
