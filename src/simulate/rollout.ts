// A Deployment's rollout bounds as the deployment controller resolves them (k8s-semantics §B.1): how many pods may
// exist and how many must stay available while the new ReplicaSet replaces the old ones.
import type { Deployment } from 'kubernetes-types/apps/v1.js'
import { percentValue } from '../validation/workload.js'

export interface RolloutPlan {
  strategy: 'RollingUpdate' | 'Recreate'
  /** spec.replicas (1 when absent) */
  replicas: number
  /** extra pods above replicas; 0 for Recreate */
  maxSurge: number
  /** pods that may be missing; for Recreate every pod goes, so it equals replicas */
  maxUnavailable: number
  /** maxSurge and maxUnavailable both rounded to 0, so the controller raised maxUnavailable to 1 */
  forcedUnavailable: boolean
  /** most pods at once during the rollout */
  maxPods: number
  /** fewest available pods during the rollout */
  minAvailable: number
  /** Recreate with replicas > 0: all old pods go before new ones start */
  downtime: boolean
}

/** intstr.GetScaledValueFromIntOrPercent: an int as is, a percent of total rounded up or down; absent (and invalid strings) count 0 */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value
  const percent = percentValue(value)
  if (percent === undefined) return 0
  // the same float arithmetic as Go: value * total / 100, then rounded
  const scaled = (percent * total) / 100
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled)
}

/** The fenceposts of a (defaulted) Deployment: ResolveFenceposts, MaxSurge and MaxUnavailable of deployment_util.go. */
export function deploymentRollout(d: Deployment): RolloutPlan {
  const replicas = d.spec?.replicas ?? 1
  if (d.spec?.strategy?.type === 'Recreate') {
    return { strategy: 'Recreate', replicas, maxSurge: 0, maxUnavailable: replicas, forcedUnavailable: false, maxPods: replicas, minAvailable: 0, downtime: replicas > 0 }
  }
  const ru = d.spec?.strategy?.rollingUpdate
  const surge = scaledValue(ru?.maxSurge, replicas, true)
  let unavailable = scaledValue(ru?.maxUnavailable, replicas, false)
  // rounding down can make both 0; the controller then lets one pod go rather than rely on surge (quota may block it)
  const forced = surge === 0 && unavailable === 0
  if (forced) unavailable = 1
  const maxUnavailable = replicas === 0 ? 0 : Math.min(unavailable, replicas)
  return {
    strategy: 'RollingUpdate',
    replicas,
    maxSurge: surge,
    maxUnavailable,
    forcedUnavailable: forced && replicas > 0,
    maxPods: replicas + surge,
    minAvailable: replicas - maxUnavailable,
    downtime: false,
  }
}
