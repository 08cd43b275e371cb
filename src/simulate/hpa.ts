// The HorizontalPodAutoscaler's replica arithmetic and what its Utilization targets need from the pods
// (k8s-semantics §B.5; horizontal.go, replica_calculator.go).
import type { MetricSpec } from 'kubernetes-types/autoscaling/v2.js'
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js'
import type { PathSegment } from '../types.js'
import type { HpaView } from '../validation/autoscaling.js'
import { containersOf, isSidecar, type ContainerVisit } from '../validation/container.js'

const DEFAULT_TOLERANCE = 0.1 // --horizontal-pod-autoscaler-tolerance
// the simulation follows the current release, where native sidecars are on
const CURRENT_MINOR = 35

export interface ReplicaInput {
  /** the target's current replicas (the HPA counts ready pods; they are taken to be the same) */
  current: number
  /** current metric value / target value */
  ratio: number
  /** how far the ratio may stray from 1 with no change; default 0.1 */
  tolerance?: number
  min: number
  max: number
}

/** The recommendation of one sync (before behavior's rate limits and the scale-down stabilization window). */
export function desiredReplicas(input: ReplicaInput): number {
  const { current, ratio, min, max } = input
  const tolerance = input.tolerance ?? DEFAULT_TOLERANCE
  // as the controller does before looking at metrics: 0 replicas turns autoscaling off; out of range is pulled in
  if (current === 0 && min !== 0) return 0
  if (current > max) return max
  if (current < min) return min
  const desired = 1 - tolerance <= ratio && ratio <= 1 + tolerance ? current : Math.ceil(ratio * current)
  return Math.min(max, Math.max(min, desired))
}

export interface UtilizationInput {
  current: number
  /** the pods' usage as a percent of their requests */
  utilization: number
  /** the target's averageUtilization */
  target: number
  tolerance?: number
  min: number
  max: number
}

/** desiredReplicas for a Utilization target; the controller truncates utilization to a whole percent first */
export function desiredForUtilization(input: UtilizationInput): number {
  const { utilization, target, ...rest } = input
  return desiredReplicas({ ...rest, ratio: Math.trunc(utilization) / target })
}

export interface MissingRequest {
  container: string
  list: 'containers' | 'initContainers'
  index: number
}

/**
 * calculatePodRequests: the containers in scope (all containers and native sidecars, or just the one a
 * ContainerResource metric names) that have no request for the resource, each of which leaves the HPA unable to
 * compute utilization. A container naming no container matches nothing here: that is another check's business.
 */
export function missingRequests(metric: { resource: string; container?: string }, podSpec: PodSpec): MissingRequest[] {
  const podLevel = (podSpec as PodSpec & { resources?: Container['resources'] }).resources
  if (metric.container === undefined && hasRequest(podLevel, metric.resource)) return []
  const visit = { path: [], template: true, kind: 'Pod' }
  const inScope = (c: ContainerVisit) => c.list === 'containers' || isSidecar(c, CURRENT_MINOR)
  return containersOf(podSpec, visit)
    .filter((c) => inScope(c) && (metric.container === undefined || c.container.name === metric.container))
    .filter((c) => !hasRequest(c.container.resources, metric.resource))
    .map((c) => ({ container: c.container.name, list: c.list as MissingRequest['list'], index: c.index }))
}

// src/defaults.ts copies limits into requests only for Pods, but the server does the same (SetDefaults_Pod) to
// every pod a controller creates from a template, so a limit stands for the request here
function hasRequest(resources: Container['resources'] | null | undefined, resource: string): boolean {
  const has = (list: Record<string, unknown> | null | undefined) => list !== undefined && list !== null && Object.hasOwn(list, resource)
  return has(resources?.requests) || has(resources?.limits)
}

export interface UtilizationMetric {
  /** the metric's index in the view (spec.metrics[i]) */
  index: number
  /** where its target sits in the source object */
  path: readonly PathSegment[]
  type: 'Resource' | 'ContainerResource'
  resource: string
  /** the container a ContainerResource metric names */
  container?: string
  /** averageUtilization */
  targetPercent: number
}

// a view with no metrics is v1 without targetCPUUtilizationPercentage, which the controller reads as cpu at 80%
const V1_DEFAULT: MetricSpec = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }

/**
 * The Resource and ContainerResource metrics measured against requests. The controller goes by the fields, not by
 * target.type (their agreement is not validated): averageValue wins when set, else averageUtilization is used.
 */
export function utilizationMetrics(view: HpaView): UtilizationMetric[] {
  const metrics = view.metrics.length > 0 ? view.metrics : [V1_DEFAULT]
  const out: UtilizationMetric[] = []
  metrics.forEach((m, index) => {
    const field = m.type === 'Resource' ? 'resource' : m.type === 'ContainerResource' ? 'containerResource' : undefined
    const source = field === 'resource' ? m.resource : field === 'containerResource' ? m.containerResource : undefined
    const target = source?.target
    if (!field || !source || typeof source.name !== 'string' || source.name === '') return
    if (typeof target?.averageUtilization !== 'number' || (target.averageValue !== undefined && target.averageValue !== null)) return
    const container = m.type === 'ContainerResource' ? m.containerResource?.container : undefined
    out.push({
      index,
      path: view.metricSource(index, [field, 'target', 'averageUtilization']),
      type: m.type as UtilizationMetric['type'],
      resource: source.name,
      ...(container !== undefined ? { container } : {}),
      targetPercent: target.averageUtilization,
    })
  })
  return out
}
