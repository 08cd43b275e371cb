// The API server's checks of a Job spec (batch validation's validateJobSpec), shared by Jobs and the jobTemplate of
// CronJobs: each returns its errors with the kind of problem, so that a rule can report them under its own ids.
import type { JobSpec } from 'kubernetes-types/batch/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import type { PathSegment } from '../types.js'
import { nonNegativeErrors } from './workload.js'

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100000
const COMPLETIONS_LIMIT_FOR_BACKOFF_LIMIT_PER_INDEX = 100000
const MAX_FAILED_INDEXES_LIMIT = 100000
const MAX_POD_FAILURE_POLICY_RULES = 20

export interface JobSpecError {
  kind: 'negative' | 'completionMode' | 'indexed' | 'podFailurePolicy'
  error: FieldError
}

/** the count, completion-mode and policy checks of validateJobSpec (not the template, not the selector) */
export function jobSpecErrors(spec: JobSpec, path: readonly PathSegment[]): JobSpecError[] {
  const out: JobSpecError[] = []
  const at = (...rest: PathSegment[]) => [...path, ...rest]
  const add = (kind: JobSpecError['kind'], errors: FieldError[]) => errors.forEach((error) => out.push({ kind, error }))
  const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null
  add('negative', nonNegativeErrors(spec.parallelism, at('parallelism')))
  add('negative', nonNegativeErrors(spec.completions, at('completions')))
  add('negative', nonNegativeErrors(spec.activeDeadlineSeconds, at('activeDeadlineSeconds')))
  add('negative', nonNegativeErrors(spec.backoffLimit, at('backoffLimit')))
  add('negative', nonNegativeErrors(spec.ttlSecondsAfterFinished, at('ttlSecondsAfterFinished')))
  add('negative', nonNegativeErrors(spec.backoffLimitPerIndex, at('backoffLimitPerIndex')))
  if (given(spec.maxFailedIndexes)) {
    add('negative', nonNegativeErrors(spec.maxFailedIndexes, at('maxFailedIndexes')))
    if (!given(spec.backoffLimitPerIndex)) add('indexed', [fieldError.required(at('backoffLimitPerIndex'), 'when maxFailedIndexes is specified')])
  }
  const mode = spec.completionMode
  if (given(mode) && mode !== 'NonIndexed' && mode !== 'Indexed') {
    add('completionMode', [fieldError.notSupported(at('completionMode'), mode, ['NonIndexed', 'Indexed'])])
  }
  if (mode === 'Indexed') {
    if (!given(spec.completions)) add('indexed', [fieldError.required(at('completions'), 'when completion mode is Indexed')])
    if (given(spec.parallelism) && spec.parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
      add('indexed', [fieldError.invalid(at('parallelism'), spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`)])
    }
    if (given(spec.completions) && given(spec.maxFailedIndexes) && spec.maxFailedIndexes > spec.completions) {
      add('indexed', [fieldError.invalid(at('maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions')])
    }
    if (given(spec.maxFailedIndexes) && spec.maxFailedIndexes > MAX_FAILED_INDEXES_LIMIT) {
      add('indexed', [fieldError.invalid(at('maxFailedIndexes'), spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_LIMIT}`)])
    }
    if (given(spec.completions) && given(spec.backoffLimitPerIndex) && spec.completions > COMPLETIONS_LIMIT_FOR_BACKOFF_LIMIT_PER_INDEX) {
      add('indexed', [
        fieldError.invalid(at('completions'), spec.completions, `must be less than or equal to ${COMPLETIONS_LIMIT_FOR_BACKOFF_LIMIT_PER_INDEX} when backoffLimitPerIndex is specified`),
      ])
    }
  }
  if (!given(mode) || mode === 'NonIndexed') {
    if (given(spec.backoffLimitPerIndex)) add('indexed', [fieldError.invalid(at('backoffLimitPerIndex'), spec.backoffLimitPerIndex, 'requires indexed completion mode')])
    if (given(spec.maxFailedIndexes)) add('indexed', [fieldError.invalid(at('maxFailedIndexes'), spec.maxFailedIndexes, 'requires indexed completion mode')])
  }
  const rules = spec.podFailurePolicy?.rules
  if (rules && rules.length > MAX_POD_FAILURE_POLICY_RULES) {
    add('podFailurePolicy', [fieldError.tooMany(at('podFailurePolicy', 'rules'), rules.length, MAX_POD_FAILURE_POLICY_RULES)])
  }
  return out
}

/** the restartPolicy check of validateJobSpec: OnFailure or Never, and Never with a podFailurePolicy */
export function jobRestartPolicyError(spec: JobSpec, path: readonly PathSegment[]): FieldError | undefined {
  const policy = spec.template?.spec?.restartPolicy ?? ''
  const at = [...path, 'template', 'spec', 'restartPolicy']
  if (policy === 'Always' || policy === '') return fieldError.required(at, 'valid values: "OnFailure", "Never"')
  if (policy !== 'OnFailure' && policy !== 'Never') return fieldError.notSupported(at, policy, ['OnFailure', 'Never'])
  if (spec.podFailurePolicy && policy !== 'Never') return fieldError.invalid(at, policy, 'only "Never" is supported when podFailurePolicy is specified')
  return undefined
}
