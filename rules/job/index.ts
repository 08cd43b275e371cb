// The API server's validation of Job and CronJob (A.7-A.8). CronJob rules live in rules/cronjob/ (their ids say
// cronjob/…) and are registered here, with the Job rules they share checks with.
import type { Rule } from '../../src/rule.js'
import cronJobNeverRuns from '../cronjob/never-runs.js'
import cronJobSchedule from '../cronjob/schedule.js'
import cronJobSpec from '../cronjob/spec.js'
import cronJobStartingDeadline from '../cronjob/starting-deadline.js'
import cronJobTimeZone from '../cronjob/time-zone.js'
import restartPolicy from './restart-policy.js'
import selector from './selector.js'
import spec from './spec.js'

export const jobRules: readonly Rule[] = [
  spec,
  restartPolicy,
  selector,
  cronJobSchedule,
  cronJobTimeZone,
  cronJobSpec,
  // layer 4: what the CronJob controller will do with the schedule
  cronJobNeverRuns,
  cronJobStartingDeadline,
]
