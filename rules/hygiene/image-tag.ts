// Policy: images named without a tag or with :latest (peer concept 36: kube-linter latest-tag, kube-score
// container-image-tag, Polaris tagNotSpecified). A digest pins the image whatever the tag says.
import { containerLabel } from '../../src/policy/pod-security.js'
import { hasDigest, imageTag } from '../../src/image-ref.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'hygiene/image-tag',
    category: 'hygiene',
    severity: 'warning',
    preset: 'strict',
    description: 'A container image named without a tag or with the tag latest, and without a digest, so what runs depends on when a node pulled it.',
    remediation: 'Name a version tag (nginx:1.27.3) or pin a digest (nginx@sha256:…).',
    messages: {
      noTag: '{{container}} names image {{image}} without a tag, which means :latest: nodes run whatever version was latest when each pulled it, and a rollback cannot go back. Name a version tag or a digest.',
      latest:
        '{{container}} uses image {{image}}: :latest moves, so nodes run whatever version was latest when each pulled it, and a rollback cannot go back. Name a version tag or a digest.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit)) {
          const image: unknown = c.container.image
          // an empty image is container/image's error; a digest pins it
          if (typeof image !== 'string' || image.trim() === '' || hasDigest(image)) continue
          const tag = imageTag(image.trim())
          if (tag !== undefined && tag !== 'latest') continue
          ctx.report(tag === undefined ? 'noTag' : 'latest', { path: [...c.path, 'image'], text: '' }, { data: { container: containerLabel(c), image } })
        }
      },
    }
  },
})
