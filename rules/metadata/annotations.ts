// Annotation keys and the total size of the annotations of every object and validated pod template (A.1 M10, M11).
import { podSpecSite } from '../../src/kind-groups.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { annotationErrors, isObj, kindFacts, podTemplateMeta, TOTAL_ANNOTATION_SIZE_LIMIT } from '../../src/validation/metadata.js'

export default defineRule({
  meta: {
    id: 'metadata/annotations',
    category: 'server',
    severity: 'error',
    description: 'An annotation key is not a qualified name (ignoring case), or the annotations add up to more than 256 KiB.',
    remediation: "Use keys of the form [prefix/]name with letters, digits, '-', '_' or '.', and keep large content out of annotations.",
    messages: {
      invalidKey: '{{error}}. Annotation keys are [prefix/]name: name up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.',
      tooLarge: `{{error}}. Keys and values together take {{size}} bytes; move large content to a ConfigMap, or use server-side apply (kubectl apply --server-side) which does not write the last-applied-configuration annotation.`,
    },
  },
  create(ctx) {
    const check = (annotations: unknown, path: readonly PathSegment[]) => {
      const { keys, size } = annotationErrors(annotations, path, ctx.minor)
      for (const e of keys) ctx.report('invalidKey', e, { point: 'key' })
      if (size) ctx.report('tooLarge', size, { point: 'key', data: { size: sizeOf(annotations) } })
    }
    return {
      Object(object) {
        check(isObj(object.metadata) ? object.metadata.annotations : undefined, ['metadata', 'annotations'])
        if (!kindFacts(ctx.kubernetesVersion, ctx.apiVersion, ctx.kind).builtin) return
        const template = podTemplateMeta(object, podSpecSite(ctx.apiVersion, ctx.kind, ctx.minor))
        if (template) check(template.meta.annotations, [...template.path, 'annotations'])
      },
    }
  },
})

function sizeOf(annotations: unknown): number {
  let total = 0
  for (const [k, v] of Object.entries(isObj(annotations) ? annotations : {})) total += Buffer.byteLength(k) + (typeof v === 'string' ? Buffer.byteLength(v) : 0)
  return total > TOTAL_ANNOTATION_SIZE_LIMIT ? total : 0
}
