import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2.js'
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { hpaView } from '../../src/validation/autoscaling.js'

const SELECT_POLICIES = ['Disabled', 'Max', 'Min']
const POLICY_TYPES = ['Percent', 'Pods']

export default defineRule({
  meta: {
    id: 'autoscaling/behavior',
    category: 'server',
    severity: 'error',
    description: "A HorizontalPodAutoscaler's scaling behavior has a stabilization window outside 0-3600 seconds, an unknown selectPolicy, an empty policy list, or a policy with an unknown type, a non-positive value or a period outside 1-1800 seconds.",
    remediation: 'Keep stabilizationWindowSeconds within 0-3600, selectPolicy Max, Min or Disabled, and give each policy a type (Pods or Percent), a positive value and periodSeconds within 1-1800.',
    messages: {
      stabilizationWindow: '{{error}}. Use 0 to 3600 seconds.',
      selectPolicy: '{{error}}.',
      policiesRequired: '{{error}}. Leave policies out to get the defaults, or list at least one.',
      policyType: '{{error}}.',
      policyValue: '{{error}}.',
      periodSeconds: '{{error}}. Use 1 to 1800 seconds.',
    },
  },
  create(ctx) {
    const check = (rules: HPAScalingRules | null | undefined, direction: 'scaleUp' | 'scaleDown') => {
      if (!rules) return
      const path = ['spec', 'behavior', direction]
      const window = rules.stabilizationWindowSeconds
      if (typeof window === 'number' && window < 0) ctx.report('stabilizationWindow', fieldError.invalid([...path, 'stabilizationWindowSeconds'], window, 'must be greater than or equal to zero'))
      if (typeof window === 'number' && window > 3600) ctx.report('stabilizationWindow', fieldError.invalid([...path, 'stabilizationWindowSeconds'], window, 'must be less than or equal to 3600'))
      const select = rules.selectPolicy
      if (typeof select === 'string' && !SELECT_POLICIES.includes(select)) ctx.report('selectPolicy', fieldError.notSupported([...path, 'selectPolicy'], select, SELECT_POLICIES))
      // an absent (or null) list is filled with the defaults; only an explicit [] stays empty
      const policies = rules.policies
      if (Array.isArray(policies) && policies.length === 0) ctx.report('policiesRequired', fieldError.required([...path, 'policies'], 'must specify at least one Policy'))
      ;(policies ?? []).forEach((policy, i) => {
        const at = [...path, 'policies', i]
        const type = policy?.type ?? ''
        if (type !== 'Pods' && type !== 'Percent') ctx.report('policyType', fieldError.notSupported([...at, 'type'], type, POLICY_TYPES))
        const value = policy?.value ?? 0
        if (value <= 0) ctx.report('policyValue', fieldError.invalid([...at, 'value'], value, 'must be greater than zero'))
        const period = policy?.periodSeconds ?? 0
        if (period <= 0) ctx.report('periodSeconds', fieldError.invalid([...at, 'periodSeconds'], period, 'must be greater than zero'))
        if (period > 1800) ctx.report('periodSeconds', fieldError.invalid([...at, 'periodSeconds'], period, 'must be less than or equal to 1800'))
      })
    }
    return {
      HorizontalPodAutoscaler(hpa) {
        const behavior = hpaView(ctx.apiVersion, hpa)?.behavior
        if (!behavior) return
        check(behavior.scaleUp, 'scaleUp')
        check(behavior.scaleDown, 'scaleDown')
      },
    }
  },
})
