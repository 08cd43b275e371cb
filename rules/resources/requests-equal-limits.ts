// Policy: a container whose request is below its limit (peer concepts 42 and 44: kube-score
// container-resource-requests-equal-limits, container-cpu-requests-equal-limits, container-memory-requests-equal-limits,
// container-ephemeral-storage-request-equals-limit; all optional there).
import { ToolError } from '../../src/errors.js'
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { declaredResources, longRunningContainers } from '../../src/validation/container.js'
import { compareQuantities, resourceQuantity } from '../../src/validation/quantity.js'

const MESSAGE = { cpu: 'cpu', memory: 'memory', 'ephemeral-storage': 'ephemeralStorage' } as const
type Resource = keyof typeof MESSAGE
const isResource = (name: string): name is Resource => Object.hasOwn(MESSAGE, name)

export default defineRule({
  meta: {
    id: 'resources/requests-equal-limits',
    category: 'reliability',
    severity: 'info',
    preset: 'all',
    options: {
      resources: {
        type: 'string[]',
        default: ['cpu', 'memory'],
        description: 'the resources whose request must equal the limit: cpu, memory, ephemeral-storage (kube-score checks cpu and memory in one check, ephemeral-storage in another)',
      },
    },
    description: 'A container (or native sidecar) whose cpu or memory request is below its limit, so its pod may use more than the scheduler reserved for it.',
    remediation: 'Set the request equal to the limit for each resource the rule checks, or leave the request out (it then defaults to the limit).',
    messages: {
      cpu: '{{container}} requests {{request}} cpu but is limited to {{limit}}: the scheduler reserves only the request, so on a busy node it gets little more than that, and its pod is not in the Guaranteed QoS class. Set resources.requests.cpu to {{limit}}, or leave cpu out of the rule\'s resources option if the burst is intended.',
      memory:
        '{{container}} requests {{request}} of memory but is limited to {{limit}}: the scheduler reserves only the request, so when the node runs short of memory a container using more than it requested is the first the kubelet evicts or the kernel kills. Set resources.requests.memory to {{limit}}.',
      ephemeralStorage:
        '{{container}} requests {{request}} of ephemeral-storage but is limited to {{limit}}: the scheduler reserves only the request, so the node\'s disk can fill while each pod stays under its limit, and the kubelet then evicts the pods using more than they requested. Set resources.requests.ephemeral-storage to {{limit}}.',
    },
  },
  create(ctx) {
    const resources = (ctx.options.resources as readonly string[]).map((name) => {
      if (!isResource(name)) throw new ToolError(`option "resources" of rule "resources/requests-equal-limits": "${name}" is not one of ${Object.keys(MESSAGE).join(', ')}`)
      return name
    })
    return {
      PodSpec(spec, visit) {
        // plain init containers run alone before the others: what they reserve is given back when they finish
        for (const c of longRunningContainers(spec, visit, ctx.minor)) {
          const { requests, limits } = declaredResources(c)
          for (const resource of resources) {
            // a missing limit is resources/limits' finding; a missing request is set to the limit
            const limit = resourceQuantity(limits[resource])
            const request = resourceQuantity(requests[resource])
            // a request above the limit is the API server's error (container/resources)
            if (!limit || !request || compareQuantities(request, limit) >= 0) continue
            ctx.report(
              MESSAGE[resource],
              { path: [...c.path, 'resources', 'requests', resource], text: '' },
              { data: { container: containerLabel(c), request: String(requests[resource]), limit: String(limits[resource]) } },
            )
          }
        }
      },
    }
  },
})
