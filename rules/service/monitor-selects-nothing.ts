// Wiring: a Prometheus operator ServiceMonitor whose selector matches no Service of the namespaces it looks in
// (peer concept 79: kube-linter dangling-servicemonitor). ServiceMonitor is a custom resource: the rule runs on the
// ones the run validated against their CustomResourceDefinition, and on those it has no schema for (their fields
// are read defensively), but not on ones the schema rejected.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import { valueAt, type IndexedObject } from '../../src/object-index.js'
import { defineRule } from '../../src/rule.js'
import { isObj } from '../../src/validation/metadata.js'
import { isConvertibleSelector, isEmptySelector, selectorMatches, templateLabels } from '../../src/validation/workload.js'
import { nameOf } from '../../src/wiring/describe.js'
import { selectorText } from '../../src/wiring/pods.js'

const GROUP = 'monitoring.coreos.com'

/** Services every cluster has, with the labels the API server gives them */
const CLUSTER_SERVICES: ReadonlyArray<{ namespace: string; labels: Record<string, string> }> = [{ namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } }]

/** where the cluster's installer, not the input, makes the Services (kube-dns, the kubelet's, metrics-server) */
const SYSTEM_NAMESPACE = 'kube-system'

export default defineRule({
  wireUnchecked: true,
  meta: {
    id: 'service/monitor-selects-nothing',
    category: 'wiring',
    severity: 'warning',
    description: 'A ServiceMonitor (Prometheus operator) whose selector matches no Service in the namespaces it looks in, so Prometheus scrapes nothing for it.',
    remediation: "Make spec.selector match the Service's own metadata.labels, and spec.namespaceSelector name the Service's namespace.",
    messages: {
      none: '{{name}} selects no Service: no Service {{where}}{{has}}, so Prometheus finds no targets for it and scrapes nothing. Make spec.selector match the metadata.labels of the Service to scrape.',
      podLabels:
        "{{name}} selects no Service: {{selector}} are the labels of the pods of {{pods}}, but a ServiceMonitor selects Services by the Service's own metadata.labels, so Prometheus scrapes nothing. Add the labels to the Service's metadata.labels (or scrape the pods with a PodMonitor).",
      otherNamespace:
        '{{name}} selects no Service {{where}}: {{other}} has the labels, but the ServiceMonitor does not look in namespace {{namespace}}, so Prometheus scrapes nothing. Add {{namespace}} to spec.namespaceSelector.matchNames (or move the ServiceMonitor there).',
    },
  },
  wire(ctx) {
    // namespaces whose custom resources (a Prometheus, a CephCluster) let an operator make Services the input does not show
    let operated: Set<string | undefined> | undefined
    const operatorServicesPossible = (namespace: string): boolean => {
      operated ??= new Set(ctx.index.objects.filter((o) => !o.builtin && o.kind !== 'ServiceMonitor' && o.kind !== 'CustomResourceDefinition').map((o) => o.namespace))
      return operated.has(namespace)
    }
    return {
      Object(self) {
        if (self.group !== GROUP || self.kind !== 'ServiceMonitor') return
        const selector = valueAt(self.value, ['spec', 'selector'])
        if (!isObj(selector)) return
        const labelSelector = selector as LabelSelector
        // a selector the operator cannot convert matches nothing for reasons of its own; leave it to the schema
        if (!isConvertibleSelector(labelSelector)) return
        const namespaces = watchedNamespaces(self)
        const inScope = ctx.index.ofKind('Service').filter((s) => s.builtin && (namespaces === 'any' || namespaces.includes(s.namespace ?? '')))
        if (inScope.some((s) => matches(labelSelector, s))) return
        if (CLUSTER_SERVICES.some((s) => (namespaces === 'any' || namespaces.includes(s.namespace)) && selectorMatches(labelSelector, s.labels))) return
        const name = nameOf(self, ctx.cluster.namespace)
        const where = namespaces === 'any' ? 'in any namespace' : namespaces.length === 1 ? `in namespace ${namespaces[0]}` : `in namespaces ${namespaces.join(', ')}`
        const at = ['spec', 'selector']
        const empty = isEmptySelector(labelSelector)
        if (!empty && namespaces !== 'any') {
          const elsewhere = ctx.index.ofKind('Service').find((s) => s.builtin && s.namespace !== undefined && !namespaces.includes(s.namespace) && matches(labelSelector, s))
          if (elsewhere) {
            ctx.report('otherNamespace', {
              at,
              point: 'key',
              data: { name, where, other: nameOf(elsewhere, ctx.cluster.namespace), namespace: elsewhere.namespace },
              related: [{ object: elsewhere, path: ['metadata', 'labels'], message: `the labels of ${nameOf(elsewhere, ctx.cluster.namespace)}` }],
            })
            return
          }
          const pods = (namespaces as readonly string[]).flatMap((ns) => ctx.index.podsSelectedBy(ns, labelSelector))
          if (pods.length > 0) {
            ctx.report('podLabels', {
              at,
              point: 'key',
              data: { name, selector: selectorText(labelSelector), pods: nameOf(pods[0], ctx.cluster.namespace) },
              related: [{ object: pods[0], path: [...pods[0].pods!.specPath.slice(0, -1), 'metadata', 'labels'], message: `the pod labels of ${nameOf(pods[0], ctx.cluster.namespace)}` }],
            })
            return
          }
        }
        // the Services may be made elsewhere: the input holds none where the ServiceMonitor looks, or it looks in
        // kube-system, or an operator's custom resource lives there
        const unsure =
          inScope.length === 0 || namespaces === 'any' || namespaces.some((ns) => ns === SYSTEM_NAMESPACE || operatorServicesPossible(ns))
        const severity = unsure ? 'info' : undefined
        ctx.report('none', { at, point: 'key', data: { name, where, has: empty ? '' : ` matches ${selectorText(labelSelector)}` }, severity })
      },
    }
  },
})

/** spec.namespaceSelector: `any: true`, the names in matchNames, or by default the ServiceMonitor's own namespace */
function watchedNamespaces(self: IndexedObject): 'any' | string[] {
  const nsSelector = valueAt(self.value, ['spec', 'namespaceSelector'])
  if (isObj(nsSelector) && nsSelector.any === true) return 'any'
  const names = isObj(nsSelector) && Array.isArray(nsSelector.matchNames) ? nsSelector.matchNames.filter((n): n is string => typeof n === 'string') : []
  return names.length > 0 ? names : [self.namespace ?? '']
}

function matches(selector: LabelSelector, service: IndexedObject): boolean {
  const labels = valueAt(service.value, ['metadata', 'labels'])
  return selectorMatches(selector, templateLabels(isObj(labels) ? (labels as Record<string, string | null>) : {}))
}
