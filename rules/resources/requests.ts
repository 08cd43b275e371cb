// Policy: containers without cpu or memory requests (peer concepts 38 and 40: kube-linter
// unset-cpu-requirements, kube-score container-resources, Polaris cpuRequestsMissing / memoryRequestsMissing).
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { declaredResources, longRunningContainers } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'resources/requests',
    category: 'efficiency',
    severity: 'warning',
    preset: 'strict',
    description: 'A container (or native sidecar) without a cpu or a memory request, counting a limit as the request the API server derives from it.',
    remediation: 'Set resources.requests.cpu and resources.requests.memory to what the container uses under normal load.',
    messages: {
      cpu: '{{container}} requests no cpu: the scheduler places it as if it needed none, so nodes fill up with pods that then fight for CPU, and it is the first to be starved. Set resources.requests.cpu to its usual use (e.g. 100m).',
      memory:
        '{{container}} requests no memory: the scheduler places it as if it needed none, and under memory pressure the kubelet evicts its pod among the first. Set resources.requests.memory to its usual use (e.g. 128Mi).',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        // plain init containers run one at a time before the others: their requests rarely decide placement
        for (const c of longRunningContainers(spec, visit, ctx.minor)) {
          const { requests, limits } = declaredResources(c)
          for (const resource of ['cpu', 'memory'] as const) {
            // a pod's missing request is set to its limit when the pod is created
            if (requests[resource] != null || limits[resource] != null) continue
            ctx.report(resource, { path: [...c.path, 'resources', 'requests', resource], text: '' }, { data: { container: containerLabel(c) } })
          }
        }
      },
    }
  },
})
