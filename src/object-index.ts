// Layer 4's view of the whole input: every object of every file, found by kind, by namespace/name and by the
// labels of the pods it creates. Built once per run, after the per-file stages, and shared by the wiring rules and
// `seaworthy simulate`.
import type { PodSpec } from 'kubernetes-types/core/v1.js'
import type { LabelSelector } from 'kubernetes-types/meta/v1.js'
import type { ClusterSettings } from './config.js'
import { podSpecPath } from './kind-groups.js'
import type { KubeObject } from './rule.js'
import type { ObjectRef, PathSegment } from './types.js'
import { groupOf, isObj } from './validation/metadata.js'
import { selectorMatches } from './validation/workload.js'

/** One object of the input, as the API server would store it (defaults applied to built-in kinds). */
export interface IndexedObject {
  /** the object's place in the run: files in path order, then documents in order */
  seq: number
  filePath: string
  /** the line the object starts on */
  line: number
  apiVersion: string
  /** the API group, "" for the core group */
  group: string
  kind: string
  /** metadata.name, or "" when it has only a generateName (such objects cannot be referred to) */
  name: string
  /** the namespace it lives in (the configured default when it names none); undefined for cluster-scoped kinds */
  namespace: string | undefined
  ref: ObjectRef
  /** path from the document root to the object: [] or ['items', i] */
  prefix: PathSegment[]
  /** a built-in kind the checked Kubernetes version serves */
  builtin: boolean
  /** decoded without errors, so its fields can be trusted to have their schema types */
  accepted: boolean
  /** a custom resource no CustomResourceDefinition of the run describes: not checked, so not accepted either */
  unchecked?: boolean
  value: KubeObject
  /** the object as written, before defaults: to tell a field the manifest sets from a default (often `value` itself) */
  raw: KubeObject
  /** for objects that create pods (and Pods): the template's labels and spec */
  pods?: PodTemplate
}

export interface PodTemplate {
  /** where the pod spec sits in the object */
  specPath: readonly PathSegment[]
  /** the pod template's labels (a Pod's own labels) */
  labels: Record<string, string>
  /** label keys the controller adds to every pod it creates (pod-template-hash, statefulset.kubernetes.io/pod-name…) */
  generatedKeys: ReadonlySet<string>
  /** the pod spec; only for accepted objects */
  spec: PodSpec | undefined
}

// labels a controller sets on the pods it creates, whatever the template says (k8s-semantics B.2, B.3)
const GENERATED_LABELS: Record<string, readonly string[]> = {
  Deployment: ['pod-template-hash'],
  ReplicaSet: [],
  StatefulSet: ['controller-revision-hash', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index'],
  DaemonSet: ['controller-revision-hash', 'pod-template-generation'],
  Job: ['job-name', 'batch.kubernetes.io/job-name', 'controller-uid', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-completion-index'],
  CronJob: ['job-name', 'batch.kubernetes.io/job-name', 'controller-uid', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-completion-index'],
  ReplicationController: [],
  Pod: [],
}

/** What a manifest contributes to the index, before it has a place in the run. */
export type IndexEntry = Omit<IndexedObject, 'seq' | 'namespace' | 'pods' | 'group' | 'name'> & { namespaced: boolean }

/** Objects that exist in every cluster, so a reference to them is never missing. */
const ALWAYS_PRESENT: ReadonlyArray<{ kind: string; name: string; namespace?: string }> = [
  { kind: 'ServiceAccount', name: 'default' },
  { kind: 'ConfigMap', name: 'kube-root-ca.crt' },
  { kind: 'PriorityClass', name: 'system-cluster-critical' },
  { kind: 'PriorityClass', name: 'system-node-critical' },
  { kind: 'Namespace', name: 'default' },
  { kind: 'Namespace', name: 'kube-system' },
  { kind: 'Namespace', name: 'kube-public' },
  { kind: 'Namespace', name: 'kube-node-lease' },
  { kind: 'Service', name: 'kubernetes', namespace: 'default' },
]

export class ObjectIndex {
  private readonly byKind = new Map<string, IndexedObject[]>()
  private readonly byName = new Map<string, IndexedObject[]>()
  private readonly podHolders = new Map<string, IndexedObject[]>()
  /** per namespace, the pod holders by `key=value` of their labels, and by each label key their controller adds */
  private readonly byLabel = new Map<string, Map<string, IndexedObject[]>>()
  /** the strings of the custom resources, by namespace ("" for cluster-scoped ones); collected on first use */
  private customStrings: Map<string, Set<string>> | undefined
  /** the namespaces the input has custom resources in */
  private customNamespaces: Set<string | undefined> | undefined
  /** every kind and namespace the input has objects of */
  private kindsIn: Set<string> | undefined
  /** the objects known to exist outside the input, by kind, namespace ("" for any) and name */
  private outside: Set<string> | undefined

  constructor(
    readonly objects: readonly IndexedObject[],
    readonly cluster: ClusterSettings,
  ) {
    for (const o of objects) {
      push(this.byKind, o.kind, o)
      if (o.name) push(this.byName, nameKey(o.kind, o.namespace, o.name), o)
      if (o.pods && o.namespace !== undefined && o.kind !== 'PodTemplate') {
        push(this.podHolders, o.namespace, o)
        let labels = this.byLabel.get(o.namespace)
        if (!labels) this.byLabel.set(o.namespace, (labels = new Map()))
        for (const [k, v] of Object.entries(o.pods.labels)) push(labels, `${k}=${v}`, o)
        for (const k of o.pods.generatedKeys) push(labels, `${k}=*`, o)
      }
    }
  }

  /** Builds the run's index from the entries of every file, in run order. */
  static build(entries: readonly IndexEntry[], cluster: ClusterSettings): ObjectIndex {
    return new ObjectIndex(
      entries.map((e, seq) => {
        const metaNamespace = typeof e.ref.namespace === 'string' && e.ref.namespace !== '' ? e.ref.namespace : undefined
        // the entries become the index's objects (no copy: a run holds thousands)
        const object = e as unknown as IndexedObject & { namespaced?: boolean }
        object.seq = seq
        object.group = groupOf(e.apiVersion)
        object.name = typeof e.value.metadata?.name === 'string' ? e.value.metadata.name : ''
        object.namespace = e.namespaced ? (metaNamespace ?? cluster.namespace) : undefined
        delete object.namespaced
        const pods = podTemplateOf(object)
        if (pods) object.pods = pods
        return object
      }),
      cluster,
    )
  }

  /** objects of a kind, in run order; only those in `namespace` when it is given */
  ofKind(kind: string, namespace?: string): IndexedObject[] {
    const all = this.byKind.get(kind) ?? []
    return namespace === undefined ? all : all.filter((o) => o.namespace === namespace)
  }

  /** the objects of this kind and name (more than one when the input defines it twice), in run order */
  named(kind: string, namespace: string | undefined, name: string): IndexedObject[] {
    return this.byName.get(nameKey(kind, namespace, name)) ?? []
  }

  /** the first object of this kind and name */
  get(kind: string, namespace: string | undefined, name: string): IndexedObject | undefined {
    return this.named(kind, namespace, name)[0]
  }

  /**
   * Whether an object of this kind and name is known to exist: in the input, in the cluster profile's `existing`
   * list, among the objects every cluster has, or as a name a custom resource of the namespace mentions (operators
   * create Secrets, ConfigMaps and Services that their custom resources name).
   */
  exists(kind: string, namespace: string | undefined, name: string): boolean {
    if (this.byName.has(nameKey(kind, namespace, name))) return true
    this.outside ??= new Set([...ALWAYS_PRESENT, ...this.cluster.existing].map((e) => nameKey(e.kind, e.namespace, e.name)))
    if (this.outside.has(nameKey(kind, namespace, name)) || this.outside.has(nameKey(kind, undefined, name))) return true
    return namespace !== undefined && this.mentionedByCustomResource(namespace, name)
  }

  /**
   * How sure a finding about a missing object can be: "likely" when the input defines objects of that kind in the
   * namespace (so the missing one is probably a typo), "partial" when it defines none (they are managed elsewhere).
   */
  coverage(kind: string, namespace: string | undefined): 'likely' | 'partial' {
    if (!this.kindsIn) {
      this.kindsIn = new Set()
      for (const o of this.objects) this.kindsIn.add(`${o.kind}\0${o.namespace ?? ''}`)
    }
    return this.kindsIn.has(`${kind}\0${namespace ?? ''}`) ? 'likely' : 'partial'
  }

  /** objects in `namespace` whose pods a label selector (or a Service's plain selector map) selects, in run order */
  podsSelectedBy(namespace: string | undefined, selector: LabelSelector | Record<string, string>): IndexedObject[] {
    if (namespace === undefined) return []
    const labelSelector: LabelSelector = isLabelSelector(selector) ? selector : { matchLabels: selector }
    // only the holders that have the selector's first label (or whose controller adds its key) can match
    const first = Object.entries(labelSelector.matchLabels ?? {})[0]
    const labels = this.byLabel.get(namespace)
    const candidates = first
      ? [...new Set([...(labels?.get(`${first[0]}=${first[1] ?? ''}`) ?? []), ...(labels?.get(`${first[0]}=*`) ?? [])])].sort((a, b) => a.seq - b.seq)
      : (this.podHolders.get(namespace) ?? [])
    return candidates.filter((o) => selectorMatches(labelSelector, o.pods!.labels, o.pods!.generatedKeys))
  }

  /** every object in `namespace` that creates pods (and its Pods), in run order */
  podHoldersIn(namespace: string | undefined): IndexedObject[] {
    return namespace === undefined ? [] : (this.podHolders.get(namespace) ?? [])
  }

  /** whether the input has a custom resource in the namespace (an operator's, which may create pods there) */
  hasCustomResourcesIn(namespace: string | undefined): boolean {
    this.customNamespaces ??= new Set(this.objects.filter((o) => !o.builtin).map((o) => o.namespace))
    return this.customNamespaces.has(namespace)
  }

  /** whether a custom resource of the namespace (or a cluster-scoped one) holds this string anywhere */
  mentionedByCustomResource(namespace: string, name: string): boolean {
    // one pass over the objects for every namespace, not one per namespace asked about
    if (!this.customStrings) {
      this.customStrings = new Map()
      for (const o of this.objects) {
        if (o.builtin || o.kind === 'CustomResourceDefinition') continue
        const key = o.namespace === undefined ? '' : `/${o.namespace}`
        let strings = this.customStrings.get(key)
        if (!strings) this.customStrings.set(key, (strings = new Set()))
        collectStrings(o.value, strings, 0)
      }
    }
    return this.customStrings.get(`/${namespace}`)?.has(name) === true || this.customStrings.get('')?.has(name) === true
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

const nameKey = (kind: string, namespace: string | undefined, name: string) => `${kind}\0${namespace ?? ''}\0${name}`

function isLabelSelector(s: LabelSelector | Record<string, string>): s is LabelSelector {
  return typeof s.matchLabels === 'object' || Array.isArray(s.matchExpressions)
}

// custom resources that create pods from a template of their own (Argo Rollouts, OpenKruise CloneSets…)
const CUSTOM_POD_SPEC_PATH: readonly PathSegment[] = ['spec', 'template', 'spec']

function podTemplateOf(o: IndexedObject): PodTemplate | undefined {
  const specPath = o.builtin ? podSpecPath(o.apiVersion, o.kind) : isObj(valueAt(o.value, ['spec', 'template', 'metadata', 'labels'])) ? CUSTOM_POD_SPEC_PATH : undefined
  if (!specPath) return undefined
  const metaPath = o.kind === 'Pod' ? ['metadata'] : [...specPath.slice(0, -1), 'metadata']
  const meta = valueAt(o.value, metaPath)
  const labels: Record<string, string> = {}
  if (isObj(meta) && isObj(meta.labels)) {
    for (const [k, v] of Object.entries(meta.labels)) if (typeof v === 'string' || v === null) labels[k] = v ?? ''
  }
  const spec = valueAt(o.value, specPath)
  return {
    specPath,
    labels,
    generatedKeys: new Set(GENERATED_LABELS[o.kind] ?? []),
    spec: o.accepted && o.builtin && isObj(spec) ? (spec as unknown as PodSpec) : undefined,
  }
}

export function valueAt(o: unknown, path: readonly PathSegment[]): unknown {
  let cur = o
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined
    cur = (cur as Record<string | number, unknown>)[typeof seg === 'object' ? seg.key : seg]
  }
  return cur
}

// custom resources are small; a depth limit keeps a pathological one from costing much
function collectStrings(v: unknown, into: Set<string>, depth: number): void {
  if (depth > 12) return
  if (typeof v === 'string') into.add(v)
  else if (Array.isArray(v)) for (const x of v) collectStrings(x, into, depth + 1)
  else if (isObj(v)) for (const x of Object.values(v)) collectStrings(x, into, depth + 1)
}
