import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, unset } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'container/restart-policy',
    category: 'server',
    severity: 'error',
    description: 'A regular container sets restartPolicy, or an init container sets one other than Always.',
    remediation: 'Leave restartPolicy out of regular containers; on an init container use only restartPolicy: Always, which makes it a sidecar.',
    messages: {
      notInitContainer: '{{error}}. Only init containers take a restartPolicy (Always makes them sidecars); the pod-level restartPolicy applies to regular containers.',
      initPolicy: '{{error}}. Use Always to run the init container as a sidecar, or leave restartPolicy out.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // before 1.29 the field was dropped (gate SidecarContainers off by default)
        if (ctx.minor < 29) return
        for (const c of containersOf(spec, visit)) {
          const policy = c.container.restartPolicy
          if (unset(policy)) continue
          const path = [...c.path, 'restartPolicy']
          if (c.list === 'containers') ctx.report('notInitContainer', fieldError.forbidden(path, 'may not be set for non-init containers'))
          else if (policy !== 'Always') ctx.report('initPolicy', fieldError.notSupported(path, policy, ['Always']))
        }
      },
    }
  },
})
