import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, handlerErrors, isSidecar } from '../../src/validation/container.js'

const HOOKS = ['postStart', 'preStop'] as const

export default defineRule({
  meta: {
    id: 'container/lifecycle',
    category: 'server',
    severity: 'error',
    description: 'A postStart or preStop hook has no handler or several, a bad port, scheme or header, a sleep longer than the grace period, or sits on a plain init container.',
    remediation: 'Give each hook exactly one of exec, httpGet, tcpSocket or sleep, keep sleep within terminationGracePeriodSeconds, and put hooks only on regular containers and sidecars.',
    messages: {
      handler: '{{error}}. A hook takes exactly one of exec, httpGet, tcpSocket or sleep.',
      exec: '{{error}}. Give the command to run.',
      port: '{{error}}. Use a port number 1-65535 or the name of a container port.',
      scheme: '{{error}}. The scheme is HTTP or HTTPS, upper case.',
      header: '{{error}}.',
      sleep: "{{error}}. Keep the sleep within the pod's terminationGracePeriodSeconds, or raise the grace period.",
      initContainer: '{{error}}. Plain init containers run to completion before the pod starts: drop the hooks, or set restartPolicy: Always to make this a sidecar.',
    },
  },
  create(ctx) {
    // sleep: gate PodLifecycleSleepAction, beta and on by default from 1.30
    const types = ctx.minor >= 30 ? ['exec', 'httpGet', 'tcpSocket', 'sleep'] : ['exec', 'httpGet', 'tcpSocket']
    return {
      PodSpec(spec, visit) {
        const gracePeriod = typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : undefined
        for (const c of containersOf(spec, visit)) {
          const lifecycle = c.container.lifecycle
          if (!lifecycle || typeof lifecycle !== 'object') continue
          const path = [...c.path, 'lifecycle']
          if (c.list === 'initContainers' && !isSidecar(c, ctx.minor)) {
            if (ctx.minor >= 29) ctx.report('initContainer', fieldError.forbidden(path, 'may not be set for init containers without restartPolicy=Always'))
            continue
          }
          for (const hook of HOOKS) {
            const handler = lifecycle[hook]
            if (!handler || typeof handler !== 'object') continue
            // before 1.30 the server drops sleep with its gate; what remains is not worth guessing
            if (ctx.minor < 30 && 'sleep' in handler) continue
            for (const { problem, error } of handlerErrors(handler as Record<string, unknown>, [...path, hook], { types, gracePeriod, minor: ctx.minor })) {
              ctx.report(problem, error)
            }
          }
        }
      },
    }
  },
})
