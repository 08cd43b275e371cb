// Development aid: validates every object of the shared corpus of real, deployed manifests against Kubernetes
// 1.35 (custom resources against the CRDs found in the corpus). Any error here is either a defect of that
// manifest (listed below, with the reason) or a false positive of the schema stage.
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import { builtinKind, CrdRegistry, type SchemaIssue } from '../src/schema/index.js'

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/files/', import.meta.url))
const VERSION = '1.35'

// Findings checked by hand against the file and the schema: each is a real defect that the API server rejects.
// By file: why, and the findings as "<apiVersion>/<kind> <path>[ (<missing property>)] <code>".
const VERIFIED: Record<string, { why: string; findings: string[] }> = {
  'external-secrets__external-secrets__docs__snippets__full-cluster-secret-store.yaml': {
    why: 'documentation snippet listing every provider at once (the CRD allows one) with a "..." placeholder for a base64 caBundle',
    findings: ['external-secrets.io/v1/ClusterSecretStore spec.provider invalid-value', 'external-secrets.io/v1/ClusterSecretStore spec.provider.vault.caBundle invalid-format'],
  },
  'external-secrets__external-secrets__docs__snippets__gcpsm-wif-sa-secret-store.yaml': {
    why: 'placeholder `projectID: [PROJECT_ID]` is a YAML list, the CRD wants a string',
    findings: ['external-secrets.io/v1/SecretStore spec.provider.gcpsm.projectID invalid-type'],
  },
  'external-secrets__external-secrets__docs__snippets__github-push-secret.yaml': {
    why: 'secret name "EXTSERCRET" is not a DNS-1123 subdomain, which the CRD pattern requires',
    findings: ['external-secrets.io/v1alpha1/PushSecret spec.selector.secret.name invalid-value'],
  },
  'external-secrets__external-secrets__docs__snippets__github-secret-store.yaml': {
    why: 'placeholders "**app ID goes here**" in integer fields',
    findings: ['external-secrets.io/v1/SecretStore spec.provider.github.appID invalid-type', 'external-secrets.io/v1/SecretStore spec.provider.github.installationID invalid-type'],
  },
  'external-secrets__external-secrets__docs__snippets__oracle-instance-principal.yaml': {
    why: 'snippet without region and with an empty vault, both required by the CRD',
    findings: ['external-secrets.io/v1/SecretStore spec.provider.oracle (region) required', 'external-secrets.io/v1/SecretStore spec.provider.oracle (vault) required'],
  },
  'external-secrets__external-secrets__docs__snippets__oracle-principal-type.yaml': {
    why: 'snippet with a "<Principal Type>" placeholder and without the required region and vault',
    findings: [
      'external-secrets.io/v1/SecretStore spec.provider.oracle (region) required',
      'external-secrets.io/v1/SecretStore spec.provider.oracle (vault) required',
      'external-secrets.io/v1/SecretStore spec.provider.oracle.principalType invalid-enum',
    ],
  },
  'jpetazzo__container.training__k8s__coffees.yaml': {
    why: 'training material that shows CRD validation: with coffee-3.yaml installed, "bitterness" is unknown and a coffee without spec is refused',
    findings: ['container.training/v1alpha1/Coffee  (spec) required', 'container.training/v1alpha1/Coffee spec.bitterness unknown-field'],
  },
  'jpetazzo__container.training__k8s__pizzas.yaml': {
    why: 'training material: the "chocolate" pizza is there to be refused by the enum',
    findings: ['container.training/v1alpha1/Pizza spec.sauce invalid-enum'],
  },
  'kedacore__keda__config__samples__keda_v1alpha1_scaledjob.yaml': {
    why: 'sample with an empty `template:` ("## template" placeholder); the CRD requires it',
    findings: ['keda.sh/v1alpha1/ScaledJob spec.jobTargetRef (template) required'],
  },
  'kubernetes__examples___archived__volumes__rbd__rbd.yaml': {
    why: 'archived example: imageformat and imagefeatures are StorageClass parameters, not RBDVolumeSource fields',
    findings: ['v1/Pod spec.volumes[0].rbd.imagefeatures unknown-field', 'v1/Pod spec.volumes[0].rbd.imageformat unknown-field'],
  },
  'kubernetes__examples___archived__volumes__scaleio__pod.yaml': {
    why: 'archived example: typo "protectionDoamin" for protectionDomain',
    findings: ['v1/Pod spec.volumes[0].scaleIO.protectionDoamin unknown-field'],
  },
  'kubernetes__examples___archived__volumes__storageos__storageos-pv.yaml': {
    why: 'archived example: StorageOSPersistentVolumeSource has secretRef, not secretName',
    findings: ['v1/PersistentVolume spec.storageos.secretName unknown-field'],
  },
  'kubernetes__ingress-nginx__docs__examples__customization__ssl-dh-param__ssl-dh-param.yaml': {
    why: 'placeholder "...base64 encoded data..." in Secret data, which must be base64',
    findings: ['v1/Secret data[dhparam.pem] invalid-format'],
  },
  'open-telemetry__opentelemetry-operator__config__crd__patches__cainjection_in_opampbridges.yaml': {
    why: 'a kustomize patch (metadata only), not a whole CustomResourceDefinition',
    findings: ['apiextensions.k8s.io/v1/CustomResourceDefinition  (spec) required'],
  },
  'open-telemetry__opentelemetry-operator__config__crd__patches__cainjection_in_targetallocators.yaml': {
    why: 'a kustomize patch (metadata only), not a whole CustomResourceDefinition',
    findings: ['apiextensions.k8s.io/v1/CustomResourceDefinition  (spec) required'],
  },
  'prometheus-operator__prometheus-operator__example__user-guides__scrapeclass__scrapeclass-example-servicemonitor.yaml': {
    why: 'user-guide excerpt without spec.selector, which the ServiceMonitor CRD requires',
    findings: ['monitoring.coreos.com/v1/ServiceMonitor spec (selector) required'],
  },
  'strimzi__strimzi-kafka-operator__packaging__examples__metrics__strimzi-metrics-reporter__kafka-connect-metrics.yaml': {
    why: 'example without groupId and the storage topics, which the kafka.strimzi.io/v1 CRD of the corpus requires',
    findings: [
      'kafka.strimzi.io/v1/KafkaConnect spec (configStorageTopic) required',
      'kafka.strimzi.io/v1/KafkaConnect spec (groupId) required',
      'kafka.strimzi.io/v1/KafkaConnect spec (offsetStorageTopic) required',
      'kafka.strimzi.io/v1/KafkaConnect spec (statusStorageTopic) required',
    ],
  },
}

interface Finding {
  file: string
  /** as in VERIFIED */
  what: string
  issue: SchemaIssue
}

test('corpus: no schema errors on deployed manifests (Kubernetes 1.35)', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('../shared/corpus not found: corpus false-positive check skipped')
    return
  }
  const objects: { file: string; value: Record<string, unknown> }[] = []
  const registry = new CrdRegistry(VERSION)
  for (const file of readdirSync(CORPUS).sort()) {
    for (const value of readObjects(join(CORPUS, file))) {
      objects.push({ file, value })
      if (value.kind === 'CustomResourceDefinition') registry.add(value)
    }
  }
  const findings: Finding[] = []
  let validated = 0
  for (const { file, value } of objects) {
    const { apiVersion, kind } = value
    if (typeof apiVersion !== 'string' || typeof kind !== 'string') continue
    const status = builtinKind(VERSION, apiVersion, kind)
    const validator = status.status === 'served' ? status : status.status === 'unknown' ? registry.lookup(apiVersion, kind) : undefined
    if (!validator) continue
    validated++
    for (const issue of validator.validate(value)) {
      const missing = issue.code === 'required' ? ` (${issue.property})` : ''
      findings.push({ file, issue, what: `${apiVersion}/${kind} ${formatPath(issue.path)}${missing} ${issue.code}` })
    }
  }
  const byCode = new Map<string, number>()
  for (const f of findings) byCode.set(f.issue.code, (byCode.get(f.issue.code) ?? 0) + 1)
  t.diagnostic(`${objects.length} objects, ${validated} validated, ${findings.length} issues ${JSON.stringify(Object.fromEntries(byCode))}`)
  const verified = (f: Finding) => VERIFIED[f.file]?.findings.includes(f.what) === true
  for (const f of findings) t.diagnostic(`${f.file} ${f.what}: ${f.issue.message}${verified(f) ? ` [verified: ${VERIFIED[f.file].why}]` : ''}`)
  assert.deepEqual(findings.filter((f) => !verified(f)).map((f) => `${f.file} ${f.what}: ${f.issue.message}`), [])
})

// Kubernetes reads YAML 1.1 but keeps timestamps and base-60 numbers as strings (sigs.k8s.io/yaml).
function readObjects(path: string): Record<string, unknown>[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), {
    version: '1.1',
    merge: true,
    uniqueKeys: false,
    customTags: (tags) => tags.filter((tag) => typeof tag === 'string' || (tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME')),
  })
  const out: Record<string, unknown>[] = []
  const collect = (value: unknown) => {
    if (!isObject(value)) return
    if (value.kind === 'List' && Array.isArray(value.items)) value.items.forEach(collect)
    else out.push(value)
  }
  for (const doc of docs) if (doc.errors.length === 0) collect(doc.toJS({ maxAliasCount: -1 }))
  return out
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function formatPath(path: SchemaIssue['path']): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : typeof s === 'string' ? `${i === 0 ? '' : '.'}${s}` : `[${s.key}]`)).join('')
}
