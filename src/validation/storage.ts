// Quantities as resource.Quantity reads them, exactly (BigInt fractions): enough for the sign checks of storage
// requests and HPA targets, and the "fractional byte value" warning, which sees the value rounded up to milli units.
import type { PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import { dns1123Subdomain } from '../name-formats.js'
import { formatPath } from '../field-path.js'
import type { PathSegment } from '../types.js'
import { labelSelectorErrors } from './selector.js'

/** value = n / d, d > 0 */
export interface Quantity {
  n: bigint
  d: bigint
  /** written with an exponent (`1e3`): the server prints it back that way */
  exponent: boolean
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }

/** a quantity as YAML gives it (string or number); undefined when it is not one (the decode stage reports those) */
export function parseQuantity(value: unknown): Quantity | undefined {
  const text = typeof value === 'number' ? String(value) : value
  if (typeof text !== 'string') return undefined
  const m = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const [, sign, whole, frac = '', suffix] = m
  let n = BigInt(whole + frac || '0') * (sign === '-' ? -1n : 1n)
  let d = 10n ** BigInt(frac.length)
  let exponent = false
  if (suffix in DECIMAL) {
    const e = DECIMAL[suffix]
    if (e >= 0) n *= 10n ** BigInt(e)
    else d *= 10n ** BigInt(-e)
  } else if (suffix in BINARY) {
    n *= 2n ** BigInt(BINARY[suffix])
  } else {
    const e = /^[eE]([+-]?[0-9]+)$/.exec(suffix)
    if (!e) return undefined
    const x = Number(e[1])
    if (x >= 0) n *= 10n ** BigInt(x)
    else d *= 10n ** BigInt(-x)
    exponent = true
  }
  return { n, d, exponent }
}

export const sign = (q: Quantity): number => (q.n > 0n ? 1 : q.n < 0n ? -1 : 0)

/** the value in milli units rounded up, as SetDefaults_ResourceList leaves it */
export function milliCeil(q: Quantity): bigint {
  const x = q.n * 1000n
  const floor = x / q.d - (x % q.d < 0n ? 1n : 0n)
  return x % q.d === 0n ? x / q.d : floor + 1n
}

/** GetWarningsForPersistentVolumeClaimSpec: MilliValue() % 1000 != 0 */
export function isFractional(q: Quantity): boolean {
  return milliCeil(q) % 1000n !== 0n
}

/** how the server prints a fractional value rounded to milli units: `1500m` (or `1500e-3` when written with an exponent) */
export function formatMilli(q: Quantity): string {
  const milli = milliCeil(q)
  return q.exponent ? `${milli}e-3` : `${milli}m`
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
