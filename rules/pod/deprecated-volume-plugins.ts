// The API server's warnings about deprecated in-tree volume plugins (A.20).
import { defineRule } from '../../src/rule.js'
import { warning } from '../../src/validation/pod.js'

const DEPRECATED: Record<string, string> = {
  gitRepo: 'deprecated in v1.11',
  cephfs: 'deprecated in v1.28, non-functional in v1.31+',
  rbd: 'deprecated in v1.28, non-functional in v1.31+',
  glusterfs: 'deprecated in v1.25, non-functional in v1.26+',
}

export default defineRule({
  meta: {
    id: 'pod/deprecated-volume-plugins',
    category: 'server',
    severity: 'warning',
    description: 'A volume of a deprecated in-tree plugin (gitRepo, cephfs, rbd, glusterfs), which the API server warns about.',
    remediation: 'Move to a CSI driver, or for gitRepo clone the repository into an emptyDir from an init container.',
    messages: {
      deprecated: '{{error}}.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        spec.volumes?.forEach((vol, i) => {
          for (const [plugin, text] of Object.entries(DEPRECATED)) {
            const source = (vol as unknown as Record<string, unknown> | null)?.[plugin]
            if (source !== undefined && source !== null) ctx.report('deprecated', warning([...visit.path, 'volumes', i, plugin], text), { point: 'key' })
          }
        })
      },
    }
  },
})
