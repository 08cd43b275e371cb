import type { Service } from 'kubernetes-types/core/v1.js'
import { defineRule } from '../../src/rule.js'
import { isHeadless } from '../../src/validation/service.js'
import { selectorMatches } from '../../src/validation/workload.js'
import { inNamespace, nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'workload/headless-service',
    category: 'wiring',
    severity: 'error',
    description: "A StatefulSet's serviceName names a Service that is missing, not headless, or does not select the StatefulSet's pods, so its pods get no stable DNS names.",
    remediation: "Create a headless Service (clusterIP: None) with the serviceName's name in the StatefulSet's namespace, selecting the StatefulSet's pods.",
    messages: {
      notHeadless:
        '{{name}}: serviceName "{{service}}" names a Service that is not headless ({{why}}), so per-pod names such as {{example}} will not resolve. Set clusterIP: None on {{serviceRef}}, or give the StatefulSet its own headless Service.',
      missing:
        '{{name}}: serviceName "{{service}}" names no Service {{where}} in the input: without a headless Service of that name, per-pod names such as {{example}} do not resolve (no event says so). Add the headless Service or fix the name.',
      notSelected:
        '{{name}}: the headless {{serviceRef}} {{selects}}, so it publishes no DNS records for {{example}} and the other pods. Make its selector match the StatefulSet\'s pod labels.',
    },
  },
  wire(ctx) {
    return {
      StatefulSet(sts, self) {
        const service = sts.spec?.serviceName
        // no serviceName: the pods get no subdomain at all, a different choice
        if (typeof service !== 'string' || service === '' || !self.pods) return
        const start = sts.spec?.ordinals?.start ?? 0
        const example = `${self.name}-${start}.${service}.${self.namespace}.svc.${ctx.cluster.clusterDomain}`
        const name = nameOf(self, ctx.cluster.namespace)
        const at = ['spec', 'serviceName']
        const svc = ctx.index.get('Service', self.namespace, service)
        if (!svc) {
          if (ctx.index.exists('Service', self.namespace, service)) return
          ctx.report('missing', {
            at,
            data: { name, service, where: inNamespace(self.namespace), example },
            severity: ctx.index.coverage('Service', self.namespace) === 'partial' ? 'info' : 'warning',
          })
          return
        }
        if (!svc.accepted) return
        const spec = (svc.value as unknown as Service).spec ?? {}
        const serviceRef = nameOf(svc, ctx.cluster.namespace)
        if (!isHeadless(spec)) {
          const why = spec.type === 'ExternalName' ? 'it is an ExternalName Service' : spec.clusterIP ? `clusterIP is ${spec.clusterIP}` : 'clusterIP is not None, so one is allocated'
          ctx.report('notHeadless', {
            at,
            data: { name, service, why, example, serviceRef },
            related: [{ object: svc, path: spec.clusterIP ? ['spec', 'clusterIP'] : ['metadata', 'name'], message: `${serviceRef}, not headless` }],
          })
          return
        }
        const selector = spec.selector ?? {}
        const empty = Object.keys(selector).length === 0
        if (!empty && selectorMatches({ matchLabels: selector }, self.pods.labels, self.pods.generatedKeys)) return
        ctx.report('notSelected', {
          at,
          data: { name, serviceRef, example, selects: empty ? 'has no selector' : "has a selector that does not match the StatefulSet's pod labels" },
          related: [{ object: svc, path: empty ? ['metadata', 'name'] : ['spec', 'selector'], message: `the selector of ${serviceRef}` }],
          severity: 'warning',
        })
      },
    }
  },
})
