// The HorizontalPodAutoscaler as the API server validates it: autoscaling/v1 and v2beta2 objects are converted to
// the one internal shape (v2's), so every rule reads this view. v1's targetCPUUtilizationPercentage becomes the
// cpu Utilization metric `spec.metrics[0]`, and errors about it name that path.
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1.js'
import type { HorizontalPodAutoscaler as HPAv2, HorizontalPodAutoscalerBehavior, MetricSpec } from 'kubernetes-types/autoscaling/v2.js'
import type { PathSegment } from '../types.js'

export interface HpaView {
  minReplicas: number
  maxReplicas: number | undefined
  scaleTargetRef: { apiVersion?: string | null; kind?: string | null; name?: string | null } | undefined
  metrics: MetricSpec[]
  /** where each metric is in the source; v1's converted metric sits on targetCPUUtilizationPercentage */
  metricSource(i: number, rest: readonly PathSegment[]): readonly PathSegment[]
  behavior: HorizontalPodAutoscalerBehavior | null | undefined
}

/** undefined for versions with another shape (v2beta1) or no spec */
export function hpaView(apiVersion: string, hpa: HPAv1 | HPAv2): HpaView | undefined {
  if (!hpa.spec) return undefined
  if (apiVersion === 'autoscaling/v1') {
    const spec = (hpa as HPAv1).spec!
    const target = spec.targetCPUUtilizationPercentage
    const metrics: MetricSpec[] =
      typeof target === 'number' ? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }] : []
    return {
      minReplicas: spec.minReplicas ?? 1,
      maxReplicas: spec.maxReplicas,
      scaleTargetRef: spec.scaleTargetRef,
      metrics,
      metricSource: () => ['spec', 'targetCPUUtilizationPercentage'],
      behavior: undefined,
    }
  }
  if (apiVersion !== 'autoscaling/v2' && apiVersion !== 'autoscaling/v2beta2') return undefined
  const spec = (hpa as HPAv2).spec!
  const metrics = Array.isArray(spec.metrics) && spec.metrics.length > 0 ? spec.metrics : [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]
  return {
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas,
    scaleTargetRef: spec.scaleTargetRef,
    metrics: metrics.map((m) => m ?? ({} as MetricSpec)),
    metricSource: (i, rest) => ['spec', 'metrics', i, ...rest],
    behavior: spec.behavior,
  }
}
