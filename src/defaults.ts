// The API server's defaults, applied before its validation (k8s-semantics §0.4), so that rules see what the server
// sees and never report a default as missing. Works on a copy: parsed values may share objects through aliases.
import { hasDigest, imageTag } from './image-ref.js'
import { podSpecSite } from './kind-groups.js'
import type { PathSegment } from './types.js'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : [])
// Go defaulters test string fields with == "" and optional fields with == nil
const setDefault = (o: Obj, key: string, value: unknown) => {
  if (o[key] === undefined || o[key] === null || (typeof value === 'string' && o[key] === '')) o[key] = value
}
// plain (non-pointer) integers are tested with == 0
const setDefaultNonZero = (o: Obj, key: string, value: number) => {
  if (o[key] === undefined || o[key] === null || o[key] === 0) o[key] = value
}
const child = (o: Obj, key: string): Obj => {
  if (!isObj(o[key])) o[key] = {}
  return o[key] as Obj
}

// kinds without defaults are passed through uncopied (a CRD can be megabytes)
const DEFAULTED = new Set([
  'v1 Pod', 'v1 PodTemplate', 'v1 ReplicationController', 'apps/v1 Deployment', 'apps/v1 ReplicaSet', 'apps/v1 DaemonSet',
  'apps/v1 StatefulSet', 'batch/v1 Job', 'batch/v1 CronJob', 'v1 Service', 'v1 Secret', 'v1 PersistentVolumeClaim',
  'v1 Namespace', 'autoscaling/v2 HorizontalPodAutoscaler', 'autoscaling/v1 HorizontalPodAutoscaler', 'networking.k8s.io/v1 NetworkPolicy',
])

export function withDefaults(apiVersion: string, kind: string, value: Obj, minor: number): Obj {
  if (!DEFAULTED.has(`${apiVersion} ${kind}`)) return value
  const out = copy(value) as Obj
  const spec = isObj(out.spec) ? out.spec : undefined
  const site = podSpecSite(apiVersion, kind, 99)
  if (site) {
    const podSpec = at(out, site.path)
    if (podSpec) defaultPodSpec(podSpec, !site.template)
  }
  switch (`${apiVersion} ${kind}`) {
    case 'apps/v1 Deployment':
      if (spec) {
        setDefault(spec, 'replicas', 1)
        setDefault(spec, 'revisionHistoryLimit', 10)
        setDefault(spec, 'progressDeadlineSeconds', 600)
        const strategy = child(spec, 'strategy')
        setDefault(strategy, 'type', 'RollingUpdate')
        if (strategy.type === 'RollingUpdate') {
          const ru = child(strategy, 'rollingUpdate')
          setDefault(ru, 'maxUnavailable', '25%')
          setDefault(ru, 'maxSurge', '25%')
        }
      }
      break
    case 'apps/v1 ReplicaSet':
    case 'v1 ReplicationController':
      if (spec) setDefault(spec, 'replicas', 1)
      break
    case 'apps/v1 StatefulSet':
      if (spec) {
        setDefault(spec, 'replicas', 1)
        setDefault(spec, 'podManagementPolicy', 'OrderedReady')
        setDefault(spec, 'revisionHistoryLimit', 10)
        const strategy = child(spec, 'updateStrategy')
        setDefault(strategy, 'type', 'RollingUpdate')
        if (strategy.type === 'RollingUpdate') setDefault(child(strategy, 'rollingUpdate'), 'partition', 0)
        const retention = child(spec, 'persistentVolumeClaimRetentionPolicy')
        setDefault(retention, 'whenDeleted', 'Retain')
        setDefault(retention, 'whenScaled', 'Retain')
      }
      break
    case 'apps/v1 DaemonSet':
      if (spec) {
        setDefault(spec, 'revisionHistoryLimit', 10)
        const strategy = child(spec, 'updateStrategy')
        setDefault(strategy, 'type', 'RollingUpdate')
        if (strategy.type === 'RollingUpdate') {
          const ru = child(strategy, 'rollingUpdate')
          setDefault(ru, 'maxUnavailable', 1)
          setDefault(ru, 'maxSurge', 0)
        }
      }
      break
    case 'batch/v1 Job':
      if (spec) defaultJobSpec(spec, out)
      break
    case 'batch/v1 CronJob':
      if (spec) {
        setDefault(spec, 'concurrencyPolicy', 'Allow')
        setDefault(spec, 'suspend', false)
        setDefault(spec, 'successfulJobsHistoryLimit', 3)
        setDefault(spec, 'failedJobsHistoryLimit', 1)
        // Job defaults belong to the Job object (SetDefaults_Job); a CronJob's job template gets only its pod spec's
      }
      break
    case 'v1 Service':
      if (spec) defaultServiceSpec(spec)
      break
    case 'v1 Secret':
      setDefault(out, 'type', 'Opaque')
      break
    case 'v1 PersistentVolumeClaim':
      // a pointer in Go: only nil is defaulted, "" stays (and is rejected)
      if (spec && (spec.volumeMode === undefined || spec.volumeMode === null)) spec.volumeMode = 'Filesystem'
      break
    case 'v1 Namespace': {
      const name = isObj(out.metadata) ? out.metadata.name : undefined
      // the server always sets this label to the name, whatever the manifest says
      if (typeof name === 'string' && name !== '') child(child(out, 'metadata'), 'labels')['kubernetes.io/metadata.name'] = name
      break
    }
    case 'autoscaling/v2 HorizontalPodAutoscaler':
      if (spec) {
        setDefault(spec, 'minReplicas', 1)
        if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
          spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]
        }
      }
      break
    case 'autoscaling/v1 HorizontalPodAutoscaler':
      if (spec) setDefault(spec, 'minReplicas', 1)
      break
    case 'networking.k8s.io/v1 NetworkPolicy':
      if (spec && (spec.policyTypes === undefined || spec.policyTypes === null)) {
        spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress']
      }
      break
  }
  void minor
  return out
}

function defaultPodSpec(spec: Obj, isPod: boolean): void {
  setDefault(spec, 'restartPolicy', 'Always')
  setDefault(spec, 'dnsPolicy', 'ClusterFirst')
  setDefault(spec, 'terminationGracePeriodSeconds', 30)
  setDefault(spec, 'securityContext', {})
  setDefault(spec, 'schedulerName', 'default-scheduler')
  for (const c of [...list(spec.containers), ...list(spec.initContainers), ...list(spec.ephemeralContainers)]) defaultContainer(c)
  for (const v of list(spec.volumes)) defaultVolume(v)
  if (isPod) {
    setDefault(spec, 'enableServiceLinks', true)
    for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
      const resources = isObj(c.resources) ? c.resources : undefined
      if (resources && isObj(resources.limits)) {
        const requests = child(resources, 'requests')
        for (const [name, q] of Object.entries(resources.limits)) setDefault(requests, name, q)
      }
      if (spec.hostNetwork === true) for (const p of list(c.ports)) setDefault(p, 'hostPort', p.containerPort)
    }
  }
}

function defaultContainer(c: Obj): void {
  if (typeof c.image === 'string') {
    // `latest` or no tag pulls Always; a tag or digest pulls IfNotPresent
    const tag = hasDigest(c.image) ? 'digest' : (imageTag(c.image) ?? '')
    setDefault(c, 'imagePullPolicy', tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent')
  }
  setDefault(c, 'terminationMessagePath', '/dev/termination-log')
  setDefault(c, 'terminationMessagePolicy', 'File')
  for (const p of list(c.ports)) setDefault(p, 'protocol', 'TCP')
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (isObj(c[probe])) defaultProbe(c[probe] as Obj)
  for (const e of list(c.env)) {
    const fieldRef = isObj(e.valueFrom) && isObj(e.valueFrom.fieldRef) ? e.valueFrom.fieldRef : undefined
    if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1')
  }
}

function defaultProbe(p: Obj): void {
  setDefaultNonZero(p, 'timeoutSeconds', 1)
  setDefaultNonZero(p, 'periodSeconds', 10)
  setDefaultNonZero(p, 'successThreshold', 1)
  setDefaultNonZero(p, 'failureThreshold', 3)
  if (isObj(p.httpGet)) {
    setDefault(p.httpGet, 'path', '/')
    setDefault(p.httpGet, 'scheme', 'HTTP')
  }
}

const VOLUME_SOURCES_WITH_MODE = ['secret', 'configMap', 'downwardAPI', 'projected']

function defaultVolume(v: Obj): void {
  const keys = Object.keys(v).filter((k) => k !== 'name' && v[k] !== null && v[k] !== undefined)
  if (keys.length === 0) v.emptyDir = {}
  for (const source of VOLUME_SOURCES_WITH_MODE) if (isObj(v[source])) setDefault(v[source] as Obj, 'defaultMode', 420)
  if (isObj(v.projected)) {
    for (const source of list(v.projected.sources)) if (isObj(source.serviceAccountToken)) setDefault(source.serviceAccountToken, 'expirationSeconds', 3600)
  }
}

function defaultJobSpec(spec: Obj, job: Obj): void {
  if ((spec.completions === undefined || spec.completions === null) && (spec.parallelism === undefined || spec.parallelism === null)) {
    spec.completions = 1
    spec.parallelism = 1
  }
  setDefault(spec, 'parallelism', 1)
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null ? 2147483647 : 6)
  setDefault(spec, 'completionMode', 'NonIndexed')
  setDefault(spec, 'suspend', false)
  setDefault(spec, 'manualSelector', false)
  setDefault(spec, 'podReplacementPolicy', isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed')
  const templateLabels = at(spec, ['template', 'metadata', 'labels'])
  if (templateLabels) {
    const meta = child(job, 'metadata')
    if (!isObj(meta.labels) || Object.keys(meta.labels).length === 0) meta.labels = { ...templateLabels }
  }
}

function defaultServiceSpec(spec: Obj): void {
  setDefault(spec, 'type', 'ClusterIP')
  setDefault(spec, 'sessionAffinity', 'None')
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig
  for (const p of list(spec.ports)) {
    setDefault(p, 'protocol', 'TCP')
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port
  }
  if (spec.sessionAffinity === 'ClientIP') setDefault(child(child(spec, 'sessionAffinityConfig'), 'clientIP'), 'timeoutSeconds', 10800)
  const hasExternalIPs = Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0
  const external = spec.type === 'NodePort' || spec.type === 'LoadBalancer' || (spec.type === 'ClusterIP' && hasExternalIPs)
  if (external) setDefault(spec, 'externalTrafficPolicy', 'Cluster')
  // a pointer field in Go: only nil is defaulted, "" stays (and is rejected)
  const internal = spec.type === 'ClusterIP' || spec.type === 'NodePort' || spec.type === 'LoadBalancer'
  if (internal && (spec.internalTrafficPolicy === undefined || spec.internalTrafficPolicy === null)) spec.internalTrafficPolicy = 'Cluster'
  if (spec.type === 'LoadBalancer') setDefault(spec, 'allocateLoadBalancerNodePorts', true)
}

function at(o: Obj, path: readonly PathSegment[]): Obj | undefined {
  let cur: unknown = o
  for (const seg of path) {
    if (!isObj(cur)) return undefined
    cur = cur[String(seg)]
  }
  return isObj(cur) ? cur : undefined
}

/** a deep copy of a JSON-like value (faster than structuredClone for the small objects of manifests) */
function copy(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v
  if (Array.isArray(v)) return v.map(copy)
  const out: Obj = {}
  for (const key of Object.keys(v)) {
    const value = copy((v as Obj)[key])
    if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
    else out[key] = value
  }
  return out
}
