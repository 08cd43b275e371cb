// Label keys and values of every object and of the pod templates the server validates (A.1 M8, M9).
import { podSpecSite } from '../../src/kind-groups.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { isObj, kindFacts, labelErrors, podTemplateMeta } from '../../src/validation/metadata.js'

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

export default defineRule({
  meta: {
    id: 'metadata/labels',
    category: 'server',
    severity: 'error',
    description: 'A label key is not a qualified name, or a label value is not a valid label value.',
    remediation: "Keep label keys to an optional DNS prefix and '/' plus up to 63 letters, digits, '-', '_' or '.', and values to the same 63 characters or empty.",
    messages: {
      invalidKey: '{{error}}. Label keys are [prefix/]name: name up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
      invalidValue: '{{error}}. Label values are up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit, or empty.',
    },
  },
  create(ctx) {
    const check = (labels: unknown, path: readonly PathSegment[], skipKey?: string) => {
      for (const { part, error } of labelErrors(labels, path, ctx.minor, skipKey)) {
        if (part === 'key') ctx.report('invalidKey', error, { point: 'key' })
        else ctx.report('invalidValue', error)
      }
    }
    return {
      Object(object) {
        const meta = isObj(object.metadata) ? object.metadata : {}
        // the server sets kubernetes.io/metadata.name to the Namespace's name itself: metadata/name covers it
        check(meta.labels, ['metadata', 'labels'], ctx.kind === 'Namespace' ? NAMESPACE_NAME_LABEL : undefined)
        if (!kindFacts(ctx.kubernetesVersion, ctx.apiVersion, ctx.kind).builtin) return
        const template = podTemplateMeta(object, podSpecSite(ctx.apiVersion, ctx.kind, ctx.minor))
        if (template) check(template.meta.labels, [...template.path, 'labels'])
      },
    }
  },
})

