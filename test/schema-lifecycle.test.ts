// Which Kubernetes versions serve an apiVersion/kind, deprecations, removals and replacements.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { builtinKind, DEFAULT_KUBERNETES_VERSION, isSupportedVersion, SUPPORTED_KUBERNETES_VERSIONS } from '../src/schema/index.js'

function status(version: string, apiVersion: string, kind: string): Record<string, unknown> {
  const { validate: _, ...rest } = builtinKind(version, apiVersion, kind) as Record<string, unknown>
  return rest
}

test('supported versions', () => {
  assert.deepEqual(SUPPORTED_KUBERNETES_VERSIONS, ['1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35'])
  assert.equal(DEFAULT_KUBERNETES_VERSION, '1.35')
  assert.equal(isSupportedVersion('1.30'), true)
  assert.equal(isSupportedVersion('1.22'), false)
  assert.equal(isSupportedVersion('v1.30'), false)
  assert.throws(() => builtinKind('1.22', 'v1', 'Pod'), RangeError)
})

test('batch/v1beta1 CronJob: deprecated while served, then removed with batch/v1 as replacement', () => {
  assert.deepEqual(status('1.24', 'batch/v1beta1', 'CronJob'), {
    status: 'served',
    namespaced: true,
    deprecated: { since: '1.21', replacement: 'batch/v1', removedIn: '1.25' },
  })
  assert.deepEqual(status('1.35', 'batch/v1beta1', 'CronJob'), { status: 'removed', removedIn: '1.25', replacement: 'batch/v1' })
})

test('removals before 1.23 come from Pluto', () => {
  assert.deepEqual(status('1.35', 'extensions/v1beta1', 'Deployment'), { status: 'removed', removedIn: '1.16', replacement: 'apps/v1' })
  assert.deepEqual(status('1.23', 'networking.k8s.io/v1beta1', 'Ingress'), { status: 'removed', removedIn: '1.22', replacement: 'networking.k8s.io/v1' })
  // the curated replacement (policy/v1beta1) is itself gone by 1.35, and nothing else serves the kind
  assert.deepEqual(status('1.35', 'extensions/v1beta1', 'PodSecurityPolicy'), { status: 'removed', removedIn: '1.16' })
  assert.deepEqual(status('1.24', 'extensions/v1beta1', 'PodSecurityPolicy'), { status: 'removed', removedIn: '1.16', replacement: 'policy/v1beta1' })
})

test('autoscaling/v2beta2 HorizontalPodAutoscaler: served and deprecated in 1.25, removed in 1.26', () => {
  assert.deepEqual(status('1.25', 'autoscaling/v2beta2', 'HorizontalPodAutoscaler'), {
    status: 'served',
    namespaced: true,
    deprecated: { since: '1.23', replacement: 'autoscaling/v2', removedIn: '1.26' },
  })
  assert.deepEqual(status('1.26', 'autoscaling/v2beta2', 'HorizontalPodAutoscaler'), { status: 'removed', removedIn: '1.26', replacement: 'autoscaling/v2' })
})

test('where Pluto and the specs disagree about removal, the specs win', () => {
  // Pluto: removed in 1.29 and 1.33; the specs stop serving them in 1.26 and 1.32
  assert.deepEqual(status('1.26', 'flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema'), {
    status: 'removed',
    removedIn: '1.26',
    replacement: 'flowcontrol.apiserver.k8s.io/v1beta3',
  })
  assert.deepEqual(status('1.32', 'admissionregistration.k8s.io/v1alpha1', 'ValidatingAdmissionPolicy'), {
    status: 'removed',
    removedIn: '1.32',
    replacement: 'admissionregistration.k8s.io/v1',
  })
})

test('replacements follow the chain to an apiVersion the chosen version serves', () => {
  // Pluto names v1beta3, itself removed in 1.32, whose replacement is v1
  assert.equal((status('1.35', 'flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema') as { replacement: string }).replacement, 'flowcontrol.apiserver.k8s.io/v1')
  // Pluto names storage.k8s.io/v1, first served in 1.34: in 1.31 the beta is the way out
  assert.deepEqual(status('1.31', 'storage.k8s.io/v1alpha1', 'VolumeAttributesClass'), {
    status: 'served',
    namespaced: false,
    deprecated: { since: '1.31', replacement: 'storage.k8s.io/v1beta1', removedIn: '1.35' },
  })
  // no Pluto entry: the most stable version of the group that serves the kind
  assert.deepEqual(status('1.35', 'resource.k8s.io/v1alpha2', 'ResourceClaim'), { status: 'removed', removedIn: '1.31', replacement: 'resource.k8s.io/v1' })
})

test('kinds that come back after a gap are tracked per kind', () => {
  assert.equal(status('1.23', 'storage.k8s.io/v1alpha1', 'CSIStorageCapacity').status, 'served')
  assert.equal(status('1.29', 'storage.k8s.io/v1alpha1', 'CSIStorageCapacity').status, 'removed')
  assert.equal(status('1.28', 'storage.k8s.io/v1alpha1', 'VolumeAttributesClass').status, 'not-yet-served')
  assert.equal(status('1.29', 'storage.k8s.io/v1alpha1', 'VolumeAttributesClass').status, 'served')
})

test('a kind first served by a later version', () => {
  assert.deepEqual(status('1.30', 'resource.k8s.io/v1', 'ResourceClaim'), { status: 'not-yet-served', firstServedIn: '1.34' })
  assert.deepEqual(status('1.23', 'scheduling.k8s.io/v1alpha1', 'Workload'), { status: 'not-yet-served', firstServedIn: '1.35' })
})

test('unknown apiVersion/kind: maybe a custom resource', () => {
  assert.deepEqual(status('1.35', 'example.com/v1', 'Widget'), { status: 'unknown' })
  assert.deepEqual(status('1.35', 'apps/v1', 'Deploymnet'), { status: 'unknown' })
  assert.deepEqual(status('1.35', 'v1', 'toString'), { status: 'unknown' })
  assert.deepEqual(status('1.35', '__proto__', 'hasOwnProperty'), { status: 'unknown' })
})

test('scope comes from the API paths', () => {
  const scope = (apiVersion: string, kind: string, version = '1.35') => (builtinKind(version, apiVersion, kind) as { namespaced?: boolean }).namespaced
  assert.equal(scope('apps/v1', 'Deployment'), true)
  assert.equal(scope('v1', 'ConfigMap', '1.23'), true)
  assert.equal(scope('v1', 'Namespace'), false)
  assert.equal(scope('v1', 'PersistentVolume', '1.23'), false)
  assert.equal(scope('rbac.authorization.k8s.io/v1', 'ClusterRole'), false)
  assert.equal(scope('rbac.authorization.k8s.io/v1', 'RoleBinding'), true)
  assert.equal(scope('apiextensions.k8s.io/v1', 'CustomResourceDefinition'), false)
})
