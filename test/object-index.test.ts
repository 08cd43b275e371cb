// The run's index: namespaces (the configured default for objects that name none), lookups by name, pods by
// selector with controller-generated labels, what counts as existing, and how partial the input is.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { analyse } from '../src/lint.js'

const manifests = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers: [{ name: db, image: postgres:16 }]
---
apiVersion: v1
kind: Secret
metadata: { name: db, namespace: prod }
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: high }
value: 1000
---
apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata: { name: api-token, namespace: prod }
spec:
  encryptedData: { token: AgB4 }
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata: { name: old }
spec:
  template:
    metadata: { labels: { app: old } }
    spec:
      containers: [{ name: old, image: nginx }]
`

async function indexOf(cluster = {}) {
  const run = await analyse({ sources: [{ path: 'all.yaml', text: manifests }], cwd: '/', cluster })
  return run.index
}

test('objects that name no namespace are in the configured default; cluster-scoped ones in none', async () => {
  const index = await indexOf({ namespace: 'shop' })
  assert.equal(index.get('StatefulSet', 'shop', 'db')?.namespace, 'shop')
  assert.equal(index.get('Secret', 'prod', 'db')?.namespace, 'prod')
  assert.equal(index.get('PriorityClass', undefined, 'high')?.namespace, undefined)
  assert.equal(index.get('StatefulSet', 'default', 'db'), undefined)
})

test('pods by selector: labels the controller adds are taken as present, other namespaces are not searched', async () => {
  const index = await indexOf()
  assert.deepEqual(index.podsSelectedBy('default', { app: 'db' }).map((o) => o.name), ['db'])
  assert.deepEqual(index.podsSelectedBy('default', { app: 'db', 'statefulset.kubernetes.io/pod-name': 'db-0' }).map((o) => o.name), ['db'])
  assert.deepEqual(index.podsSelectedBy('default', { app: 'db', 'pod-template-hash': 'abc' }), [])
  assert.deepEqual(index.podsSelectedBy('prod', { app: 'db' }), [])
  assert.deepEqual(index.podsSelectedBy('default', { matchExpressions: [{ key: 'app', operator: 'In', values: ['db', 'web'] }] }).map((o) => o.name), ['db'])
})

test('an object of a removed API version is indexed, not accepted, and its pods still count', async () => {
  const index = await indexOf()
  const old = index.get('Deployment', 'default', 'old')
  assert.equal(old?.accepted, false)
  assert.deepEqual(index.podsSelectedBy('default', { app: 'old' }).map((o) => o.name), ['old'])
})

test('what exists: the input, objects every cluster has, the profile, names custom resources hold', async () => {
  const index = await indexOf({ existing: [{ kind: 'ConfigMap', namespace: 'prod', name: 'settings' }, { kind: 'Secret', name: 'registry' }, { kind: 'ClusterRole', name: 'view' }] })
  assert.ok(index.exists('Secret', 'prod', 'db'))
  assert.ok(!index.exists('Secret', 'default', 'db'))
  assert.ok(index.exists('ServiceAccount', 'anywhere', 'default'))
  assert.ok(index.exists('ConfigMap', 'prod', 'kube-root-ca.crt'))
  assert.ok(index.exists('PriorityClass', undefined, 'system-node-critical'))
  assert.ok(index.exists('ConfigMap', 'prod', 'settings'))
  assert.ok(!index.exists('ConfigMap', 'default', 'settings'))
  assert.ok(!index.exists('Secret', 'prod', 'settings'), 'the kind must be the same')
  assert.ok(index.exists('ClusterRole', undefined, 'view'), 'cluster-scoped')
  assert.ok(index.exists('Secret', 'default', 'registry'))
  assert.ok(index.exists('Secret', 'prod', 'api-token'), 'made by the SealedSecret of that name')
})

test('coverage: likely when the namespace has objects of the kind, partial when it has none', async () => {
  const index = await indexOf()
  assert.equal(index.coverage('Secret', 'prod'), 'likely')
  assert.equal(index.coverage('Secret', 'default'), 'partial')
})
