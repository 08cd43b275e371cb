// How a rule is declared: metadata is the single source for docs, `seaworthy rules`, SARIF and editors; `create`
// returns handlers keyed by kind or kind group, and the engine calls the ones that match each object.
import type { Deployment, DaemonSet, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1.js'
import type { HorizontalPodAutoscaler as HPAv2 } from 'kubernetes-types/autoscaling/v2.js'
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js'
import type { ConfigMap, Namespace, PersistentVolumeClaim, Pod, PodSpec, Secret, Service } from 'kubernetes-types/core/v1.js'
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import type { ClusterSettings } from './config.js'
import type { FieldError } from './field-errors.js'
import type { IndexedObject, ObjectIndex } from './object-index.js'
import type { Fix, PathSegment, Severity } from './types.js'

/**
 * What a rule is about: the layers that say what Kubernetes does (YAML, input, schema, API versions, the API
 * server's validation, cross-object wiring), then the policy layer's topics (what a team may want to forbid), and
 * `custom` for the policies a config file defines.
 */
export type RuleCategory = 'yaml' | 'input' | 'schema' | 'api' | 'server' | 'wiring' | 'security' | 'reliability' | 'efficiency' | 'hygiene' | 'custom'

/** the policy layer's categories: best practices a team opts into, as opposed to what Kubernetes itself does */
export const POLICY_CATEGORIES: ReadonlySet<RuleCategory> = new Set(['security', 'reliability', 'efficiency', 'hygiene'])

export interface RuleMeta<M extends string = string> {
  /** `<area>/<name>`; also the path of the rule's module, doc and fixtures */
  id: string
  category: RuleCategory
  severity: Severity
  /** one sentence: what the rule finds */
  description: string
  /** one sentence: what to do about it */
  remediation: string
  /** message templates by id; `{{name}}` is replaced by the report's data, `{{error}}` by the server-worded error */
  messages: Record<M, string>
  /** the smallest preset that turns the rule on; default recommended */
  preset?: 'recommended' | 'strict' | 'all'
  /** what a config may set with `[level, { … }]`, and the defaults */
  options?: Record<string, OptionSpec>
}

/** One option of a rule: its type, its default, and one sentence for the docs. */
export interface OptionSpec {
  type: 'number' | 'string' | 'boolean' | 'string[]'
  default: number | string | boolean | readonly string[]
  description: string
  /** for numbers: the smallest value allowed */
  min?: number
}

export type RuleOptions = Readonly<Record<string, unknown>>

/** the rule's option defaults */
export function defaultOptions(meta: RuleMeta): RuleOptions {
  return Object.fromEntries(Object.entries(meta.options ?? {}).map(([k, spec]) => [k, spec.default]))
}

/** Where a pod spec sits in the object being checked. */
export interface PodSpecVisit {
  /** path of the pod spec from the object's root */
  path: readonly PathSegment[]
  /** a pod template rather than a Pod */
  template: boolean
  /** the kind that holds it */
  kind: string
}

/** The object as the API server would validate it: with its defaults applied. */
export interface KubeObject {
  apiVersion: string
  kind: string
  metadata?: Record<string, unknown>
  [field: string]: unknown
}

export interface RuleHandlers {
  /** every object (built-in kinds and custom resources with a known schema) */
  Object?(object: KubeObject): void
  /** every pod spec the API server validates: Pods and the pod templates of workloads */
  PodSpec?(spec: PodSpec, visit: PodSpecVisit): void
  Pod?(pod: Pod): void
  Deployment?(deployment: Deployment): void
  ReplicaSet?(replicaSet: ReplicaSet): void
  StatefulSet?(statefulSet: StatefulSet): void
  DaemonSet?(daemonSet: DaemonSet): void
  Job?(job: Job): void
  CronJob?(cronJob: CronJob): void
  Service?(service: Service): void
  Ingress?(ingress: Ingress): void
  HorizontalPodAutoscaler?(hpa: HPAv1 | HPAv2): void
  PodDisruptionBudget?(pdb: PodDisruptionBudget): void
  PersistentVolumeClaim?(pvc: PersistentVolumeClaim): void
  ConfigMap?(configMap: ConfigMap): void
  Secret?(secret: Secret): void
  NetworkPolicy?(policy: NetworkPolicy): void
  Namespace?(namespace: Namespace): void
}

export interface ReportOptions {
  /** more values for the message template */
  data?: Record<string, unknown>
  /** underline the key rather than the value at the error's path */
  point?: 'key' | 'value'
}

export interface RuleContext<M extends string = string> {
  /** e.g. "1.35" */
  kubernetesVersion: string
  /** e.g. 35 */
  minor: number
  /** cluster settings from the config file's `cluster:` section */
  cluster: ClusterSettings
  apiVersion: string
  kind: string
  /** the rule's options for this file: its defaults, then what the config sets */
  options: RuleOptions
  /** reports an error on the object being checked, at the error's path */
  report(messageId: M, error: FieldError, options?: ReportOptions): void
}

/** Another object a cross-object finding points at. */
export interface RelatedRef {
  object: IndexedObject
  /** the field to point at, from that object's root; default its kind */
  path?: readonly PathSegment[]
  message: string
}

export interface WiringReport {
  /** the field of the object being checked to point at, from its root */
  at: readonly PathSegment[]
  data?: Record<string, unknown>
  /** underline the key rather than the value */
  point?: 'key' | 'value'
  related?: readonly RelatedRef[]
  /** a certain fix: the text to put in place of what `at` points at */
  fix?: Fix
  /** a lower severity than the rule's, e.g. info when the input is clearly partial */
  severity?: Severity
}

export interface WiringContext<M extends string = string> {
  kubernetesVersion: string
  minor: number
  cluster: ClusterSettings
  /** every object of the run */
  index: ObjectIndex
  /** the rule's options for the file of the object being checked */
  readonly options: RuleOptions
  /** reports on the object whose handler is running */
  report(messageId: M, report: WiringReport): void
}

/** Layer 4: called once per accepted object of the run, with the object and its place in the index. */
export interface WiringHandlers {
  /** every accepted object */
  Object?(self: IndexedObject): void
  /** the pod spec of every Pod and every object that creates pods from a template */
  PodSpec?(spec: PodSpec, self: IndexedObject): void
  Pod?(pod: Pod, self: IndexedObject): void
  Deployment?(deployment: Deployment, self: IndexedObject): void
  ReplicaSet?(replicaSet: ReplicaSet, self: IndexedObject): void
  StatefulSet?(statefulSet: StatefulSet, self: IndexedObject): void
  DaemonSet?(daemonSet: DaemonSet, self: IndexedObject): void
  Job?(job: Job, self: IndexedObject): void
  CronJob?(cronJob: CronJob, self: IndexedObject): void
  Service?(service: Service, self: IndexedObject): void
  Ingress?(ingress: Ingress, self: IndexedObject): void
  HorizontalPodAutoscaler?(hpa: HPAv1 | HPAv2, self: IndexedObject): void
  PodDisruptionBudget?(pdb: PodDisruptionBudget, self: IndexedObject): void
  PersistentVolumeClaim?(pvc: PersistentVolumeClaim, self: IndexedObject): void
  NetworkPolicy?(policy: NetworkPolicy, self: IndexedObject): void
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>
  /** layer 3: rules of the stages (YAML, schema) have no handlers: the engine reports for them */
  create?(context: RuleContext<M>): RuleHandlers
  /** layer 4: cross-object rules, which read the index of the whole run */
  wire?(context: WiringContext<M>): WiringHandlers
  /** layer 4: also hand the `Object` handler custom resources that no schema of the run could check */
  wireUnchecked?: boolean
}

export function defineRule<const M extends string>(rule: Rule<M>): Rule<M> {
  return rule
}

export function renderMessage(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in data ? String(data[name]) : whole))
}
