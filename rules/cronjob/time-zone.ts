import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { timeZoneErrors } from '../../src/validation/cron.js'

export default defineRule({
  meta: {
    id: 'cronjob/time-zone',
    category: 'server',
    severity: 'error',
    description: "A CronJob's timeZone is empty, Local, or not a name in the tz database.",
    remediation: 'Use a tz database name such as "Etc/UTC" or "Europe/Paris" (exact case), or leave timeZone out to use the controller manager\'s zone.',
    messages: {
      invalid: '{{error}}. Use a tz database name such as "Etc/UTC" or "America/New_York", spelled with its exact case.',
    },
  },
  create(ctx) {
    return {
      CronJob(cronJob) {
        const zone = cronJob.spec?.timeZone
        if (typeof zone !== 'string') return
        for (const msg of timeZoneErrors(zone)) ctx.report('invalid', fieldError.invalid(['spec', 'timeZone'], zone, msg))
      },
    }
  },
})
