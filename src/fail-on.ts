// When a run fails: the same for the CLI (--fail-on, --max-warnings) and the action (fail-on, max-warnings).
import { ToolError } from './errors.js'
import type { LintReport } from './types.js'

export type FailOn = 'error' | 'warning' | 'never'

export interface FailPolicy {
  failOn: FailOn
  /** more warnings than this fail the run; -1 for no limit */
  maxWarnings: number
}

/** the policy from the settings as written (undefined or "" for the defaults); `names` say how the user wrote them */
export function readFailPolicy(failOn: string | undefined, maxWarnings: string | undefined, names: { failOn: string; maxWarnings: string }): FailPolicy {
  const level = failOn || 'error'
  if (level !== 'error' && level !== 'warning' && level !== 'never') throw new ToolError(`${names.failOn} takes error, warning or never, not "${level}".`)
  const max = maxWarnings === undefined || maxWarnings === '' ? -1 : Number(maxWarnings)
  if (!Number.isInteger(max) || max < -1) throw new ToolError(`${names.maxWarnings} takes a whole number, not "${maxWarnings}".`)
  return { failOn: level, maxWarnings: max }
}

export function fails(summary: LintReport['summary'], policy: FailPolicy): boolean {
  if (policy.failOn === 'never') return false
  const { errorCount, warningCount } = summary
  return errorCount > 0 || (policy.failOn === 'warning' && warningCount > 0) || (policy.maxWarnings >= 0 && warningCount > policy.maxWarnings)
}
