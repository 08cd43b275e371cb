import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { isKnownTimeZone, parseStandardError } from '../../src/validation/cron.js'

export default defineRule({
  meta: {
    id: 'cronjob/schedule',
    category: 'server',
    severity: 'error',
    description: "A CronJob's schedule is missing, is not a five-field cron expression or descriptor the server's parser accepts, or names a time zone with TZ= or CRON_TZ=.",
    remediation: 'Write five fields (minute hour day-of-month month day-of-week, day-of-week 0-6) or a descriptor such as @daily, and put the time zone in spec.timeZone.',
    messages: {
      required: '{{error}}. Give a cron schedule such as "0 3 * * *".',
      syntax: '{{error}}. A schedule is minute (0-59), hour (0-23), day of month (1-31), month (1-12 or jan-dec) and day of week (0-6 or sun-sat; 7 is not Sunday here), or @hourly, @daily, @weekly, @monthly, @yearly.',
      timeZone: '{{error}}. Remove the prefix and set spec.timeZone instead.',
    },
  },
  create(ctx) {
    return {
      CronJob(cronJob) {
        const spec = cronJob.spec
        if (!spec) return
        const schedule = spec.schedule ?? ''
        const path = ['spec', 'schedule']
        if (schedule.length === 0) {
          ctx.report('required', fieldError.required(path), { point: 'key' })
          return
        }
        const error = parseStandardError(schedule, isKnownTimeZone)
        if (error) ctx.report('syntax', fieldError.invalid(path, schedule, error))
        // on create; an update of a schedule that already had one is allowed (not checked: no old object)
        if (schedule.includes('TZ')) ctx.report('timeZone', fieldError.invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'))
      },
    }
  },
})
