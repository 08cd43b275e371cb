import type { ContainerPort } from 'kubernetes-types/core/v1.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule, type RelatedRef } from '../../src/rule.js'
import { containersOf, isSidecar } from '../../src/validation/container.js'
import { nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'service/target-port',
    category: 'wiring',
    severity: 'warning',
    description: "A Service port's targetPort names a port that no container of the selected pods declares, so those pods get no endpoints for it.",
    remediation: "Make the targetPort the name (and protocol) of a container port of the selected pods, or the number the container listens on.",
    messages: {
      noName:
        '{{name}} port {{port}} sends traffic to the container port named "{{target}}" ({{protocol}}), but no container of {{pods}} declares a port with that name: the pods are left out of the endpoints for this port and connections to it fail. Name the container port "{{target}}" or use its number.',
      wrongProtocol:
        '{{name}} port {{port}} sends {{protocol}} traffic to the container port named "{{target}}", but the container port "{{target}}" of {{pods}} is {{declared}} only: a named port matches only with the same protocol, so the pods are left out of the endpoints for this port. Make the two protocols agree.',
      noNumber:
        '{{name}} port {{port}} sends traffic to port {{target}}, but the containers of {{pods}} declare only {{declared}}: unless a process also listens on {{target}}, connections are refused. Check the targetPort.',
    },
  },
  wire(ctx) {
    /** the ports a pod of this object declares: its containers' and its native sidecars' */
    const portsOf = (o: IndexedObject): ContainerPort[] => {
      const spec = o.pods!.spec!
      const visit = { path: o.pods!.specPath, template: o.kind !== 'Pod', kind: o.kind }
      return containersOf(spec, visit)
        .filter((c) => c.list === 'containers' || isSidecar(c, ctx.minor))
        .flatMap((c) => (Array.isArray(c.container.ports) ? c.container.ports : []))
    }
    return {
      Service(service, self) {
        const spec = service.spec
        const selector = spec?.selector
        if (!spec || !selector || Object.keys(selector).length === 0 || spec.type === 'ExternalName') return
        const selected = ctx.index.podsSelectedBy(self.namespace, selector)
        // nothing selected is service/selects-nothing's finding; an unreadable template cannot be judged
        if (selected.length === 0 || selected.some((o) => !o.pods?.spec)) return
        const declared = selected.flatMap(portsOf)
        const name = nameOf(self, ctx.cluster.namespace)
        const first = selected[0]
        // the words of a finding, worked out only for a port that has one
        let pods = ''
        let related: RelatedRef[] = []
        const describe = () => {
          pods = selected.map((o) => nameOf(o, ctx.cluster.namespace)).join(', ')
          related = [{ object: first, path: [...first.pods!.specPath, 'containers'], message: `the containers of ${nameOf(first, ctx.cluster.namespace)}` }]
        }
        ;(spec.ports ?? []).forEach((p, i) => {
          const target = p.targetPort
          const protocol = p.protocol ?? 'TCP'
          const port = p.name ? `"${p.name}" (${p.port})` : String(p.port)
          const at = ['spec', 'ports', i, 'targetPort']
          if (typeof target === 'string') {
            if (declared.some((c) => c.name === target && (c.protocol ?? 'TCP') === protocol)) return
            describe()
            const other = declared.filter((c) => c.name === target).map((c) => c.protocol ?? 'TCP')
            if (other.length > 0) ctx.report('wrongProtocol', { at, data: { name, port, target, protocol, pods, declared: [...new Set(other)].join(', ') }, related })
            else ctx.report('noName', { at, data: { name, port, target, protocol, pods }, related })
            return
          }
          // declaring a port is optional: only a list that leaves this one out hints at a mistake
          if (typeof target !== 'number' || declared.length === 0 || declared.some((c) => c.containerPort === target)) return
          describe()
          const numbers = [...new Set(declared.map((c) => c.containerPort))].sort((a, b) => a - b)
          ctx.report('noNumber', { at, data: { name, port, target, pods, declared: `${numbers.length === 1 ? 'port' : 'ports'} ${numbers.join(', ')}` }, related, severity: 'info' })
        })
      },
    }
  },
})
