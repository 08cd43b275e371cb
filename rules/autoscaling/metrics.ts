import type { MetricSpec, MetricTarget } from 'kubernetes-types/autoscaling/v2.js'
import { fieldError, type FieldError } from '../../src/field-errors.js'
import { dns1123Label, pathSegmentName, qualifiedName } from '../../src/name-formats.js'
import { defineRule } from '../../src/rule.js'
import type { PathSegment } from '../../src/types.js'
import { hpaView } from '../../src/validation/autoscaling.js'
import { parseQuantity, sign } from '../../src/validation/quantity.js'

type Path = readonly PathSegment[]
type Source = 'object' | 'external' | 'pods' | 'resource' | 'containerResource'

const SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource']
const FIELD_OF: Record<string, Source> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' }
// the order the server validates the sources in: only the first one present is checked in depth
const SOURCE_ORDER: readonly Source[] = ['object', 'external', 'pods', 'resource', 'containerResource']
const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage'])
const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory',
  'limits.ephemeral-storage', 'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
])

const set = (v: unknown): boolean => v !== undefined && v !== null

/** ValidateContainerResourceName: the messages for a resource metric's name */
function resourceNameErrors(name: string, unit: 'bytes' | 'characters'): string[] {
  const qualified = qualifiedName(name, unit)
  if (qualified.length > 0) return qualified
  if (!name.includes('/')) {
    const errs: string[] = []
    if (!STANDARD_RESOURCES.has(name) && !name.startsWith('hugepages-') && !name.startsWith('requests.hugepages-')) errs.push('must be a standard resource type or fully qualified')
    if (!CONTAINER_RESOURCES.has(name) && !name.startsWith('hugepages-')) errs.push('must be a standard resource for containers')
    return errs
  }
  if (name.includes('kubernetes.io/')) return []
  const extended = !name.startsWith('requests.') && qualifiedName(`requests.${name}`, unit).length === 0
  return extended ? [] : ["doesn't follow extended resource name standard"]
}

export default defineRule({
  meta: {
    id: 'autoscaling/metrics',
    category: 'server',
    severity: 'error',
    description: "A HorizontalPodAutoscaler metric is incomplete or inconsistent: a missing or unknown type, a source block that does not match the type, a target with no value, or a value that is not positive.",
    remediation: 'Give each metric a type, the one matching source block (resource, pods, object, external or containerResource), and a positive target.',
    messages: {
      type: '{{error}}. Set type to Resource, Pods, Object, External or ContainerResource.',
      source: '{{error}}. Give the block that matches the metric type, and only that one.',
      resourceName: '{{error}}. Use cpu or memory (or a fully qualified extended resource).',
      metricName: '{{error}}. Name the metric the metrics API serves.',
      describedObject: '{{error}}. Name the object the metric describes (kind and name).',
      container: '{{error}}. Name the container whose usage is measured.',
      targetType: '{{error}}. Use Utilization, Value or AverageValue.',
      targetMissing: '{{error}}.',
      targetBoth: '{{error}}. Keep one of the two.',
      targetValue: '{{error}}. Targets must be positive.',
      scaleToZero: '{{error}}.',
    },
  },
  create(ctx) {
    const unit = ctx.minor >= 34 ? 'bytes' : 'characters'
    return {
      HorizontalPodAutoscaler(hpa) {
        const view = hpaView(ctx.apiVersion, hpa)
        if (!view) return
        // on v1 the converted metric's errors name spec.metrics[0] but sit on targetCPUUtilizationPercentage
        const report = (id: Parameters<typeof ctx.report>[0], i: number, error: FieldError) => ctx.report(id, { text: error.text, path: view.metricSource(i, error.path.slice(3)) })

        const checkTarget = (i: number, target: MetricTarget | undefined, path: Path) => {
          const type = target?.type ?? ''
          if (type === '') report('targetType', i, fieldError.required([...path, 'type'], 'must specify a metric target type'))
          if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') report('targetType', i, fieldError.invalid([...path, 'type'], type, 'must be either Utilization, Value, or AverageValue'))
          for (const field of ['value', 'averageValue'] as const) {
            const q = parseQuantity(target?.[field])
            if (q && sign(q) !== 1) report('targetValue', i, fieldError.invalid([...path, field], String(target?.[field]), 'must be positive'))
          }
          const utilization = target?.averageUtilization
          if (typeof utilization === 'number' && utilization < 1) report('targetValue', i, fieldError.invalid([...path, 'averageUtilization'], utilization, 'must be greater than 0'))
        }

        const checkMetricName = (i: number, metric: { name?: string | null } | undefined, path: Path) => {
          const name = metric?.name ?? ''
          if (name === '') report('metricName', i, fieldError.required([...path, 'name'], 'must specify a metric name'))
          else for (const msg of pathSegmentName(name)) report('metricName', i, fieldError.invalid([...path, 'name'], name, msg))
        }

        const checkResource = (i: number, src: NonNullable<MetricSpec['resource']> | NonNullable<MetricSpec['containerResource']>, path: Path, container: boolean) => {
          const name = src.name ?? ''
          if (name === '') report('resourceName', i, fieldError.required([...path, 'name'], 'must specify a resource name'))
          else for (const msg of resourceNameErrors(name, unit)) report('resourceName', i, fieldError.invalid([...path, 'name'], name, msg))
          if (container) {
            const c = (src as NonNullable<MetricSpec['containerResource']>).container ?? ''
            if (c === '') report('container', i, fieldError.required([...path, 'container'], 'must specify a container'))
            else for (const msg of dns1123Label(c)) report('container', i, fieldError.invalid([...path, 'container'], c, msg))
          }
          const target = src.target
          checkTarget(i, target, [...path, 'target'])
          if (!set(target?.averageUtilization) && !set(target?.averageValue)) {
            report('targetMissing', i, fieldError.required([...path, 'target', 'averageUtilization'], 'must set either a target raw value or a target utilization'))
          }
          if (set(target?.averageUtilization) && set(target?.averageValue)) {
            report('targetBoth', i, fieldError.forbidden([...path, 'target', 'averageValue'], 'may not set both a target raw value and a target utilization'))
          }
        }

        const checkSource = (i: number, metric: MetricSpec, source: Source, path: Path) => {
          switch (source) {
            case 'object': {
              const src = metric.object!
              for (const field of ['kind', 'name'] as const) {
                const value = src.describedObject?.[field] ?? ''
                if (value === '') report('describedObject', i, fieldError.required([...path, 'describedObject', field]))
                else for (const msg of pathSegmentName(value)) report('describedObject', i, fieldError.invalid([...path, 'describedObject', field], value, msg))
              }
              checkMetricName(i, src.metric, [...path, 'metric'])
              checkTarget(i, src.target, [...path, 'target'])
              if (!set(src.target?.value) && !set(src.target?.averageValue)) report('targetMissing', i, fieldError.required([...path, 'target', 'averageValue'], 'must set either a target value or averageValue'))
              break
            }
            case 'external': {
              const src = metric.external!
              checkMetricName(i, src.metric, [...path, 'metric'])
              checkTarget(i, src.target, [...path, 'target'])
              if (!set(src.target?.value) && !set(src.target?.averageValue)) {
                report('targetMissing', i, fieldError.required([...path, 'target', 'averageValue'], 'must set either a target value for metric or a per-pod target'))
              }
              if (set(src.target?.value) && set(src.target?.averageValue)) {
                report('targetBoth', i, fieldError.forbidden([...path, 'target', 'value'], 'may not set both a target value for metric and a per-pod target'))
              }
              break
            }
            case 'pods': {
              const src = metric.pods!
              checkMetricName(i, src.metric, [...path, 'metric'])
              checkTarget(i, src.target, [...path, 'target'])
              if (!set(src.target?.averageValue)) report('targetMissing', i, fieldError.required([...path, 'target', 'averageValue'], 'must specify a positive target averageValue'))
              break
            }
            case 'resource':
              checkResource(i, metric.resource!, path, false)
              break
            case 'containerResource':
              checkResource(i, metric.containerResource!, path, true)
              break
          }
        }

        let objectOrExternal = false
        view.metrics.forEach((metric, i) => {
          const path: Path = ['spec', 'metrics', i]
          const type = metric.type ?? ''
          // ContainerResource metrics were behind the HPAContainerMetrics gate (off) before 1.27
          if (ctx.minor < 27 && (type === 'ContainerResource' || set(metric.containerResource))) return
          if (type === '') report('type', i, fieldError.required([...path, 'type'], 'must specify a metric source type'))
          if (!SOURCE_TYPES.includes(type)) report('type', i, fieldError.notSupported([...path, 'type'], type, SOURCE_TYPES))
          if (type === 'Object' || type === 'External') objectOrExternal = true
          const present = SOURCE_ORDER.filter((s) => set(metric[s]))
          if (present.length > 0) checkSource(i, metric, present[0], [...path, present[0]])
          const expected = FIELD_OF[type]
          if (expected && !set(metric[expected])) report('source', i, fieldError.required([...path, expected], 'must populate information for the given metric source'))
          // the server lists the extra blocks in sorted order
          for (const extra of [...present].sort()) {
            if (extra !== expected) report('source', i, fieldError.forbidden([...path, extra], 'must populate the given metric source only'))
          }
        })
        if (view.minReplicas === 0 && !objectOrExternal) {
          ctx.report('scaleToZero', fieldError.forbidden(['spec', 'metrics'], 'must specify at least one Object or External metric to support scaling to zero replicas'))
        }
      },
    }
  },
})
