import { fieldError } from '../../src/field-errors.js'
import { defineRule } from '../../src/rule.js'
import { containersOf, unset } from '../../src/validation/container.js'

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never']

export default defineRule({
  meta: {
    id: 'container/image',
    category: 'server',
    severity: 'error',
    description: 'A container has no image, an image with surrounding whitespace (Pods), or an unknown imagePullPolicy.',
    remediation: 'Set the image to a trimmed image reference and imagePullPolicy to Always, IfNotPresent or Never.',
    messages: {
      imageRequired: '{{error}}. Set the image the container runs.',
      imageWhitespace: '{{error}}. Remove the spaces around the image reference.',
      pullPolicy: '{{error}}. The policy is case-sensitive.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit, ['containers', 'initContainers', 'ephemeralContainers'])) {
          const { image, imagePullPolicy } = c.container
          // an absent image is schema/required's finding; an empty one is this rule's
          if (image === '') ctx.report('imageRequired', fieldError.required([...c.path, 'image']))
          // only Pods: templates with such images were accepted before the check and must stay updatable
          else if (!visit.template && typeof image === 'string' && image !== image.trim()) {
            ctx.report('imageWhitespace', fieldError.invalid([...c.path, 'image'], image, 'must not have leading or trailing whitespace'))
          }
          if (!unset(imagePullPolicy) && !PULL_POLICIES.includes(imagePullPolicy as string)) {
            ctx.report('pullPolicy', fieldError.notSupported([...c.path, 'imagePullPolicy'], imagePullPolicy, PULL_POLICIES))
          }
        }
      },
    }
  },
})
