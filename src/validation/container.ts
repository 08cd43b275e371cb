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

/** the containers that run for the life of the pod: its containers and native sidecars, not plain init containers */
export function longRunningContainers(spec: PodSpec, visit: PodSpecVisit, minor: number): ContainerVisit[] {
  return containersOf(spec, visit).filter((c) => c.list !== 'initContainers' || isSidecar(c, minor))
}

/** a container's requests and limits as written, empty when absent */
export function declaredResources(c: ContainerVisit): { requests: Record<string, unknown>; limits: Record<string, unknown> } {
  return { requests: c.container.resources?.requests ?? {}, limits: c.container.resources?.limits ?? {} }
}

/** Go's zero value for strings: absent, null and "" all mean unset */
export const unset = (v: unknown): boolean => v === undefined || v === null || v === ''

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
