// A CronJob whose schedule parses but matches no date (k8s-semantics B.6): accepted, and never creates a Job.
import { defineRule } from '../../src/rule.js'
import { neverFires, parseSchedule } from '../../src/simulate/cron-schedule.js'
import { nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'cronjob/never-runs',
    category: 'wiring',
    severity: 'warning',
    description: "A CronJob's schedule is valid but matches no date (such as February 30th), so the CronJob never creates a Job.",
    remediation: 'Correct the day of the month or the month, or set suspend: true to keep a CronJob that should not run.',
    messages: {
      never:
        '{{name}} has the schedule "{{schedule}}", which matches no date ({{why}}): the CronJob will never create a Job. Correct the schedule, or set suspend: true if it is meant not to run.',
    },
  },
  wire(ctx) {
    return {
      CronJob(cronJob, self) {
        const schedule = cronJob.spec?.schedule
        // suspended on purpose: nothing runs anyway
        if (typeof schedule !== 'string' || cronJob.spec?.suspend === true) return
        const parsed = parseSchedule(schedule)
        if (!parsed || !neverFires(parsed)) return
        ctx.report('never', { at: ['spec', 'schedule'], data: { name: nameOf(self, ctx.cluster.namespace), schedule, why: reason(parsed) } })
      },
    }
  },
})

const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function reason(parsed: NonNullable<ReturnType<typeof parseSchedule>>): string {
  if (parsed.kind !== 'spec') return 'no time matches'
  const months = [...parsed.month].sort((a, b) => a - b)
  const days = [...parsed.dayOfMonth].sort((a, b) => a - b)
  if (months.length > 0 && days.length > 0 && days.every((d) => months.every((m) => d > LONGEST_MONTH[m - 1]))) {
    const longest = Math.max(...months.map((m) => LONGEST_MONTH[m - 1]))
    const names = months.map((m) => MONTHS[m - 1])
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
    return `${list} ${names.length === 1 ? 'has' : 'have'} at most ${longest} days`
  }
  return 'no day of the month fits its months'
}
