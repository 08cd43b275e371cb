import { fieldError } from '../../src/field-errors.js'
import { formatPath } from '../../src/field-path.js'
import { percent } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { labelSelectorErrors } from '../../src/validation/selector.js'

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget']
const set = (v: unknown): boolean => v !== undefined && v !== null

export default defineRule({
  meta: {
    id: 'policy/disruption-budget',
    category: 'server',
    severity: 'error',
    description: 'A PodDisruptionBudget sets both minAvailable and maxUnavailable, gives one a negative number, a malformed or over-100% percentage, has an invalid selector, or an unknown unhealthyPodEvictionPolicy.',
    remediation: 'Set one of minAvailable or maxUnavailable, as a non-negative integer or a percentage up to 100%, with a valid label selector.',
    messages: {
      bothSet: '{{error}}. Keep one of minAvailable and maxUnavailable.',
      intOrPercent: '{{error}}. Use a non-negative integer or a percentage such as "50%".',
      over100: '{{error}}.',
      selector: '{{error}}.',
      evictionPolicy: '{{error}}.',
    },
  },
  create(ctx) {
    return {
      PodDisruptionBudget(pdb) {
        if (ctx.apiVersion !== 'policy/v1' && ctx.apiVersion !== 'policy/v1beta1') return
        const spec = pdb.spec
        if (!spec) return
        if (set(spec.minAvailable) && set(spec.maxUnavailable)) {
          // the server prints the whole spec as the value
          const { minAvailable, selector, maxUnavailable, unhealthyPodEvictionPolicy } = spec
          const value = JSON.stringify({ minAvailable, selector: selector ?? undefined, maxUnavailable, unhealthyPodEvictionPolicy: unhealthyPodEvictionPolicy ?? undefined })
          ctx.report('bothSet', { path: ['spec'], text: `${formatPath(['spec'])}: Invalid value: ${value}: minAvailable and maxUnavailable cannot be both set` }, { point: 'key' })
        }
        for (const field of ['minAvailable', 'maxUnavailable'] as const) {
          const value = spec[field]
          const path = ['spec', field]
          if (typeof value === 'number') {
            if (value < 0) ctx.report('intOrPercent', fieldError.invalid(path, value, 'must be greater than or equal to 0'))
          } else if (typeof value === 'string') {
            const errs = percent(value)
            for (const msg of errs) ctx.report('intOrPercent', fieldError.invalid(path, value, msg))
            if (errs.length === 0 && Number(value.slice(0, -1)) > 100) ctx.report('over100', fieldError.invalid(path, value, 'must not be greater than 100%'))
          }
        }
        for (const e of labelSelectorErrors(spec.selector, ['spec', 'selector'], ctx.minor)) ctx.report('selector', e.error, { point: e.point })
        // the field was dropped before 1.27 (PDBUnhealthyPodEvictionPolicy gate off)
        const policy = spec.unhealthyPodEvictionPolicy
        if (ctx.minor >= 27 && typeof policy === 'string' && !EVICTION_POLICIES.includes(policy)) {
          ctx.report('evictionPolicy', fieldError.notSupported(['spec', 'unhealthyPodEvictionPolicy'], policy, EVICTION_POLICIES))
        }
      },
    }
  },
})
