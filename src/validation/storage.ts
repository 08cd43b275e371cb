// Storage requests: the "fractional byte value" warning, which sees the value rounded up to milli units, and the
// claim-spec checks shared by PVCs, volumeClaimTemplates and ephemeral volume templates.
import type { PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import { dns1123Subdomain } from '../name-formats.js'
import { formatPath } from '../field-path.js'
import type { PathSegment } from '../types.js'
import { labelSelectorErrors } from './selector.js'
import { milliValue, parseQuantity, sign, type Quantity } from './quantity.js'

/** GetWarningsForPersistentVolumeClaimSpec: MilliValue() % 1000 != 0 */
export function isFractional(q: Quantity): boolean {
  return milliValue(q) % 1000n !== 0n
}

/** how the server prints a fractional value rounded to milli units: `1500m` (or `1500e-3` when written with an exponent) */
export function formatMilli(q: Quantity): string {
  const milli = milliValue(q)
  return q.format === 'DecimalExponent' ? `${milli}e-3` : `${milli}m`
}

// ---- PersistentVolumeClaim specs (A.13): claims, StatefulSet volumeClaimTemplates, ephemeral volume templates ----


export type ClaimProblem = 'accessModes' | 'storage' | 'storageClassName' | 'volumeMode' | 'selector' | 'dataSource'

export interface ClaimError {
  problem: ClaimProblem
  error: FieldError
  point?: 'key' | 'value'
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']
const VOLUME_MODES = ['Block', 'Filesystem']

type Ref = { apiGroup?: string | null; kind?: string | null; name?: string | null }

function dataSourceErrors(ref: Ref, path: readonly PathSegment[]): ClaimError[] {
  const out: ClaimError[] = []
  if (!ref.name) out.push({ problem: 'dataSource', error: fieldError.required([...path, 'name']) })
  if (!ref.kind) out.push({ problem: 'dataSource', error: fieldError.required([...path, 'kind']) })
  if (!ref.apiGroup && ref.kind !== 'PersistentVolumeClaim') {
    const error = fieldError.invalid(path, ref.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup")
    out.push({ problem: 'dataSource', error: ref.kind ? { ...error, path: [...path, 'kind'] } : error })
  }
  return out
}

/** ValidatePersistentVolumeClaimSpec, after the strategy's data source normalisation */
export function claimSpecErrors(spec: PersistentVolumeClaimSpec, path: readonly PathSegment[], minor: number): ClaimError[] {
  const out: ClaimError[] = []
  const modes = Array.isArray(spec.accessModes) ? spec.accessModes : []
  if (modes.length === 0) out.push({ problem: 'accessModes', error: fieldError.required([...path, 'accessModes'], 'at least 1 access mode is required') })
  for (const e of labelSelectorErrors(spec.selector, [...path, 'selector'], minor)) out.push({ problem: 'selector', ...e })
  // ReadWriteOncePod was behind an alpha gate (off) before 1.27
  const supported = minor >= 27 ? ACCESS_MODES : ACCESS_MODES.filter((m) => m !== 'ReadWriteOncePod')
  let rwop = false
  let other = false
  modes.forEach((mode, j) => {
    if (!supported.includes(mode)) out.push({ problem: 'accessModes', error: { ...fieldError.notSupported([...path, 'accessModes'], mode, supported), path: [...path, 'accessModes', j] } })
    if (mode === 'ReadWriteOncePod' && supported.includes(mode)) rwop = true
    else if (supported.includes(mode)) other = true
  })
  if (rwop && other) out.push({ problem: 'accessModes', error: fieldError.forbidden([...path, 'accessModes'], 'may not use ReadWriteOncePod with other access modes') })

  const storageText = [...path, 'resources', { key: 'storage' }]
  const storageAt = [...path, 'resources', 'requests', 'storage']
  const requests = spec.resources?.requests
  const raw = requests && typeof requests === 'object' ? (requests as Record<string, unknown>).storage : undefined
  if (raw === undefined || raw === null) {
    out.push({ problem: 'storage', error: { ...fieldError.required(storageText), path: storageAt } })
  } else {
    const q = parseQuantity(raw)
    if (q && sign(q) !== 1) out.push({ problem: 'storage', error: { ...fieldError.invalid(storageText, sign(q) === 0 ? '0' : String(raw), 'must be greater than zero'), path: storageAt } })
  }

  const className = spec.storageClassName
  if (typeof className === 'string' && className !== '') {
    for (const msg of dns1123Subdomain(className)) out.push({ problem: 'storageClassName', error: fieldError.invalid([...path, 'storageClassName'], className, msg) })
  }
  const mode = spec.volumeMode
  if (typeof mode === 'string' && !VOLUME_MODES.includes(mode)) out.push({ problem: 'volumeMode', error: fieldError.notSupported([...path, 'volumeMode'], mode, VOLUME_MODES) })

  // AnyVolumeDataSource (on from 1.24): dataSource and dataSourceRef are copied into each other when one is unset;
  // dataSourceRef.namespace is dropped (CrossNamespaceVolumeDataSource is alpha, off)
  const ds = spec.dataSource ?? undefined
  const ref = spec.dataSourceRef ?? undefined
  if (minor >= 24) {
    if (ds) out.push(...dataSourceErrors(ds, [...path, 'dataSource']))
    if (ref) out.push(...dataSourceErrors(ref, [...path, 'dataSourceRef']))
    if (ds && ref) {
      const group = (g: string | null | undefined) => (g === null ? undefined : g)
      if (group(ds.apiGroup) !== group(ref.apiGroup) || (ds.kind ?? '') !== (ref.kind ?? '') || (ds.name ?? '') !== (ref.name ?? '')) {
        out.push({ problem: 'dataSource', error: { ...fieldError.invalid(path, formatPath([...path, 'dataSource']), 'must match dataSourceRef'), path: [...path, 'dataSource'] }, point: 'key' })
      }
    }
  }
  return out
}
