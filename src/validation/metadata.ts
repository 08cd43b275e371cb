// ObjectMeta checks shared by the metadata, namespace and config rules (k8s-semantics A.1, A.1.1): the name
// function of each kind, label and annotation maps, finalizer names. Errors carry the server's path in their
// text and, where the server names a whole map or list, a finer path that places the finding on the entry.
import { fieldError, type FieldError } from '../field-errors.js'
import { dns1035Label, dns1123Label, dns1123Subdomain, pathSegmentName, qualifiedName } from '../name-formats.js'
import { builtinKind } from '../schema/index.js'
import type { PathSegment } from '../types.js'
import { labelMapErrors } from './selector.js'

export type Obj = Record<string, unknown>

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/** a map field of strings (labels, annotations, data), or none; a null value decodes as "" with its key kept */
export function stringMap(v: unknown): [string, string][] {
  if (!isObj(v)) return []
  return Object.entries(v).flatMap(([k, x]): [string, string][] => (typeof x === 'string' ? [[k, x]] : x === null ? [[k, '']] : []))
}

/** the error as the server words it, placed on a finer path (a map key or list item the server does not name) */
export function placedAt(error: FieldError, path: readonly PathSegment[]): FieldError {
  return { text: error.text, path }
}

/** Go's len(): bytes of the UTF-8 encoding */
export const byteLength = (s: string): number => Buffer.byteLength(s, 'utf8')

/** `v1` → group "", `apps/v1` → "apps" */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/')
  return slash < 0 ? '' : apiVersion.slice(0, slash)
}

/** A name function as the API server has it: `prefix` is true for generateName. */
export type NameFunction = (name: string, prefix: boolean) => string[]

/** ValidateNameFunc with prefix: a trailing '-' is masked so that "web-" passes as a prefix */
const masked = (check: (s: string) => string[]): NameFunction => (name, prefix) =>
  check(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name)

const subdomain = masked(dns1123Subdomain)
const label = masked(dns1123Label)
const dns1035 = masked(dns1035Label)
/** path.ValidatePathSegmentName: the generic check of every object, with no prefix masking beyond its own */
const pathSegment: NameFunction = (name, prefix) => (prefix ? pathSegmentName(name).filter((m) => m.startsWith('may not contain')) : pathSegmentName(name))

export interface NameRule {
  fn: NameFunction
  /** the rule in words, for the hint of the message */
  format: string
}

const SUBDOMAIN: NameRule = { fn: subdomain, format: 'a DNS-1123 subdomain: lower case letters, digits, "-" and ".", up to 253 characters' }
const LABEL: NameRule = { fn: label, format: 'a DNS-1123 label: lower case letters, digits and "-", up to 63 characters, no dots' }
const DNS1035: NameRule = { fn: dns1035, format: 'a DNS-1035 label: lower case letters, digits and "-", starting with a letter, up to 63 characters' }
const PATH_SEGMENT: NameRule = { fn: pathSegment, format: 'a name without "/" or "%", other than "." and ".."' }

// group/kind → the name function its strategy validates with (A.1.1); kinds not listed get only the generic check
const NAME_RULES: Record<string, NameRule> = {
  '/Pod': SUBDOMAIN,
  '/ConfigMap': SUBDOMAIN,
  '/Secret': SUBDOMAIN,
  '/PersistentVolumeClaim': SUBDOMAIN,
  '/ServiceAccount': SUBDOMAIN,
  '/Endpoints': SUBDOMAIN,
  '/ReplicationController': SUBDOMAIN,
  '/Service': DNS1035,
  '/Namespace': LABEL,
  'apps/Deployment': SUBDOMAIN,
  'apps/ReplicaSet': SUBDOMAIN,
  'apps/DaemonSet': SUBDOMAIN,
  'batch/Job': SUBDOMAIN,
  'batch/CronJob': SUBDOMAIN,
  'autoscaling/HorizontalPodAutoscaler': SUBDOMAIN,
  'networking.k8s.io/Ingress': SUBDOMAIN,
  'networking.k8s.io/IngressClass': SUBDOMAIN,
  'networking.k8s.io/NetworkPolicy': SUBDOMAIN,
}

export interface KindFacts {
  /** a kind the API server knows (not a custom resource) */
  builtin: boolean
  /** served namespaced (custom resources: unknown here, so false) */
  namespaced: boolean | undefined
}

export function kindFacts(kubernetesVersion: string, apiVersion: string, kind: string): KindFacts {
  const status = builtinKind(kubernetesVersion, apiVersion, kind)
  return status.status === 'served' ? { builtin: true, namespaced: status.namespaced } : { builtin: false, namespaced: undefined }
}

/** the name function the server applies to this kind's metadata.name and generateName */
export function nameRuleFor(apiVersion: string, kind: string, builtin: boolean, minor: number): NameRule {
  // custom resources: the apiextensions validator uses NameIsDNSSubdomain
  if (!builtin) return SUBDOMAIN
  const groupKind = `${groupOf(apiVersion)}/${kind}`
  if (groupKind === 'apps/StatefulSet') return minor >= 27 ? LABEL : SUBDOMAIN
  return NAME_RULES[groupKind] ?? PATH_SEGMENT
}

export interface LabelError {
  /** the key is wrong (placed on the key) or the value (placed on the value) */
  part: 'key' | 'value'
  error: FieldError
}

/** label keys and values of a labels map at `path` (ValidateLabels: the path is the map, the value is the key or value) */
export function labelErrors(labels: unknown, path: readonly PathSegment[], minor: number, skipKey?: string): LabelError[] {
  const own = skipKey === undefined || typeof labels !== 'object' || labels === null ? labels : Object.fromEntries(Object.entries(labels).filter(([k]) => k !== skipKey))
  return labelMapErrors(own, path, minor).map(({ point, error }) => ({ part: point, error }))
}

export const TOTAL_ANNOTATION_SIZE_LIMIT = 262144

/** annotation keys (lower-cased before the qualified-name check) and their total size */
export function annotationErrors(annotations: unknown, path: readonly PathSegment[], minor: number): { keys: FieldError[]; size?: FieldError } {
  const unit = minor >= 34 ? 'bytes' : 'characters'
  const keys: FieldError[] = []
  let total = 0
  for (const [key, value] of stringMap(annotations)) {
    total += byteLength(key) + byteLength(value)
    for (const msg of qualifiedName(key.toLowerCase(), unit)) keys.push(placedAt(fieldError.invalid(path, key, msg), [...path, { key }]))
  }
  return total > TOTAL_ANNOTATION_SIZE_LIMIT ? { keys, size: fieldError.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT) } : { keys }
}

/** the finalizer names the core API knows without a domain prefix */
export const STANDARD_FINALIZERS: ReadonlySet<string> = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

/** validateKubeFinalizerName: an unprefixed name must be a standard one */
export function kubeFinalizerError(name: string, path: readonly PathSegment[]): FieldError | undefined {
  return name.split('/').length === 1 && !STANDARD_FINALIZERS.has(name) ? fieldError.invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified') : undefined
}

/** The metadata of the pod template the server validates in this object (with its path), if any. */
export function podTemplateMeta(object: Obj, site: { path: readonly PathSegment[]; template: boolean } | undefined): { meta: Obj; path: PathSegment[] } | undefined {
  if (!site?.template) return undefined
  const templatePath = site.path.slice(0, -1)
  const template = templatePath.reduce<unknown>((o, seg) => (isObj(o) ? o[String(seg)] : undefined), object)
  return { meta: isObj(template) && isObj(template.metadata) ? template.metadata : {}, path: [...templatePath, 'metadata'] }
}
