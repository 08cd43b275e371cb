// Policy: containers without an ephemeral-storage limit, or without any ephemeral-storage request or limit (peer
// concept 43: kube-score container-ephemeral-storage-request-and-limit).
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { declaredResources, longRunningContainers } from '../../src/validation/container.js'

const unset = (v: unknown): boolean => v === undefined || v === null

export default defineRule({
  meta: {
    id: 'resources/ephemeral-storage',
    category: 'reliability',
    severity: 'warning',
    preset: 'all',
    description: 'A container (or native sidecar) without an ephemeral-storage limit, counting a limit as the request the API server derives from it.',
    remediation: 'Set resources.limits.ephemeral-storage to what the container may write to its node\'s disk (logs, writable layer, emptyDir), and a request for what it usually writes.',
    messages: {
      missing:
        '{{container}} sets no ephemeral-storage request or limit: the scheduler places it as if it wrote nothing to disk, and its logs, writable layer and emptyDir volumes can fill the node\'s disk, after which the kubelet evicts other pods of the node too. Set resources.limits.ephemeral-storage (e.g. 1Gi) and a request for its usual use.',
      limit:
        '{{container}} requests ephemeral-storage but sets no limit: nothing stops it from filling the node\'s disk, after which the kubelet evicts other pods as well. Set resources.limits.ephemeral-storage; a pod over its limit is evicted alone.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // plain init containers run one at a time before the others, as in resources/requests
        for (const c of longRunningContainers(spec, visit, ctx.minor)) {
          const { requests, limits } = declaredResources(c)
          // a limit alone is enough: a pod's missing request is set to its limit
          if (!unset(limits['ephemeral-storage'])) continue
          const messageId = unset(requests['ephemeral-storage']) ? 'missing' : 'limit'
          ctx.report(messageId, { path: [...c.path, 'resources', 'limits', 'ephemeral-storage'], text: '' }, { data: { container: containerLabel(c) } })
        }
      },
    }
  },
})
