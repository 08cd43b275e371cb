// The API server's warning about the seccomp annotations that the seccompProfile field replaced (A.20).
import { podSpecSite } from '../../src/kind-groups.js'
import { defineRule } from '../../src/rule.js'
import { warning } from '../../src/validation/pod.js'

const POD_KEY = 'seccomp.security.alpha.kubernetes.io/pod'
const CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/'
const TEXT = 'non-functional in v1.27+; use the "seccompProfile" field instead'

export default defineRule({
  meta: {
    id: 'pod/seccomp-annotations',
    category: 'server',
    severity: 'warning',
    description: 'A pod or pod template with the old seccomp annotations, which do nothing since Kubernetes 1.27; the API server warns about them.',
    remediation: 'Set securityContext.seccompProfile on the pod or container instead, and remove the annotation.',
    messages: {
      annotation: '{{error}}.',
    },
  },
  create(ctx) {
    return {
      Object(object) {
        const site = podSpecSite(object.apiVersion, object.kind, ctx.minor)
        if (!site) return
        // the pod's metadata sits next to its spec: `metadata` of a Pod, `…template.metadata` of a template
        const metaPath = [...site.path.slice(0, -1), 'metadata']
        let meta: unknown = object
        for (const seg of metaPath) meta = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)[String(seg)] : undefined
        const annotations = typeof meta === 'object' && meta !== null ? (meta as { annotations?: unknown }).annotations : undefined
        if (typeof annotations !== 'object' || annotations === null) return
        const keys = Object.keys(annotations)
        const at = (key: string) => [...metaPath, 'annotations', { key }]
        if (keys.includes(POD_KEY)) ctx.report('annotation', warning(at(POD_KEY), TEXT), { point: 'key' })
        // upstream warns once, for the first container annotation it meets
        const container = keys.find((k) => k.startsWith(CONTAINER_PREFIX))
        if (container) ctx.report('annotation', warning(at(container), TEXT), { point: 'key' })
      },
    }
  },
})
