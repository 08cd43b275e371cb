// Policy: containers whose image pull policy, as written or as defaulted from the tag, is not Always (peer concept
// 37: Polaris pullPolicyNotAlways, kube-score container-image-pull-policy).
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { containersOf } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'hygiene/pull-policy',
    category: 'hygiene',
    severity: 'warning',
    preset: 'all',
    description: 'A container whose imagePullPolicy is not Always, as written or as the API server defaults it (IfNotPresent for an image with a tag other than latest, or a digest).',
    remediation: 'Set imagePullPolicy: Always, so every pod start checks the registry (and the pod\'s pull credentials) for the image.',
    messages: {
      notAlways:
        '{{container}} pulls image {{image}} {{policy}}{{why}}: a node that already has an image of that name runs it without asking the registry, so a tag pushed again is not picked up, and a pod with no credentials for a private image can start it once another pod has pulled it. Set imagePullPolicy: Always.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit)) {
          // the defaulted object always has a policy when it has an image; an empty image is container/image's error
          const policy: unknown = c.container.imagePullPolicy
          if (typeof policy !== 'string' || policy === 'Always') continue
          const why = policy === 'IfNotPresent' ? ' (also the default for an image with a version tag or a digest)' : ''
          ctx.report('notAlways', { path: [...c.path, 'imagePullPolicy'], text: '' }, { data: { container: containerLabel(c), image: c.container.image, policy, why } })
        }
      },
    }
  },
})
