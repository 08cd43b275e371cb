// Helpers shared by the container rules: walking the containers of a pod spec, and resource.Quantity values
// parsed exactly (BigInt mantissa × 10^scale), compared and printed the way apimachinery does.
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js'
import { fieldError, type FieldError } from '../field-errors.js'
import { portName, portNumber } from '../name-formats.js'
import type { PodSpecVisit } from '../rule.js'
import type { PathSegment } from '../types.js'

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers'

export interface ContainerVisit {
  container: Container
  list: ContainerList
  index: number
  /** path of the container from the object's root, e.g. spec.template.spec.containers[0] */
  path: readonly PathSegment[]
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The containers of the given lists, in the server's order (containers, then initContainers, then ephemeral). */
export function containersOf(spec: PodSpec, visit: PodSpecVisit, lists: readonly ContainerList[] = ['containers', 'initContainers']): ContainerVisit[] {
  const out: ContainerVisit[] = []
  for (const list of lists) {
    const items: unknown = spec[list]
    if (!Array.isArray(items)) continue
    items.forEach((container: unknown, index) => {
      if (isObj(container)) out.push({ container: container as unknown as Container, list, index, path: [...visit.path, list, index] })
    })
  }
  return out
}

/** an init container that runs for the life of the pod (native sidecar, on by default from 1.29) */
export function isSidecar(c: ContainerVisit, minor: number): boolean {
  return c.list === 'initContainers' && minor >= 29 && c.container.restartPolicy === 'Always'
}

/** Go's zero value for strings: absent, null and "" all mean unset */
export const unset = (v: unknown): boolean => v === undefined || v === null || v === ''

// ---- resource.Quantity ----

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent'

export interface Quantity {
  /** value = mantissa × 10^scale, exactly */
  mantissa: bigint
  scale: number
  /** the format the value was written in; String() prints in it */
  format: QuantityFormat
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 }
const SHAPE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/

/** Parses a quantity as the API server decodes it (values below 1n are rounded up to 1n); undefined when it does not decode. */
export function parseQuantity(value: unknown): Quantity | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined
  if (text === undefined || text === '') return undefined
  const m = SHAPE.exec(text)
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined
  const [, sign, whole, fraction = '', suffix] = m
  let mantissa = BigInt(`${whole}${fraction}` || '0')
  if (sign === '-') mantissa = -mantissa
  let scale = -fraction.length
  let format: QuantityFormat
  if (suffix in DECIMAL) {
    scale += DECIMAL[suffix]
    format = 'DecimalSI'
  } else if (suffix in BINARY) {
    mantissa *= 1024n ** BigInt(BINARY[suffix])
    format = 'BinarySI'
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    scale += Number(suffix.slice(1))
    format = 'DecimalExponent'
  } else {
    return undefined
  }
  return roundUp({ mantissa, scale, format }, -9)
}

/** rounds away from zero to 10^minScale, as Quantity.RoundUp does (the server rounds ResourceLists to milli precision) */
export function roundUp(q: Quantity, minScale: number): Quantity {
  if (q.scale >= minScale) return q
  const div = 10n ** BigInt(minScale - q.scale)
  let mantissa = q.mantissa / div
  if (mantissa * div !== q.mantissa) mantissa += q.mantissa < 0n ? -1n : 1n
  return { mantissa, scale: minScale, format: q.format }
}

/** the quantity of a container's ResourceList entry, as validation sees it (after SetDefaults_ResourceList) */
export const resourceQuantity = (value: unknown): Quantity | undefined => {
  const q = parseQuantity(value)
  return q && roundUp(q, -3)
}

function aligned(a: Quantity, b: Quantity): [bigint, bigint] {
  const scale = Math.min(a.scale, b.scale)
  return [a.mantissa * 10n ** BigInt(a.scale - scale), b.mantissa * 10n ** BigInt(b.scale - scale)]
}

/** -1, 0 or 1, comparing values (500m equals 0.5) */
export function compareQuantities(a: Quantity, b: Quantity): number {
  const [x, y] = aligned(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

export const sign = (q: Quantity): number => (q.mantissa < 0n ? -1 : q.mantissa > 0n ? 1 : 0)

/** the value in thousandths, rounded up (Quantity.MilliValue) */
export function milliValue(q: Quantity): bigint {
  const r = roundUp(q, -3)
  return r.mantissa * 10n ** BigInt(r.scale + 3)
}

/** the value rounded up to an integer (Quantity.Value) */
export function integerValue(q: Quantity): bigint {
  const r = roundUp(q, 0)
  return r.mantissa * 10n ** BigInt(r.scale)
}

/** a value with a fractional part (Quantity.AsScale(0) not exact) */
export function isFractional(q: Quantity): boolean {
  return q.scale < 0 && q.mantissa % 10n ** BigInt(-q.scale) !== 0n
}

const DECIMAL_SUFFIX: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' }
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']

/** Quantity.String(): the canonical form (500m for 0.5, 1k for 1000, 1536Mi for 1.5Gi) */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0'
  let format = q.format
  if (format === 'BinarySI') {
    const small = compareQuantities(q, { mantissa: 1024n, scale: 0, format }) < 0 && compareQuantities(q, { mantissa: -1024n, scale: 0, format }) > 0
    if (small || isFractional(q)) format = 'DecimalSI'
  }
  if (format === 'BinarySI') {
    let n = integerValue(q)
    let exponent = 0
    while (exponent < 6 && n % 1024n === 0n) {
      n /= 1024n
      exponent++
    }
    return `${n}${BINARY_SUFFIX[exponent]}`
  }
  let { mantissa, scale } = q
  while (mantissa % 10n === 0n) {
    mantissa /= 10n
    scale++
  }
  const down = ((scale % 3) + 3) % 3
  mantissa *= 10n ** BigInt(down)
  scale -= down
  if (format === 'DecimalExponent') return scale === 0 ? `${mantissa}` : `${mantissa}e${scale}`
  const suffix = DECIMAL_SUFFIX[scale]
  if (suffix !== undefined) return `${mantissa}${suffix}`
  // beyond E or below n: apimachinery falls back to the exponent form
  return `${mantissa}e${scale}`
}

// ---- probe and lifecycle handlers (validateHandler) ----

/** IsHTTPHeaderName */
export function httpHeaderName(value: string): string[] {
  return /^[-A-Za-z0-9]+$/.test(value)
    ? []
    : ["a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"]
}

export type HandlerProblem = 'handler' | 'exec' | 'port' | 'scheme' | 'header' | 'sleep'

export interface HandlerCheck {
  /** the handler types this place accepts, in the server's order (probes: exec, httpGet, tcpSocket, grpc; lifecycle: exec, httpGet, tcpSocket, sleep) */
  types: readonly string[]
  /** the pod's terminationGracePeriodSeconds, for sleep */
  gracePeriod: number | undefined
  /** the target Kubernetes minor version */
  minor: number
}

/** validateHandler: exactly one handler type, and that handler well-formed */
export function handlerErrors(handler: Record<string, unknown>, path: readonly PathSegment[], check: HandlerCheck): { problem: HandlerProblem; error: FieldError }[] {
  const out: { problem: HandlerProblem; error: FieldError }[] = []
  let count = 0
  for (const type of check.types) {
    const action = handler[type]
    if (!isObj(action)) continue
    const at = [...path, type]
    if (count > 0) {
      out.push({ problem: 'handler', error: fieldError.forbidden(at, 'may not specify more than 1 handler type') })
      continue
    }
    count++
    if (type === 'exec' && (!Array.isArray(action.command) || action.command.length === 0)) out.push({ problem: 'exec', error: fieldError.required([...at, 'command']) })
    if (type === 'httpGet' || type === 'tcpSocket') {
      for (const e of portNumOrName(action.port, [...at, 'port'])) out.push({ problem: 'port', error: e })
    }
    if (type === 'httpGet') {
      const scheme = action.scheme
      if (!unset(scheme) && scheme !== 'HTTP' && scheme !== 'HTTPS') out.push({ problem: 'scheme', error: fieldError.notSupported([...at, 'scheme'], scheme, ['HTTP', 'HTTPS']) })
      if (Array.isArray(action.httpHeaders)) {
        for (const header of action.httpHeaders as unknown[]) {
          const name = isObj(header) && typeof header.name === 'string' ? header.name : ''
          for (const msg of httpHeaderName(name)) out.push({ problem: 'header', error: fieldError.invalid([...at, 'httpHeaders'], name, msg) })
        }
      }
    }
    if (type === 'grpc' && typeof action.port === 'number') {
      for (const msg of portNumber(action.port)) out.push({ problem: 'port', error: fieldError.invalid([...at, 'port'], action.port, msg) })
    }
    if (type === 'sleep') {
      const sleep = sleepError(action.seconds, at, check)
      if (sleep) out.push({ problem: 'sleep', error: sleep })
    }
  }
  if (count === 0) out.push({ problem: 'handler', error: fieldError.required(path, 'must specify a handler type') })
  return out
}

/** ValidatePortNumOrName: a number is a port, a string an IANA service name (even "8080") */
function portNumOrName(port: unknown, path: readonly PathSegment[]): FieldError[] {
  if (typeof port === 'number') return portNumber(port).map((msg) => fieldError.invalid(path, port, msg))
  if (typeof port === 'string') return portName(port).map((msg) => fieldError.invalid(path, port, msg))
  // an absent port is schema/required's finding
  return []
}

function sleepError(seconds: unknown, path: readonly PathSegment[], check: HandlerCheck): FieldError | undefined {
  const grace = check.gracePeriod
  const s = typeof seconds === 'number' ? seconds : 0
  // a negative grace period is its own (warning) problem; the server treats it as 1 second
  if (grace === undefined || grace < 0) return undefined
  // PodLifecycleSleepActionAllowZero: beta and on by default from 1.33
  if (check.minor >= 33) {
    return s < 0 || s > grace ? fieldError.invalid(path, s, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`) : undefined
  }
  if (s > 0 && s <= grace) return undefined
  const hint = check.minor === 32 ? '. Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.' : ''
  return fieldError.invalid(path, s, `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})${hint}`)
}
