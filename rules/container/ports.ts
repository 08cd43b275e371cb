import type { ContainerPort } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { portName, portNumber } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, unset, type ContainerVisit } from '../../src/validation/container.js'

interface PortContext {
  /** port names seen in this container */
  names: Set<string>
  /** protocol/hostIP/hostPort keys seen so far */
  hostPorts: Set<string>
  /** the pod's spec.hostNetwork, for a regular container (whether init containers are checked too is unsure) */
  hostNetwork: boolean
}

const PROTOCOLS = ['SCTP', 'TCP', 'UDP']

export default defineRule({
  meta: {
    id: 'container/ports',
    category: 'server',
    severity: 'error',
    description: 'A container port is missing its number, is out of range, has a bad or repeated name, an unknown protocol, or a hostPort that clashes.',
    remediation: 'Give each port a containerPort in 1-65535, a unique IANA service name (lower case, at most 15 characters), TCP/UDP/SCTP, and distinct host ports.',
    messages: {
      containerPortRequired: '{{error}}. Set the port the container listens on.',
      portRange: '{{error}}. Ports are 1-65535.',
      nameInvalid: '{{error}}. Port names are IANA service names: at most 15 lower-case letters, digits and single hyphens, with at least one letter.',
      duplicateName: '{{error}}. Port names must be unique within a container.',
      protocol: '{{error}}. Protocols are upper case.',
      hostPortConflict: '{{error}}. Two ports of the pod bind the same host port; use different hostPorts or drop one.',
      hostNetwork: '{{error}}. With hostNetwork the container binds the host port directly: leave hostPort out or make it equal to containerPort.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        const containers = containersOf(spec, visit)
        const hostPorts = new Set<string>()
        for (const c of containers) {
          const ports: unknown = c.container.ports
          if (!Array.isArray(ports)) continue
          const names = new Set<string>()
          // regular containers share one host port space; each init container is checked on its own
          const used = c.list === 'containers' ? hostPorts : new Set<string>()
          ports.forEach((port: ContainerPort | null, j) => {
            if (port === null || typeof port !== 'object') return
            checkPort(c, port, j, { names, hostPorts: used, hostNetwork: c.list === 'containers' && spec.hostNetwork === true })
          })
        }
      },
    }

    function checkPort(c: ContainerVisit, port: ContainerPort, j: number, seen: PortContext): void {
      const { names, hostPorts } = seen
      const path = [...c.path, 'ports', j]
      const { name, containerPort, hostPort, protocol } = port
      if (!unset(name)) {
        const errors = portName(name as string)
        for (const e of errors) ctx.report('nameInvalid', fieldError.invalid([...path, 'name'], name, e))
        if (errors.length === 0) {
          if (names.has(name as string)) ctx.report('duplicateName', fieldError.duplicate([...path, 'name'], name))
          names.add(name as string)
        }
      }
      if (containerPort === undefined || containerPort === null) {
        // absent: schema/required reports it
      } else if (containerPort === 0) ctx.report('containerPortRequired', fieldError.required([...path, 'containerPort']))
      else for (const e of portNumber(containerPort)) ctx.report('portRange', fieldError.invalid([...path, 'containerPort'], containerPort, e))
      const host = typeof hostPort === 'number' ? hostPort : 0
      if (host !== 0) for (const e of portNumber(host)) ctx.report('portRange', fieldError.invalid([...path, 'hostPort'], host, e))
      if (!unset(protocol) && !PROTOCOLS.includes(protocol as string)) ctx.report('protocol', fieldError.notSupported([...path, 'protocol'], protocol, PROTOCOLS))
      if (host !== 0) {
        const key = `${protocol ?? ''}/${port.hostIP ?? ''}/${host}`
        if (hostPorts.has(key)) ctx.report('hostPortConflict', fieldError.duplicate([...path, 'hostPort'], key))
        hostPorts.add(key)
        if (seen.hostNetwork && host !== containerPort) {
          ctx.report('hostNetwork', fieldError.invalid([...path, 'hostPort'], host, 'must match `containerPort` when `hostNetwork` is true'))
        }
      }
    }
  },
})
