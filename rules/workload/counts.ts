import { fieldError, type FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { nonNegativeErrors } from '../../src/validation/workload.js'

export default defineRule({
  meta: {
    id: 'workload/counts',
    category: 'server',
    severity: 'error',
    description: 'A Deployment, ReplicaSet, StatefulSet or DaemonSet has a negative count (replicas, minReadySeconds, revisionHistoryLimit, ordinals.start) or a progress deadline not above minReadySeconds.',
    remediation: 'Use counts of 0 or more, and a progressDeadlineSeconds greater than minReadySeconds.',
    messages: {
      negative: '{{error}}.',
      progressDeadline: '{{error}}. The rollout would be reported as stalled before a pod could ever count as available: raise progressDeadlineSeconds.',
    },
  },
  create(ctx) {
    const negative = (errors: FieldError[]) => errors.forEach((e) => ctx.report('negative', e))
    const nonNegative = (value: number | null | undefined, ...path: string[]) => negative(nonNegativeErrors(value, ['spec', ...path]))
    return {
      Deployment(d) {
        const spec = d.spec
        if (!spec) return
        nonNegative(spec.replicas, 'replicas')
        nonNegative(spec.minReadySeconds, 'minReadySeconds')
        nonNegative(spec.revisionHistoryLimit, 'revisionHistoryLimit')
        const deadline = spec.progressDeadlineSeconds
        if (typeof deadline === 'number') {
          nonNegative(deadline, 'progressDeadlineSeconds')
          if (deadline <= (spec.minReadySeconds ?? 0)) {
            ctx.report('progressDeadline', fieldError.invalid(['spec', 'progressDeadlineSeconds'], deadline, 'must be greater than minReadySeconds'))
          }
        }
      },
      ReplicaSet(rs) {
        nonNegative(rs.spec?.replicas, 'replicas')
        nonNegative(rs.spec?.minReadySeconds, 'minReadySeconds')
      },
      StatefulSet(ss) {
        nonNegative(ss.spec?.ordinals?.start, 'ordinals', 'start')
        nonNegative(ss.spec?.replicas, 'replicas')
        nonNegative(ss.spec?.minReadySeconds, 'minReadySeconds')
      },
      DaemonSet(ds) {
        nonNegative(ds.spec?.minReadySeconds, 'minReadySeconds')
        nonNegative(ds.spec?.revisionHistoryLimit, 'revisionHistoryLimit')
      },
    }
  },
})
