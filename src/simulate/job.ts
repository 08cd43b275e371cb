// What the job controller does with a Job's spec (k8s-semantics §B.7, §B.2): how many pods start, how failures are
// retried, when the Job goes away, and what its pods are called.
import type { JobSpec } from 'kubernetes-types/batch/v1.js'
import { generatedName, MAX_GENERATED_NAME } from './names.js'

const FIRST_RETRY_DELAY = 10 // DefaultJobPodFailureBackOff, seconds
const MAX_RETRY_DELAY = 600 // MaxJobPodFailureBackOff
const LISTED_DELAYS = 7 // 10 … 320, then 600: every later delay is 600 too

export interface JobPlan {
  completionMode: 'NonIndexed' | 'Indexed'
  parallelism: number
  /** null: a work queue, done when any pod succeeds */
  completions: number | null
  /** pods created at once when the Job starts (0 while suspended) */
  activeAtStart: number
  backoffLimit: number
  /** the wait before each retry the limit allows (per index with backoffLimitPerIndex), the first few */
  retryDelaysSeconds: number[]
  activeDeadlineSeconds?: number
  ttlSecondsAfterFinished?: number
  /** e.g. "job-xxxxx", or "job-0-xxxxx … job-4-xxxxx" for an Indexed Job */
  podNames: string
}

/** The plan for the (defaulted) Job `name`. */
export function jobPlan(name: string, spec: JobSpec): JobPlan {
  const completionMode = spec.completionMode === 'Indexed' ? 'Indexed' : 'NonIndexed'
  const parallelism = spec.parallelism ?? 1
  const completions = spec.completions ?? null
  const activeAtStart = spec.suspend === true ? 0 : completions === null ? parallelism : Math.min(parallelism, completions)
  const backoffLimit = spec.backoffLimit ?? 6
  const retries = Math.min(spec.backoffLimitPerIndex ?? backoffLimit, LISTED_DELAYS)
  const retryDelaysSeconds = Array.from({ length: Math.max(0, retries) }, (_, i) => Math.min(MAX_RETRY_DELAY, FIRST_RETRY_DELAY * 2 ** i))
  return {
    completionMode,
    parallelism,
    completions,
    activeAtStart,
    backoffLimit,
    retryDelaysSeconds,
    ...(typeof spec.activeDeadlineSeconds === 'number' ? { activeDeadlineSeconds: spec.activeDeadlineSeconds } : {}),
    ...(typeof spec.ttlSecondsAfterFinished === 'number' ? { ttlSecondsAfterFinished: spec.ttlSecondsAfterFinished } : {}),
    podNames: completionMode === 'Indexed' ? indexedPodNames(name, completions ?? 0) : generatedName(`${name}-`),
  }
}


// podGenerateNameWithIndex: the Job name is cut, never the index
function indexedPodName(name: string, index: number): string {
  const suffix = `-${index}-`
  const base = `${name}${suffix}`
  return `${base.length > MAX_GENERATED_NAME ? name.slice(0, MAX_GENERATED_NAME - suffix.length) + suffix : base}xxxxx`
}

function indexedPodNames(name: string, completions: number): string {
  // completions is required for Indexed Jobs; 0 completes at once with no pods
  if (completions <= 0) return `${name}-<index>-xxxxx`
  if (completions <= 2) return Array.from({ length: completions }, (_, i) => indexedPodName(name, i)).join(', ')
  return `${indexedPodName(name, 0)} … ${indexedPodName(name, completions - 1)}`
}
