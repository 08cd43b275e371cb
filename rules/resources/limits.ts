// Policy: containers without a memory or a cpu limit (peer concepts 41 and 39: kube-linter
// unset-memory-requirements, kube-score container-resources, Polaris memoryLimitsMissing / cpuLimitsMissing).
import { containerLabel } from '../../src/policy/pod-security.js'
import { defineRule } from '../../src/rule.js'
import { declaredResources, longRunningContainers } from '../../src/validation/container.js'

export default defineRule({
  meta: {
    id: 'resources/limits',
    category: 'reliability',
    severity: 'warning',
    preset: 'strict',
    options: { cpu: { type: 'boolean', default: true, description: 'also report containers without a cpu limit (false for teams that leave CPU uncapped on purpose)' } },
    description: 'A container (or native sidecar) without a memory limit, or without a cpu limit.',
    remediation: 'Set resources.limits.memory (often equal to the memory request); set resources.limits.cpu only if your team caps CPU.',
    messages: {
      memory:
        '{{container}} has no memory limit: a leak grows until the node runs out of memory, and the kernel then kills processes of other pods too. Set resources.limits.memory (commonly equal to the memory request).',
      cpu: '{{container}} has no cpu limit: a busy loop can take every idle core of the node. Set resources.limits.cpu, unless your team leaves CPU uncapped on purpose (a limit throttles the container even when the node has idle cores).',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of longRunningContainers(spec, visit, ctx.minor)) {
          const { limits } = declaredResources(c)
          for (const resource of ['memory', 'cpu'] as const) {
            if (limits[resource] !== undefined && limits[resource] !== null) continue
            if (resource === 'cpu' && ctx.options.cpu === false) continue
            ctx.report(resource, { path: [...c.path, 'resources', 'limits', resource], text: '' }, { data: { container: containerLabel(c) } })
          }
        }
      },
    }
  },
})
