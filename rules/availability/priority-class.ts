// Policy: pod specs without a priorityClassName (peer concept 57: Polaris priorityClassNotSet; kube-linter
// priority-class-name checks the value against an allow-list instead).
import { defineRule } from '../../src/rule.js'

export default defineRule({
  meta: {
    id: 'availability/priority-class',
    category: 'reliability',
    severity: 'warning',
    preset: 'all',
    description: 'A pod spec without a priorityClassName, so its pods get the cluster\'s default priority (0 unless a PriorityClass is the global default).',
    remediation: 'Set spec.priorityClassName to one of the cluster\'s PriorityClasses that says how important the workload is.',
    messages: {
      missing:
        'The pods set no priorityClassName: they get the default priority, so when the cluster is full the scheduler may preempt them for any other pod, or fail to preempt less important ones to place them. Set priorityClassName to the PriorityClass that fits the workload.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        if (typeof spec.priorityClassName === 'string' && spec.priorityClassName !== '') return
        ctx.report('missing', { path: [...visit.path, 'priorityClassName'], text: '' })
      },
    }
  },
})
