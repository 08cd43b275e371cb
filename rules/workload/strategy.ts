import { fieldError, type FieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { intOrPercentValue, nonNegativeErrors, notMoreThan100PercentErrors, positiveIntOrPercentErrors } from '../../src/validation/workload.js'

export default defineRule({
  meta: {
    id: 'workload/strategy',
    category: 'server',
    severity: 'error',
    description: "A Deployment's strategy, or a StatefulSet's or DaemonSet's updateStrategy, has an unknown type or rolling-update amounts the API server refuses.",
    remediation: 'Use a supported strategy type and give maxSurge/maxUnavailable as non-negative integers or percentages such as "25%" that let the rollout make progress.',
    messages: {
      type: '{{error}}.',
      rollingUpdateForbidden: '{{error}}. Remove rollingUpdate, or switch the type to RollingUpdate.',
      amount: "{{error}}. Write a whole number of pods (5) or a percentage with '%' (\"25%\").",
      over100: '{{error}}. Use a percentage of 100% or less (all of the pods).',
      bothZero: '{{error}}. With nothing allowed to be unavailable and no surge, the rollout could never replace a pod.',
      bothNonZero: '{{error}}. A DaemonSet rolls with either a surge or unavailable pods, not both: set maxUnavailable to 0 to use maxSurge.',
      partition: '{{error}}.',
    },
  },
  create(ctx) {
    const report = (id: 'amount' | 'over100', errors: FieldError[]) => errors.forEach((e) => ctx.report(id, e))
    return {
      Deployment(d) {
        const strategy = d.spec?.strategy
        if (!strategy) return
        const path: PathSegment[] = ['spec', 'strategy']
        // "" is defaulted by the server but not by src/defaults.ts: its rolling-update defaults are unknown here
        const type = strategy.type
        if (type === '') return
        const ru = strategy.rollingUpdate
        if (type === 'Recreate') {
          if (ru) ctx.report('rollingUpdateForbidden', fieldError.forbidden([...path, 'rollingUpdate'], "may not be specified when strategy `type` is 'Recreate'"), { point: 'key' })
        } else if (type === 'RollingUpdate') {
          if (!ru) return
          const at = [...path, 'rollingUpdate']
          report('amount', positiveIntOrPercentErrors(ru.maxUnavailable, [...at, 'maxUnavailable']))
          report('amount', positiveIntOrPercentErrors(ru.maxSurge, [...at, 'maxSurge']))
          if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
            ctx.report('bothZero', fieldError.invalid([...at, 'maxUnavailable'], ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'))
          }
          report('over100', notMoreThan100PercentErrors(ru.maxUnavailable, [...at, 'maxUnavailable']))
        } else {
          ctx.report('type', fieldError.notSupported(path, strategy, ['Recreate', 'RollingUpdate']))
        }
      },
      DaemonSet(ds) {
        const strategy = ds.spec?.updateStrategy
        if (!strategy) return
        const path: PathSegment[] = ['spec', 'updateStrategy']
        // "" is defaulted by the server but not by src/defaults.ts: its rolling-update defaults are unknown here
        const type = strategy.type
        if (type === '') return
        if (type === 'OnDelete') return
        if (type !== 'RollingUpdate') {
          ctx.report('type', fieldError.notSupported(path, strategy, ['RollingUpdate', 'OnDelete']))
          return
        }
        const ru = strategy.rollingUpdate
        if (!ru) return
        const at = [...path, 'rollingUpdate']
        report('amount', positiveIntOrPercentErrors(ru.maxUnavailable, [...at, 'maxUnavailable']))
        report('amount', positiveIntOrPercentErrors(ru.maxSurge, [...at, 'maxSurge']))
        report('over100', notMoreThan100PercentErrors(ru.maxUnavailable, [...at, 'maxUnavailable']))
        report('over100', notMoreThan100PercentErrors(ru.maxSurge, [...at, 'maxSurge']))
        const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0
        const hasSurge = intOrPercentValue(ru.maxSurge) !== 0
        if (hasUnavailable && hasSurge) {
          ctx.report('bothNonZero', fieldError.invalid([...at, 'maxSurge'], ru.maxSurge, 'may not be set when maxUnavailable is non-zero'))
        } else if (!hasUnavailable && !hasSurge) {
          ctx.report('bothZero', fieldError.required([...at, 'maxUnavailable'], 'cannot be 0 when maxSurge is 0'))
        }
      },
      StatefulSet(ss) {
        const strategy = ss.spec?.updateStrategy
        if (!strategy) return
        const path: PathSegment[] = ['spec', 'updateStrategy']
        // "" is defaulted by the server but not by src/defaults.ts: its rolling-update defaults are unknown here
        const type = strategy.type
        if (type === '') return
        const ru = strategy.rollingUpdate
        if (type === 'OnDelete') {
          if (ru) ctx.report('rollingUpdateForbidden', fieldError.invalid([...path, 'rollingUpdate'], ru, "only allowed for updateStrategy 'RollingUpdate'"), { point: 'key' })
        } else if (type === 'RollingUpdate') {
          if (!ru) return
          const at = [...path, 'rollingUpdate']
          ;(nonNegativeErrors(ru.partition, [...at, 'partition'])).forEach((e) => ctx.report('partition', e))
          // maxUnavailable is dropped unless the MaxUnavailableStatefulSet gate is on: not checked
        } else {
          ctx.report('type', fieldError.invalid(path, strategy, "must be 'RollingUpdate' or 'OnDelete'"))
        }
      },
    }
  },
})
