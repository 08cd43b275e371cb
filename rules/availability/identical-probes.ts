// Policy: a liveness probe that checks exactly what the readiness probe checks (peer concept 48: kube-score
// pod-probes-identical).
import type { Container, Probe } from 'kubernetes-types/core/v1.js'
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { longRunningContainers } from '../../src/validation/container.js'

const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const
const TIMINGS = ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'] as const

export default defineRule({
  meta: {
    id: 'availability/identical-probes',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    options: {
      compareTimings: {
        type: 'boolean',
        default: false,
        description: 'report only probes whose timings are identical too; with false (kube-score) the same check is enough, whatever the thresholds',
      },
    },
    description: 'A container whose livenessProbe runs the same check as its readinessProbe (the same command, or the same port and path).',
    remediation: 'Point the livenessProbe at a cheap check of the process alone, and keep dependency and load checks in the readinessProbe.',
    messages: {
      identical:
        '{{container}} has a livenessProbe that runs the same check as its readinessProbe ({{check}}): when the container is only busy or a dependency is slow, the check fails and the kubelet restarts the container, where taking it out of the Service until it recovers was enough; under load the restarts spread to every replica. Give the livenessProbe its own cheap check of the process alone (such as a /livez that calls no dependency).',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // plain init containers take no probes (container/probes)
        for (const c of longRunningContainers(spec, visit, ctx.minor)) {
          const { livenessProbe: liveness, readinessProbe: readiness } = c.container
          if (!liveness || !readiness) continue
          const check = sameCheck(c.container, liveness, readiness)
          if (!check) continue
          if (ctx.options.compareTimings === true && TIMINGS.some((t) => (liveness[t] ?? 0) !== (readiness[t] ?? 0))) continue
          ctx.report('identical', { path: [...c.path, 'livenessProbe'], text: '' }, { data: { container: containerLabel(c), check } })
        }
      },
    }
  },
})

/** what both probes check, in words, when it is the same; undefined when it differs */
function sameCheck(container: Container, a: Probe, b: Probe): string | undefined {
  const kind = HANDLERS.find((h) => a[h] != null)
  if (!kind || b[kind] == null) return undefined
  const [x, y] = [canonical(container, a[kind]), canonical(container, b[kind])]
  if (x !== y) return undefined
  const handler = a[kind] as Record<string, unknown>
  if (kind === 'exec') return `exec ${JSON.stringify(a.exec?.command ?? [])}`
  if (kind === 'httpGet') return `GET ${String(handler.path ?? '/')} on port ${String(handler.port)}`
  return `${kind} on port ${String(handler.port)}`
}

/** the handler as comparable text, a port name replaced by the number the container declares for it */
function canonical(container: Container, handler: unknown): string {
  const h = { ...(handler as Record<string, unknown>) }
  if (typeof h.port === 'string') h.port = container.ports?.find((p) => p.name === h.port)?.containerPort ?? h.port
  return stable(h)
}

/** JSON with the keys of every object in order, so that two spellings of one handler compare equal */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stable(o[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
