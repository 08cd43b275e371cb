import type { ContainerPort } from 'kubernetes-types/core/v1.js'
import { formatPath } from '../../src/field-path.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { containersOf } from '../../src/validation/container.js'

interface Seen {
  path: readonly PathSegment[]
  port: ContainerPort
}

export default defineRule({
  meta: {
    id: 'container/duplicate-port',
    category: 'server',
    severity: 'warning',
    description: 'Two container ports of a pod declare the same containerPort and protocol, or a port sets hostIP without hostPort.',
    remediation: 'Declare each containerPort/protocol once per pod, and set hostIP only together with hostPort.',
    messages: {
      duplicate: '{{error}}. Declare the port once.',
      overlapping: '{{error}}. One definition has a hostPort and the other none; declare the port once.',
      ambiguous: '{{error}}. Same hostPort with and without hostIP: which one binds is undefined.',
      hostIPWithoutHostPort: '{{error}}. hostIP has no effect without hostPort.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const all = new Map<string, Seen[]>()
        // regular containers only: whether upstream also walks init containers here is unsure, so they are left out
        for (const c of containersOf(spec, visit, ['containers'])) {
          const ports: unknown = c.container.ports
          if (!Array.isArray(ports)) continue
          ports.forEach((port: ContainerPort | null, i) => {
            if (!port || typeof port !== 'object') return
            const path = [...c.path, 'ports', i]
            const where = formatPath(path)
            const hostIP = port.hostIP ?? ''
            const hostPort = port.hostPort ?? 0
            if (hostIP !== '' && hostPort === 0) {
              const struct = `{Name:${port.name ?? ''} HostPort:${hostPort} ContainerPort:${port.containerPort} Protocol:${port.protocol ?? ''} HostIP:${hostIP}}`
              ctx.report('hostIPWithoutHostPort', { path, text: `${where}: hostIP set without hostPort: ${struct}` })
            }
            const key = `${port.containerPort}/${port.protocol ?? ''}`
            const others = all.get(key) ?? []
            for (const other of others) {
              const otherIP = other.port.hostIP ?? ''
              const otherPort = other.port.hostPort ?? 0
              const with_ = `with ${formatPath(other.path)}`
              if (hostIP === otherIP && hostPort === otherPort) ctx.report('duplicate', { path, text: `${where}: duplicate port definition ${with_}` })
              else if (hostPort === 0 || otherPort === 0) ctx.report('overlapping', { path, text: `${where}: overlapping port definition ${with_}` })
              else if (hostPort === otherPort && (hostIP === '') !== (otherIP === '')) {
                ctx.report('ambiguous', { path, text: `${where}: dangerously ambiguous port definition ${with_}` })
              }
            }
            all.set(key, [...others, { path, port }])
          })
        }
      },
    }
  },
})
