import { defineRule } from '../../src/rule.js'
import { editDistance } from '../../src/schema/suggest.js'
import type { IndexedObject } from '../../src/object-index.js'
import { inNamespace, labelList, nameOf } from '../../src/wiring/describe.js'

export default defineRule({
  meta: {
    id: 'service/selects-nothing',
    category: 'wiring',
    severity: 'warning',
    description: 'A Service has a selector that matches the pods of no workload in the input, so it gets no endpoints.',
    remediation: "Make the selector's labels match the pod template labels of the workload the Service is for (labels are case sensitive).",
    messages: {
      none: '{{name}} selects no pods: no pod template {{where}} has the labels {{labels}}, so the Service gets no endpoints and connections to it fail. Match the labels of the pods it is for.',
      nearMiss:
        '{{name}} selects no pods: {{other}} has {{near}} where the selector asks for {{wanted}}, so the Service gets no endpoints and connections to it fail. Make the two agree.',
    },
  },
  wire(ctx) {
    return {
      Service(service, self) {
        const selector = service.spec?.selector
        // no selector: endpoints are managed by hand (or by another controller); ExternalName has none
        if (!selector || Object.keys(selector).length === 0 || service.spec?.type === 'ExternalName') return
        if (ctx.index.podsSelectedBy(self.namespace, selector).length > 0) return
        const holders = ctx.index.podHoldersIn(self.namespace)
        // nothing in the namespace creates pods, or a custom resource may (an operator's Prometheus named in the
        // selector): the input does not show every pod
        const custom = Object.values(selector).some((v) => self.namespace !== undefined && ctx.index.mentionedByCustomResource(self.namespace, v))
        const severity = holders.length === 0 || custom ? 'info' : undefined
        const name = nameOf(self, ctx.cluster.namespace)
        const near = nearest(holders, selector)
        if (near) {
          ctx.report('nearMiss', {
            at: ['spec', 'selector', { key: near.key }],
            data: { name, other: nameOf(near.object, ctx.cluster.namespace), near: `${near.key}=${near.has}`, wanted: `${near.key}=${selector[near.key]}` },
            related: [{ object: near.object, path: [...near.object.pods!.specPath.slice(0, -1), 'metadata', 'labels', { key: near.key }], message: `the pod labels of ${nameOf(near.object, ctx.cluster.namespace)}` }],
            severity,
            // the Service is the one that selects nothing: it is changed to select the pods that are there
            fix: { title: `Change the selector's ${near.key} to "${near.has}"`, text: yamlString(near.has) },
          })
          return
        }
        ctx.report('none', { at: ['spec', 'selector'], point: 'key', data: { name, where: inNamespace(self.namespace), labels: labelList(selector) }, severity })
      },
    }
  },
})

/** a label value as a YAML scalar: plain when it cannot be read as anything but that string */
function yamlString(value: string): string {
  return /^[A-Za-z][A-Za-z0-9._-]*$/.test(value) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(value) ? value : JSON.stringify(value)
}

/** a pod template that has every selector key and one value that looks like a typo of the selector's: the one meant */
function nearest(holders: readonly IndexedObject[], selector: Record<string, string>): { object: IndexedObject; key: string; has: string } | undefined {
  for (const object of holders) {
    const labels = object.pods!.labels
    const keys = Object.keys(selector)
    if (!keys.every((k) => Object.hasOwn(labels, k))) continue
    const differing = keys.filter((k) => labels[k] !== selector[k])
    if (differing.length === 1 && looksLikeTypo(labels[differing[0]], String(selector[differing[0]]))) return { object, key: differing[0], has: labels[differing[0]] }
  }
  return undefined
}

/** the same but for case, or at most two edits apart (and not short words, which are all close to each other) */
function looksLikeTypo(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 2) return false
  return editDistance(a, b, 2) <= 2
}
