// The API server's validation of Job and CronJob (A.7-A.8).
import type { Rule } from '../../src/rule.js'

export const jobRules: readonly Rule[] = []
