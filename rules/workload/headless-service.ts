import type { Service } from 'kubernetes-types/core/v1.js'
import type { IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { podDnsName, statefulSetOrdinals, statefulSetPodName } from '../../src/simulate/names.js'
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
        '{{name}}: serviceName "{{service}}" names a Service that is not headless ({{why}}), so per-pod names such as {{example}} will not resolve{{used}}. Set clusterIP: None on {{serviceRef}}, or give the StatefulSet its own headless Service.',
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
        const first = statefulSetOrdinals(sts)[0] ?? sts.spec?.ordinals?.start ?? 0
        const example = podDnsName(statefulSetPodName(self.name, first), service, self.namespace!, ctx.cluster.clusterDomain)
        const name = nameOf(self, ctx.cluster.namespace)
        const at = ['spec', 'serviceName']
        const candidates = ctx.index.named('Service', self.namespace, service)
        if (candidates.length === 0) {
          if (ctx.index.exists('Service', self.namespace, service)) return
          ctx.report('missing', {
            at,
            data: { name, service, where: inNamespace(self.namespace), example },
            severity: ctx.index.coverage('Service', self.namespace) === 'partial' ? 'info' : 'warning',
          })
          return
        }
        if (candidates.some((c) => c.accepted && publishes(c, self))) return
        // several definitions (overlays, or unrelated applications linted together): judge the one beside the StatefulSet
        const svc = candidates.length === 1 ? candidates[0] : candidates.find((c) => c.filePath === self.filePath)
        if (!svc?.accepted) return
        const spec = (svc.value as unknown as Service).spec ?? {}
        const serviceRef = nameOf(svc, ctx.cluster.namespace)
        if (!isHeadless(spec)) {
          const why = spec.type === 'ExternalName' ? 'it is an ExternalName Service' : spec.clusterIP ? `clusterIP is ${spec.clusterIP}` : 'clusterIP is not None, so one is allocated'
          // certain harm only when the pods are configured to reach each other by those names (minio-0.minio…)
          const used = perPodName(self, service)
          const replicas = sts.spec?.replicas ?? 1
          ctx.report('notHeadless', {
            at,
            data: { name, service, why, example, serviceRef, used: used ? `, and the pod template itself uses them (${used})` : '' },
            severity: used ? undefined : replicas <= 1 ? 'info' : 'warning',
            related: [{ object: svc, path: spec.clusterIP ? ['spec', 'clusterIP'] : ['metadata', 'name'], message: `${serviceRef}, not headless` }],
          })
          return
        }
        const empty = Object.keys(spec.selector ?? {}).length === 0
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

/** a headless Service that selects the StatefulSet's pods: their DNS records exist */
function publishes(svc: IndexedObject, sts: IndexedObject): boolean {
  const spec = (svc.value as unknown as Service).spec ?? {}
  const selector = spec.selector ?? {}
  return isHeadless(spec) && Object.keys(selector).length > 0 && selectorMatches({ matchLabels: selector }, sts.pods!.labels, sts.pods!.generatedKeys)
}

/** a per-pod DNS name of this StatefulSet (`db-0.db…`) that its pod template mentions, in args, env or config */
function perPodName(sts: IndexedObject, service: string): string | undefined {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(?<![a-z0-9-])${escape(sts.name)}-[0-9]+\\.${escape(service)}(?![a-z0-9-])`)
  return pattern.exec(JSON.stringify(sts.pods?.spec ?? {}))?.[0]
}
