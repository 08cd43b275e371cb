// Policy: a probe whose named port the container does not declare (peer concept 49: kube-linter liveness-port,
// readiness-port, startup-port).
import type { Probe } from 'kubernetes-types/core/v1.js'
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { portName } from '../../src/name-formats.js'
import { longRunningContainers } from '../../src/validation/container.js'

const PROBES = { livenessProbe: 'liveness', readinessProbe: 'readiness', startupProbe: 'startup' } as const

export default defineRule({
  meta: {
    id: 'availability/probe-port',
    category: 'reliability',
    severity: 'error',
    options: {
      numericPorts: {
        type: 'boolean',
        default: false,
        description: 'also report a port number that the container does not list in ports (kube-linter); it works when the process listens there',
      },
    },
    description: 'A liveness, readiness or startup probe names a port that its container does not declare, so the kubelet cannot resolve it and the probe always fails.',
    remediation: 'Declare the port under the container\'s ports with that name, or give the probe the port number.',
    messages: {
      liveness:
        '{{container}}: the livenessProbe uses port "{{port}}", but the container declares no port of that name, so every probe fails ("port {{port}} not found") and the kubelet restarts the container until it is in CrashLoopBackOff. Add a ports entry named "{{port}}" to this container, or use the port number.',
      readiness:
        '{{container}}: the readinessProbe uses port "{{port}}", but the container declares no port of that name, so every probe fails ("port {{port}} not found"): the pod never becomes Ready, gets no Service traffic, and a rollout waiting for it stalls. Add a ports entry named "{{port}}" to this container, or use the port number.',
      startup:
        '{{container}}: the startupProbe uses port "{{port}}", but the container declares no port of that name, so every probe fails ("port {{port}} not found") and the kubelet restarts the container before it ever counts as started. Add a ports entry named "{{port}}" to this container, or use the port number.',
      number:
        '{{container}}: the {{probe}} uses port {{port}}, which the container does not list under ports. It works if the process listens there, but the port is undocumented, and a typo would go unnoticed. List the port under the container\'s ports.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // plain init containers take no probes (container/probes)
        for (const c of longRunningContainers(spec, visit, ctx.minor)) {
          const declared = c.container.ports ?? []
          for (const [field, kind] of Object.entries(PROBES) as [keyof typeof PROBES, (typeof PROBES)[keyof typeof PROBES]][]) {
            const probe: Probe | undefined = c.container[field]
            const target = probe && portOf(probe)
            if (!target) continue
            const at = { path: [...c.path, field, target.handler, 'port'], text: '' }
            const data = { container: containerLabel(c), port: target.port, probe: field }
            if (typeof target.port === 'string') {
              // a malformed name is the API server's error (container/probes); the kubelet matches names exactly
              if (portName(target.port).length > 0 || declared.some((p) => p.name === target.port)) continue
              ctx.report(kind, at, { data })
            } else if (ctx.options.numericPorts === true && !declared.some((p) => p.containerPort === target.port)) {
              ctx.report('number', at, { data })
            }
          }
        }
      },
    }
  },
})

/** the port a probe connects to, and the handler that holds it; exec probes have none */
function portOf(probe: Probe): { handler: string; port: string | number } | undefined {
  for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
    const port: unknown = probe[handler]?.port
    if (typeof port === 'string' || typeof port === 'number') return { handler, port }
  }
  return undefined
}
