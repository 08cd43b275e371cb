// The controller simulations against the worked examples of k8s-semantics Part B (B.1, B.5, B.7, B.8, B.9).
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Deployment } from 'kubernetes-types/apps/v1.js'
import type { HorizontalPodAutoscaler as HPAv1 } from 'kubernetes-types/autoscaling/v1.js'
import type { HorizontalPodAutoscaler as HPAv2 } from 'kubernetes-types/autoscaling/v2.js'
import type { NodeSelectorTerm, PodSpec, Toleration } from 'kubernetes-types/core/v1.js'
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1.js'
import type { NodeProfile, NodeTaint } from '../src/config.js'
import { desiredForUtilization, desiredReplicas, missingRequests, utilizationMetrics } from '../src/simulate/hpa.js'
import { jobPlan } from '../src/simulate/job.js'
import { blocksAllEvictions, pdbBudget } from '../src/simulate/pdb.js'
import { deploymentRollout, scaledValue } from '../src/simulate/rollout.js'
import { daemonSetTolerations, nodeSelectorMatches, placement, podRequests, tolerates } from '../src/simulate/scheduling.js'
import { hpaView } from '../src/validation/autoscaling.js'
import { formatQuantity } from '../src/validation/quantity.js'

const rolling = (replicas: number, maxSurge: number | string, maxUnavailable: number | string): Deployment => ({
  spec: { replicas, selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
})

test('scaledValue: ints as they are, percents rounded up or down', () => {
  assert.equal(scaledValue(3, 10, true), 3)
  assert.equal(scaledValue('25%', 10, true), 3)
  assert.equal(scaledValue('25%', 10, false), 2)
  assert.equal(scaledValue('50%', 3, true), 2)
  assert.equal(scaledValue(undefined, 10, true), 0)
  assert.equal(scaledValue('25%', 0, true), 0)
})

test('B.1 fencepost table', () => {
  const rows: [number, number | string, number | string, { surge: number; unavailable: number; maxPods: number; minAvailable: number; forced: boolean }][] = [
    [1, '25%', '25%', { surge: 1, unavailable: 0, maxPods: 2, minAvailable: 1, forced: false }],
    [3, '25%', '25%', { surge: 1, unavailable: 0, maxPods: 4, minAvailable: 3, forced: false }],
    [4, '25%', '25%', { surge: 1, unavailable: 1, maxPods: 5, minAvailable: 3, forced: false }],
    [10, '25%', '25%', { surge: 3, unavailable: 2, maxPods: 13, minAvailable: 8, forced: false }],
    [10, 0, 1, { surge: 0, unavailable: 1, maxPods: 10, minAvailable: 9, forced: false }],
    [3, '0%', '10%', { surge: 0, unavailable: 1, maxPods: 3, minAvailable: 2, forced: true }],
  ]
  for (const [replicas, surge, unavailable, want] of rows) {
    const plan = deploymentRollout(rolling(replicas, surge, unavailable))
    const got = { surge: plan.maxSurge, unavailable: plan.maxUnavailable, maxPods: plan.maxPods, minAvailable: plan.minAvailable, forced: plan.forcedUnavailable }
    assert.deepEqual(got, want, `R=${replicas} ${surge}/${unavailable}`)
    assert.equal(plan.strategy, 'RollingUpdate')
    assert.equal(plan.downtime, false)
  }
})

test('B.1 edges: no replicas, unavailable above replicas, Recreate, replicas absent', () => {
  const zero = deploymentRollout(rolling(0, '25%', '25%'))
  assert.deepEqual([zero.maxUnavailable, zero.maxPods, zero.minAvailable, zero.forcedUnavailable], [0, 0, 0, false])
  const over = deploymentRollout(rolling(2, 0, 5))
  assert.deepEqual([over.maxUnavailable, over.minAvailable], [2, 0])
  const recreate = deploymentRollout({ spec: { replicas: 3, selector: {}, template: {}, strategy: { type: 'Recreate' } } })
  assert.deepEqual(recreate, { strategy: 'Recreate', replicas: 3, maxSurge: 0, maxUnavailable: 3, forcedUnavailable: false, maxPods: 3, minAvailable: 0, downtime: true })
  assert.equal(deploymentRollout({ spec: { replicas: 0, selector: {}, template: {}, strategy: { type: 'Recreate' } } }).downtime, false)
  const absent = deploymentRollout({ spec: { selector: {}, template: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } } })
  assert.deepEqual([absent.replicas, absent.maxPods, absent.minAvailable], [1, 2, 1])
})

test('B.5 worked examples', () => {
  const range = { min: 1, max: 10 }
  assert.equal(desiredForUtilization({ current: 4, utilization: 90, target: 60, ...range }), 6)
  assert.equal(desiredForUtilization({ current: 4, utilization: 64, target: 60, ...range }), 4, 'ratio 1.067 is within the tolerance')
  assert.equal(desiredForUtilization({ current: 5, utilization: 20, target: 50, ...range }), 2)
})

test('B.5 desiredReplicas: tolerance, clamping, out-of-range and zero targets', () => {
  assert.equal(desiredReplicas({ current: 4, ratio: 1.1, min: 1, max: 10 }), 4, 'the tolerance bound is inclusive')
  assert.equal(desiredReplicas({ current: 4, ratio: 1.2, min: 1, max: 10 }), 5)
  assert.equal(desiredReplicas({ current: 4, ratio: 1.2, tolerance: 0.25, min: 1, max: 10 }), 4)
  assert.equal(desiredReplicas({ current: 4, ratio: 5, min: 1, max: 10 }), 10)
  assert.equal(desiredReplicas({ current: 4, ratio: 0.1, min: 3, max: 10 }), 3)
  assert.equal(desiredReplicas({ current: 12, ratio: 0.1, min: 1, max: 10 }), 10, 'above max goes to max before metrics are read')
  assert.equal(desiredReplicas({ current: 1, ratio: 3, min: 2, max: 10 }), 2, 'below min goes to min before metrics are read')
  assert.equal(desiredReplicas({ current: 0, ratio: 3, min: 1, max: 10 }), 0, 'a target scaled to 0 turns autoscaling off')
})

const app = (name: string, requests?: Record<string, string>, limits?: Record<string, string>) => ({ name, image: 'x', resources: { requests, limits } })

test('missingRequests: containers and native sidecars without the request', () => {
  const spec: PodSpec = {
    containers: [app('app', { cpu: '100m' }), app('worker', { memory: '1Gi' })],
    initContainers: [
      { ...app('istio-proxy', { memory: '64Mi' }), restartPolicy: 'Always' },
      app('migrate'), // a plain init container is not measured
    ],
  }
  assert.deepEqual(missingRequests({ resource: 'cpu' }, spec), [
    { container: 'worker', list: 'containers', index: 1 },
    { container: 'istio-proxy', list: 'initContainers', index: 0 },
  ])
  assert.deepEqual(missingRequests({ resource: 'cpu', container: 'app' }, spec), [], 'ContainerResource looks at its container only')
  assert.deepEqual(missingRequests({ resource: 'cpu', container: 'istio-proxy' }, spec), [{ container: 'istio-proxy', list: 'initContainers', index: 0 }])
  assert.deepEqual(missingRequests({ resource: 'memory' }, spec), [{ container: 'app', list: 'containers', index: 0 }])
})

test('missingRequests: a limit becomes the request; pod-level requests cover every container', () => {
  assert.deepEqual(missingRequests({ resource: 'cpu' }, { containers: [app('app', undefined, { cpu: '1' })] }), [])
  const podLevel = { containers: [app('app')], resources: { requests: { cpu: '1' } } } as PodSpec
  assert.deepEqual(missingRequests({ resource: 'cpu' }, podLevel), [])
  assert.deepEqual(missingRequests({ resource: 'memory' }, podLevel), [{ container: 'app', list: 'containers', index: 0 }])
})

test('utilizationMetrics: Utilization targets of v2 and v1', () => {
  const v2: HPAv2 = {
    spec: {
      scaleTargetRef: { kind: 'Deployment', name: 'web' },
      maxReplicas: 5,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
        { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 70 } } },
        { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
        // the controller goes by the field set, whatever the type says
        { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageUtilization: 50 } } },
      ],
    },
  }
  assert.deepEqual(utilizationMetrics(hpaView('autoscaling/v2', v2)!), [
    { index: 0, path: ['spec', 'metrics', 0, 'resource', 'target', 'averageUtilization'], type: 'Resource', resource: 'cpu', targetPercent: 60 },
    { index: 2, path: ['spec', 'metrics', 2, 'containerResource', 'target', 'averageUtilization'], type: 'ContainerResource', resource: 'cpu', container: 'app', targetPercent: 70 },
    { index: 4, path: ['spec', 'metrics', 4, 'resource', 'target', 'averageUtilization'], type: 'Resource', resource: 'memory', targetPercent: 50 },
  ])
  const v1 = (target?: number): HPAv1 => ({ spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 5, targetCPUUtilizationPercentage: target } })
  const cpu = (targetPercent: number) => [{ index: 0, path: ['spec', 'targetCPUUtilizationPercentage'], type: 'Resource', resource: 'cpu', targetPercent }]
  assert.deepEqual(utilizationMetrics(hpaView('autoscaling/v1', v1(50))!), cpu(50))
  assert.deepEqual(utilizationMetrics(hpaView('autoscaling/v1', v1())!), cpu(80), 'v1 with no target is cpu at 80%')
})

const pdb = (spec: PodDisruptionBudget['spec']): PodDisruptionBudget => ({ spec })

test('B.9 examples', () => {
  const three = { expected: 3, matched: 3 }
  assert.deepEqual(pdbBudget(pdb({ minAvailable: '50%' }), three), { expectedPods: 3, desiredHealthy: 2, disruptionsAllowed: 1 })
  assert.deepEqual(pdbBudget(pdb({ maxUnavailable: '50%' }), three), { expectedPods: 3, desiredHealthy: 1, disruptionsAllowed: 2 })
  assert.deepEqual(pdbBudget(pdb({ minAvailable: 2 }), { expected: 5, matched: 5 }), { expectedPods: 5, desiredHealthy: 2, disruptionsAllowed: 3 })
  assert.equal(pdbBudget(pdb({ maxUnavailable: 0 }), three).disruptionsAllowed, 0)
  assert.equal(pdbBudget(pdb({ maxUnavailable: '0%' }), three).disruptionsAllowed, 0)
  assert.equal(pdbBudget(pdb({ minAvailable: '100%' }), three).disruptionsAllowed, 0)
  assert.equal(pdbBudget(pdb({ minAvailable: 1 }), { expected: 1, matched: 1 }).disruptionsAllowed, 0, 'single replica with minAvailable 1')
  assert.ok(blocksAllEvictions(pdb({ minAvailable: 3 }), three))
  assert.ok(!blocksAllEvictions(pdb({ minAvailable: 2 }), three))
  assert.ok(!blocksAllEvictions(pdb({ minAvailable: 3 }), { expected: 0, matched: 0 }), 'no pods, nothing to block')
})

test('B.9 edges: minAvailable int counts matched pods; no expected pods allows nothing', () => {
  assert.deepEqual(pdbBudget(pdb({ minAvailable: 2 }), { expected: 10, matched: 4 }), { expectedPods: 4, desiredHealthy: 2, disruptionsAllowed: 2 })
  assert.equal(pdbBudget(pdb({ maxUnavailable: 1 }), { expected: 0, matched: 2 }).disruptionsAllowed, 0)
  assert.deepEqual(pdbBudget(pdb({}), { expected: 3, matched: 3 }), { expectedPods: 0, desiredHealthy: 0, disruptionsAllowed: 0 })
})

test('B.7 jobPlan', () => {
  assert.deepEqual(jobPlan('pi', { template: {}, parallelism: 1, completions: 1, backoffLimit: 6, completionMode: 'NonIndexed' }), {
    completionMode: 'NonIndexed',
    parallelism: 1,
    completions: 1,
    activeAtStart: 1,
    backoffLimit: 6,
    retryDelaysSeconds: [10, 20, 40, 80, 160, 320],
    podNames: 'pi-xxxxx',
  })
  const indexed = jobPlan('batch', { template: {}, parallelism: 3, completions: 5, backoffLimit: 10, completionMode: 'Indexed', activeDeadlineSeconds: 600, ttlSecondsAfterFinished: 100 })
  assert.equal(indexed.activeAtStart, 3)
  assert.deepEqual(indexed.retryDelaysSeconds, [10, 20, 40, 80, 160, 320, 600])
  assert.equal(indexed.podNames, 'batch-0-xxxxx … batch-4-xxxxx')
  assert.equal(indexed.activeDeadlineSeconds, 600)
  assert.equal(indexed.ttlSecondsAfterFinished, 100)
  assert.equal(jobPlan('two', { template: {}, completions: 2, parallelism: 2, completionMode: 'Indexed' }).podNames, 'two-0-xxxxx, two-1-xxxxx')
  const queue = jobPlan('q', { template: {}, parallelism: 4, backoffLimit: 0 })
  assert.deepEqual([queue.completions, queue.activeAtStart, queue.retryDelaysSeconds], [null, 4, []])
  assert.equal(jobPlan('s', { template: {}, parallelism: 2, completions: 2, suspend: true }).activeAtStart, 0)
  assert.equal(jobPlan('few', { template: {}, parallelism: 5, completions: 2 }).activeAtStart, 2)
})

test('B.2 job pod names: long bases are cut to 58 characters, an index is kept', () => {
  const long = 'a'.repeat(63)
  assert.equal(jobPlan(long, { template: {} }).podNames, `${'a'.repeat(58)}xxxxx`)
  assert.equal(jobPlan(long, { template: {}, completions: 1, completionMode: 'Indexed' }).podNames, `${'a'.repeat(55)}-0-xxxxx`)
})

const taint = (key: string, effect: NodeTaint['effect'], value?: string): NodeTaint => ({ key, effect, ...(value !== undefined ? { value } : {}) })

test('B.8 toleration matching', () => {
  const gpu = taint('dedicated', 'NoSchedule', 'gpu')
  const t = (toleration: Toleration) => tolerates([toleration], gpu)
  assert.ok(t({ operator: 'Exists' }), 'empty key with Exists tolerates everything')
  assert.ok(t({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }))
  assert.ok(t({ key: 'dedicated', value: 'gpu' }), 'no operator is Equal; no effect matches all')
  assert.ok(!t({ key: 'dedicated', operator: 'Equal', value: 'db' }), 'Equal needs the same value')
  assert.ok(!t({ key: 'dedicated', operator: 'Equal' }), 'Equal with no value needs a taint with no value')
  assert.ok(t({ key: 'dedicated', operator: 'Exists' }), 'Exists ignores the value')
  assert.ok(!t({ key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }), 'the effect must agree when set')
  assert.ok(!t({ key: 'other', operator: 'Exists' }))
  assert.ok(tolerates([{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }], taint('node-role.kubernetes.io/control-plane', 'NoSchedule')))
  assert.ok(!tolerates(undefined, gpu))
  assert.ok(!tolerates([], gpu))
})

test('B.8 DaemonSet tolerations: the automatic ones, network-unavailable only with hostNetwork', () => {
  const keys = (spec: PodSpec) => daemonSetTolerations(spec).map((t) => `${t.key}:${t.effect}`)
  const auto = [
    'node.kubernetes.io/not-ready:NoExecute',
    'node.kubernetes.io/unreachable:NoExecute',
    'node.kubernetes.io/disk-pressure:NoSchedule',
    'node.kubernetes.io/memory-pressure:NoSchedule',
    'node.kubernetes.io/pid-pressure:NoSchedule',
    'node.kubernetes.io/unschedulable:NoSchedule',
  ]
  assert.deepEqual(keys({ containers: [] }), auto)
  assert.deepEqual(keys({ containers: [], hostNetwork: true }), [...auto, 'node.kubernetes.io/network-unavailable:NoSchedule'])
  const own = { key: 'dedicated', operator: 'Exists' }
  const withSeconds = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }
  const merged = daemonSetTolerations({ containers: [], tolerations: [own, withSeconds] })
  assert.deepEqual(merged.slice(0, 2), [own, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }], 'an identical toleration is replaced')
  assert.equal(merged.length, 7)
})

const node = (name: string, over: Partial<NodeProfile> = {}): NodeProfile => ({
  name,
  count: 1,
  labels: {},
  taints: [],
  allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
  ...over,
})

test('B.8 a DaemonSet skips control-plane nodes unless it tolerates their taint', () => {
  const controlPlane = node('cp', { taints: [taint('node-role.kubernetes.io/control-plane', 'NoSchedule')] })
  const nodes = [controlPlane, node('worker', { taints: [taint('node.kubernetes.io/unschedulable', 'NoSchedule'), taint('spot', 'PreferNoSchedule')] })]
  const spec: PodSpec = { containers: [app('agent', { cpu: '100m' })] }
  assert.deepEqual(placement(spec, nodes, { daemonSet: true }), [
    { node: controlPlane, fits: false, reason: 'taint', detail: 'node-role.kubernetes.io/control-plane:NoSchedule' },
    { node: nodes[1], fits: true },
  ])
  assert.equal(placement(spec, nodes, { daemonSet: false })[1].reason, 'taint', 'a plain pod lacks the automatic tolerations')
  const tolerant = { ...spec, tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }
  assert.ok(placement(tolerant, nodes, { daemonSet: true }).every((p) => p.fits))
  const gpuNode = node('gpu', { taints: [taint('dedicated', 'NoSchedule', 'gpu')] })
  assert.equal(placement(spec, [gpuNode], { daemonSet: true })[0].detail, 'dedicated=gpu:NoSchedule')
})

test('B.8 nodeSelector and required node affinity', () => {
  const n = node('n1', { labels: { zone: 'a', disktype: 'ssd', cores: '16' } })
  const affinity = (...terms: NodeSelectorTerm[]): PodSpec => ({
    containers: [],
    affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } },
  })
  const expr = (key: string, operator: string, values?: string[]) => affinity({ matchExpressions: [{ key, operator, values }] })
  assert.ok(nodeSelectorMatches({ containers: [], nodeSelector: { zone: 'a', disktype: 'ssd' } }, n))
  assert.ok(!nodeSelectorMatches({ containers: [], nodeSelector: { zone: 'a', disktype: 'hdd' } }, n))
  assert.ok(nodeSelectorMatches(expr('zone', 'In', ['a', 'b']), n))
  assert.ok(!nodeSelectorMatches(expr('zone', 'In', ['b']), n))
  assert.ok(nodeSelectorMatches(expr('zone', 'NotIn', ['b']), n))
  assert.ok(nodeSelectorMatches(expr('gpu', 'NotIn', ['yes']), n), 'NotIn holds for a missing label')
  assert.ok(nodeSelectorMatches(expr('disktype', 'Exists'), n))
  assert.ok(!nodeSelectorMatches(expr('disktype', 'DoesNotExist'), n))
  assert.ok(nodeSelectorMatches(expr('cores', 'Gt', ['8']), n))
  assert.ok(!nodeSelectorMatches(expr('cores', 'Gt', ['16']), n))
  assert.ok(nodeSelectorMatches(expr('cores', 'Lt', ['32']), n))
  assert.ok(!nodeSelectorMatches(expr('zone', 'Gt', ['1']), n), 'Gt needs an integer label')
  assert.ok(!nodeSelectorMatches(expr('missing', 'Lt', ['1']), n))
  assert.ok(nodeSelectorMatches(affinity({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }), n))
  assert.ok(!nodeSelectorMatches(affinity({ matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n1'] }] }), n))
  // terms are ORed, requirements within a term ANDed
  assert.ok(nodeSelectorMatches(affinity({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }, { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }), n))
  assert.ok(!nodeSelectorMatches(affinity({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disktype', operator: 'In', values: ['hdd'] }] }), n))
  assert.ok(!nodeSelectorMatches(affinity({}), n), 'an empty term matches nothing')
  const both = { ...expr('zone', 'In', ['a']), nodeSelector: { disktype: 'hdd' } }
  assert.ok(!nodeSelectorMatches(both, n), 'nodeSelector and affinity must both hold')
  assert.equal(placement(expr('zone', 'In', ['b']), [n], { daemonSet: false })[0].reason, 'selector')
})

test('podRequests: containers and sidecars summed, init containers at their peak, overhead added', () => {
  const show = (spec: PodSpec) => Object.fromEntries(Object.entries(podRequests(spec)).map(([k, q]) => [k, formatQuantity(q)]))
  assert.deepEqual(show({ containers: [app('a', { cpu: '500m', memory: '1Gi' }), app('b', { cpu: '250m' }, { memory: '512Mi' })] }), { cpu: '750m', memory: '1536Mi' })
  // sidecar 100m, then an init container of 2 cpu alongside it: peak 2100m beats containers + sidecar 600m
  const init: PodSpec = {
    containers: [app('a', { cpu: '500m' })],
    initContainers: [{ ...app('proxy', { cpu: '100m' }), restartPolicy: 'Always' }, app('migrate', { cpu: '2' })],
  }
  assert.deepEqual(show(init), { cpu: '2100m' })
  // an init container before the sidecar does not run beside it
  assert.deepEqual(show({ ...init, initContainers: [app('migrate', { cpu: '2' }), { ...app('proxy', { cpu: '100m' }), restartPolicy: 'Always' }] }), { cpu: '2' })
  assert.deepEqual(show({ containers: [app('a', { cpu: '1' })], overhead: { cpu: '250m' } }), { cpu: '1250m' })
  assert.deepEqual(show({ containers: [app('a', { cpu: '1', memory: '1Gi' })], resources: { requests: { cpu: '3' } } } as PodSpec), { cpu: '3', memory: '1Gi' })
})

test('placement: a pod asking for 8 cpu on 4-cpu nodes; a GPU on nodes without GPUs', () => {
  const nodes = [node('a'), node('b')]
  const big = placement({ containers: [app('app', { cpu: '8' })] }, nodes, { daemonSet: false })
  assert.deepEqual(big.map((p) => [p.fits, p.reason, p.detail]), [
    [false, 'resources', 'cpu: requests 8, allocatable 4'],
    [false, 'resources', 'cpu: requests 8, allocatable 4'],
  ])
  const gpu = placement({ containers: [app('train', undefined, { 'nvidia.com/gpu': '1' })] }, nodes, { daemonSet: false })
  assert.deepEqual(gpu[0].detail, 'nvidia.com/gpu: requests 1, allocatable 0')
  const withGpu = node('g', { allocatable: { 'nvidia.com/gpu': '2' } })
  assert.ok(placement({ containers: [app('train', undefined, { 'nvidia.com/gpu': '1' })] }, [withGpu], { daemonSet: false })[0].fits)
  assert.ok(placement({ containers: [app('app', { cpu: '64', memory: '1Ti' })] }, [node('unknown', { allocatable: {} })], { daemonSet: false })[0].fits, 'cpu and memory not listed are unknown')
  assert.ok(placement({ containers: [app('app', { cpu: '4' })] }, nodes, { daemonSet: false })[0].fits, 'exactly the allocatable fits')
})
