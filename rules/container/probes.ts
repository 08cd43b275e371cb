import type { Probe } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { containersOf, handlerErrors, isSidecar } from '../../src/validation/container.js'

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc']
const COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const

export default defineRule({
  meta: {
    id: 'container/probes',
    category: 'server',
    severity: 'error',
    description: 'A liveness, readiness or startup probe has no handler or several, a bad port, scheme or header, negative timings, or settings that kind of probe refuses.',
    remediation: 'Give each probe exactly one of exec, httpGet, tcpSocket or grpc with a valid port, keep the numbers non-negative, successThreshold 1 for liveness and startup probes, and no probes on plain init containers.',
    messages: {
      handler: '{{error}}. A probe takes exactly one of exec, httpGet, tcpSocket or grpc.',
      exec: '{{error}}. Give the command to run.',
      port: '{{error}}. Use a port number 1-65535 or the name of a container port.',
      scheme: '{{error}}. The scheme is HTTP or HTTPS, upper case.',
      header: '{{error}}.',
      sleep: '{{error}}.',
      negative: '{{error}}.',
      successThreshold: '{{error}}. Liveness and startup probes succeed on the first success; leave successThreshold out.',
      readinessGracePeriod: '{{error}}. terminationGracePeriodSeconds applies to liveness and startup probes only.',
      gracePeriod: '{{error}}.',
      initContainer: '{{error}}. Plain init containers run to completion before the pod starts: drop the probe, or set restartPolicy: Always to make this a sidecar.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit)) {
          for (const kind of PROBES) {
            const probe = c.container[kind]
            if (!probe || typeof probe !== 'object') continue
            const path = [...c.path, kind]
            if (c.list === 'initContainers' && !isSidecar(c, ctx.minor)) {
              // before 1.29 (no native sidecars) the wording differed; leave it out rather than guess
              if (ctx.minor >= 29) ctx.report('initContainer', fieldError.forbidden(path, 'may not be set for init containers without restartPolicy=Always'))
              continue
            }
            checkProbe(probe, kind, path)
          }
        }
      },
    }

    function checkProbe(probe: Probe, kind: (typeof PROBES)[number], path: readonly PathSegment[]): void {
      for (const { problem, error } of handlerErrors(probe as Record<string, unknown>, path, { types: PROBE_HANDLERS, gracePeriod: undefined, minor: ctx.minor })) {
        ctx.report(problem, error)
      }
      for (const field of COUNTS) {
        const value = probe[field]
        if (typeof value === 'number' && value < 0) ctx.report('negative', fieldError.invalid([...path, field], value, 'must be greater than or equal to 0'))
      }
      const grace = probe.terminationGracePeriodSeconds
      if (typeof grace === 'number' && grace <= 0) ctx.report('gracePeriod', fieldError.invalid([...path, 'terminationGracePeriodSeconds'], grace, 'must be greater than 0'))
      // 0 is Go's unset value, which the defaults turn into 1
      const success = probe.successThreshold
      if (kind !== 'readinessProbe' && typeof success === 'number' && success !== 1 && success !== 0) {
        ctx.report('successThreshold', fieldError.invalid([...path, 'successThreshold'], success, 'must be 1'))
      }
      if (kind === 'readinessProbe' && typeof grace === 'number') {
        ctx.report('readinessGracePeriod', fieldError.invalid([...path, 'terminationGracePeriodSeconds'], grace, 'must not be set for readinessProbes'))
      }
    }
  },
})
