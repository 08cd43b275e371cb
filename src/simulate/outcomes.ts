// `seaworthy simulate`: per object of the run, what the controllers will create and do, from the formulas of the
// simulate/ modules (the same ones the wiring rules use) and the index of every object.
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1.js'
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1.js'
import type { HorizontalPodAutoscaler as HPAv2 } from 'kubernetes-types/autoscaling/v2.js'
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js'
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec, PodSpec, Service } from 'kubernetes-types/core/v1.js'
import type { Ingress, IngressServiceBackend, NetworkPolicy, NetworkPolicyPeer } from 'kubernetes-types/networking/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import type { ClusterSettings } from '../config.js'
import type { IndexedObject, ObjectIndex } from '../object-index.js'
import { hpaView } from '../validation/autoscaling.js'
import { isHeadless } from '../validation/service.js'
import { selectorMatches } from '../validation/workload.js'
import { formatRunTime, nextRuns, neverFires, parseSchedule } from './cron-schedule.js'
import { isKnownTimeZone } from '../validation/cron.js'
import { desiredForUtilization, missingRequests, utilizationMetrics } from './hpa.js'
import { jobPlan } from './job.js'
import { cronJobJobName, generatedName, nameList, podDnsName, serviceDnsName, statefulSetClaimName, statefulSetOrdinals, statefulSetPodName } from './names.js'
import { pdbBudget } from './pdb.js'
import { deploymentRollout } from './rollout.js'
import { placement } from './scheduling.js'

/** One line of an object's outcome: a topic ("pods", "DNS") and what happens; `status` marks a check's result. */
export interface Fact {
  topic: string
  text: string
  status?: 'ok' | 'problem'
}

export interface Outcome {
  object: { apiVersion: string; kind: string; namespace: string | null; name: string; filePath: string; line: number }
  /** a short description after the name, e.g. "3 replicas, OrderedReady" */
  summary: string
  facts: Fact[]
}

export interface SimulateOptions {
  /** the moment next cron runs are computed from */
  now: Date
  /** how many next runs to show */
  runs?: number
}

type Simulator = (o: IndexedObject, run: Run) => Omit<Outcome, 'object'> | undefined

interface Run {
  index: ObjectIndex
  cluster: ClusterSettings
  options: SimulateOptions
}

/** The outcomes of every object the controllers act on, in run order. */
export function simulate(index: ObjectIndex, options: SimulateOptions): Outcome[] {
  const run: Run = { index, cluster: index.cluster, options }
  const out: Outcome[] = []
  for (const o of index.objects) {
    const simulator = o.builtin && o.accepted ? SIMULATORS[o.kind] : undefined
    const outcome = simulator && simulateOne(simulator, o, run)
    if (!outcome) continue
    out.push({ object: { apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace ?? null, name: o.name, filePath: o.filePath, line: o.line }, ...outcome })
  }
  return out
}

// one odd object must not stop the others' outcomes: its failure is shown as its outcome (tests keep it from happening)
function simulateOne(simulator: Simulator, o: IndexedObject, run: Run): Omit<Outcome, 'object'> | undefined {
  try {
    return simulator(o, run)
  } catch (e) {
    return { summary: 'not simulated', facts: [{ topic: 'error', text: `✘ could not be simulated: ${(e as Error).message}`, status: 'problem' }] }
  }
}

const SIMULATORS: Record<string, Simulator> = {
  Deployment: (o, run) => {
    const d = o.value as Deployment
    const plan = deploymentRollout(d)
    const hash = '<hash>'
    const facts: Fact[] = [{ topic: 'pods', text: `${plan.replicas} × ${generatedName(`${o.name}-${hash}-`)} (ReplicaSet ${o.name}-${hash})` }]
    if (plan.strategy === 'Recreate') {
      facts.push({ topic: 'rollout', text: plan.downtime ? `every old pod stops before a new one starts: no pods for a while on each rollout` : 'no pods to replace' })
    } else {
      const forced = plan.forcedUnavailable ? ' (maxSurge and maxUnavailable both round to 0, so one pod may be unavailable)' : ''
      facts.push({ topic: 'rollout', text: `at most ${plan.maxPods} pods, at least ${plan.minAvailable} available${forced}` })
    }
    facts.push({ topic: 'deadline', text: `no progress for ${d.spec?.progressDeadlineSeconds ?? 600} s marks the rollout failed (ProgressDeadlineExceeded); old pods keep serving` })
    facts.push(...autoscaled(o, run), ...scheduling(o, run, false))
    const strategy = plan.strategy === 'RollingUpdate' ? `RollingUpdate ${d.spec?.strategy?.rollingUpdate?.maxSurge}/${d.spec?.strategy?.rollingUpdate?.maxUnavailable}` : 'Recreate'
    return { summary: `${strategy}, ${replicas(plan.replicas)}`, facts }
  },
  ReplicaSet: (o, run) => {
    const n = (o.value as ReplicaSet).spec?.replicas ?? 1
    return { summary: replicas(n), facts: [{ topic: 'pods', text: `${n} × ${generatedName(`${o.name}-`)}` }, ...autoscaled(o, run), ...scheduling(o, run, false)] }
  },
  StatefulSet: (o, run) => ((o.value as StatefulSet).spec ? statefulSet(o, run) : undefined),
  DaemonSet: (o, run) => {
    const ds = o.value as DaemonSet
    const facts: Fact[] = [{ topic: 'pods', text: `one per node it runs on: ${generatedName(`${o.name}-`)}` }]
    const ru = ds.spec?.updateStrategy?.rollingUpdate
    if (ds.spec?.updateStrategy?.type === 'OnDelete') facts.push({ topic: 'updates', text: 'a pod is replaced only when you delete it (OnDelete)' })
    else facts.push({ topic: 'updates', text: `maxUnavailable ${ru?.maxUnavailable ?? 1}: nodes lose the pod this many at a time${ru?.maxSurge && ru.maxSurge !== 0 && ru.maxSurge !== '0%' ? `; the new pod starts before the old one stops (maxSurge ${ru.maxSurge})` : ''}` })
    facts.push(...scheduling(o, run, true))
    return { summary: ds.spec?.updateStrategy?.type ?? 'RollingUpdate', facts }
  },
  Job: (o, run) => ((o.value as Job).spec ? job(o.name, (o.value as Job).spec!, o, run) : undefined),
  CronJob: (o, run) => ((o.value as CronJob).spec ? cronJob(o, run) : undefined),
  Service: (o, run) => service(o, run),
  Ingress: (o, run) => ingress(o, run),
  HorizontalPodAutoscaler: (o, run) => hpa(o, run),
  PodDisruptionBudget: (o, run) => pdb(o, run),
  PersistentVolumeClaim: (o, run) => {
    const spec = (o.value as PersistentVolumeClaim).spec ?? {}
    return { summary: (spec.accessModes ?? []).join(', '), facts: [claimFact('storage', `${spec.resources?.requests?.storage ?? '?'}`, spec, run)] }
  },
  NetworkPolicy: (o, run) => networkPolicy(o, run),
  Pod: (o, run) => {
    const facts = scheduling(o, run, false)
    return facts.length ? { summary: (o.pods?.spec?.restartPolicy as string) ?? 'Always', facts } : undefined
  },
}

const replicas = (n: number) => `${n} replica${n === 1 ? '' : 's'}`
const where = (o: IndexedObject) => `${o.filePath}:${o.line}`
const named = (o: IndexedObject, run: Run) => `${o.kind} ${o.namespace !== undefined && o.namespace !== run.cluster.namespace ? `${o.namespace}/` : ''}${o.name}`

function statefulSet(o: IndexedObject, run: Run): Omit<Outcome, 'object'> {
  const sts = o.value as StatefulSet
  const spec = sts.spec!
  const ordinals = statefulSetOrdinals(sts)
  const pods = ordinals.map((i) => statefulSetPodName(o.name, i))
  const parallel = spec.podManagementPolicy === 'Parallel'
  const facts: Fact[] = [
    { topic: 'pods', text: pods.length ? `${nameList(pods)} — ${parallel ? 'created and deleted all at once' : 'created one at a time, each after the previous is Ready; deleted from the highest ordinal down'}` : 'none (0 replicas)' },
  ]
  const serviceName = spec.serviceName
  if (serviceName && pods.length) {
    const dns = `${podDnsName(pods[0], serviceName, o.namespace!, run.cluster.clusterDomain)}${pods.length > 1 ? ' …' : ''}`
    const svc = run.index.get('Service', o.namespace, serviceName)
    if (!svc) {
      const known = run.index.exists('Service', o.namespace, serviceName)
      facts.push({ topic: 'DNS', text: `${dns} (needs headless Service ${serviceName}: ${known ? 'exists outside the input' : '✘ not in the input'})`, status: known ? 'ok' : 'problem' })
    } else {
      const s = svc.value as Service
      const selects = svc.accepted && s.spec?.selector && Object.keys(s.spec.selector).length > 0 && selectorMatches({ matchLabels: s.spec.selector }, o.pods!.labels, o.pods!.generatedKeys)
      const problem = !isHeadless(s.spec ?? {}) ? 'it is not headless' : !selects ? 'it does not select these pods' : undefined
      facts.push({ topic: 'DNS', text: `${dns} (needs headless Service ${serviceName}: ${problem ? `✘ ${problem} (${where(svc)}), so these names do not resolve` : `✔ found, ${where(svc)}`})`, status: problem ? 'problem' : 'ok' })
    }
  } else if (!serviceName) {
    facts.push({ topic: 'DNS', text: 'no serviceName: the pods get no stable DNS names' })
  }
  for (const t of spec.volumeClaimTemplates ?? []) {
    const name = t.metadata?.name ?? ''
    const claims = ordinals.map((i) => statefulSetClaimName(name, o.name, i))
    facts.push(claimFact('volumes', `${nameList(claims)} — ${t.spec?.resources?.requests?.storage ?? '?'} each`, t.spec ?? {}, run, 'kept when the StatefulSet scales down or is deleted'))
  }
  if (spec.updateStrategy?.type === 'OnDelete') facts.push({ topic: 'updates', text: 'a pod is replaced only when you delete it (OnDelete)' })
  else {
    const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0
    facts.push({ topic: 'updates', text: `replaced one at a time from the highest ordinal down${partition > 0 ? `, only ordinals ≥ ${partition} (partition)` : ''}` })
  }
  facts.push(...autoscaled(o, run), ...scheduling(o, run, false))
  return { summary: `${replicas(spec.replicas ?? 1)}, ${spec.podManagementPolicy ?? 'OrderedReady'}`, facts }
}

/** a claim's storage class as it will be resolved: named and found, the cluster default, or unknown */
function claimFact(topic: string, head: string, spec: PersistentVolumeClaimSpec, run: Run, tail?: string): Fact {
  const classes = storageClasses(run)
  const named = spec.storageClassName
  let text: string
  let status: Fact['status']
  if (named === '') text = 'no storage class: binds only to a pre-provisioned volume without one'
  else if (typeof named === 'string') {
    const known = classes ? classes.names.has(named) || run.index.exists('StorageClass', undefined, named) : undefined
    text = `storage class "${named}"${known === true ? ' ✔' : known === false ? ' ✘ not in the cluster' : ''}`
    status = known === true ? 'ok' : known === false ? 'problem' : undefined
  } else if (classes?.defaultName) text = `storage class "${classes.defaultName}" (cluster default)`
  else if (classes) {
    text = '✘ no storage class named and the cluster has no default: stays Pending'
    status = 'problem'
  } else text = "the cluster's default storage class"
  return { topic, text: `${head}, ${text}${tail ? `; ${tail}` : ''}`, ...(status ? { status } : {}) }
}

function storageClasses(run: Run): { names: Set<string>; defaultName?: string } | undefined {
  const inInput = run.index.ofKind('StorageClass')
  const profile = run.cluster.storageClasses
  if (!profile && inInput.length === 0) return undefined
  const names = new Set([...(profile ?? []).map((c) => c.name), ...inInput.map((c) => c.name)])
  const annotated = inInput.find((c) => (c.value.metadata?.annotations as Record<string, string> | undefined)?.['storageclass.kubernetes.io/is-default-class'] === 'true')
  const defaultName = annotated?.name ?? profile?.find((c) => c.default)?.name
  return { names, ...(defaultName ? { defaultName } : {}) }
}

function job(name: string, spec: NonNullable<Job['spec']>, o: IndexedObject, run: Run): Omit<Outcome, 'object'> {
  const plan = jobPlan(name, spec)
  const completions = plan.completions === null ? 'until one pod succeeds' : `${plan.completions} completion${plan.completions === 1 ? '' : 's'}`
  const delays = plan.retryDelaysSeconds.map((s) => `${s} s`)
  const facts: Fact[] = [
    { topic: 'pods', text: `${plan.podNames} — ${plan.activeAtStart} at once, ${completions}` },
    {
      topic: 'retries',
      text:
        plan.backoffLimit === 0
          ? 'none: the first failure fails the Job (BackoffLimitExceeded)'
          : `up to ${plan.backoffLimit}, waiting ${nameList(delays, 3)}; then the Job fails (BackoffLimitExceeded)`,
    },
  ]
  if (plan.activeDeadlineSeconds !== undefined) facts.push({ topic: 'deadline', text: `the Job fails after ${plan.activeDeadlineSeconds} s (DeadlineExceeded)` })
  if (plan.ttlSecondsAfterFinished !== undefined) facts.push({ topic: 'cleanup', text: `the Job and its pods are deleted ${plan.ttlSecondsAfterFinished} s after it finishes` })
  facts.push(...scheduling(o, run, false))
  return { summary: `${plan.completionMode}, parallelism ${plan.parallelism}`, facts }
}

function cronJob(o: IndexedObject, run: Run): Omit<Outcome, 'object'> {
  const cj = o.value as CronJob
  const spec = cj.spec!
  const zone = typeof spec.timeZone === 'string' ? spec.timeZone : undefined
  const schedule = typeof spec.schedule === 'string' ? parseSchedule(spec.schedule) : undefined
  const facts: Fact[] = []
  const shownZone = zone ?? schedule?.timeZone ?? 'UTC'
  if (spec.suspend) facts.push({ topic: 'next runs', text: 'none while suspended (suspend: true)' })
  else if (!schedule) facts.push({ topic: 'next runs', text: '✘ the schedule does not parse', status: 'problem' })
  // Go also knows "Local" and "Factory", which Intl cannot evaluate (and the server refuses in spec.timeZone)
  else if (!isKnownTimeZone(shownZone) || shownZone === 'Local' || shownZone === 'Factory') facts.push({ topic: 'next runs', text: `✘ the time zone "${shownZone}" is not one the controller can use`, status: 'problem' })
  else if (schedule.kind === 'spec' && neverFires(schedule)) facts.push({ topic: 'next runs', text: '✘ never: no date matches this schedule', status: 'problem' })
  else {
    const runs = nextRuns(schedule, { from: run.options.now, count: run.options.runs ?? 3, ...(zone ? { timeZone: zone } : {}) })
    facts.push({ topic: 'next runs', text: runs.map((d) => formatRunTime(d, shownZone)).join(', ') || 'none in the next five years' })
    if (runs[0]) facts.push({ topic: 'jobs', text: `${cronJobJobName(o.name, runs[0])}, … (one per run); kept: ${spec.successfulJobsHistoryLimit ?? 3} succeeded, ${spec.failedJobsHistoryLimit ?? 1} failed` })
  }
  const concurrency: Record<string, string> = {
    Allow: 'a run starts even while the previous one is still running',
    Forbid: 'a run is skipped while the previous one is still running',
    Replace: 'a run replaces the previous one if it is still running',
  }
  facts.push({ topic: 'overlap', text: concurrency[spec.concurrencyPolicy ?? 'Allow'] ?? '' })
  if (typeof spec.startingDeadlineSeconds === 'number') facts.push({ topic: 'deadline', text: `a run not started within ${spec.startingDeadlineSeconds} s of its time is skipped` })
  // the Jobs it creates get the Job defaults then: one completion at a time when neither count is set
  const template = spec.jobTemplate?.spec
  const jobSpec = template && { ...template, parallelism: template.parallelism ?? 1, completions: template.completions ?? (template.parallelism == null ? 1 : undefined) }
  if (jobSpec) facts.push(...job(`${o.name}-<minutes>`, jobSpec, o, run).facts.map((f) => ({ ...f, topic: `job ${f.topic}` })))
  return { summary: `"${spec.schedule}", ${shownZone}`, facts }
}

function service(o: IndexedObject, run: Run): Omit<Outcome, 'object'> {
  const spec = (o.value as Service).spec ?? {}
  const type = spec.type ?? 'ClusterIP'
  const headless = isHeadless(spec)
  const dns = serviceDnsName(o.name, o.namespace!, run.cluster.clusterDomain)
  const facts: Fact[] = []
  if (type === 'ExternalName') {
    facts.push({ topic: 'DNS', text: `${dns} → CNAME ${spec.externalName}; no endpoints, no port remapping` })
    return { summary: 'ExternalName', facts }
  }
  facts.push({ topic: 'DNS', text: `${dns} → ${headless ? 'the IPs of its ready pods' : `the cluster IP${spec.clusterIP ? ` ${spec.clusterIP}` : ''}`}` })
  const selector = spec.selector
  if (!selector || Object.keys(selector).length === 0) {
    facts.push({ topic: 'endpoints', text: 'none managed: no selector, so its Endpoints/EndpointSlices are written by hand or by another controller' })
  } else {
    const selected = run.index.podsSelectedBy(o.namespace, selector)
    if (selected.length === 0) facts.push({ topic: 'endpoints', text: `✘ none: nothing in the input creates pods with ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ')}`, status: 'problem' })
    for (const holder of selected) {
      const ports = (spec.ports ?? []).map((p) => {
        const target = p.targetPort ?? p.port
        const resolved = typeof target === 'string' ? namedPort(holder.pods?.spec, target, p.protocol ?? 'TCP') : target
        return `${p.port}→${resolved ?? `✘ "${target}" (no container port of that name: left out)`}${typeof target === 'string' && resolved !== undefined ? ` ("${target}")` : ''}`
      })
      const ready = spec.publishNotReadyAddresses ? 'ready or not' : 'once Ready'
      facts.push({ topic: 'endpoints', text: `pods of ${named(holder, run)} (${where(holder)}) on ${ports.join(', ') || 'no ports'} ${ready}` })
    }
  }
  if (type === 'NodePort' || type === 'LoadBalancer') {
    const nodePorts = (spec.ports ?? []).map((p) => (p.nodePort ? String(p.nodePort) : `a free port in ${run.cluster.nodePortRange.min}-${run.cluster.nodePortRange.max}`))
    facts.push({ topic: 'node ports', text: `${nodePorts.join(', ')} on every node` })
  }
  return { summary: headless ? 'headless' : type, facts }
}

function namedPort(spec: PodSpec | undefined, name: string, protocol: string): number | undefined {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')]
  for (const c of containers) for (const p of c.ports ?? []) if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort
  return undefined
}

function ingress(o: IndexedObject, run: Run): Omit<Outcome, 'object'> {
  const spec = (o.value as Ingress).spec ?? {}
  const facts: Fact[] = []
  const backend = (b: IngressServiceBackend | undefined) => {
    if (!b) return { text: 'a resource backend', status: undefined }
    const port = b.port?.name ? `"${b.port.name}"` : String(b.port?.number ?? '?')
    const svc = run.index.get('Service', o.namespace, b.name)
    if (!svc) {
      const known = run.index.exists('Service', o.namespace, b.name)
      return { text: `Service ${b.name}:${port} ${known ? '(outside the input)' : '✘ not found: 503'}`, status: known ? undefined : ('problem' as const) }
    }
    const ports = svc.accepted ? ((svc.value as Service).spec?.ports ?? []) : []
    const has = ports.some((p) => (b.port?.name ? p.name === b.port.name : p.port === b.port?.number))
    return { text: `Service ${b.name}:${port} ${has ? `✔ (${where(svc)})` : `✘ the Service has no such port: 503 (${where(svc)})`}`, status: has ? ('ok' as const) : ('problem' as const) }
  }
  for (const rule of spec.rules ?? []) {
    for (const p of rule.http?.paths ?? []) {
      const b = backend(p.backend?.service)
      facts.push({ topic: 'route', text: `${rule.host ?? '*'}${p.path ?? '/'} (${p.pathType}) → ${b.text}`, ...(b.status ? { status: b.status } : {}) })
    }
  }
  if (spec.defaultBackend) {
    const b = backend(spec.defaultBackend.service)
    facts.push({ topic: 'default', text: `everything else → ${b.text}`, ...(b.status ? { status: b.status } : {}) })
  }
  for (const tls of spec.tls ?? []) {
    const known = tls.secretName ? run.index.exists('Secret', o.namespace, tls.secretName) : false
    const hosts = (tls.hosts ?? []).join(', ') || 'every host'
    facts.push(
      tls.secretName
        ? { topic: 'TLS', text: `${hosts} with Secret ${tls.secretName}${known ? '' : ' ✘ not found: the controller serves its default certificate'}`, ...(known ? {} : { status: 'problem' as const }) }
        : { topic: 'TLS', text: `${hosts} with the controller's default certificate (no secretName)` },
    )
  }
  const className = spec.ingressClassName ?? (o.value.metadata?.annotations as Record<string, string> | undefined)?.['kubernetes.io/ingress.class']
  return { summary: className ? `class ${className}` : 'the default IngressClass', facts }
}

function hpa(o: IndexedObject, run: Run): Omit<Outcome, 'object'> | undefined {
  const view = hpaView(o.apiVersion, o.value as HPAv1 | HPAv2)
  if (!view) return undefined
  const ref = view.scaleTargetRef
  const min = view.minReplicas
  const max = view.maxReplicas ?? min
  const metrics = utilizationMetrics(view)
  const described = view.metrics.map((m) => {
    const source = m.resource ?? m.containerResource
    const t = source?.target
    if (source && typeof t?.averageUtilization === 'number' && !t.averageValue) return `${source.name} ${t.averageUtilization}% of requests${m.containerResource ? ` (container ${m.containerResource.container})` : ''}`
    if (source) return `${source.name} ${t?.averageValue ?? t?.value ?? '?'} per pod`
    return `${m.type} metric`
  })
  const target = ref?.kind && ref.name ? run.index.get(ref.kind, o.namespace, ref.name) : undefined
  const facts: Fact[] = []
  const targetText = target ? `${ref!.kind} ${ref!.name} (${where(target)})` : `${ref?.kind} ${ref?.name} (not in the input)`
  facts.push({ topic: 'target', text: `${targetText}, ${min}–${max} replicas, ${described.join(', ') || 'cpu 80% of requests'}` })
  const spec = target?.pods?.spec
  if (spec && metrics.length) {
    const missing = metrics.flatMap((m) => missingRequests({ resource: m.resource, ...(m.container ? { container: m.container } : {}) }, spec).map((c) => `container ${c.container} has no ${m.resource} request`))
    facts.push(
      missing.length
        ? { topic: 'metrics', text: `✘ cannot be computed: ${[...new Set(missing)].join('; ')}`, status: 'problem' }
        : { topic: 'metrics', text: '✔ can be computed (every container sets the requests)', status: 'ok' },
    )
  }
  if (metrics[0]) {
    const m = metrics[0]
    const at = (factor: number) => desiredForUtilization({ current: min, utilization: Math.round(m.targetPercent * factor), target: m.targetPercent, min, max })
    facts.push({ topic: 'scaling', text: `from ${min} pod${min === 1 ? '' : 's'}, ${m.resource} at ${Math.round(m.targetPercent * 1.5)}% → ${at(1.5)} pods, at ${m.targetPercent * 3}% → ${at(3)} pods (one step; then up to ${max})` })
  }
  const window = view.behavior?.scaleDown?.stabilizationWindowSeconds ?? 300
  facts.push({ topic: 'scale-down', text: `after ${window} s of lower recommendations (stabilization window)` })
  return { summary: `${min}–${max} replicas`, facts }
}

function pdb(o: IndexedObject, run: Run): Omit<Outcome, 'object'> {
  const p = o.value as PodDisruptionBudget
  const selector = p.spec?.selector ?? {}
  const selected = run.index.podsSelectedBy(o.namespace, selector)
  const facts: Fact[] = []
  if (selected.length === 0) {
    facts.push({ topic: 'pods', text: '✘ none in the input: the budget protects nothing (NoPods)', status: 'problem' })
    return { summary: budgetText(p), facts }
  }
  const scale = (h: IndexedObject) => (typeof (h.value.spec as { replicas?: number } | undefined)?.replicas === 'number' ? (h.value.spec as { replicas: number }).replicas : 1)
  const expected = selected.reduce((n, h) => n + scale(h), 0)
  facts.push({ topic: 'pods', text: selected.map((h) => `${named(h, run)} (${scale(h)})`).join(', ') })
  const budget = pdbBudget(p, { expected, matched: expected })
  facts.push(
    budget.disruptionsAllowed === 0
      ? { topic: 'evictions', text: `✘ none allowed even with every pod ready (needs ${budget.desiredHealthy} healthy of ${expected}): kubectl drain waits forever`, status: 'problem' }
      : { topic: 'evictions', text: `${budget.disruptionsAllowed} at a time with every pod ready (needs ${budget.desiredHealthy} healthy of ${expected})`, status: 'ok' },
  )
  return { summary: budgetText(p), facts }
}

const budgetText = (p: PodDisruptionBudget) =>
  p.spec?.minAvailable !== undefined ? `minAvailable ${p.spec.minAvailable}` : p.spec?.maxUnavailable !== undefined ? `maxUnavailable ${p.spec.maxUnavailable}` : 'no budget'

function networkPolicy(o: IndexedObject, run: Run): Omit<Outcome, 'object'> {
  const spec = (o.value as NetworkPolicy).spec ?? { podSelector: {} }
  const selector = spec.podSelector ?? {}
  const all = Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0
  const selected = run.index.podsSelectedBy(o.namespace, selector)
  const facts: Fact[] = [
    all
      ? { topic: 'pods', text: `every pod in namespace ${o.namespace}` }
      : selected.length
        ? { topic: 'pods', text: selected.map((h) => named(h, run)).join(', ') }
        : { topic: 'pods', text: '✘ none in the input: the policy does nothing', status: 'problem' },
  ]
  const types = spec.policyTypes ?? ['Ingress', ...(spec.egress ? ['Egress'] : [])]
  const peers = (list: NetworkPolicyPeer[] | null | undefined) => (!list || list.length === 0 ? 'anywhere' : `${list.length} peer${list.length === 1 ? '' : 's'}`)
  if (types.includes('Ingress')) {
    const rules = spec.ingress ?? []
    facts.push({ topic: 'ingress', text: rules.length ? rules.map((r) => `from ${peers(r.from)}${r.ports?.length ? ` on ${r.ports.map((p) => p.port ?? 'any port').join(', ')}` : ''}`).join('; ') : 'all incoming traffic denied' })
  }
  if (types.includes('Egress')) {
    const rules = spec.egress ?? []
    facts.push({ topic: 'egress', text: rules.length ? rules.map((r) => `to ${peers(r.to)}${r.ports?.length ? ` on ${r.ports.map((p) => p.port ?? 'any port').join(', ')}` : ''}`).join('; ') : 'all outgoing traffic denied' })
    const dns = rules.some((r) => !r.ports || r.ports.length === 0 || r.ports.some((p) => p.port === 53 || p.port === 'dns' || p.port === undefined))
    if (!dns) facts.push({ topic: 'DNS', text: '✘ no egress rule allows port 53: name lookups fail', status: 'problem' })
  }
  return { summary: types.join(', '), facts }
}

function autoscaled(o: IndexedObject, run: Run): Fact[] {
  for (const h of run.index.ofKind('HorizontalPodAutoscaler', o.namespace)) {
    const view = h.accepted ? hpaView(h.apiVersion, h.value as HPAv1 | HPAv2) : undefined
    if (view?.scaleTargetRef?.kind === o.kind && view.scaleTargetRef.name === o.name) {
      return [{ topic: 'replicas', text: `set by HorizontalPodAutoscaler ${h.name} (${where(h)}): ${view.minReplicas}–${view.maxReplicas ?? view.minReplicas}` }]
    }
  }
  return []
}

/** where the pods can run, when the cluster profile lists nodes */
function scheduling(o: IndexedObject, run: Run, daemonSet: boolean): Fact[] {
  const nodes = run.cluster.nodes
  const spec = o.pods?.spec
  if (!nodes || !spec) return []
  const placed = placement(spec, nodes, { daemonSet })
  const fits = placed.filter((p) => p.fits)
  const count = (ps: typeof placed) => ps.reduce((n, p) => n + p.node.count, 0)
  const total = count(placed)
  const reasons = placed.filter((p) => !p.fits).map((p) => `${p.node.name}: ${p.reason === 'selector' ? 'nodeSelector/affinity do not match' : p.reason === 'taint' ? `untolerated taint ${p.detail}` : p.detail}`)
  if (fits.length === 0) return [{ topic: 'nodes', text: `✘ none of the ${total} nodes can run these pods (${reasons.join('; ')}): they stay Pending`, status: 'problem' }]
  const skipped = reasons.length ? `; not on ${reasons.join('; ')}` : ''
  return [{ topic: 'nodes', text: `${daemonSet ? 'runs on' : 'can run on'} ${count(fits)} of ${total} (${fits.map((p) => p.node.name).join(', ')})${skipped}` }]
}
