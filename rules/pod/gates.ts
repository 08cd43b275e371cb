// Readiness gates and scheduling gates (k8s-semantics A.2.7 S31).
import { fieldError } from '../../src/field-errors.js'
import { qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { lengthUnit } from '../../src/validation/pod.js'

export default defineRule({
  meta: {
    id: 'pod/gates',
    category: 'server',
    severity: 'error',
    description: 'A readiness or scheduling gate whose name is not a qualified name, a repeated scheduling gate, or a Pod bound to a node before its scheduling gates are cleared.',
    remediation: 'Name gates like label keys (example.com/ready), list each scheduling gate once, and leave nodeName out of a gated Pod.',
    messages: {
      name: '{{error}}. Gate names follow the label key rules: an optional DNS prefix and "/", then a name.',
      duplicate: '{{error}}. List each scheduling gate once.',
      nodeName: '{{error}}. A gated Pod waits for the scheduler: drop nodeName or the scheduling gates.',
    },
  },
  create(ctx) {
    const unit = lengthUnit(ctx.minor)
    return {
      PodSpec(spec, visit) {
        spec.readinessGates?.forEach((gate, i) => {
          const value = gate?.conditionType ?? ''
          for (const msg of qualifiedName(value, unit)) ctx.report('name', fieldError.invalid([...visit.path, 'readinessGates', i, 'conditionType'], value, msg))
        })
        // schedulingGates exist from 1.27 (PodSchedulingReadiness beta); the server drops them before
        if (ctx.minor < 27) return
        const seen = new Set<string>()
        spec.schedulingGates?.forEach((gate, i) => {
          const value = gate?.name ?? ''
          for (const msg of qualifiedName(value, unit)) ctx.report('name', fieldError.invalid([...visit.path, 'schedulingGates', i], value, msg))
          if (seen.has(value)) ctx.report('duplicate', fieldError.duplicate([...visit.path, 'schedulingGates', i], value))
          seen.add(value)
        })
        if (!visit.template && spec.nodeName && spec.schedulingGates?.length) {
          ctx.report('nodeName', fieldError.forbidden([...visit.path, 'nodeName'], 'cannot be set until all schedulingGates have been cleared'))
        }
      },
    }
  },
})
