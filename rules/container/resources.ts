import type { ResourceRequirements } from 'kubernetes-types/core/v1.js'
import { fieldError } from '../../src/field-errors.js'
import { qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { containersOf, unset } from '../../src/validation/container.js'
import {
  compareQuantities, formatQuantity, integerValue, milliValue, parseQuantity, resourceQuantity, sign, type Quantity,
} from '../../src/validation/quantity.js'

// helper.standardResources: names a ResourceList may use without a prefix
const STANDARD = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory',
  'limits.ephemeral-storage', 'pods', 'quotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
])
const CONTAINER_STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage'])
const RESIZE_RESOURCES = ['cpu', 'memory']
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer']

const isHugePages = (name: string) => name.startsWith('hugepages-')
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/')
const isExtended = (name: string) => !isNative(name) && !name.startsWith('requests.') && qualifiedName(`requests.${name}`).length === 0
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name)

export default defineRule({
  meta: {
    id: 'container/resources',
    category: 'server',
    severity: 'error',
    description: "A container's resources use an unknown resource name, a negative or fractional count, a request above its limit, or hugepages the server refuses; or its resizePolicy is invalid.",
    remediation: 'Use cpu, memory, ephemeral-storage, hugepages-<size> or a vendor-prefixed extended resource, keep requests at or below limits (equal for extended resources and hugepages), and whole numbers for extended resources.',
    messages: {
      resourceName: '{{error}}.',
      negative: '{{error}}.',
      notInteger: '{{error}}. Extended resources are counted in whole units.',
      requestAboveLimit: '{{error}}. Raise the limit or lower the request.',
      notOvercommittable: '{{error}}. Extended resources and hugepages cannot be overcommitted: the request must equal the limit.',
      limitRequired: '{{error}}. Set a limit equal to the request for this resource.',
      hugePagesNeedCpuOrMemory: '{{error}}. Add a cpu or memory request or limit.',
      hugePagesSize: '{{error}}.',
      resizePolicy: '{{error}}.',
    },
  },
  create(ctx) {
    return {
      PodSpec(spec, visit) {
        for (const c of containersOf(spec, visit)) {
          const resources = c.container.resources
          if (resources && typeof resources === 'object') checkRequirements(resources, [...c.path, 'resources'])
          // InPlacePodVerticalScaling: beta and on by default from 1.33 (the field is dropped before)
          if (c.list === 'containers' && ctx.minor >= 33) checkResizePolicy(c.container.resizePolicy, [...c.path, 'resizePolicy'], spec.restartPolicy)
        }
      },
    }

    function checkRequirements(resources: ResourceRequirements, path: readonly PathSegment[]): void {
      const limits = (resources.limits ?? {}) as Record<string, unknown>
      const requests = (resources.requests ?? {}) as Record<string, unknown>
      const limPath = [...path, 'limits']
      const reqPath = [...path, 'requests']
      let cpuOrMemory = false
      let hugePages = false
      const limitValues = new Map<string, Quantity>()
      for (const [name, raw] of Object.entries(limits)) {
        const q = resourceQuantity(raw)
        if (!q) continue
        limitValues.set(name, q)
        checkEntry(name, q, [...limPath, { key: name }])
        if (isHugePages(name)) hugePages = true
        if (name === 'cpu' || name === 'memory') cpuOrMemory = true
      }
      for (const [name, raw] of Object.entries(requests)) {
        const q = resourceQuantity(raw)
        if (!q) continue
        checkEntry(name, q, [...reqPath, { key: name }])
        const limit = limitValues.get(name)
        if (limit) {
          const cmp = compareQuantities(q, limit)
          if (cmp !== 0 && !overcommitAllowed(name)) {
            ctx.report('notOvercommittable', fieldError.invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(limit)}`))
          } else if (cmp > 0) {
            ctx.report('requestAboveLimit', fieldError.invalid(reqPath, formatQuantity(q), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`))
          }
        } else if (!overcommitAllowed(name)) {
          ctx.report('limitRequired', fieldError.required(limPath, 'Limit must be set for non overcommitable resources'))
        }
        if (isHugePages(name)) hugePages = true
        if (name === 'cpu' || name === 'memory') cpuOrMemory = true
      }
      if (hugePages && !cpuOrMemory) ctx.report('hugePagesNeedCpuOrMemory', fieldError.forbidden(path, 'HugePages require cpu or memory'))
    }

    function checkEntry(name: string, q: Quantity, path: readonly PathSegment[]): void {
      // validateContainerResourceName: validateResourceName's errors, then the container-specific one
      const nameErrors = qualifiedName(name)
      for (const msg of nameErrors) ctx.report('resourceName', fieldError.invalid(path, name, msg))
      const unprefixed = !name.includes('/')
      if (nameErrors.length === 0 && unprefixed && !STANDARD.has(name) && !isHugePages(name)) {
        ctx.report('resourceName', fieldError.invalid(path, name, 'must be a standard resource type or fully qualified'))
      }
      if (unprefixed && !CONTAINER_STANDARD.has(name) && !isHugePages(name)) {
        ctx.report('resourceName', fieldError.invalid(path, name, 'must be a standard resource for containers'))
      } else if (!unprefixed && !isNative(name) && !isExtended(name)) {
        ctx.report('resourceName', fieldError.invalid(path, name, "doesn't follow extended resource name standard"))
      }
      if (sign(q) < 0) ctx.report('negative', fieldError.invalid(path, formatQuantity(q), 'must be greater than or equal to 0'))
      if (isExtended(name) && milliValue(q) % 1000n !== 0n) ctx.report('notInteger', fieldError.invalid(path, formatQuantity(q), 'must be an integer'))
      if (isHugePages(name)) {
        const pageSize = parseQuantity(name.slice('hugepages-'.length))
        const divisible = pageSize !== undefined && sign(pageSize) > 0 && sign(q) >= 0 && integerValue(q) % integerValue(pageSize) === 0n
        if (!divisible) ctx.report('hugePagesSize', fieldError.invalid(path, formatQuantity(q), `${formatQuantity(q)} is not positive integer multiple of ${name}`))
      }
    }

    function checkResizePolicy(policies: unknown, path: readonly PathSegment[], podRestartPolicy: string | undefined): void {
      if (!Array.isArray(policies)) return
      const seen = new Set<string>()
      policies.forEach((p: { resourceName?: string; restartPolicy?: string } | null, i) => {
        if (!p || typeof p !== 'object') return
        const { resourceName, restartPolicy } = p
        if (typeof resourceName === 'string') {
          if (seen.has(resourceName)) ctx.report('resizePolicy', fieldError.duplicate([...path, i], resourceName))
          seen.add(resourceName)
        }
        if (unset(resourceName)) ctx.report('resizePolicy', fieldError.required(path))
        else if (!RESIZE_RESOURCES.includes(resourceName as string)) ctx.report('resizePolicy', fieldError.notSupported(path, resourceName, RESIZE_RESOURCES))
        if (unset(restartPolicy)) ctx.report('resizePolicy', fieldError.required(path))
        else if (!RESIZE_POLICIES.includes(restartPolicy as string)) ctx.report('resizePolicy', fieldError.notSupported(path, restartPolicy, RESIZE_POLICIES))
        if (podRestartPolicy === 'Never' && restartPolicy !== 'NotRequired') {
          ctx.report('resizePolicy', fieldError.invalid(path, restartPolicy ?? '', "must be 'NotRequired' when `restartPolicy` is 'Never'"))
        }
      })
    }
  },
})
