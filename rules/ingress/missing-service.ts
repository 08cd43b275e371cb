import { defineRule } from '../../src/rule.js'
import { nameOf } from '../../src/wiring/describe.js'
import { serviceBackends } from '../../src/wiring/ingress.js'

export default defineRule({
  meta: {
    id: 'ingress/missing-service',
    category: 'wiring',
    severity: 'warning',
    description: 'An Ingress sends traffic to a Service that is not in its namespace, so the ingress controller answers 503.',
    remediation: "Add the Service to the Ingress's namespace, or fix the backend's service name.",
    messages: {
      missing:
        '{{name}} routes {{route}} to Service "{{service}}", which is not {{where}}: the ingress controller answers 503 for it, and kubectl describe ingress shows <error: services "{{service}}" not found>. Add the Service or fix the name.',
      otherNamespace:
        '{{name}} routes {{route}} to Service "{{service}}", which is in namespace {{elsewhere}}, not {{where}}: an Ingress reaches only Services of its own namespace, so the ingress controller answers 503 for it. Put the Ingress and the Service in one namespace.',
    },
  },
  wire(ctx) {
    return {
      Ingress(ingress, self) {
        if (self.apiVersion !== 'networking.k8s.io/v1' || self.namespace === undefined) return
        const ns = self.namespace
        // no Service of the namespace is in the input: they are managed elsewhere
        const severity = ctx.index.coverage('Service', ns) === 'partial' ? 'info' : undefined
        const name = nameOf(self, ctx.cluster.namespace)
        for (const b of serviceBackends(ingress)) {
          const service = b.service.name
          if (ctx.index.exists('Service', ns, service)) continue
          const at = [...b.path, 'name']
          const data = { name, route: b.route, service, where: `in namespace ${ns}` }
          const elsewhere = ctx.index.ofKind('Service').find((o) => o.name === service && o.namespace !== ns)
          if (elsewhere) {
            ctx.report('otherNamespace', { at, data: { ...data, elsewhere: elsewhere.namespace }, related: [{ object: elsewhere, message: nameOf(elsewhere, ctx.cluster.namespace) }], severity })
          } else ctx.report('missing', { at, data, severity })
        }
      },
    }
  },
})
