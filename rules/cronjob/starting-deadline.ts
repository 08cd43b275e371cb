// A startingDeadlineSeconds shorter than the CronJob controller's check interval (k8s-semantics B.6): runs can be
// skipped as missed.
import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'

// the controller may look at a CronJob only this often
const CHECK_INTERVAL_SECONDS = 10

export default defineRule({
  meta: {
    id: 'cronjob/starting-deadline',
    category: 'wiring',
    severity: 'warning',
    description: "A CronJob's startingDeadlineSeconds is below 10, shorter than the interval at which the controller may check it, so runs can be skipped.",
    remediation: 'Set startingDeadlineSeconds to 10 or more, or leave it unset.',
    messages: {
      short:
        '{{name}} has startingDeadlineSeconds {{value}}, but the CronJob controller may check it only every 10 seconds: a run it notices more than {{value}} s late is skipped (MissSchedule: Missed scheduled time to start a job). Set it to 10 or more, or leave it unset.',
    },
  },
  wire(ctx) {
    return {
      CronJob(cronJob, self) {
        const value = cronJob.spec?.startingDeadlineSeconds
        // negative values are cronjob/spec's
        if (typeof value !== 'number' || value < 0 || value >= CHECK_INTERVAL_SECONDS) return
        ctx.report('short', { at: ['spec', 'startingDeadlineSeconds'], data: { name: nameOf(self, ctx.cluster.namespace), value } })
      },
    }
  },
})
