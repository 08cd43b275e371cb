// What a PodDisruptionBudget allows, as the disruption controller computes its status (k8s-semantics §B.9), assuming
// every matched pod is healthy: the best case, so a budget that allows nothing here blocks every drain.
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import { scaledValue } from './rollout.js'

export interface PdbPods {
  /** the summed scale of the controllers owning the matched pods (what a percentage or maxUnavailable is taken of) */
  expected: number
  /** pods the selector matches */
  matched: number
}

export interface PdbBudget {
  /** status.expectedPods */
  expectedPods: number
  /** status.desiredHealthy */
  desiredHealthy: number
  /** status.disruptionsAllowed with every matched pod healthy */
  disruptionsAllowed: number
}

/** getExpectedPodCount and updatePdbStatus of disruption.go; percentages round up for both fields */
export function pdbBudget(pdb: PodDisruptionBudget, pods: PdbPods): PdbBudget {
  const { maxUnavailable, minAvailable } = pdb.spec ?? {}
  let expectedPods = 0
  let desiredHealthy = 0
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    expectedPods = pods.expected
    desiredHealthy = Math.max(0, expectedPods - scaledValue(maxUnavailable, expectedPods, true))
  } else if (typeof minAvailable === 'number') {
    // an absolute minAvailable is the one case that counts pods rather than controller scales
    expectedPods = pods.matched
    desiredHealthy = minAvailable
  } else if (typeof minAvailable === 'string') {
    expectedPods = pods.expected
    desiredHealthy = scaledValue(minAvailable, expectedPods, true)
  }
  // neither field set: the controller leaves expectedPods at 0, and the guard below then allows nothing
  const healthy = pods.matched
  // expectedPods must be > 0 so that a budget whose first pods just appeared is safe until its status catches up
  const disruptionsAllowed = expectedPods <= 0 ? 0 : Math.max(0, healthy - desiredHealthy)
  return { expectedPods, desiredHealthy, disruptionsAllowed }
}

/** pods are matched but, even with all of them healthy, no eviction is allowed: drains hang */
export function blocksAllEvictions(pdb: PodDisruptionBudget, pods: PdbPods): boolean {
  return pods.matched > 0 && pdbBudget(pdb, pods).disruptionsAllowed === 0
}
